/**
 * Programme metrics. Oktopost (seed 003) measured board sessions, shares, engagement, clicks and
 * conversions period over period and per weekday; GaggleAMP (seed 002) traces closed deals back to
 * the message (revenue). Onalytica (seed 000/001) warns against rigid KPIs, so these are
 * descriptive aggregates, not targets.
 */
import type { IsoInstant, Network, Persona } from './types.js';

export const METRIC_EVENT_KINDS = ['session', 'share', 'engagement', 'click', 'conversion'] as const;
export type MetricEventKind = (typeof METRIC_EVENT_KINDS)[number];

/** One measured event (a board open, a share, reactions, a counted click, a lead or deal). */
export interface MetricEvent {
  kind: MetricEventKind;
  at: IsoInstant;
  employeeId: string;
  team?: string;
  persona?: Persona;
  topics?: string[];
  contentId?: string;
  network?: Network;
  /** Campaign the share or click came through, if any. */
  campaignId?: string;
  /** How many this event stands for (e.g. 12 reactions synced at once); default 1. */
  count?: number;
  /** Conversion value in the programme currency (seed 002: the $5,000 or $20,000 deal). */
  revenue?: number;
}

/** Totals of every metric. */
export interface MetricTotals {
  sessions: number;
  shares: number;
  engagement: number;
  clicks: number;
  conversions: number;
  revenue: number;
}
export type MetricName = keyof MetricTotals;
export const METRIC_NAMES: readonly MetricName[] = ['sessions', 'shares', 'engagement', 'clicks', 'conversions', 'revenue'];

const FIELD: Record<MetricEventKind, Exclude<MetricName, 'revenue'>> = {
  session: 'sessions',
  share: 'shares',
  engagement: 'engagement',
  click: 'clicks',
  conversion: 'conversions',
};

/** A half-open period [from, to). */
export interface MetricPeriod {
  from: IsoInstant;
  to: IsoInstant;
}

export function emptyTotals(): MetricTotals {
  return { sessions: 0, shares: 0, engagement: 0, clicks: 0, conversions: 0, revenue: 0 };
}

function inPeriod(at: IsoInstant, period?: MetricPeriod): boolean {
  if (period === undefined) return true;
  const t = Date.parse(at);
  return t >= Date.parse(period.from) && t < Date.parse(period.to);
}

/** Adds one event to running totals (the one place the arithmetic lives; read models reuse it). */
export function addMetricEvent(totals: MetricTotals, event: MetricEvent): void {
  addEvent(totals, event);
}

function addEvent(totals: MetricTotals, event: MetricEvent): void {
  const count = event.count !== undefined && Number.isFinite(event.count) ? event.count : 1;
  totals[FIELD[event.kind]] += count;
  if (event.kind === 'conversion' && event.revenue !== undefined && Number.isFinite(event.revenue)) {
    totals.revenue += event.revenue;
  }
}

/** Totals over a period (all events when no period is given). */
export function sumMetrics(events: readonly MetricEvent[], period?: MetricPeriod): MetricTotals {
  const totals = emptyTotals();
  for (const event of events) if (inPeriod(event.at, period)) addEvent(totals, event);
  return totals;
}

export type MetricDimension = 'day' | 'day-of-week' | 'team' | 'persona' | 'topic' | 'content' | 'network' | 'campaign' | 'person';

/** Weekday keys, Monday first as business reports show them. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Key used when an event lacks the dimension (e.g. a session has no content). */
export const UNKNOWN_KEY = 'unknown';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
    dayFormatters.set(timeZone, f);
  }
  return f;
}

/**
 * Local calendar day (`YYYY-MM-DD`) and weekday of an instant in a time zone (UTC by default).
 * Uses `Intl.DateTimeFormat`, a JS built-in, so it runs in the bot and the browser tab alike.
 */
export function localDay(at: IsoInstant, timeZone = 'UTC'): { day: string; weekday: WeekdayKey } {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = get('weekday').toLowerCase() as WeekdayKey;
  return { day: `${get('year')}-${get('month')}-${get('day')}`, weekday };
}

/** The keys an event counts under in a dimension (read models use the same keys as the breakdowns). */
export function metricKeys(event: MetricEvent, dimension: MetricDimension, timeZone = 'UTC'): string[] {
  return keysOf(event, dimension, timeZone);
}

function keysOf(event: MetricEvent, dimension: MetricDimension, timeZone: string): string[] {
  switch (dimension) {
    case 'day':
      return [localDay(event.at, timeZone).day];
    case 'day-of-week':
      return [localDay(event.at, timeZone).weekday];
    case 'team':
      return [event.team ?? UNKNOWN_KEY];
    case 'persona':
      return [event.persona ?? UNKNOWN_KEY];
    case 'topic':
      return event.topics !== undefined && event.topics.length > 0 ? [...new Set(event.topics)] : [UNKNOWN_KEY];
    case 'content':
      return [event.contentId ?? UNKNOWN_KEY];
    case 'network':
      return [event.network ?? UNKNOWN_KEY];
    case 'campaign':
      return [event.campaignId ?? UNKNOWN_KEY];
    case 'person':
      return [event.employeeId];
  }
}

/** Options of a breakdown. */
export interface BreakdownOptions {
  period?: MetricPeriod;
  /** IANA zone for day buckets; UTC by default. */
  timeZone?: string;
}

/**
 * Totals per key of a dimension. An event with several topics counts once under each topic, so
 * topic rows can sum to more than the total. Keys are sorted (weekdays Monday first).
 */
export function aggregateMetrics(
  events: readonly MetricEvent[],
  dimension: MetricDimension,
  options: BreakdownOptions = {},
): Map<string, MetricTotals> {
  const timeZone = options.timeZone ?? 'UTC';
  const rows = new Map<string, MetricTotals>();
  for (const event of events) {
    if (!inPeriod(event.at, options.period)) continue;
    for (const key of keysOf(event, dimension, timeZone)) {
      const totals = rows.get(key) ?? emptyTotals();
      addEvent(totals, event);
      rows.set(key, totals);
    }
  }
  const order = (k: string): number => (WEEKDAY_KEYS as readonly string[]).indexOf(k);
  const keys = [...rows.keys()].sort((a, b) =>
    dimension === 'day-of-week' ? order(a) - order(b) : a < b ? -1 : a > b ? 1 : 0,
  );
  return new Map(keys.map((k) => [k, rows.get(k) ?? emptyTotals()] as const));
}

/**
 * Change from `previous` to `current` in percent, rounded to one decimal (the Oktopost table uses
 * whole percents; one decimal keeps small programmes readable). Null when the baseline is 0:
 * growth from nothing has no meaningful percentage.
 */
export function percentChange(previous: number, current: number): number | null {
  if (previous === 0) return null;
  const raw = ((current - previous) / Math.abs(previous)) * 100;
  const rounded = Math.round(raw * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** One metric in a period-over-period table. */
export interface MetricChange {
  previous: number;
  current: number;
  changePercent: number | null;
}
export type MetricComparison = Record<MetricName, MetricChange>;

function compareTotals(previous: MetricTotals, current: MetricTotals): MetricComparison {
  const out = {} as MetricComparison;
  for (const name of METRIC_NAMES) {
    out[name] = { previous: previous[name], current: current[name], changePercent: percentChange(previous[name], current[name]) };
  }
  return out;
}

/** Period-over-period table for every metric (e.g. Q4 2021 vs Q1 2022, seed 003). */
export function comparePeriods(
  events: readonly MetricEvent[],
  previous: MetricPeriod,
  current: MetricPeriod,
): MetricComparison {
  return compareTotals(sumMetrics(events, previous), sumMetrics(events, current));
}

/**
 * Period-over-period per key of a dimension (seed 003: engagement per weekday, Saturday +205%).
 * Keys present in either period appear; a key missing in one period compares against zeros.
 */
export function compareBreakdown(
  events: readonly MetricEvent[],
  dimension: MetricDimension,
  previous: MetricPeriod,
  current: MetricPeriod,
  timeZone?: string,
): Map<string, MetricComparison> {
  const zone = timeZone === undefined ? {} : { timeZone };
  const before = aggregateMetrics(events, dimension, { period: previous, ...zone });
  const after = aggregateMetrics(events, dimension, { period: current, ...zone });
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  if (dimension === 'day-of-week') {
    keys.sort((a, b) => (WEEKDAY_KEYS as readonly string[]).indexOf(a) - (WEEKDAY_KEYS as readonly string[]).indexOf(b));
  } else keys.sort();
  return new Map(
    keys.map((k) => [k, compareTotals(before.get(k) ?? emptyTotals(), after.get(k) ?? emptyTotals())] as const),
  );
}

/** Active advocates over a period. */
export interface ActiveAdvocates {
  enrolled: number;
  active: number;
  /** Active / enrolled in percent, one decimal; null with nobody enrolled. */
  percent: number | null;
}

/**
 * Share of enrolled people with at least one share in the period. People who shared but are not
 * enrolled (left the programme) are not counted, so the figure never exceeds 100%.
 */
export function countActiveAdvocates(
  events: readonly MetricEvent[],
  enrolledIds: readonly string[],
  period: MetricPeriod,
): ActiveAdvocates {
  const enrolled = new Set(enrolledIds);
  const active = new Set<string>();
  for (const event of events) {
    if (event.kind === 'share' && enrolled.has(event.employeeId) && inPeriod(event.at, period)) active.add(event.employeeId);
  }
  return {
    enrolled: enrolled.size,
    active: active.size,
    percent: enrolled.size === 0 ? null : Math.round((active.size / enrolled.size) * 1000) / 10,
  };
}
