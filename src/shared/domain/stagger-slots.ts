/**
 * A person's allowed slots as ranges of slot indexes, computed per local day with binary search
 * instead of testing every slot of the window per person: with per-person hours, working days and
 * quiet hours nearly everyone has their own rules, and a 5-minute window has thousands of slots.
 * Equal range lists mean equal slot sets, so they also key the planner's classes.
 */
import type { HourRange, ZoneTable } from './time-zones.js';

/** Slots `[start, end)` of one zone in which the local date is fixed and the local minute rises. */
export interface ZoneRun {
  start: number;
  end: number;
  weekday: number;
  week: number;
}

/** Splits a zone's slots into runs of one local day with strictly rising minutes (DST repeats start a new run). */
export function buildZoneRuns(zone: ZoneTable): ZoneRun[] {
  const runs: ZoneRun[] = [];
  const n = zone.weekday.length;
  let start = 0;
  for (let i = 1; i <= n; i += 1) {
    const split = i === n
      || zone.weekday[i] !== zone.weekday[i - 1]
      || (zone.minuteOfDay[i] ?? 0) <= (zone.minuteOfDay[i - 1] ?? 0);
    if (!split) continue;
    runs.push({ start, end: i, weekday: zone.weekday[start] ?? 0, week: zone.week[start] ?? 0 });
    start = i;
  }
  return runs;
}

/** Minute intervals `[a, b)` within 0-1440 of a range, wrap split in two. */
function toMinuteIntervals(range: HourRange): [number, number][] {
  const start = Math.max(0, Math.min(1440, range.start * 60));
  const end = Math.max(0, Math.min(1440, range.end * 60));
  if (start === end) return [];
  return start < end ? [[start, end]] : [[start, 1440], [0, end]];
}

/** Allowed minute intervals of a day: `allowed` minus `quiet`, ascending. */
export function getAllowedMinutes(allowed: HourRange, quiet: HourRange | undefined): [number, number][] {
  const open = toMinuteIntervals(allowed).sort((x, y) => x[0] - y[0]);
  const closed = quiet ? toMinuteIntervals(quiet) : [];
  let result = open;
  for (const [qa, qb] of closed) {
    result = result.flatMap(([a, b]): [number, number][] => {
      const parts: [number, number][] = [];
      if (qa > a) parts.push([a, Math.min(b, qa)]);
      if (qb < b) parts.push([Math.max(a, qb), b]);
      return parts.filter(([x, y]) => x < y);
    });
  }
  return result;
}

/** First index in `[lo, hi)` whose minute is at least `minute` (minutes rise within a run). */
function lowerBound(minutes: Int16Array, lo: number, hi: number, minute: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((minutes[mid] ?? 0) < minute) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Allowed slots as flat `[start, end)` pairs, adjacent ranges merged. `days` is a 7-bit mask of
 * working weekdays; runs in a `blockedWeeks` week are left out (the weekly cap is reached there).
 */
export function getAllowedRanges(
  zone: ZoneTable,
  runs: readonly ZoneRun[],
  days: number,
  minutes: readonly [number, number][],
  blockedWeeks: ReadonlySet<number>,
): number[] {
  const ranges: number[] = [];
  for (const run of runs) {
    if ((days & (1 << run.weekday)) === 0 || blockedWeeks.has(run.week)) continue;
    for (const [a, b] of minutes) {
      const from = lowerBound(zone.minuteOfDay, run.start, run.end, a);
      const to = lowerBound(zone.minuteOfDay, from, run.end, b);
      if (from === to) continue;
      if (ranges.length > 0 && ranges[ranges.length - 1] === from) ranges[ranges.length - 1] = to;
      else ranges.push(from, to);
    }
  }
  return ranges;
}
