/**
 * Stagger planner benchmark: 50,000 people in 10 time zones (one Sunday-Thursday team) over two
 * 5-day windows in 30-minute slots: A, Mon-Fri (the DESIGN bound ceil(N/slots)+1 must hold), and
 * B, Thu-Mon across a weekend and a DST change (the bound is not achievable: the busiest slot must
 * instead equal the proven lower bound). Prints median plan time, spread figures and a per-person
 * ratio against a naive reference planner (one Intl call per person per slot, linear scan) run in
 * the same process on 500 people. Then C-F (issue 9): 18 zones with half-hour and 45-minute
 * offsets, per-person hours, working days and quiet hours, earlier prompts (counted against the
 * weekly cap, and their slots not used again), 30- and 5-minute slots (`planner-audiences.ts`),
 * with a second naive ratio on F. Every invariant is re-checked from scratch; any break exits 1.
 * Prints the load average beside the figures (a loaded machine distorts them).
 * Run: `npm run bench:planner` (`npx tsx bench/planner.bench.ts`).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { planStaggeredDelivery, type PlannerRecipient, type StaggerPlanInput } from '../src/shared/domain/stagger-planner.js';
import { createSeededRandom } from '../src/shared/domain/stagger-balance.js';
import { isMinuteInRange, toLocalTime, getIsoWeek } from '../src/shared/domain/time-zones.js';
import type { Weekday } from '../src/shared/domain/types.js';
import { makeMixedAudience, MIXED_ZONES } from './planner-audiences.js';

const N = 50_000;
const NAIVE_N = 500;
/** F has six times the slots of A, so its naive run takes fewer people. */
const NAIVE_F_N = 100;
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
  const slotMs = input.slotMinutes * 60_000;
  const slots: number[] = [];
  for (let ms = start; ms < Date.parse(input.window.end); ms += slotMs) slots.push(ms);
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
      const taken = (p.promptedAt ?? []).some((iso) => Date.parse(iso) >= ms && Date.parse(iso) < ms + slotMs);
      const ok = p.workingDays.includes(local.weekday) && isMinuteInRange(local.minuteOfDay, p.allowedHours)
        && !(p.quietHours && isMinuteInRange(local.minuteOfDay, p.quietHours)) && used < p.weeklyPromptCap && !taken;
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

/**
 * Eligible slots per person, recomputed here without the planner's classes (one Intl read per zone
 * x slot and per prompt): working day, hours, quiet hours, weekly cap, no earlier prompt in the slot.
 */
function computeEligibility(input: StaggerPlanInput): Map<string, number[]> {
  const start = Date.parse(input.window.start);
  const slotMs = input.slotMinutes * 60_000;
  const slots: number[] = [];
  for (let ms = start; ms < Date.parse(input.window.end); ms += slotMs) slots.push(ms);
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
    const taken = new Set<number>();
    for (const iso of p.promptedAt ?? []) {
      const l = toLocalTime(p.timeZone, Date.parse(iso));
      const week = getIsoWeek(l.year, l.month, l.day).key;
      used.set(week, (used.get(week) ?? 0) + 1);
      taken.add(Math.floor((Date.parse(iso) - start) / slotMs));
    }
    const open: number[] = [];
    local.forEach((l, slot) => {
      if (p.workingDays.includes(l.weekday as Weekday) && isMinuteInRange(l.minute, p.allowedHours)
        && !(p.quietHours && isMinuteInRange(l.minute, p.quietHours)) && (used.get(l.week) ?? 0) + 1 <= p.weeklyPromptCap
        && !taken.has(slot)) open.push(slot);
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

/** Median wall time and median process CPU time (user + system, all threads) per plan, after one warm-up. */
function timePlan(input: StaggerPlanInput, runs: number): { ms: number; cpuMs: number; all: number[]; plan: Plan } {
  let plan = planStaggeredDelivery(input);
  const all: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    plan = planStaggeredDelivery(input);
    all.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(all), cpuMs: median(cpu), all, plan };
}

function report(title: string, input: StaggerPlanInput, timing: { ms: number; cpuMs: number; all: number[]; plan: Plan }, requireDesignBound: boolean): string[] {
  const { plan } = timing;
  const reasons = new Map<string, number>();
  for (const u of plan.unplaced) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  const { errors, confined } = checkInvariants(input, plan, requireDesignBound);
  const again = planStaggeredDelivery(input);
  if (JSON.stringify(again.deliveries) !== JSON.stringify(plan.deliveries)) errors.push('not deterministic for a seed');
  const b = plan.stats.bottleneck;
  console.log(`${title}`);
  console.log(`  window ${input.window.start} .. ${input.window.end}, ${input.slotMinutes}-min slots, ${input.audience.length} people`);
  console.log(`  time (median of ${timing.all.length} after warm-up): ${timing.ms.toFixed(1)} ms (process CPU ${timing.cpuMs.toFixed(0)} ms)   runs: ${timing.all.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`  placed: ${plan.stats.placed}   unplaced: ${plan.unplaced.length} (${[...reasons].map(([r, c]) => `${r} ${c}`).join(', ')})`);
  console.log(`  slots in window: ${plan.slots.length}   slots with an eligible person: ${plan.stats.eligibleSlots}   best-time deliveries: ${plan.deliveries.filter((d) => d.bestTime).length}`);
  console.log(`  largest slot: ${plan.stats.maxLoad}   ceil(N/slots)+1: ${plan.stats.evenSpreadBound}${plan.stats.maxLoad <= plan.stats.evenSpreadBound ? ' (met)' : ' (not achievable for this audience, see bottleneck)'}`);
  console.log(`  bottleneck: ${confined} people can only use ${b.slots.length} slots -> no plan can go below ceil(${confined}/${b.slots.length}) = ${Math.ceil(confined / Math.max(1, b.slots.length))}`);
  console.log(`  invariants (legal slot per person, reasons, nobody dropped, optimal spread${requireDesignBound ? ', ceil(N/slots)+1' : ''}, determinism): ${errors.length === 0 ? 'OK' : 'BROKEN'}`);
  for (const e of errors) console.log(`    ${e}`);
  return errors;
}

/** People whose earlier prompts matter: in a week the window touches, and inside the window itself. */
function describeHistory(input: StaggerPlanInput): string {
  const start = Date.parse(input.window.start);
  const end = Date.parse(input.window.end);
  let nearby = 0;
  let inside = 0;
  for (const p of input.audience) {
    const times = (p.promptedAt ?? []).map((iso) => Date.parse(iso));
    if (times.some((ms) => ms >= start - 7 * 86_400_000 && ms < end + 7 * 86_400_000)) nearby += 1;
    if (times.some((ms) => ms >= start && ms < end)) inside += 1;
  }
  return `earlier prompts: ${nearby} people within a week of the window (weekly cap), ${inside} inside it (their slots are not used again)`;
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(', ');
console.log(`load average at start: ${load()} (${process.version}, ${new Date().toISOString()})`);
const weekdays = makeInput(N, 42, { start: '2026-03-23T00:00:00Z', end: '2026-03-28T00:00:00Z' });
const acrossWeekend = makeInput(N, 42, { start: '2026-03-05T00:00:00Z', end: '2026-03-10T00:00:00Z' });
const timingA = timePlan(weekdays, RUNS);
const timingB = timePlan(acrossWeekend, RUNS);

/** Median time of the naive planner on `input`, and the per-person ratio against a planner time for `n` people. */
function naiveRatio(input: StaggerPlanInput, plannerMs: number, n: number): { ms: number; perPerson: number; ratio: number } {
  planNaively(input);
  const times: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const t0 = performance.now();
    planNaively(input);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { ms, perPerson: ms / input.audience.length, ratio: ms / input.audience.length / (plannerMs / n) };
}
const naiveA = naiveRatio(makeInput(NAIVE_N, 42, weekdays.window), timingA.ms, N);

const mixedWindow = acrossWeekend.window;
const mixed = [
  { name: 'C', title: `C. ${N} people, ${MIXED_ZONES.length} zones incl. +5:30, +5:45, +8:45, -3:30, +13:45, varied hours and quiet hours, earlier prompts, 30-min slots`, kind: 'zones', slotMinutes: 30 },
  { name: 'D', title: `D. ${N} people, everyone with their own working days, hours and quiet hours, earlier prompts, 30-min slots`, kind: 'person', slotMinutes: 30 },
  { name: 'E', title: 'E. audience C in 5-minute slots', kind: 'zones', slotMinutes: 5 },
  { name: 'F', title: 'F. audience D in 5-minute slots', kind: 'person', slotMinutes: 5 },
] as const;

const errors = [
  ...report(`A. ${N} people, ${ZONES.length} zones (Sun-Thu team in Asia/Jerusalem), Mon-Fri, across Israel's DST change (Fri 27 Mar)`, weekdays, timingA, true),
  ...report('B. same audience, Thu-Mon across the US DST change (Sun 8 Mar): weekend slots only the Sun-Thu team can use', acrossWeekend, timingB, false),
];
const summary = [{ name: 'A (uniform)', slotMinutes: 30, ms: timingA.ms, cpuMs: timingA.cpuMs, plan: timingA.plan }, { name: 'B (uniform)', slotMinutes: 30, ms: timingB.ms, cpuMs: timingB.cpuMs, plan: timingB.plan }];
let naiveF: ReturnType<typeof naiveRatio> | undefined;
for (const scenario of mixed) {
  // Built per scenario and dropped after it, so one scenario's garbage does not slow the next.
  const input = makeMixedAudience(N, scenario.kind, scenario.slotMinutes, mixedWindow);
  const timing = timePlan(input, RUNS);
  errors.push(...report(scenario.title, input, timing, false));
  console.log(`  ${describeHistory(input)}`);
  summary.push({ name: scenario.name, slotMinutes: scenario.slotMinutes, ms: timing.ms, cpuMs: timing.cpuMs, plan: timing.plan });
  if (scenario.name === 'F') naiveF = naiveRatio(makeMixedAudience(NAIVE_F_N, 'person', 5, mixedWindow), timing.ms, N);
}
console.log(`baseline: naive reference planner (Intl per person x slot, linear least-load scan, no repair), same process:`);
console.log(`  A: ${NAIVE_N} people in ${naiveA.ms.toFixed(0)} ms = ${naiveA.perPerson.toFixed(3)} ms/person; planner ${((timingA.ms / N) * 1000).toFixed(2)} us/person: ${naiveA.ratio.toFixed(0)}x faster`);
if (naiveF) console.log(`  F: ${NAIVE_F_N} people in ${naiveF.ms.toFixed(0)} ms = ${naiveF.perPerson.toFixed(3)} ms/person; planner ${((summary.at(-1)?.ms ?? 0) / N * 1000).toFixed(2)} us/person: ${naiveF.ratio.toFixed(0)}x faster`);
console.log(`summary (median of ${RUNS} after warm-up, wall and process CPU; goal < 1000 ms for ${N} people; load average now ${load()}):`);
for (const row of summary) {
  const b = row.plan.stats.bottleneck;
  const vsA = row.ms / timingA.ms;
  console.log(`  ${row.name.padEnd(12)} ${row.ms.toFixed(0).padStart(6)} ms (cpu ${row.cpuMs.toFixed(0).padStart(5)} ms)  ${vsA.toFixed(1).padStart(4)}x A   ${String(row.slotMinutes).padStart(2)}-min slots ${String(row.plan.slots.length).padStart(5)}   placed ${row.plan.stats.placed}   largest slot ${row.plan.stats.maxLoad} = proven minimum ceil(${b.people}/${b.slots.length})${row.ms < 1000 ? '' : '   OVER 1 s'}`);
}
if (errors.length > 0) process.exit(1);
