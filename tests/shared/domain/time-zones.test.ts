import { describe, it, expect } from 'vitest';
import { getIsoWeek, getZoneOffsetMs, getZonedWeekBounds, isMinuteInRange, isValidTimeZone, toLocalTime, zonedWallToInstant } from '../../../src/shared/domain/time-zones.js';

const H = 3_600_000;

describe('time zones', () => {
  it.each([
    ['America/New_York', '2026-03-08T06:59:59Z', -5 * H],
    ['America/New_York', '2026-03-08T07:00:00Z', -4 * H],
    ['Europe/London', '2026-10-25T00:59:59Z', 1 * H],
    ['Europe/London', '2026-10-25T01:00:00Z', 0],
    ['Asia/Kolkata', '2026-06-01T00:00:00Z', 5.5 * H],
  ])('offset of %s at %s', (zone, iso, offset) => expect(getZoneOffsetMs(zone, Date.parse(iso))).toBe(offset));

  it('reads local wall time and weekday', () => {
    expect(toLocalTime('Asia/Tokyo', Date.parse('2026-03-08T15:30:00Z'))).toEqual({ year: 2026, month: 3, day: 9, hour: 0, minute: 30, second: 0, weekday: 1, minuteOfDay: 30 });
  });

  it.each([
    ['plain', 'Europe/London', Date.UTC(2026, 0, 5, 9), '2026-01-05T09:00:00.000Z'],
    ['spring-forward gap moves after the gap', 'America/New_York', Date.UTC(2026, 2, 8, 2, 30), '2026-03-08T07:30:00.000Z'],
    ['fall-back overlap resolves to one of the two', 'America/New_York', Date.UTC(2026, 10, 1, 1, 30), '2026-11-01T05:30:00.000Z'],
  ])('wall to instant: %s', (_l, zone, wall, iso) => {
    const instant = zonedWallToInstant(zone, wall);
    expect([iso, new Date(Date.parse(iso) + H).toISOString()]).toContain(new Date(instant).toISOString());
  });

  it.each([
    [2026, 1, 1, 202601],
    [2027, 1, 1, 202653],
    [2024, 12, 30, 202501],
    [2026, 3, 8, 202610],
    [2026, 3, 9, 202611],
  ])('ISO week of %i-%i-%i', (y, m, d, key) => expect(getIsoWeek(y, m, d).key).toBe(key));

  it('bounds a local week across a DST change (167 hours)', () => {
    const { startMs, endMs } = getZonedWeekBounds('Europe/London', getIsoWeek(2026, 3, 25).mondayWallMs);
    expect(new Date(startMs).toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(new Date(endMs).toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it.each([
    [9 * 60, { start: 9, end: 17 }, true],
    [17 * 60, { start: 9, end: 17 }, false],
    [8 * 60 + 30, { start: 8.5, end: 9 }, true],
    [23 * 60, { start: 22, end: 7 }, true],
    [6 * 60, { start: 22, end: 7 }, true],
    [12 * 60, { start: 22, end: 7 }, false],
    [12 * 60, { start: 5, end: 5 }, false],
    [0, { start: 0, end: 24 }, true],
  ])('minute %i in %j: %s', (minute, range, expected) => expect(isMinuteInRange(minute, range)).toBe(expected));

  it.each([['Asia/Jerusalem', true], ['UTC', true], ['Nowhere/Atlantis', false], ['', false]])('valid zone %s: %s', (zone, ok) => {
    expect(isValidTimeZone(zone)).toBe(ok);
  });
});
