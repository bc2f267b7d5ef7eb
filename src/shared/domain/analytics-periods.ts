/**
 * Analytics periods: whole UTC days (`from` inclusive, `to` exclusive), the current quarter, month
 * or ISO week, the period before one, and a period cut into months so reads use month rollups
 * wherever a month is covered whole.
 */
import type { MetricPeriod } from './metrics.js';

/** A period of whole UTC days: `from` inclusive, `to` exclusive (`YYYY-MM-DD`). */
export interface DayPeriod {
  from: string;
  to: string;
}

export const PERIOD_KINDS = ['quarter', 'month', 'week', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const DAY_MS = 86_400_000;
/** Start of a UTC day (`YYYY-MM-DD`) in epoch milliseconds. */
export const dayMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The quarter, month or ISO week (Monday first) containing `now`, in UTC. */
export function currentPeriod(kind: Exclude<PeriodKind, 'custom'>, now: string): DayPeriod {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (kind === 'quarter') {
    const q = Math.floor(m / 3) * 3;
    return { from: dayOf(Date.UTC(y, q, 1)), to: dayOf(Date.UTC(y, q + 3, 1)) };
  }
  if (kind === 'month') return { from: dayOf(Date.UTC(y, m, 1)), to: dayOf(Date.UTC(y, m + 1, 1)) };
  const start = Date.UTC(y, m, d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  return { from: dayOf(start), to: dayOf(start + 7 * DAY_MS) };
}

/**
 * The period before `period`: the previous calendar quarter or month for those kinds (so Q1 is
 * compared with Q4 whatever their lengths), else the same number of days just before.
 */
export function previousPeriod(period: DayPeriod, kind: PeriodKind): DayPeriod {
  const from = new Date(dayMs(period.from));
  if (kind === 'quarter' || kind === 'month') {
    const months = kind === 'quarter' ? 3 : 1;
    return { from: dayOf(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - months, 1)), to: period.from };
  }
  const length = dayMs(period.to) - dayMs(period.from);
  return { from: dayOf(dayMs(period.from) - length), to: period.from };
}

/** The instants of a day period, for the `metrics.ts` functions. */
export function toMetricPeriod(period: DayPeriod): MetricPeriod {
  return { from: `${period.from}T00:00:00.000Z`, to: `${period.to}T00:00:00.000Z` };
}

/** Every day of a period. */
export function daysOf(period: DayPeriod): string[] {
  const out: string[] = [];
  for (let t = dayMs(period.from); t < dayMs(period.to); t += DAY_MS) out.push(dayOf(t));
  return out;
}

/** Number of days of a period. */
export function periodLength(period: DayPeriod): number {
  return Math.round((dayMs(period.to) - dayMs(period.from)) / DAY_MS);
}

/** One month of a period: read its rollup when the period covers it whole, else its days. */
export interface PeriodSegment {
  month: string;
  whole: boolean;
  days: string[];
}

/** Splits a period into months, whole or partial, so a read fetches rollups wherever it can. */
export function segmentPeriod(period: DayPeriod): PeriodSegment[] {
  const segments = new Map<string, string[]>();
  for (const day of daysOf(period)) {
    const month = day.slice(0, 7);
    const days = segments.get(month);
    if (days) days.push(day);
    else segments.set(month, [day]);
  }
  return [...segments].map(([month, days]) => {
    const first = new Date(dayMs(`${month}-01`));
    const inMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    return { month, whole: days.length === inMonth, days };
  });
}
