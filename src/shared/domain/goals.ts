/**
 * Personal goals on "My impact" (seed 002: choice, not obligation; a person sets their own
 * targets) and the clicks-over-time series. Progress is always computed from stored events
 * (shares, clicks) and the person's own social audit, never from a counter the person could edit.
 */
import { DAY_MS } from './contests.js';
import { localDay } from './metrics.js';
import { sumAudience } from './personas.js';
import type { IsoInstant, SocialAudit } from './types.js';

/** What a person can aim for: shares or clicks in the current month, or an audience size. */
export const GOAL_KINDS = ['shares-per-month', 'clicks-per-month', 'audience'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Highest target accepted per kind (a typo of 10,000,000 is refused, not stored). */
export const GOAL_MAX_TARGET: Readonly<Record<GoalKind, number>> = Object.freeze({
  'shares-per-month': 500,
  'clicks-per-month': 100_000,
  audience: 10_000_000,
});

/** A goal as stored: one per kind and person. */
export interface PersonalGoal {
  kind: GoalKind;
  /** Whole number >= 1 and <= `GOAL_MAX_TARGET[kind]`. */
  target: number;
  setAt: IsoInstant;
}

/** The facts progress is computed from. */
export interface GoalFacts {
  /** When the person shared (all their shares; the month filter is applied here). */
  shareTimes: readonly IsoInstant[];
  /** When each unique click on their links happened. */
  clickTimes: readonly IsoInstant[];
  audit?: Pick<SocialAudit, 'audience'>;
  /** The person's IANA time zone: "this month" is their local month. */
  timeZone: string;
  now: IsoInstant;
}

/** A goal with how far along it is. */
export interface GoalProgress extends PersonalGoal {
  current: number;
  /** 0..1, capped at 1. */
  ratio: number;
  reached: boolean;
}

/** Why a target is refused, or undefined when valid. */
export function checkGoalTarget(kind: GoalKind, target: number): 'not-whole' | 'too-small' | 'too-large' | undefined {
  if (!Number.isSafeInteger(target)) return 'not-whole';
  if (target < 1) return 'too-small';
  if (target > GOAL_MAX_TARGET[kind]) return 'too-large';
  return undefined;
}

/** The local month `YYYY-MM` of an instant in a time zone. */
export function localMonth(at: IsoInstant, timeZone: string): string {
  return localDay(at, timeZone).day.slice(0, 7);
}

/** How many instants fall in the same local month as `now`. */
export function countThisMonth(times: readonly IsoInstant[], timeZone: string, now: IsoInstant): number {
  const month = localMonth(now, timeZone);
  return times.reduce((n, at) => (localMonth(at, timeZone) === month ? n + 1 : n), 0);
}

/** Progress of each goal, in `GOAL_KINDS` order. */
export function computeGoalProgress(goals: readonly PersonalGoal[], facts: GoalFacts): GoalProgress[] {
  const order = (g: PersonalGoal) => GOAL_KINDS.indexOf(g.kind);
  return [...goals]
    .sort((a, b) => order(a) - order(b))
    .map((goal) => {
      const current =
        goal.kind === 'shares-per-month'
          ? countThisMonth(facts.shareTimes, facts.timeZone, facts.now)
          : goal.kind === 'clicks-per-month'
            ? countThisMonth(facts.clickTimes, facts.timeZone, facts.now)
            : facts.audit
              ? sumAudience(facts.audit)
              : 0;
      const ratio = goal.target > 0 ? Math.min(1, current / goal.target) : 0;
      return { ...goal, current, ratio, reached: current >= goal.target };
    });
}

/** A bucket of a time series: its first local day `YYYY-MM-DD` and the count in it. */
export interface SeriesPoint {
  start: string;
  count: number;
}

/**
 * Counts per local day for the `days` days ending today (oldest first), or per ISO week
 * (Monday-first, local days) for the `weeks` weeks ending this week. Empty buckets are 0, so the
 * chart shows quiet days; instants outside the window are left out.
 */
export function countSeries(times: readonly IsoInstant[], unit: 'day' | 'week', span: number, timeZone: string, now: IsoInstant): SeriesPoint[] {
  if (!Number.isSafeInteger(span) || span < 1) throw new RangeError('A series spans at least one bucket.');
  const today = localDay(now, timeZone).day;
  const todayMs = Date.parse(`${today}T00:00:00.000Z`);
  const startOf = (dayMs: number) => (unit === 'day' ? dayMs : dayMs - ((new Date(dayMs).getUTCDay() + 6) % 7) * DAY_MS);
  const step = unit === 'day' ? DAY_MS : 7 * DAY_MS;
  const last = startOf(todayMs);
  const buckets = new Map<number, number>();
  for (let i = span - 1; i >= 0; i--) buckets.set(last - i * step, 0);
  for (const at of times) {
    const dayMs = Date.parse(`${localDay(at, timeZone).day}T00:00:00.000Z`);
    const key = startOf(dayMs);
    const count = buckets.get(key);
    if (count !== undefined) buckets.set(key, count + 1);
  }
  return [...buckets].map(([ms, count]) => ({ start: new Date(ms).toISOString().slice(0, 10), count }));
}
