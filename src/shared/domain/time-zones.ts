/**
 * Local wall-clock arithmetic on IANA time zones with nothing but `Intl`, so the stagger planner
 * runs unchanged in the bot and in the browser. Seed 003 (Oktopost): some staff work Sunday to
 * Thursday and engagement differs per weekday, so every rule about "when" is decided in the
 * person's own local time, daylight-saving changes included.
 */
import type { Weekday } from './types.js';

const DAY_MS = 86_400_000;

/** A local wall-clock reading of an instant in one zone. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
  /** Minutes since local midnight, 0-1439. */
  minuteOfDay: number;
}

/**
 * Local hours `[start, end)` as decimal hours 0-24 (8.5 = 08:30). `start > end` wraps past
 * midnight (quiet hours 22-7); `start === end` is an empty range; `{0, 24}` is the whole day.
 */
export interface HourRange {
  start: number;
  end: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `Intl` knows the zone; an unknown zone must not crash a whole campaign plan. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  try {
    getFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Reads the wall clock of `epochMs` in `timeZone` (throws `RangeError` for an unknown zone). */
export function toLocalTime(timeZone: string, epochMs: number): LocalTime {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of getFormatter(timeZone).formatToParts(epochMs)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const weekday = new Date(Date.UTC(fields.year, fields.month - 1, fields.day)).getUTCDay() as Weekday;
  return { ...fields, weekday, minuteOfDay: fields.hour * 60 + fields.minute };
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
export function getZoneOffsetMs(timeZone: string, epochMs: number): number {
  const t = toLocalTime(timeZone, epochMs);
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/**
 * The instant a local wall-clock time (given as if it were UTC ms) happens in the zone. In a
 * spring-forward gap the later offset wins, so the result is the first instant after the gap.
 */
export function zonedWallToInstant(timeZone: string, wallMs: number): number {
  const first = getZoneOffsetMs(timeZone, wallMs);
  const guess = wallMs - first;
  const second = getZoneOffsetMs(timeZone, guess);
  if (second === first) return guess;
  const retry = wallMs - second;
  return getZoneOffsetMs(timeZone, retry) === second ? retry : Math.max(guess, retry);
}

/** ISO-8601 week of a civil date: `key` = isoYear*100+week, `mondayWallMs` = its Monday 00:00 as UTC ms. */
export function getIsoWeek(year: number, month: number, day: number): { key: number; mondayWallMs: number } {
  const date = Date.UTC(year, month - 1, day);
  const mondayBased = (new Date(date).getUTCDay() + 6) % 7;
  const thursday = date + (3 - mondayBased) * DAY_MS;
  const isoYear = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS));
  return { key: isoYear * 100 + week, mondayWallMs: date - mondayBased * DAY_MS };
}

/** Whether a minute of the local day falls in `[start, end)`, honouring wrap past midnight. */
export function isMinuteInRange(minuteOfDay: number, range: HourRange): boolean {
  const start = range.start * 60;
  const end = range.end * 60;
  if (start === end) return false;
  if (start < end) return minuteOfDay >= start && minuteOfDay < end;
  return minuteOfDay >= start || minuteOfDay < end;
}

/** Local Monday 00:00 to next Monday 00:00 as UTC instants: one ISO week of a person's cap. */
export function getZonedWeekBounds(timeZone: string, mondayWallMs: number): { startMs: number; endMs: number } {
  return {
    startMs: zonedWallToInstant(timeZone, mondayWallMs),
    endMs: zonedWallToInstant(timeZone, mondayWallMs + 7 * DAY_MS),
  };
}

/** Local reading of every slot start in one zone, shared by everyone in that zone. */
export interface ZoneTable {
  weekday: Uint8Array;
  minuteOfDay: Int16Array;
  hour: Uint8Array;
  week: Int32Array;
  weekBounds: { startMs: number; endMs: number }[];
}

/** Probe spacing for offset changes: no zone changes its offset twice within six hours. */
const PROBE_MS = 6 * 3_600_000;

/**
 * The zone's UTC offset at every slot start, with few `Intl` calls: offsets are read every six
 * hours (and at both ends); between two probes that differ, a binary search finds the first slot
 * with the new offset.
 */
function getSlotOffsets(timeZone: string, slotStarts: readonly number[]): Float64Array {
  const n = slotStarts.length;
  const offsets = new Float64Array(n);
  if (n === 0) return offsets;
  const read = (i: number): number => getZoneOffsetMs(timeZone, slotStarts[i] ?? 0);
  let prev = 0;
  let prevOffset = read(0);
  offsets[0] = prevOffset;
  while (prev < n - 1) {
    let next = prev + 1;
    const limit = (slotStarts[prev] ?? 0) + PROBE_MS;
    while (next < n - 1 && (slotStarts[next + 1] ?? 0) <= limit) next += 1;
    const nextOffset = read(next);
    let lo = prev;
    let hi = next;
    if (nextOffset !== prevOffset) {
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (read(mid) === prevOffset) lo = mid;
        else hi = mid;
      }
    } else {
      lo = next;
    }
    for (let i = prev + 1; i <= next; i += 1) offsets[i] = i <= lo ? prevOffset : nextOffset;
    prev = next;
    prevOffset = nextOffset;
  }
  return offsets;
}

/**
 * Reads each slot start once per zone (not once per person), and the zone's offset only every
 * six hours (`getSlotOffsets`): the planner's main saving, since `Intl` calls dominate planning
 * time. Week indexes point into `weekBounds`, the UTC bounds of the local ISO weeks the window
 * touches, so prompt history is bucketed without further `Intl` calls.
 */
export function buildZoneTable(timeZone: string, slotStarts: readonly number[]): ZoneTable {
  const n = slotStarts.length;
  const table: ZoneTable = {
    weekday: new Uint8Array(n),
    minuteOfDay: new Int16Array(n),
    hour: new Uint8Array(n),
    week: new Int32Array(n),
    weekBounds: [],
  };
  const offsets = getSlotOffsets(timeZone, slotStarts);
  const weekIndex = new Map<number, number>();
  let lastDay = Number.NaN;
  let lastWeek = 0;
  for (let i = 0; i < n; i += 1) {
    const wall = (slotStarts[i] ?? 0) + (offsets[i] ?? 0);
    const day = Math.floor(wall / DAY_MS);
    const minuteOfDay = Math.floor((wall - day * DAY_MS) / 60_000);
    table.weekday[i] = (((day + 4) % 7) + 7) % 7;
    table.minuteOfDay[i] = minuteOfDay;
    table.hour[i] = Math.floor(minuteOfDay / 60);
    if (day !== lastDay) {
      const date = new Date(day * DAY_MS);
      const week = getIsoWeek(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      let index = weekIndex.get(week.key);
      if (index === undefined) {
        index = table.weekBounds.length;
        weekIndex.set(week.key, index);
        table.weekBounds.push(getZonedWeekBounds(timeZone, week.mondayWallMs));
      }
      lastDay = day;
      lastWeek = index;
    }
    table.week[i] = lastWeek;
  }
  return table;
}
