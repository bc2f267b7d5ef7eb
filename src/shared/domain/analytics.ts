/**
 * Analytics read models and periods. The page figures come from stored aggregates, not from a
 * scan of every event, so a quarter of a 50,000-person tenant answers fast; the aggregates are
 * built with the very arithmetic and keys of `metrics.ts` (`addMetricEvent`, `metricKeys`), so
 * summing them gives exactly what `sumMetrics`, `aggregateMetrics` and `countActiveAdvocates`
 * give over the same events. Days are UTC days.
 */
import {
  addMetricEvent,
  emptyTotals,
  metricKeys,
  METRIC_NAMES,
  percentChange,
  WEEKDAY_KEYS,
  type MetricEvent,
  type MetricName,
  type MetricTotals,
  type WeekdayKey,
} from './metrics.js';
import { dayMs, daysOf, segmentPeriod, type DayPeriod } from './analytics-periods.js';

/** Dimensions of the read model: `all` (the totals) and every breakdown the Analytics page shows. */
export const AGGREGATE_DIMENSIONS = ['all', 'team', 'persona', 'topic', 'content', 'network', 'campaign', 'person'] as const;
export type AggregateDimension = (typeof AGGREGATE_DIMENSIONS)[number];
/** The breakdowns (every dimension but `all`). */
export const BREAKDOWN_DIMENSIONS = ['team', 'persona', 'topic', 'content', 'network', 'campaign', 'person'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** Key of the single cell of the `all` dimension. */
export const ALL_KEY = 'all';

/**
 * Rows per (scope, dimension): keys are spread over this many chunks by a stable hash, so a cell
 * map stays well inside one table entity (a month of 50,000 people is 16 rows of about 3,000).
 */
export const DIMENSION_CHUNKS: Readonly<Record<AggregateDimension, number>> = Object.freeze({
  all: 1,
  team: 1,
  persona: 1,
  topic: 1,
  content: 4,
  network: 1,
  campaign: 1,
  person: 16,
});

/** Stable chunk of a key (FNV-1a, 32 bit): the same key always lands in the same row. */
export function chunkOf(key: string, chunks: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % chunks;
}

/**
 * One stored cell map: totals per key for one scope (a UTC day `YYYY-MM-DD` or a month
 * `YYYY-MM`, the month rollup), one dimension and one chunk.
 */
export interface AggregateRow {
  scope: string;
  dimension: AggregateDimension;
  chunk: number;
  cells: Record<string, MetricTotals>;
}

/** UTC day of an instant. */
export function utcDay(at: string): string {
  // Stored instants are UTC ISO strings (`...Z`): their first ten characters are the day.
  if (at.length >= 20 && at.endsWith('Z') && at[10] === 'T') return at.slice(0, 10);
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Day rows and month rollups of every dimension for `events`. Each event is added once per key
 * of each dimension, with `addMetricEvent`; the month rollup of a dimension is the sum of its days.
 */
export function buildAggregateRows(events: readonly MetricEvent[]): AggregateRow[] {
  // Hot loop (a quarter can hold millions of events): rows are found through nested maps and
  // each key's chunk is hashed once per dimension.
  const rows: AggregateRow[] = [];
  const byScope = new Map<string, Map<AggregateDimension, AggregateRow[]>>();
  const chunkCache = new Map<AggregateDimension, Map<string, number>>(AGGREGATE_DIMENSIONS.map((d) => [d, new Map()]));
  const rowOf = (scope: string, dimension: AggregateDimension, chunk: number): AggregateRow => {
    let dims = byScope.get(scope);
    if (dims === undefined) {
      dims = new Map();
      byScope.set(scope, dims);
    }
    let chunks = dims.get(dimension);
    if (chunks === undefined) {
      chunks = [];
      dims.set(dimension, chunks);
    }
    let row = chunks[chunk];
    if (row === undefined) {
      row = { scope, dimension, chunk, cells: {} };
      chunks[chunk] = row;
      rows.push(row);
    }
    return row;
  };
  const add = (row: AggregateRow, key: string, event: MetricEvent): void => {
    let totals = row.cells[key];
    if (totals === undefined) {
      totals = emptyTotals();
      row.cells[key] = totals;
    }
    addMetricEvent(totals, event);
  };
  for (const event of events) {
    const day = utcDay(event.at);
    const month = day.slice(0, 7);
    for (const dimension of AGGREGATE_DIMENSIONS) {
      const keys = dimension === 'all' ? [ALL_KEY] : metricKeys(event, dimension);
      const cache = chunkCache.get(dimension) as Map<string, number>;
      for (const key of keys) {
        let chunk = cache.get(key);
        if (chunk === undefined) {
          chunk = chunkOf(key, DIMENSION_CHUNKS[dimension]);
          cache.set(key, chunk);
        }
        add(rowOf(day, dimension, chunk), key, event);
        add(rowOf(month, dimension, chunk), key, event);
      }
    }
  }
  return rows;
}

/** Adds `b` into `a`. */
export function addTotals(a: MetricTotals, b: MetricTotals): void {
  for (const name of METRIC_NAMES) a[name] += b[name];
}

/** What the Analytics page shows for one period, summed from aggregate rows. */
export interface AggregateSummary {
  totals: MetricTotals;
  /** Totals per UTC day, every day of the period present (zeros included), in order. */
  byDay: { day: string; totals: MetricTotals }[];
  /** Totals per weekday, Monday first. */
  byWeekday: { weekday: WeekdayKey; totals: MetricTotals }[];
  breakdowns: Record<BreakdownDimension, Map<string, MetricTotals>>;
}

/**
 * Sums the rows covering a period: month rollups of its whole months plus day rows of its other
 * days (`segmentRows`, any dimension), and the `all` day rows of every day (`dayRows`, for the
 * trend and weekdays). Rows outside the period are ignored, so a reader may over-fetch.
 */
export function summarizeAggregates(period: DayPeriod, segmentRows: readonly AggregateRow[], dayRows: readonly AggregateRow[]): AggregateSummary {
  const segments = segmentPeriod(period);
  const wholeMonths = new Set(segments.filter((s) => s.whole).map((s) => s.month));
  const partialDays = new Set(segments.filter((s) => !s.whole).flatMap((s) => s.days));
  const counts = (row: AggregateRow): boolean => (row.scope.length === 7 ? wholeMonths.has(row.scope) : partialDays.has(row.scope));
  const totals = emptyTotals();
  const breakdowns = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [d, new Map<string, MetricTotals>()])) as AggregateSummary['breakdowns'];
  for (const row of segmentRows) {
    if (!counts(row)) continue;
    for (const [key, cell] of Object.entries(row.cells)) {
      if (row.dimension === 'all') {
        addTotals(totals, cell);
        continue;
      }
      const map = breakdowns[row.dimension];
      const sum = map.get(key) ?? emptyTotals();
      addTotals(sum, cell);
      map.set(key, sum);
    }
  }
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    breakdowns[dimension] = new Map([...breakdowns[dimension]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  const days = daysOf(period);
  const perDay = new Map(days.map((day) => [day, emptyTotals()] as const));
  for (const row of dayRows) {
    const target = row.dimension === 'all' ? perDay.get(row.scope) : undefined;
    const cell = row.cells[ALL_KEY];
    if (target !== undefined && cell !== undefined) addTotals(target, cell);
  }
  const weekdays = new Map(WEEKDAY_KEYS.map((k) => [k, emptyTotals()] as const));
  for (const [day, dayTotals] of perDay) {
    const weekday = WEEKDAY_KEYS[(new Date(dayMs(day)).getUTCDay() + 6) % 7] as WeekdayKey;
    addTotals(weekdays.get(weekday) as MetricTotals, dayTotals);
  }
  return {
    totals,
    byDay: [...perDay].map(([day, t]) => ({ day, totals: t })),
    byWeekday: [...weekdays].map(([weekday, t]) => ({ weekday, totals: t })),
    breakdowns,
  };
}

/**
 * Active advocates from the person breakdown: enrolled people with at least one share in the
 * period, over the enrolled (the same figure as `countActiveAdvocates` over the events).
 */
export function activeAdvocatesFrom(people: ReadonlyMap<string, MetricTotals>, enrolledIds: readonly string[]): { enrolled: number; active: number; percent: number | null } {
  const enrolled = new Set(enrolledIds);
  let active = 0;
  for (const id of enrolled) if ((people.get(id)?.shares ?? 0) > 0) active++;
  return { enrolled: enrolled.size, active, percent: enrolled.size === 0 ? null : Math.round((active / enrolled.size) * 1000) / 10 };
}

/** A KPI of the page: current, previous and the change in percent (null from a zero baseline). */
export interface Kpi {
  current: number;
  previous: number;
  changePercent: number | null;
}

/** KPI names: the metric totals plus active advocates (percent of the enrolled). */
export type KpiName = MetricName | 'activeAdvocatesPercent';

/** The KPI table of two periods. */
export function compareKpis(
  current: MetricTotals & { activeAdvocatesPercent: number | null },
  previous: MetricTotals & { activeAdvocatesPercent: number | null },
): Record<KpiName, Kpi> {
  const out = {} as Record<KpiName, Kpi>;
  for (const name of [...METRIC_NAMES, 'activeAdvocatesPercent'] as const) {
    const c = current[name] ?? 0;
    const p = previous[name] ?? 0;
    out[name] = { current: c, previous: p, changePercent: percentChange(p, c) };
  }
  return out;
}
