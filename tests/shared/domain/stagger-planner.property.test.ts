import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { planStaggeredDelivery, type PlannerRecipient, type StaggerPlan } from '../../../src/shared/domain/stagger-planner.js';
import type { Weekday } from '../../../src/shared/domain/types.js';

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Asia/Jerusalem', 'Asia/Kolkata', 'UTC'];
/** Starts around DST changes so windows often cross one. */
const STARTS = ['2026-03-06T00:00:00Z', '2026-03-27T12:00:00Z', '2026-10-23T06:00:00Z', '2026-10-30T00:00:00Z', '2026-12-30T00:00:00Z'];
const WEEK_MS = 7 * 86_400_000;

/** Independent local-time reading (weekday from Intl, not from our helper). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function local(zone: string, ms: number): { weekday: number; minute: number; isoWeek: string } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '');
  // ISO week: the Thursday of this local date's week decides the year.
  const date = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  const thursday = new Date(date + (3 - ((weekday + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const isoWeek = `${thursday.getUTCFullYear()}-${Math.floor((thursday.getTime() - jan1) / WEEK_MS) + 1}`;
  return { weekday, minute: Number(parts.hour) * 60 + Number(parts.minute), isoWeek };
}

function inRange(minute: number, r: { start: number; end: number }): boolean {
  const [s, e] = [r.start * 60, r.end * 60];
  return s < e ? minute >= s && minute < e : s > e ? minute >= s || minute < e : false;
}

/**
 * `all`: working day, hours, quiet hours; `underCap`: also below the weekly cap of its local week;
 * `free`: also no earlier prompt of the person inside the slot.
 */
function eligibleSlots(p: PlannerRecipient, slots: number[], slotMs = 0): { all: number[]; underCap: number[]; free: number[] } {
  const all = slots.flatMap((ms, i) => {
    const t = local(p.timeZone, ms);
    const ok = p.workingDays.includes(t.weekday as Weekday) && inRange(t.minute, p.allowedHours) && !(p.quietHours && inRange(t.minute, p.quietHours));
    return ok ? [i] : [];
  });
  const underCap = all.filter((i) => {
    const week = local(p.timeZone, slots[i] ?? 0).isoWeek;
    const used = (p.promptedAt ?? []).filter((iso) => local(p.timeZone, Date.parse(iso)).isoWeek === week).length;
    return used + 1 <= p.weeklyPromptCap;
  });
  const free = underCap.filter((i) => !(p.promptedAt ?? []).some((iso) => Date.parse(iso) >= (slots[i] ?? 0) && Date.parse(iso) < (slots[i] ?? 0) + slotMs));
  return { all, underCap, free };
}

const hourRange = fc.record({ start: fc.integer({ min: 0, max: 23 }), end: fc.integer({ min: 1, max: 24 }) });
const recipient = (startMs: number) => fc.record({
  timeZone: fc.constantFrom(...ZONES),
  workingDays: fc.subarray([0, 1, 2, 3, 4, 5, 6] as Weekday[], { minLength: 1 }),
  allowedHours: hourRange,
  quietHours: fc.option(hourRange, { nil: undefined }),
  weeklyPromptCap: fc.integer({ min: 0, max: 3 }),
  // Earlier prompts anywhere around the window, or on a half-hour inside it (so inside a slot the person may use).
  promptedAt: fc.array(fc.oneof(
    fc.integer({ min: startMs - WEEK_MS, max: startMs + WEEK_MS }),
    fc.integer({ min: 0, max: 4 * 48 - 1 }).map((k) => startMs + k * 1_800_000),
  ).map((ms) => new Date(ms).toISOString()), { maxLength: 3 }),
  paused: fc.option(fc.constant(true), { freq: 8, nil: undefined }),
});

const scenario = fc.constantFrom(...STARTS).chain((start) => {
  const startMs = Date.parse(start);
  return fc.record({
    start: fc.constant(start),
    days: fc.integer({ min: 1, max: 4 }),
    slotMinutes: fc.constantFrom(30, 60, 90),
    seed: fc.integer(),
    people: fc.array(recipient(startMs), { minLength: 1, maxLength: 18 }),
  });
});

function run(s: { start: string; days: number; slotMinutes: number; seed: number; people: Omit<PlannerRecipient, 'id'>[] }) {
  const audience = s.people.map((p, i) => ({ ...p, id: `p${i}` }));
  const startMs = Date.parse(s.start);
  const input = {
    audience,
    window: { start: s.start, end: new Date(startMs + s.days * 86_400_000).toISOString() },
    slotMinutes: s.slotMinutes,
    bestTimeHours: { linkedin: [9, 12, 17] },
    network: 'linkedin' as const,
    seed: s.seed,
  };
  const slots = Array.from({ length: Math.ceil((s.days * 1440) / s.slotMinutes) }, (_, i) => startMs + i * s.slotMinutes * 60_000);
  return { input, slots, audience, plan: planStaggeredDelivery(input) };
}

/** The spread invariant, checked independently: no chain of moves can take load from s to t with load(t) <= load(s) - 2. */
function findImprovingPath(plan: StaggerPlan, eligible: Map<string, number[]>): string | null {
  const loads = plan.slots.map((s) => s.load);
  const peopleAt = new Map<number, string[]>();
  for (const d of plan.deliveries) peopleAt.set(d.slot, [...(peopleAt.get(d.slot) ?? []), d.id]);
  for (let s = 0; s < loads.length; s += 1) {
    const seen = new Set([s]);
    const queue = [s];
    while (queue.length > 0) {
      const u = queue.shift() ?? 0;
      for (const id of peopleAt.get(u) ?? []) {
        for (const t of eligible.get(id) ?? []) {
          if (seen.has(t)) continue;
          seen.add(t);
          queue.push(t);
          if ((loads[t] ?? 0) <= (loads[s] ?? 0) - 2) return `slot ${s} (${loads[s]}) -> ${t} (${loads[t]})`;
        }
      }
    }
  }
  return null;
}

/** The bottleneck proves optimality: the people who can only use its slots force maxLoad on any plan. */
function expectOptimalityCertificate(plan: StaggerPlan, eligible: Map<string, number[]>): void {
  const { slots, people } = plan.stats.bottleneck;
  if (plan.stats.placed === 0) return expect(slots).toEqual([]);
  const inside = new Set(slots);
  const confined = [...eligible.values()].filter((e) => e.length > 0 && e.every((slot) => inside.has(slot))).length;
  expect(confined).toBeGreaterThanOrEqual(people);
  expect(plan.stats.maxLoad).toBe(Math.ceil(people / slots.length));
  expect(plan.stats.maxLoad).toBeLessThanOrEqual(Math.ceil(confined / slots.length));
}

describe('planStaggeredDelivery properties', () => {
  it('places everyone legally or explains why not, and spreads without an improving path', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { plan, slots, audience } = run(s);
        expect(plan.deliveries.length + plan.unplaced.length).toBe(audience.length);
        const free = new Map<string, number[]>();
        for (const p of audience) {
          const e = eligibleSlots(p, slots, s.slotMinutes * 60_000);
          free.set(p.id, e.free);
          const delivery = plan.deliveries.find((d) => d.id === p.id);
          const reason = plan.unplaced.find((u) => u.id === p.id)?.reason;
          if (p.paused) expect(reason).toBe('paused');
          if (delivery) {
            expect(delivery.at).toBe(new Date(slots[delivery.slot] ?? 0).toISOString());
            expect(e.free).toContain(delivery.slot);
          } else if (reason === 'paused') {
            expect(p.paused).toBe(true);
          } else if (reason === 'no-allowed-time-in-window') {
            expect(e.all).toEqual([]);
          } else if (reason === 'every-slot-taken') {
            expect(e.underCap.length).toBeGreaterThan(0);
            expect(e.free).toEqual([]);
          } else {
            expect(reason).toBe('weekly-cap-reached');
            expect(e.all.length).toBeGreaterThan(0);
            expect(e.underCap).toEqual([]);
          }
        }
        const loads = plan.slots.map((slot) => slot.load);
        expect(loads.reduce((a, b) => a + b, 0)).toBe(plan.deliveries.length);
        expect(findImprovingPath(plan, free)).toBeNull();
        expectOptimalityCertificate(plan, free);
      }),
      { numRuns: 60 },
    );
  });

  it('has no improving path on crowded overlapping hours either (few wide slots, many people)', () => {
    const crowded = fc.record({
      start: fc.constant('2026-03-02T00:00:00Z'),
      days: fc.constant(1),
      slotMinutes: fc.constant(180),
      seed: fc.integer(),
      people: fc.array(fc.record({
        timeZone: fc.constant('UTC'),
        workingDays: fc.constant([1] as Weekday[]),
        allowedHours: fc.integer({ min: 0, max: 7 }).chain((a) => fc.integer({ min: a + 1, max: Math.min(8, a + 3) }).map((b) => ({ start: a * 3, end: b * 3 }))),
        weeklyPromptCap: fc.constant(1),
      }), { minLength: 2, maxLength: 30 }),
    });
    fc.assert(
      fc.property(crowded, (s) => {
        const { plan, slots, audience } = run(s);
        const eligible = new Map(audience.map((p) => [p.id, eligibleSlots(p, slots).underCap]));
        expect(plan.stats.placed).toBe(audience.length);
        expect(findImprovingPath(plan, eligible)).toBeNull();
        expectOptimalityCertificate(plan, eligible);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every slot within ceil(N/slots)+1 (in fact ceil(N/slots)) when people share their hours', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...ZONES), fc.integer({ min: 1, max: 200 }), (s, zone, n) => {
        const shared = { timeZone: zone, workingDays: [0, 1, 2, 3, 4, 5, 6] as Weekday[], allowedHours: { start: 8, end: 18 }, weeklyPromptCap: 5 };
        const { plan } = run({ ...s, people: Array.from({ length: n }, () => shared) });
        expect(plan.stats.placed).toBe(n);
        expect(plan.stats.maxLoad).toBeLessThanOrEqual(Math.ceil(n / plan.stats.eligibleSlots));
        expect(plan.stats.maxLoad).toBeLessThanOrEqual(plan.stats.evenSpreadBound);
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(run(s).plan).toEqual(run(s).plan);
      }),
      { numRuns: 20 },
    );
  });
});
