import { describe, expect, it } from 'vitest';
import { isWithinPromptWindow, localWeekBounds, nextAllowedSlot, type PromptWindow } from '../../../src/shared/domain/prompt-slots.js';

const tokyo: PromptWindow = { timeZone: 'Asia/Tokyo', workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 } };
const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

describe('nextAllowedSlot', () => {
  it.each([
    ['Tuesday 10:00 Tokyo -> Wednesday 09:00 Tokyo', tokyo, '2026-12-01T01:00:00.000Z', '2026-12-02T00:00:00.000Z'],
    ['Tuesday 07:00 Tokyo (before work) -> same day 09:00', tokyo, '2026-11-30T22:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ['exactly 09:00 -> the next day (strictly after now)', tokyo, '2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z'],
    ['Friday 16:00 Tokyo -> Monday 09:00', tokyo, '2026-12-04T07:00:00.000Z', '2026-12-07T00:00:00.000Z'],
    [
      'Sunday-Thursday team in Dubai, Thursday 15:00 -> Sunday 08:30',
      { timeZone: 'Asia/Dubai', workingDays: [0, 1, 2, 3, 4], workingHours: { start: 8.5, end: 17 } } as PromptWindow,
      '2026-12-03T11:00:00.000Z',
      '2026-12-06T04:30:00.000Z',
    ],
    [
      'New York across the DST change: Friday 2026-03-06 12:00 -> Monday 09:00 EDT',
      { timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 } } as PromptWindow,
      '2026-03-06T17:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ],
    ['unknown zone is read as UTC', { ...tokyo, timeZone: 'Mars/Olympus' }, '2026-12-01T10:00:00.000Z', '2026-12-02T09:00:00.000Z'],
  ])('%s', (_label, window, now, expected) => {
    expect(iso(nextAllowedSlot(window, at(now)))).toBe(expected);
  });

  it.each([
    ['no working days', { ...tokyo, workingDays: [] }],
    ['an empty range', { ...tokyo, workingHours: { start: 9, end: 9 } }],
    ['working days that match no weekday (corrupt row)', { ...tokyo, workingDays: [9] }],
  ])('%s: one day later, so a snooze always ends', (_label, window) => {
    expect(nextAllowedSlot(window as PromptWindow, at('2026-12-01T10:00:00.000Z'))).toBe(at('2026-12-02T10:00:00.000Z'));
  });
});

describe('isWithinPromptWindow', () => {
  it.each([
    ['Tuesday 10:00 Tokyo', '2026-12-01T01:00:00.000Z', true],
    ['Tuesday 17:00 Tokyo (end is exclusive)', '2026-12-01T08:00:00.000Z', false],
    ['Tuesday 08:59 Tokyo', '2026-11-30T23:59:00.000Z', false],
    ['Saturday 10:00 Tokyo', '2026-12-05T01:00:00.000Z', false],
  ])('%s -> %s', (_label, now, expected) => expect(isWithinPromptWindow(tokyo, at(now))).toBe(expected));

  it('reads an unknown zone as UTC', () => {
    expect(isWithinPromptWindow({ ...tokyo, timeZone: '' }, at('2026-12-01T10:00:00.000Z'))).toBe(true);
  });
});

describe('localWeekBounds', () => {
  it('is the local ISO week (Monday 00:00 to Monday 00:00 in the zone)', () => {
    const { startMs, endMs } = localWeekBounds('Asia/Tokyo', at('2026-12-03T09:30:00.000Z'));
    expect(iso(startMs)).toBe('2026-11-29T15:00:00.000Z');
    expect(iso(endMs)).toBe('2026-12-06T15:00:00.000Z');
  });

  it('uses the local date: Sunday 23:30 UTC is already Monday in Tokyo', () => {
    expect(iso(localWeekBounds('Asia/Tokyo', at('2026-12-06T23:30:00.000Z')).startMs)).toBe('2026-12-06T15:00:00.000Z');
    expect(iso(localWeekBounds('UTC', at('2026-12-06T23:30:00.000Z')).startMs)).toBe('2026-11-30T00:00:00.000Z');
  });

  it('reads an unknown zone as UTC', () => {
    expect(localWeekBounds('Nowhere/City', at('2026-12-03T09:30:00.000Z'))).toEqual(localWeekBounds('UTC', at('2026-12-03T09:30:00.000Z')));
  });
});
