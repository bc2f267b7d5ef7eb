/**
 * Stagger planner benchmark: 50,000 people in 10 time zones (one Sunday-Thursday team) over two
 * 5-day windows in 30-minute slots: A, Mon-Fri (the DESIGN bound ceil(N/slots)+1 must hold), and
 * B, Thu-Mon across a weekend and a DST change (the bound is not achievable: the busiest slot must
 * instead equal the proven lower bound). Prints median plan time, spread figures and a per-person
 * ratio against a naive reference planner (one Intl call per person per slot, linear scan) run in
 * the same process on 500 people. Then C-F (issue 9): mixed zones with half-hour and 45-minute
 * offsets, per-person rules, prompt history, 30- and 5-minute slots (`planner-audiences.ts`). Every invariant is re-checked from scratch; any break exits 1.
 * Run: `npm run bench:planner` (`npx tsx bench/planner.bench.ts`).
 */
import { performance } from 'node:perf_hooks';
import { planStaggeredDelivery, type PlannerRecipient, type StaggerPlanInput } from '../src/shared/domain/stagger-planner.js';
import { createSeededRandom } from '../src/shared/domain/stagger-balance.js';
import { isMinuteInRange, toLocalTime, getIsoWeek } from '../src/shared/domain/time-zones.js';
import type { Weekday } from '../src/shared/domain/types.js';
import { makeMixedAudience, MIXED_ZONES } from './planner-audiences.js';

const N = 50_000;
const NAIVE_N = 500;
const RUNS = 5;
const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const SUN_THU: Weekday[] = [0, 1, 2, 3, 4];
const ZONES: { zone: string; days: Weekday[] }[] = [
  { zone: 'America/Los_Angeles', days: MON_FRI },
  { zone: 'America/New_York', days: MON_FRI },
  { zone: 'America/Sao_Paulo', days: MON_FRI },
  { zone: 'Europe/London', days: MON_FRI },
  { zone: 'Europe/Rome', days: MON_FRI },
  { zone: 'Europe/Moscow', days: MON_FRI },
  { zone: 'Asia/Jerusalem', days: SUN_THU },
  { zone: 'Asia/Bangkok', days: MON_FRI },
  { zone: 'Asia/Shanghai', days: MON_FRI },
  { zone: 'Asia/Tokyo', days: MON_FRI },
];
const HOURS = [
  { start: 8, end: 18 },
  { start: 9, end: 17 },
  { start: 7.5, end: 16 },
];

function makeInput(n: number, seed: number, window: { start: string; end: string }): StaggerPlanInput {
  const random = createSeededRandom(12345);
  const audience: PlannerRecipient[] = [];
  for (let i = 0; i < n; i += 1) {
    const zone = ZONES[i % ZONES.length] ?? ZONES[0]!;
    const prompts = Math.floor(random() * 3);
    audience.push({
      id: `emp-${i}`,
      timeZone: zone.zone,
      workingDays: zone.days,
      allowedHours: HOURS[Math.floor(random() * HOURS.length)] ?? { start: 9, end: 17 },
      ...(random() < 0.3 ? { quietHours: { start: 12, end: 13 } } : {}),
      weeklyPromptCap: 1 + Math.floor(random() * 3),
      promptedAt: Array.from({ length: prompts }, () => new Date(Date.parse(window.start) - 3 * 86_400_000 + random() * 12 * 86_400_000).toISOString()),
      paused: random() < 0.01,
    });
  }
  return {
    audience,
    window,
    slotMinutes: 30,
    bestTimeHours: { linkedin: [8, 9, 10, 12, 17] },
    network: 'linkedin',
    seed,
  };
}

/** Reference: same eligibility rules, no caching, one Intl read per person x slot. */
function planNaively(input: StaggerPlanInput): number {
  const start = Date.parse(input.window.start);
  const slots: number[] = [];
  for (let ms = start; ms < Date.parse(input.window.end); ms += input.slotMinutes * 60_000) slots.push(ms);
  const loads = new Array<number>(slots.length).fill(0);
  let placed = 0;
  for (const p of input.audience) {
    if (p.paused) continue;
    let bestSlot = -1;
    slots.forEach((ms, i) => {
      const local = toLocalTime(p.timeZone, ms);
      const week = getIsoWeek(local.year, local.month, local.day).key;
      const used = (p.promptedAt ?? []).filter((iso) => {
        const l = toLocalTime(p.timeZone, Date.parse(iso));
        return getIsoWeek(l.year, l.month, l.day).key === week;
      }).length;
      const ok = p.workingDays.includes(local.weekday) && isMinuteInRange(local.minuteOfDay, p.allowedHours)
        && !(p.quietHours && isMinuteInRange(local.minuteOfDay, p.quietHours)) && used < p.weeklyPromptCap;
      if (ok && (bestSlot < 0 || (loads[i] ?? 0) < (loads[bestSlot] ?? 0))) bestSlot = i;
    });
    if (bestSlot >= 0) {
      loads[bestSlot] = (loads[bestSlot] ?? 0) + 1;
      placed += 1;
    }
  }
  return placed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Eligible slots per person, recomputed here without the planner's classes (one Intl read per zone x slot and per prompt). */
function computeEligibility(input: StaggerPlanInput): Map<string, number[]> {
  const start = Date.parse(input.window.start);
  const slots: number[] = [];
  for (let ms = start; ms < Date.parse(input.window.end); ms += input.slotMinutes * 60_000) slots.push(ms);
  const byZone = new Map<string, { weekday: number; minute: number; week: number }[]>();
  const result = new Map<string, number[]>();
  for (const p of input.audience) {
    if (p.paused) continue;
    let local = byZone.get(p.timeZone);
    if (!local) {
      local = slots.map((ms) => {
        const l = toLocalTime(p.timeZone, ms);
        return { weekday: l.weekday, minute: l.minuteOfDay, week: getIsoWeek(l.year, l.month, l.day).key };
      });
      byZone.set(p.timeZone, local);
    }
    const used = new Map<number, number>();
    for (const iso of p.promptedAt ?? []) {
      const l = toLocalTime(p.timeZone, Date.parse(iso));
      const week = getIsoWeek(l.year, l.month, l.day).key;
      used.set(week, (used.get(week) ?? 0) + 1);
    }
    const open: number[] = [];
    local.forEach((l, slot) => {
      if (p.workingDays.includes(l.weekday as Weekday) && isMinuteInRange(l.minute, p.allowedHours)
        && !(p.quietHours && isMinuteInRange(l.minute, p.quietHours)) && (used.get(l.week) ?? 0) + 1 <= p.weeklyPromptCap) open.push(slot);
    });
    result.set(p.id, open);
  }
  return result;
}

type Plan = ReturnType<typeof planStaggeredDelivery>;

function checkInvariants(input: StaggerPlanInput, plan: Plan, requireDesignBound: boolean): { errors: string[]; confined: number } {
  const errors: string[] = [];
  const eligible = computeEligibility(input);
  for (const d of plan.deliveries) {
    if (!(eligible.get(d.id) ?? []).includes(d.slot)) errors.push(`${d.id} at ${d.at}: outside window, local hours, working days, quiet hours or weekly cap`);
  }
  for (const u of plan.unplaced) {
    if (u.reason !== 'paused' && (eligible.get(u.id) ?? []).length > 0) errors.push(`${u.id} unplaced (${u.reason}) but had an allowed slot`);
  }
  if (plan.deliveries.length + plan.unplaced.length !== input.audience.length) errors.push('someone was dropped');
  const inside = new Uint8Array(plan.slots.length);
  for (const slot of plan.stats.bottleneck.slots) inside[slot] = 1;
  let confined = 0;
  for (const slots of eligible.values()) if (slots.length > 0 && slots.every((slot) => inside[slot] === 1)) confined += 1;
  const insideCount = plan.stats.bottleneck.slots.length;
  const lowerBound = Math.ceil(confined / Math.max(1, insideCount));
  if (plan.stats.maxLoad > lowerBound) errors.push(`largest slot ${plan.stats.maxLoad} above the proven lower bound ${lowerBound}`);
  if (requireDesignBound && plan.stats.maxLoad > plan.stats.evenSpreadBound) errors.push(`largest slot ${plan.stats.maxLoad} > ceil(N/slots)+1 = ${plan.stats.evenSpreadBound}`);
  return { errors: errors.slice(0, 10), confined };
}

function timePlan(input: StaggerPlanInput, runs: number): { ms: number; all: number[]; plan: Plan } {
  let plan = planStaggeredDelivery(input);
  const all: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const t0 = performance.now();
    plan = planStaggeredDelivery(input);
    all.push(performance.now() - t0);
  }
  return { ms: median(all), all, plan };
}

function report(title: string, input: StaggerPlanInput, timing: { ms: number; all: number[]; plan: Plan }, requireDesignBound: boolean): string[] {
  const { plan } = timing;
  const reasons = new Map<string, number>();
  for (const u of plan.unplaced) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  const { errors, confined } = checkInvariants(input, plan, requireDesignBound);
  const again = planStaggeredDelivery(input);
  if (JSON.stringify(again.deliveries) !== JSON.stringify(plan.deliveries)) errors.push('not deterministic for a seed');
  const b = plan.stats.bottleneck;
  console.log(`${title}`);
  console.log(`  window ${input.window.start} .. ${input.window.end}, ${input.slotMinutes}-min slots, ${input.audience.length} people`);
  console.log(`  time (median of ${timing.all.length} after warm-up): ${timing.ms.toFixed(1)} ms   runs: ${timing.all.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`  placed: ${plan.stats.placed}   unplaced: ${plan.unplaced.length} (${[...reasons].map(([r, c]) => `${r} ${c}`).join(', ')})`);
  console.log(`  slots in window: ${plan.slots.length}   slots with an eligible person: ${plan.stats.eligibleSlots}   best-time deliveries: ${plan.deliveries.filter((d) => d.bestTime).length}`);
  console.log(`  largest slot: ${plan.stats.maxLoad}   ceil(N/slots)+1: ${plan.stats.evenSpreadBound}${plan.stats.maxLoad <= plan.stats.evenSpreadBound ? ' (met)' : ' (not achievable for this audience, see bottleneck)'}`);
  console.log(`  bottleneck: ${confined} people can only use ${b.slots.length} slots -> no plan can go below ceil(${confined}/${b.slots.length}) = ${Math.ceil(confined / Math.max(1, b.slots.length))}`);
  console.log(`  invariants (legal slot per person, reasons, nobody dropped, optimal spread${requireDesignBound ? ', ceil(N/slots)+1' : ''}, determinism): ${errors.length === 0 ? 'OK' : 'BROKEN'}`);
  for (const e of errors) console.log(`    ${e}`);
  return errors;
}

const weekdays = makeInput(N, 42, { start: '2026-03-23T00:00:00Z', end: '2026-03-28T00:00:00Z' });
const acrossWeekend = makeInput(N, 42, { start: '2026-03-05T00:00:00Z', end: '2026-03-10T00:00:00Z' });
const timingA = timePlan(weekdays, RUNS);
const timingB = timePlan(acrossWeekend, 3);

const naiveInput = makeInput(NAIVE_N, 42, weekdays.window);
planNaively(naiveInput);
const naiveTimes: number[] = [];
for (let run = 0; run < 3; run += 1) {
  const t0 = performance.now();
  planNaively(naiveInput);
  naiveTimes.push(performance.now() - t0);
}
const naiveMs = median(naiveTimes);
const perPersonRatio = naiveMs / NAIVE_N / (timingA.ms / N);

const mixedWindow = acrossWeekend.window;
const mixed = [
  { name: 'C', title: `C. ${N} people, ${MIXED_ZONES.length} zones incl. +5:30, +5:45, +8:45, -3:30, +13:45, varied hours and quiet hours, prompt history, 30-min slots`, input: makeMixedAudience(N, 'zones', 30, mixedWindow) },
  { name: 'D', title: `D. ${N} people, everyone with their own working days, hours and quiet hours, 30-min slots`, input: makeMixedAudience(N, 'person', 30, mixedWindow) },
  { name: 'E', title: 'E. audience C in 5-minute slots', input: makeMixedAudience(N, 'zones', 5, mixedWindow) },
  { name: 'F', title: 'F. audience D in 5-minute slots', input: makeMixedAudience(N, 'person', 5, mixedWindow) },
];

const errors = [
  ...report(`A. ${N} people, ${ZONES.length} zones (Sun-Thu team in Asia/Jerusalem), Mon-Fri, across Israel's DST change (Fri 27 Mar)`, weekdays, timingA, true),
  ...report('B. same audience, Thu-Mon across the US DST change (Sun 8 Mar): weekend slots only the Sun-Thu team can use', acrossWeekend, timingB, false),
];
const summary = [{ name: 'A (uniform)', ms: timingA.ms, plan: timingA.plan }, { name: 'B (uniform)', ms: timingB.ms, plan: timingB.plan }];
for (const scenario of mixed) {
  const timing = timePlan(scenario.input, 3);
  errors.push(...report(scenario.title, scenario.input, timing, false));
  summary.push({ name: scenario.name, ms: timing.ms, plan: timing.plan });
}
console.log(`baseline: naive reference planner (Intl per person x slot, linear least-load scan, no repair) on ${NAIVE_N} people of A: ${naiveMs.toFixed(0)} ms`);
console.log(`  per-person speed-up of the planner vs naive: ${perPersonRatio.toFixed(0)}x (naive ${(naiveMs / NAIVE_N).toFixed(3)} ms/person, planner ${((timingA.ms / N) * 1000).toFixed(2)} us/person)`);
console.log('summary (median ms; goal < 1000 ms for 50,000 people):');
for (const row of summary) {
  const b = row.plan.stats.bottleneck;
  console.log(`  ${row.name.padEnd(12)} ${row.ms.toFixed(0).padStart(6)} ms   slots ${String(row.plan.slots.length).padStart(5)}   placed ${row.plan.stats.placed}   largest slot ${row.plan.stats.maxLoad} = proven minimum ceil(${b.people}/${b.slots.length})`);
}
if (errors.length > 0) process.exit(1);
