import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeAdvocatesFrom,
  buildAggregateRows,
  chunkOf,
  compareKpis,
  summarizeAggregates,
  utcDay,
  type AggregateRow,
} from '../../../src/shared/domain/analytics.js';
import { currentPeriod, daysOf, periodLength, previousPeriod, segmentPeriod, toMetricPeriod, type DayPeriod } from '../../../src/shared/domain/analytics-periods.js';
import {
  countSharesWithClicks,
  MANUAL_READINESS_ITEMS,
  personaChartPoint,
  personaQuadrants,
  potentialReach,
  rolloutChecklist,
} from '../../../src/shared/domain/analytics-pilot.js';
import { aggregateMetrics, countActiveAdvocates, emptyTotals, metricKeys, sumMetrics, type MetricEvent } from '../../../src/shared/domain/metrics.js';
import type { PilotReadiness } from '../../../src/shared/domain/pilot.js';

const TEAMS = ['sales', 'marketing'];
const event = (i: number, at: string, extra: Partial<MetricEvent> = {}): MetricEvent => ({
  kind: (['session', 'share', 'engagement', 'click', 'conversion'] as const)[i % 5] ?? 'click',
  at,
  employeeId: `p${i % 7}`,
  team: TEAMS[i % 2] ?? 'sales',
  persona: i % 3 === 0 ? 'sharer' : 'observer',
  topics: i % 4 === 0 ? ['ai', 'ai', 'cloud'] : i % 4 === 1 ? [] : ['cloud'],
  contentId: i % 6 === 0 ? undefined : `c${i % 5}`,
  network: i % 2 === 0 ? 'linkedin' : 'x',
  campaignId: i % 3 === 0 ? 'launch' : undefined,
  count: i % 5 === 2 ? 3 : undefined,
  revenue: i % 5 === 4 ? 1000 * (i % 4) : undefined,
  ...extra,
});

/** Reads rows the way the repository does: month rollups for whole months, day rows otherwise. */
function readPeriod(rows: AggregateRow[], period: DayPeriod): { segmentRows: AggregateRow[]; dayRows: AggregateRow[] } {
  const segments = segmentPeriod(period);
  const segmentRows = rows.filter((r) => segments.some((s) => (s.whole ? r.scope === s.month : s.days.includes(r.scope))));
  const dayRows = rows.filter((r) => r.dimension === 'all' && daysOf(period).includes(r.scope));
  return { segmentRows, dayRows };
}

const instant = fc.integer({ min: Date.parse('2026-06-01T00:00:00Z'), max: Date.parse('2026-12-31T23:59:59Z') }).map((t) => new Date(t).toISOString());

describe('analytics read model equals the metrics over the same events', () => {
  it.each([
    ['a whole quarter', { from: '2026-10-01', to: '2027-01-01' }],
    ['a partial month range', { from: '2026-09-12', to: '2026-11-03' }],
    ['a week', { from: '2026-11-23', to: '2026-11-30' }],
  ])('for %s', (_name, period) => {
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 120 }), (ats) => {
        const events = ats.map((at, i) => event(i, at));
        const rows = buildAggregateRows(events);
        const read = readPeriod(rows, period);
        const summary = summarizeAggregates(period, read.segmentRows, read.dayRows);
        const mp = toMetricPeriod(period);
        expect(summary.totals).toEqual(sumMetrics(events, mp));
        for (const dimension of ['team', 'persona', 'topic', 'content', 'network', 'campaign', 'person'] as const) {
          expect(summary.breakdowns[dimension], dimension).toEqual(aggregateMetrics(events, dimension, { period: mp }));
        }
        const weekdays = aggregateMetrics(events, 'day-of-week', { period: mp });
        for (const w of summary.byWeekday) expect(w.totals).toEqual(weekdays.get(w.weekday) ?? emptyTotals());
        const days = aggregateMetrics(events, 'day', { period: mp });
        expect(summary.byDay.length).toBe(periodLength(period));
        for (const d of summary.byDay) expect(d.totals).toEqual(days.get(d.day) ?? emptyTotals());
        const enrolled = ['p0', 'p1', 'p2', 'p3', 'p9'];
        expect(activeAdvocatesFrom(summary.breakdowns.person, enrolled)).toEqual(countActiveAdvocates(events, enrolled, mp));
      }),
      { numRuns: 40 },
    );
  });

  it('ignores rows outside the period and non-`all` day rows in the trend', () => {
    const rows = buildAggregateRows([event(1, '2026-11-02T10:00:00Z'), event(3, '2026-12-02T10:00:00Z')]);
    const period = { from: '2026-11-01', to: '2026-12-01' };
    const summary = summarizeAggregates(period, rows, rows);
    expect(summary.totals).toEqual(sumMetrics([event(1, '2026-11-02T10:00:00Z')]));
    expect(summary.byDay.find((d) => d.day === '2026-11-02')?.totals.shares).toBe(1);
  });

  it('spreads keys over stable chunks', () => {
    expect(chunkOf('emp-1', 16)).toBe(chunkOf('emp-1', 16));
    expect(chunkOf('anything', 1)).toBe(0);
    const used = new Set(Array.from({ length: 400 }, (_, i) => chunkOf(`emp-${i}`, 16)));
    expect(used.size).toBe(16);
    const rows = buildAggregateRows(Array.from({ length: 60 }, (_, i) => event(i, '2026-11-02T10:00:00Z', { employeeId: `e${i}` })));
    expect(rows.filter((r) => r.dimension === 'person' && r.scope === '2026-11').length).toBeGreaterThan(8);
  });

  it('keys campaign and person like the metrics rules', () => {
    const e = event(0, '2026-11-02T10:00:00Z');
    expect(metricKeys(e, 'campaign')).toEqual(['launch']);
    expect(metricKeys({ ...e, campaignId: undefined }, 'campaign')).toEqual(['unknown']);
    expect(metricKeys(e, 'person')).toEqual(['p0']);
    expect(utcDay('2026-11-02T23:59:59.999Z')).toBe('2026-11-02');
    expect(utcDay('2026-11-02T23:30:00-05:00')).toBe('2026-11-03');
  });
});

describe('periods', () => {
  it.each([
    ['quarter', '2026-12-03T09:00:00Z', { from: '2026-10-01', to: '2027-01-01' }, { from: '2026-07-01', to: '2026-10-01' }],
    ['quarter', '2026-02-10T09:00:00Z', { from: '2026-01-01', to: '2026-04-01' }, { from: '2025-10-01', to: '2026-01-01' }],
    ['month', '2026-03-31T23:00:00Z', { from: '2026-03-01', to: '2026-04-01' }, { from: '2026-02-01', to: '2026-03-01' }],
    ['month', '2026-01-15T00:00:00Z', { from: '2026-01-01', to: '2026-02-01' }, { from: '2025-12-01', to: '2026-01-01' }],
    ['week', '2026-12-03T09:00:00Z', { from: '2026-11-30', to: '2026-12-07' }, { from: '2026-11-23', to: '2026-11-30' }],
    ['week', '2026-12-06T23:00:00Z', { from: '2026-11-30', to: '2026-12-07' }, { from: '2026-11-23', to: '2026-11-30' }],
  ] as const)('%s containing %s', (kind, now, current, previous) => {
    const period = currentPeriod(kind, now);
    expect(period).toEqual(current);
    expect(previousPeriod(period, kind)).toEqual(previous);
  });

  it('puts a custom period against the same number of days before it', () => {
    expect(previousPeriod({ from: '2026-11-10', to: '2026-11-20' }, 'custom')).toEqual({ from: '2026-10-31', to: '2026-11-10' });
    expect(periodLength({ from: '2026-11-10', to: '2026-11-20' })).toBe(10);
  });

  it('splits a period into whole and partial months', () => {
    expect(segmentPeriod({ from: '2026-09-29', to: '2026-12-02' }).map((s) => [s.month, s.whole, s.days.length])).toEqual([
      ['2026-09', false, 2],
      ['2026-10', true, 31],
      ['2026-11', true, 30],
      ['2026-12', false, 1],
    ]);
    expect(segmentPeriod({ from: '2024-02-01', to: '2024-03-01' })[0]?.whole).toBe(true);
  });
});

describe('KPIs', () => {
  it('compares every metric and active advocates, with no percentage from a zero baseline', () => {
    const kpis = compareKpis({ ...emptyTotals(), clicks: 150, revenue: 500, activeAdvocatesPercent: 40 }, { ...emptyTotals(), clicks: 100, activeAdvocatesPercent: null });
    expect(kpis.clicks).toEqual({ current: 150, previous: 100, changePercent: 50 });
    expect(kpis.revenue.changePercent).toBeNull();
    expect(kpis.activeAdvocatesPercent).toEqual({ current: 40, previous: 0, changePercent: null });
  });

  it('counts nobody active among nobody enrolled as no percentage', () => {
    expect(activeAdvocatesFrom(new Map(), [])).toEqual({ enrolled: 0, active: 0, percent: null });
  });
});

describe('pilot figures', () => {
  it('places a person on the persona chart, or nowhere before the audit', () => {
    const audit = { audience: { linkedin: 400, x: 200, facebook: -5 }, postsPerMonth: 6, goals: [], learningStyle: 'video' as const, wantsToGrow: true, auditedAt: '2026-01-01T00:00:00Z' };
    expect(personaChartPoint({ id: 'a', audit, persona: 'influencer', leader: true })).toEqual({ employeeId: 'a', audience: 600, postsPerMonth: 6, persona: 'influencer', leader: true });
    expect(personaChartPoint({ id: 'b', audit: { ...audit, postsPerMonth: Number.NaN }, persona: 'networker', leader: false })?.postsPerMonth).toBe(0);
    expect(personaChartPoint({ id: 'c', persona: 'observer', leader: false })).toBeUndefined();
    expect(personaQuadrants()).toEqual({ audience: 500, postsPerMonth: 4 });
  });

  it('sums potential reach per share on its network and counts shares that brought clicks', () => {
    expect(potentialReach([{ network: 'linkedin' }, { network: 'linkedin' }, { network: 'x' }, { network: 'facebook' }], { linkedin: 1000, x: 50, facebook: Number.NaN })).toBe(2050);
    expect(potentialReach([{ network: 'x' }], undefined)).toBe(0);
    expect(countSharesWithClicks([{ linkCode: 'a' }, { linkCode: 'b' }, { linkCode: 'c' }], [{ code: 'a' }, { code: 'a' }, { code: 'c' }])).toBe(2);
  });

  it('builds the rollout checklist from computed and hand-ticked items', () => {
    const readiness: PilotReadiness = { items: [{ id: 'cohort-not-empty', met: true, actual: 3, target: 1, blocking: true }, { id: 'cohort-clicks', met: false, actual: 10, target: 50, blocking: true }], percent: 50 };
    const tick = { checked: true, by: 'a', byName: 'A', at: '2026-11-01T00:00:00Z' };
    const list = rolloutChecklist(readiness, { actual: 4, target: 10 }, { 'legal-review': tick, 'security-review': { ...tick, checked: false } });
    expect(list.items.map((i) => i.id)).toEqual(['cohort-not-empty', 'cohort-clicks', 'shares-with-clicks', ...MANUAL_READINESS_ITEMS]);
    expect(list.items.filter((i) => i.met).map((i) => i.id)).toEqual(['cohort-not-empty', 'legal-review']);
    expect(list.items.find((i) => i.id === 'legal-review')?.tick).toEqual(tick);
    expect(list.percent).toBe(Math.round((2 / 7) * 100));
    expect(list.allMet).toBe(false);
    const all = rolloutChecklist({ items: [], percent: 100 }, { actual: 10, target: 10 }, Object.fromEntries(MANUAL_READINESS_ITEMS.map((id) => [id, tick])));
    expect(all.allMet).toBe(true);
  });
});
