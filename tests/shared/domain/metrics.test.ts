import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  METRIC_NAMES,
  aggregateMetrics,
  compareBreakdown,
  comparePeriods,
  countActiveAdvocates,
  localDay,
  percentChange,
  sumMetrics,
} from '../../../src/shared/domain/metrics.js';
import type { MetricEvent, MetricEventKind, MetricPeriod, WeekdayKey } from '../../../src/shared/domain/metrics.js';

const DAY = 86_400_000;
const Q4_2021: MetricPeriod = { from: '2021-10-01T00:00:00.000Z', to: '2022-01-01T00:00:00.000Z' };
const Q1_2022: MetricPeriod = { from: '2022-01-01T00:00:00.000Z', to: '2022-04-01T00:00:00.000Z' };
const Q2_2022: MetricPeriod = { from: '2022-04-01T00:00:00.000Z', to: '2022-07-01T00:00:00.000Z' };

/** Every UTC day of a period, optionally only one weekday (0 = Sunday). */
function daysOf(period: MetricPeriod, weekday?: number): number[] {
  const out: number[] = [];
  for (let t = Date.parse(period.from); t < Date.parse(period.to); t += DAY) {
    if (weekday === undefined || new Date(t).getUTCDay() === weekday) out.push(t);
  }
  return out;
}

/** `count` individual events spread evenly over the days, at varying hours inside each day. */
function spread(kind: MetricEventKind, count: number, days: number[], extra: Partial<MetricEvent> = {}): MetricEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const day = days[Math.floor((i * days.length) / count)] ?? 0;
    const at = new Date(day + ((i * 7) % 24) * 3_600_000 + (i % 60) * 60_000).toISOString();
    return { kind, at, employeeId: `emp-${i % 17}`, team: i % 3 === 0 ? 'sales' : 'marketing', ...extra };
  });
}

describe('Oktopost case (seed 003): period-over-period table', () => {
  // Q4 2021 baseline of 100 each (50 conversions) -> Q1 2022 and Q2 2022 counts that give the published percentages.
  const counts: Record<MetricEventKind, [number, number, number]> = {
    session: [100, 153, 160],
    share: [100, 124, 130],
    engagement: [100, 163, 170],
    click: [100, 150, 155],
    conversion: [50, 90, 183],
  };
  const events: MetricEvent[] = (Object.keys(counts) as MetricEventKind[]).flatMap((kind) => {
    const [q4, q1, q2] = counts[kind];
    const revenue = kind === 'conversion' ? { revenue: 5000 } : {};
    return [
      ...spread(kind, q4, daysOf(Q4_2021), revenue),
      ...spread(kind, q1, daysOf(Q1_2022), revenue),
      ...spread(kind, q2, daysOf(Q2_2022), revenue),
    ];
  });

  it('reproduces sessions +53%, shares +24%, engagement +63%, clicks +50% (Q4 2021 -> Q1 2022)', () => {
    const table = comparePeriods(events, Q4_2021, Q1_2022);
    expect({
      sessions: table.sessions.changePercent,
      shares: table.shares.changePercent,
      engagement: table.engagement.changePercent,
      clicks: table.clicks.changePercent,
    }).toEqual({ sessions: 53, shares: 24, engagement: 63, clicks: 50 });
    expect(table.sessions).toEqual({ previous: 100, current: 153, changePercent: 53 });
  });

  it('reproduces conversions +266% (Q4 2021 -> Q2 2022), with revenue following', () => {
    const table = comparePeriods(events, Q4_2021, Q2_2022);
    expect(table.conversions).toEqual({ previous: 50, current: 183, changePercent: 266 });
    expect(table.revenue).toEqual({ previous: 250_000, current: 915_000, changePercent: 266 });
  });

  it('reproduces the weekday engagement story: Saturday +205%, Sunday +114%, Monday +71%, +81% on average', () => {
    const q1PerWeekday: Record<WeekdayKey, number> = { mon: 171, tue: 140, wed: 155, thu: 142, fri: 140, sat: 305, sun: 214 };
    const jsDay: Record<WeekdayKey, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
    const weekdayEvents = (Object.keys(q1PerWeekday) as WeekdayKey[]).flatMap((key) => [
      ...spread('engagement', 100, daysOf(Q4_2021, jsDay[key])),
      ...spread('engagement', q1PerWeekday[key], daysOf(Q1_2022, jsDay[key])),
    ]);
    const byWeekday = compareBreakdown(weekdayEvents, 'day-of-week', Q4_2021, Q1_2022);
    expect([...byWeekday.keys()]).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    const change = (k: WeekdayKey) => byWeekday.get(k)?.engagement.changePercent ?? Number.NaN;
    expect(change('sat')).toBe(205);
    expect(change('sun')).toBe(114);
    expect(change('mon')).toBe(71);
    expect(Math.max(change('mon'), change('tue'), change('wed'), change('thu'), change('fri'))).toBe(change('mon'));
    const average = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].reduce((s, k) => s + change(k as WeekdayKey), 0) / 7;
    expect(average).toBe(81);
    expect(comparePeriods(weekdayEvents, Q4_2021, Q1_2022).engagement.changePercent).toBe(81);
  });
});

describe('percentChange', () => {
  it.each([
    [100, 153, 53],
    [3, 4, 33.3],
    [3, 5, 66.7],
    [200, 100, -50],
    [7, 7, 0],
    [1000, 999.9999, 0],
    [0, 12, null],
    [0, 0, null],
  ])('%d -> %d = %s', (previous, current, expected) => {
    expect(percentChange(previous, current)).toBe(expected);
  });

  it('has the sign of the change and at most one decimal (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (a, b) => {
        const c = percentChange(a, b);
        expect(c).not.toBeNull();
        if (c === null) return;
        expect(Math.sign(c) === 0 || Math.sign(c) === Math.sign(b - a)).toBe(true);
        expect(Math.round(c * 10) / 10).toBe(c);
      }),
    );
  });
});

describe('aggregateMetrics', () => {
  const base = { employeeId: 'a' };
  const events: MetricEvent[] = [
    { ...base, kind: 'share', at: '2026-11-23T08:00:00.000Z', team: 'sales', persona: 'sharer', topics: ['cx', 'ai', 'cx'], contentId: 'c1', network: 'linkedin' },
    { ...base, kind: 'engagement', at: '2026-11-23T23:30:00.000Z', team: 'sales', persona: 'sharer', contentId: 'c1', network: 'linkedin', count: 12 },
    { ...base, kind: 'click', at: '2026-11-24T01:00:00.000Z', topics: [], contentId: 'c1', network: 'x' },
    { ...base, kind: 'conversion', at: '2026-11-24T02:00:00.000Z', contentId: 'c1', revenue: 20_000 },
    { ...base, kind: 'conversion', at: '2026-11-24T03:00:00.000Z', revenue: Number.NaN, count: Number.NaN },
    { ...base, kind: 'session', at: '2026-11-25T09:00:00.000Z' },
  ];

  it('sums all metrics, with counts and revenue', () => {
    expect(sumMetrics(events)).toEqual({ sessions: 1, shares: 1, engagement: 12, clicks: 1, conversions: 2, revenue: 20_000 });
  });

  it.each([
    ['day', [['2026-11-23', 'shares', 1], ['2026-11-23', 'engagement', 12], ['2026-11-24', 'conversions', 2], ['2026-11-25', 'sessions', 1]]],
    ['day-of-week', [['mon', 'engagement', 12], ['tue', 'clicks', 1], ['wed', 'sessions', 1]]],
    ['team', [['sales', 'engagement', 12], ['unknown', 'clicks', 1]]],
    ['persona', [['sharer', 'shares', 1], ['unknown', 'sessions', 1]]],
    ['topic', [['ai', 'shares', 1], ['cx', 'shares', 1], ['unknown', 'clicks', 1]]],
    ['content', [['c1', 'revenue', 20_000], ['unknown', 'conversions', 1]]],
    ['network', [['linkedin', 'engagement', 12], ['x', 'clicks', 1], ['unknown', 'conversions', 2]]],
  ] as const)('breaks down by %s', (dimension, expectations) => {
    const rows = aggregateMetrics(events, dimension);
    for (const [key, metric, value] of expectations) expect(rows.get(key)?.[metric]).toBe(value);
    expect([...rows.keys()]).toEqual(dimension === 'day-of-week' ? ['mon', 'tue', 'wed'] : [...rows.keys()].sort());
  });

  it('buckets days in the given time zone (UTC by default)', () => {
    expect(localDay('2026-11-24T01:00:00.000Z')).toEqual({ day: '2026-11-24', weekday: 'tue' });
    expect(localDay('2026-11-24T01:00:00.000Z', 'America/New_York')).toEqual({ day: '2026-11-23', weekday: 'mon' });
    expect(localDay('2026-11-23T23:30:00.000Z', 'Asia/Tokyo')).toEqual({ day: '2026-11-24', weekday: 'tue' });
    const tokyo = aggregateMetrics(events, 'day', { timeZone: 'Asia/Tokyo' });
    expect(tokyo.get('2026-11-24')?.engagement).toBe(12);
    expect(tokyo.get('2026-11-23')).toMatchObject({ shares: 1, engagement: 0 });
  });

  it('limits a breakdown to a half-open period', () => {
    const rows = aggregateMetrics(events, 'day', { period: { from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T09:00:00.000Z' } });
    expect([...rows.keys()]).toEqual(['2026-11-24']);
  });

  it('keeps per-day totals equal to the overall total in any zone (property)', () => {
    const arbEvent = fc.record({
      kind: fc.constantFrom<MetricEventKind>('session', 'share', 'engagement', 'click', 'conversion'),
      at: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }).map((t) => new Date(t).toISOString()),
      revenue: fc.nat(1000),
    });
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 60 }), fc.constantFrom('UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Asia/Kolkata'), (raw, timeZone) => {
        const evts: MetricEvent[] = raw.map((e) => ({ ...e, employeeId: 'x' }));
        const total = sumMetrics(evts);
        for (const dimension of ['day', 'day-of-week'] as const) {
          const rows = [...aggregateMetrics(evts, dimension, { timeZone }).values()];
          for (const name of METRIC_NAMES) expect(rows.reduce((s, r) => s + r[name], 0)).toBe(total[name]);
        }
      }),
    );
  });
});

describe('compareBreakdown', () => {
  it('compares keys present in either period, sorted, in a time zone', () => {
    const events: MetricEvent[] = [
      { kind: 'click', at: '2022-03-15T10:00:00.000Z', employeeId: 'a', team: 'sales' },
      { kind: 'click', at: '2022-03-15T10:00:00.000Z', employeeId: 'a', team: 'sales' },
      { kind: 'click', at: '2021-12-15T10:00:00.000Z', employeeId: 'a', team: 'sales' },
      { kind: 'click', at: '2021-12-15T10:00:00.000Z', employeeId: 'b', team: 'hr' },
    ];
    const byTeam = compareBreakdown(events, 'team', Q4_2021, Q1_2022);
    expect([...byTeam.keys()]).toEqual(['hr', 'sales']);
    expect(byTeam.get('sales')?.clicks).toEqual({ previous: 1, current: 2, changePercent: 100 });
    expect(byTeam.get('hr')?.clicks).toEqual({ previous: 1, current: 0, changePercent: -100 });
    const byDay = compareBreakdown(events, 'day', Q4_2021, Q1_2022, 'Pacific/Kiritimati');
    expect([...byDay.keys()]).toEqual(['2021-12-16', '2022-03-16']);
    expect(byDay.get('2022-03-16')?.clicks.changePercent).toBeNull();
  });
});

describe('countActiveAdvocates', () => {
  const period: MetricPeriod = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
  const share = (employeeId: string, at = '2026-11-10T00:00:00.000Z'): MetricEvent => ({ kind: 'share', at, employeeId });

  it.each([
    ['two of four shared, one of them twice', [share('a'), share('a'), share('b')], ['a', 'b', 'c', 'd'], { enrolled: 4, active: 2, percent: 50 }],
    ['only shares count, not clicks', [{ kind: 'click' as const, at: '2026-11-10T00:00:00.000Z', employeeId: 'a' }], ['a'], { enrolled: 1, active: 0, percent: 0 }],
    ['shares outside the period do not count', [share('a', '2026-12-01T00:00:00.000Z')], ['a', 'b'], { enrolled: 2, active: 0, percent: 0 }],
    ['non-enrolled sharers are ignored', [share('x'), share('a')], ['a', 'b', 'c'], { enrolled: 3, active: 1, percent: 33.3 }],
    ['nobody enrolled', [share('a')], [], { enrolled: 0, active: 0, percent: null }],
  ])('%s', (_label, events, enrolled, expected) => {
    expect(countActiveAdvocates(events, enrolled, period)).toEqual(expected);
  });
});
