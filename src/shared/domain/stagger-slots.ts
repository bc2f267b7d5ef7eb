/**
 * A person's allowed slots as ranges of slot indexes, computed per local day by arithmetic (binary
 * search on a day with a DST jump) instead of testing every slot of the window per person: with per-person hours, working days and
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
  /** Local minute of the run's first slot. */
  firstMinute: number;
  /** Minutes between consecutive slots when the run is evenly spaced (no DST jump inside), else 0. */
  step: number;
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
    const firstMinute = zone.minuteOfDay[start] ?? 0;
    let step = i - start > 1 ? (zone.minuteOfDay[start + 1] ?? 0) - firstMinute : 0;
    for (let k = start + 2; k < i && step > 0; k += 1) if ((zone.minuteOfDay[k] ?? 0) - (zone.minuteOfDay[k - 1] ?? 0) !== step) step = 0;
    runs.push({ start, end: i, weekday: zone.weekday[start] ?? 0, week: zone.week[start] ?? 0, firstMinute, step });
    start = i;
  }
  return runs;
}

/** Appends the minute intervals `[a, b)` within 0-1440 of a range to `out` (a wrap is split in two). */
function pushMinuteIntervals(range: HourRange, out: number[]): void {
  const start = Math.max(0, Math.min(1440, range.start * 60));
  const end = Math.max(0, Math.min(1440, range.end * 60));
  if (start === end) return;
  if (start < end) out.push(start, end);
  else out.push(0, end, start, 1440);
}

/**
 * Allowed minute intervals of a day, `allowed` minus `quiet`, as flat ascending `[a, b)` pairs.
 * Called once per person profile, so it allocates one small array and nothing else.
 */
export function getAllowedMinutes(allowed: HourRange, quiet: HourRange | undefined): number[] {
  const open: number[] = [];
  pushMinuteIntervals(allowed, open);
  if (!quiet) return open;
  const closed: number[] = [];
  pushMinuteIntervals(quiet, closed);
  let result = open;
  for (let q = 0; q < closed.length; q += 2) {
    const qa = closed[q] ?? 0;
    const qb = closed[q + 1] ?? 0;
    const next: number[] = [];
    for (let i = 0; i < result.length; i += 2) {
      const a = result[i] ?? 0;
      const b = result[i + 1] ?? 0;
      if (qa > a && Math.min(b, qa) > a) next.push(a, Math.min(b, qa));
      if (qb < b && b > Math.max(a, qb)) next.push(Math.max(a, qb), b);
    }
    result = next;
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

/** First slot index in `[lo, run.end)` whose local minute is at least `minute`: arithmetic on an evenly spaced run. */
function firstAtLeast(zone: ZoneTable, run: ZoneRun, lo: number, minute: number): number {
  if (run.step === 0) return lowerBound(zone.minuteOfDay, lo, run.end, minute);
  const index = run.start + Math.ceil((minute - run.firstMinute) / run.step);
  return index < lo ? lo : index > run.end ? run.end : index;
}

/**
 * Allowed slots as flat `[start, end)` pairs, adjacent ranges merged. `days` is a 7-bit mask of
 * working weekdays; runs in a `blockedWeeks` week are left out (the weekly cap is reached there).
 */
export function getAllowedRanges(
  zone: ZoneTable,
  runs: readonly ZoneRun[],
  days: number,
  minutes: readonly number[],
  blockedWeeks: ReadonlySet<number>,
): number[] {
  const ranges: number[] = [];
  for (const run of runs) {
    if ((days & (1 << run.weekday)) === 0 || blockedWeeks.has(run.week)) continue;
    for (let m = 0; m < minutes.length; m += 2) {
      const a = minutes[m] ?? 0;
      const b = minutes[m + 1] ?? 0;
      const from = firstAtLeast(zone, run, run.start, a);
      const to = firstAtLeast(zone, run, from, b);
      if (from === to) continue;
      if (ranges.length > 0 && ranges[ranges.length - 1] === from) ranges[ranges.length - 1] = to;
      else ranges.push(from, to);
    }
  }
  return ranges;
}

/**
 * `ranges` without the slots in `slots` (ascending, duplicates allowed): the slots where a person
 * already has a prompt, so no second prompt is planned at the same time.
 */
export function removeSlots(ranges: readonly number[], slots: readonly number[]): number[] {
  const result: number[] = [];
  let k = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    let a = ranges[r] ?? 0;
    const b = ranges[r + 1] ?? 0;
    while (k < slots.length && (slots[k] ?? 0) < a) k += 1;
    while (k < slots.length && (slots[k] ?? 0) < b) {
      const slot = slots[k] ?? 0;
      if (slot > a) result.push(a, slot);
      a = Math.max(a, slot + 1);
      k += 1;
    }
    if (a < b) result.push(a, b);
  }
  return result;
}

/** How many slots flat `[start, end)` pairs hold. */
export function countSlots(ranges: readonly number[]): number {
  let total = 0;
  for (let r = 0; r < ranges.length; r += 2) total += (ranges[r + 1] ?? 0) - (ranges[r] ?? 0);
  return total;
}
