/**
 * When a person may be prompted, in their own local time (seed 003: some staff work Sunday to
 * Thursday; prompts respect working days and hours). "Remind me later" re-offers an item at the
 * person's next allowed slot, and the weekly prompt cap counts the person's local ISO week.
 */
import { getIsoWeek, getZonedWeekBounds, isValidTimeZone, toLocalTime, zonedWallToInstant, type HourRange } from './time-zones.js';
import type { Weekday } from './types.js';

const DAY_MS = 86_400_000;

/** The parts of a person that decide when they may be prompted. */
export interface PromptWindow {
  /** IANA zone; an unknown zone is read as UTC rather than failing a delivery. */
  timeZone: string;
  workingDays: readonly Weekday[];
  /** Local hours `[start, end)`, decimal (8.5 = 08:30). */
  workingHours: HourRange;
}

function zoneOf(window: PromptWindow): string {
  return isValidTimeZone(window.timeZone) ? window.timeZone : 'UTC';
}

/**
 * The start of the person's next working window strictly after `nowMs`: the next working day
 * (today included, if its start is still ahead) at `workingHours.start`, local time, DST-safe.
 * "Later" therefore means the next time the person starts work, not a minute from now. A person
 * with no working days or an empty range gets `nowMs + 24 h`, so a snooze always ends.
 */
export function nextAllowedSlot(window: PromptWindow, nowMs: number): number {
  const { start, end } = window.workingHours;
  if (window.workingDays.length === 0 || start === end) return nowMs + DAY_MS;
  const zone = zoneOf(window);
  const local = toLocalTime(zone, nowMs);
  const today = Date.UTC(local.year, local.month - 1, local.day);
  const startMs = Math.round(start * 3_600_000);
  for (let offset = 0; offset <= 7; offset += 1) {
    const dayWall = today + offset * DAY_MS;
    const weekday = new Date(dayWall).getUTCDay() as Weekday;
    if (!window.workingDays.includes(weekday)) continue;
    const instant = zonedWallToInstant(zone, dayWall + startMs);
    if (instant > nowMs) return instant;
  }
  return nowMs + DAY_MS; // working days that match no weekday (corrupt data): still a bounded snooze
}

/** Whether `nowMs` falls on a working day inside working hours, in the person's zone. */
export function isWithinPromptWindow(window: PromptWindow, nowMs: number): boolean {
  const local = toLocalTime(zoneOf(window), nowMs);
  const minute = local.minuteOfDay;
  const { start, end } = window.workingHours;
  return window.workingDays.includes(local.weekday) && minute >= start * 60 && minute < end * 60;
}

/** The person's local ISO week around `nowMs` as UTC instants `[startMs, endMs)` (for the weekly cap). */
export function localWeekBounds(timeZone: string, nowMs: number): { startMs: number; endMs: number } {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const local = toLocalTime(zone, nowMs);
  return getZonedWeekBounds(zone, getIsoWeek(local.year, local.month, local.day).mondayWallMs);
}
