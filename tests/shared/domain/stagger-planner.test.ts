import { describe, it, expect } from 'vitest';
import {
  planStaggeredDelivery,
  MAX_SLOTS,
  type PlannerRecipient,
  type StaggerPlanInput,
} from '../../../src/shared/domain/stagger-planner.js';
import { createSeededRandom } from '../../../src/shared/domain/stagger-balance.js';
import type { Weekday } from '../../../src/shared/domain/types.js';

const ALL_DAYS: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

function person(id: string, overrides: Partial<PlannerRecipient> = {}): PlannerRecipient {
  return { id, timeZone: 'UTC', workingDays: ALL_DAYS, allowedHours: { start: 9, end: 17 }, weeklyPromptCap: 3, ...overrides };
}

function plan(audience: PlannerRecipient[], overrides: Partial<StaggerPlanInput> = {}) {
  return planStaggeredDelivery({
    audience,
    window: { start: '2026-03-02T00:00:00Z', end: '2026-03-07T00:00:00Z' },
    slotMinutes: 60,
    bestTimeHours: { linkedin: [8, 9, 10, 12, 17] },
    network: 'linkedin',
    seed: 7,
    ...overrides,
  });
}

/** One person per day, allowed only 09:00-10:00 local: the plan reveals when local 9:00 happens. */
function nineOClocks(timeZone: string, start: string, end: string, workingDays: Weekday[] = ALL_DAYS): string[] {
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  const audience = Array.from({ length: days }, (_, i) => person(`p${i}`, { timeZone, workingDays, allowedHours: { start: 9, end: 10 } }));
  return plan(audience, { window: { start, end } }).deliveries.map((d) => d.at).sort();
}

describe('planStaggeredDelivery: local time and daylight saving', () => {
  it.each([
    ['America/New_York, spring forward 2026-03-08', 'America/New_York', '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z',
      ['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']],
    ['America/New_York, fall back 2026-11-01', 'America/New_York', '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z',
      ['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z']],
    ['Europe/London, spring forward 2026-03-29', 'Europe/London', '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z',
      ['2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z']],
    ['Europe/London, fall back 2026-10-25', 'Europe/London', '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z',
      ['2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z']],
    ['Asia/Tokyo, no DST', 'Asia/Tokyo', '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z',
      ['2026-03-07T00:00:00.000Z', '2026-03-08T00:00:00.000Z', '2026-03-09T00:00:00.000Z']],
  ])('%s', (_label, zone, start, end, expected) => {
    expect(nineOClocks(zone, start, end)).toEqual(expected);
  });

  it.each([
    ['Asia/Dubai', '2026-03-05T05:00:00.000Z', '2026-03-08T05:00:00.000Z'],
    ['Asia/Jerusalem', '2026-03-05T07:00:00.000Z', '2026-03-08T07:00:00.000Z'],
  ])('a Sunday-Thursday team in %s gets Thursday and Sunday, never Friday or Saturday', (zone, thursday, sunday) => {
    // Thu 5 to Sun 8 March 2026 (local 09:00 each day), 4 people, 2 working days.
    const audience = Array.from({ length: 4 }, (_, i) => person(`p${i}`, { timeZone: zone, workingDays: [0, 1, 2, 3, 4], allowedHours: { start: 9, end: 10 } }));
    const result = plan(audience, { window: { start: '2026-03-05T00:00:00Z', end: '2026-03-09T00:00:00Z' } });
    expect([...new Set(result.deliveries.map((d) => d.at))].sort()).toEqual([thursday, sunday]);
    expect(result.stats).toMatchObject({ placed: 4, eligibleSlots: 2, maxLoad: 2, evenSpreadBound: 3 });
  });
});

describe('planStaggeredDelivery: nobody is dropped silently', () => {
  it.each([
    ['paused', person('a', { paused: true }), 'paused'],
    ['unknown time zone', person('a', { timeZone: 'Mars/Olympus_Mons' }), 'invalid-time-zone'],
    ['empty time zone', person('a', { timeZone: '' }), 'invalid-time-zone'],
    ['weekend-only worker in a Mon-Fri window', person('a', { workingDays: [0, 6] }), 'no-allowed-time-in-window'],
    ['empty hours', person('a', { allowedHours: { start: 9, end: 9 } }), 'no-allowed-time-in-window'],
    ['quiet hours cover all allowed hours', person('a', { allowedHours: { start: 9, end: 12 }, quietHours: { start: 8, end: 13 } }), 'no-allowed-time-in-window'],
    ['cap 0', person('a', { weeklyPromptCap: 0 }), 'weekly-cap-reached'],
    ['cap NaN', person('a', { weeklyPromptCap: Number.NaN }), 'weekly-cap-reached'],
    ['cap reached this week', person('a', { weeklyPromptCap: 2, promptedAt: ['2026-03-02T10:00:00Z', '2026-03-04T10:00:00Z'] }), 'weekly-cap-reached'],
  ])('%s -> %s', (_label, who, reason) => {
    const result = plan([who]);
    expect(result.deliveries).toEqual([]);
    expect(result.unplaced).toEqual([{ id: 'a', reason }]);
  });

  it('lists a repeated id once as duplicate-id and plans the first', () => {
    const result = plan([person('a'), person('a')]);
    expect(result.deliveries.map((d) => d.id)).toEqual(['a']);
    expect(result.unplaced).toEqual([{ id: 'a', reason: 'duplicate-id' }]);
  });

  it('places someone whose earlier prompts are in another week, or under the cap', () => {
    const result = plan([
      person('last-week', { weeklyPromptCap: 1, promptedAt: ['2026-02-27T10:00:00Z'] }),
      person('under-cap', { weeklyPromptCap: 2, promptedAt: ['2026-03-03T10:00:00Z'] }),
    ]);
    expect(result.deliveries.map((d) => d.id).sort()).toEqual(['last-week', 'under-cap']);
  });

  it('counts the cap in the local ISO week, not the UTC week', () => {
    // 2026-03-08T15:30Z is Sunday in UTC (week 10) but Monday 00:30 in Tokyo (week 11).
    const tokyo = { timeZone: 'Asia/Tokyo', weeklyPromptCap: 1, promptedAt: ['2026-03-08T15:30:00Z'] };
    const window = { start: '2026-03-09T00:00:00Z', end: '2026-03-12T00:00:00Z' };
    expect(plan([person('a', tokyo)], { window }).unplaced).toEqual([{ id: 'a', reason: 'weekly-cap-reached' }]);
    expect(plan([person('a', { ...tokyo, timeZone: 'UTC' })], { window }).deliveries).toHaveLength(1);
  });

  it('plans no second prompt in a slot that already holds one of the person\'s prompts', () => {
    const window = { start: '2026-03-02T09:00:00Z', end: '2026-03-02T11:00:00Z' };
    const result = plan([person('a', { promptedAt: ['2026-03-02T09:15:00Z'] })], { window, bestTimeHours: { linkedin: [9] } });
    expect(result.deliveries.map((d) => d.at)).toEqual(['2026-03-02T10:00:00.000Z']);
  });

  it('lists someone whose every allowed slot already holds one of their prompts as every-slot-taken', () => {
    const window = { start: '2026-03-02T09:00:00Z', end: '2026-03-02T11:00:00Z' };
    const result = plan([person('a', { promptedAt: ['2026-03-02T09:00:00Z', '2026-03-02T10:59:59.999Z'] })], { window });
    expect(result.unplaced).toEqual([{ id: 'a', reason: 'every-slot-taken' }]);
  });

  it('counts earlier prompts against the cap and their slots at once, in 5-minute slots', () => {
    // Cap 2: one prompt on Monday (week 10) leaves one; it sits in the 09:05 slot, so 09:00 or 09:10.
    const window = { start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:15:00Z' };
    const audience = [person('a', { weeklyPromptCap: 2, promptedAt: ['2026-03-02T09:07:30Z'] }), person('b', { weeklyPromptCap: 2 })];
    const result = plan(audience, { window, slotMinutes: 5 });
    expect(result.deliveries.find((d) => d.id === 'a')?.at).not.toBe('2026-03-02T09:05:00.000Z');
    expect(result.stats.maxLoad).toBe(1);
  });

  it('uses only the weeks still under the cap when a window spans two weeks', () => {
    const window = { start: '2026-03-06T00:00:00Z', end: '2026-03-11T00:00:00Z' };
    const result = plan([person('a', { weeklyPromptCap: 1, promptedAt: ['2026-03-03T09:00:00Z'] })], { window });
    expect(result.deliveries[0]?.at.slice(0, 10)).toBe('2026-03-09');
  });
});

describe('planStaggeredDelivery: hours, best time, spread and determinism', () => {
  it('honours quiet hours that wrap past midnight', () => {
    const night = person('a', { allowedHours: { start: 20, end: 8 }, quietHours: { start: 22, end: 7 } });
    const result = plan(Array.from({ length: 30 }, (_, i) => ({ ...night, id: `p${i}` })));
    const hours = new Set(result.deliveries.map((d) => new Date(d.at).getUTCHours()));
    expect([...hours].sort((a, b) => a - b)).toEqual([7, 20, 21]);
  });

  it('treats different rules that allow the same slots as one group and spreads them evenly', () => {
    const monFri: Weekday[] = [1, 2, 3, 4, 5];
    const audience = [
      ...Array.from({ length: 10 }, (_, i) => person(`a${i}`, { allowedHours: { start: 9, end: 10 } })),
      ...Array.from({ length: 10 }, (_, i) => person(`b${i}`, { allowedHours: { start: 9, end: 10 }, quietHours: { start: 14, end: 15 } })),
      ...Array.from({ length: 10 }, (_, i) => person(`c${i}`, { allowedHours: { start: 8.5, end: 10 }, workingDays: monFri })),
    ];
    const result = plan(audience);
    expect(result.slots.filter((s) => s.load > 0).map((s) => s.load)).toEqual([6, 6, 6, 6, 6]);
    expect(result.stats.bottleneck).toEqual({ slots: [9, 33, 57, 81, 105], people: 30 });
  });

  it('places people of 45-minute and half-hour zones at their local hour in 15-minute slots', () => {
    const audience = [
      person('kathmandu', { timeZone: 'Asia/Kathmandu', allowedHours: { start: 9, end: 9.25 } }),
      person('kolkata', { timeZone: 'Asia/Kolkata', allowedHours: { start: 9, end: 9.25 } }),
      person('eucla', { timeZone: 'Australia/Eucla', allowedHours: { start: 9, end: 9.25 } }),
    ];
    const result = plan(audience, { slotMinutes: 15, window: { start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' } });
    expect(Object.fromEntries(result.deliveries.map((d) => [d.id, d.at]))).toEqual({
      kathmandu: '2026-03-02T03:15:00.000Z',
      kolkata: '2026-03-02T03:30:00.000Z',
      eucla: '2026-03-02T00:15:00.000Z',
    });
  });

  it('prefers best-time hours among equally loaded slots', () => {
    const result = plan([person('a', { allowedHours: { start: 6, end: 12 } })], { bestTimeHours: { linkedin: [11] } });
    expect(result.deliveries[0]).toMatchObject({ bestTime: true });
    expect(new Date(result.deliveries[0]?.at ?? '').getUTCHours()).toBe(11);
  });

  it('ignores best-time hours of other networks', () => {
    const result = plan([person('a', { allowedHours: { start: 6, end: 12 } })], { network: 'x', bestTimeHours: { linkedin: [11] } });
    expect(result.deliveries[0]?.bestTime).toBe(false);
  });

  it('spreads a homogeneous audience to within one per slot (max <= ceil(N/slots))', () => {
    const audience = Array.from({ length: 101 }, (_, i) => person(`p${i}`));
    const result = plan(audience);
    const loads = result.slots.filter((s) => s.eligible).map((s) => s.load);
    expect(loads).toHaveLength(40);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(result.stats.maxLoad).toBe(Math.ceil(101 / 40));
  });

  it('cannot meet ceil(N/slots)+1 when many people share one slot, and still does the best possible', () => {
    const narrow = Array.from({ length: 10 }, (_, i) => person(`n${i}`, { allowedHours: { start: 9, end: 10 }, workingDays: [1] }));
    const result = plan([...narrow, person('wide')]);
    expect(result.stats).toMatchObject({ placed: 11, eligibleSlots: 40, maxLoad: 10, evenSpreadBound: 2, bottleneck: { slots: [9], people: 10 } });
    expect(result.deliveries.find((d) => d.id === 'wide')?.at).not.toBe('2026-03-02T09:00:00.000Z');
  });

  it('moves flexible people along chains to relieve a crowded slot', () => {
    // a: only slot 9h; b: 9h or 10h; c: 10h or 11h. Optimal: each alone.
    const window = { start: '2026-03-02T09:00:00Z', end: '2026-03-02T12:00:00Z' };
    const audience = [
      person('a1', { allowedHours: { start: 9, end: 10 } }),
      person('b1', { allowedHours: { start: 9, end: 11 } }),
      person('b2', { allowedHours: { start: 9, end: 11 } }),
      person('c1', { allowedHours: { start: 10, end: 12 } }),
    ];
    for (let seed = 0; seed < 20; seed += 1) expect(plan(audience, { window, seed }).stats.maxLoad).toBe(2);
    const result = plan([...audience, person('a2', { allowedHours: { start: 9, end: 10 } })], { window, seed: 3 });
    expect(result.slots.map((s) => s.load)).toEqual([2, 2, 1]);
  });

  it('repairs an unlucky tie: whatever the seed, three people on three slots end one per slot', () => {
    // a: 9h or 10h; b and c: 10h or 11h. Water-filling alone puts a on 10h half the time.
    const window = { start: '2026-03-02T09:00:00Z', end: '2026-03-02T12:00:00Z' };
    const audience = [
      person('a', { allowedHours: { start: 9, end: 11 } }),
      person('b', { allowedHours: { start: 10, end: 12 } }),
      person('c', { allowedHours: { start: 10, end: 12 } }),
    ];
    for (let seed = 0; seed < 30; seed += 1) expect(plan(audience, { window, seed }).slots.map((s) => s.load)).toEqual([1, 1, 1]);
  });

  it('is deterministic for a seed and varies with the seed', () => {
    const audience = Array.from({ length: 50 }, (_, i) => person(`p${i}`, { timeZone: i % 2 ? 'Europe/London' : 'Asia/Tokyo' }));
    const first = plan(audience, { seed: 1 });
    expect(plan(audience, { seed: 1 })).toEqual(first);
    const others = [2, 3, 4].map((seed) => JSON.stringify(plan(audience, { seed }).deliveries));
    expect(others.some((other) => other !== JSON.stringify(first.deliveries))).toBe(true);
  });

  it.each([
    ['end before start', { window: { start: '2026-03-02T00:00:00Z', end: '2026-03-01T00:00:00Z' } }],
    ['unparseable window', { window: { start: 'soon', end: '2026-03-01T00:00:00Z' } }],
    ['zero slot length', { slotMinutes: 0 }],
    ['too many slots', { slotMinutes: (5 * 24 * 60) / (MAX_SLOTS + 1) }],
  ])('refuses %s', (_label, overrides) => {
    expect(() => plan([person('a')], overrides)).toThrow(RangeError);
  });

  it('returns an empty plan for an empty audience', () => {
    expect(plan([]).stats).toEqual({ placed: 0, eligibleSlots: 0, maxLoad: 0, evenSpreadBound: 0, bottleneck: { slots: [], people: 0 } });
  });
});

describe('createSeededRandom', () => {
  it('is reproducible, in [0, 1) and seed-dependent', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(createSeededRandom(43)()).not.toBe(values[0]);
  });
});
