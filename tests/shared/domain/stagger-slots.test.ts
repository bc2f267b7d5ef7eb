import { describe, it, expect } from 'vitest';
import { countSlots, getAllowedMinutes, removeSlots } from '../../../src/shared/domain/stagger-slots.js';

describe('getAllowedMinutes', () => {
  it.each([
    ['plain hours', { start: 9, end: 17 }, undefined, [540, 1020]],
    ['half hours', { start: 8.5, end: 9.75 }, undefined, [510, 585]],
    ['quiet lunch inside', { start: 9, end: 17 }, { start: 12, end: 13 }, [540, 720, 780, 1020]],
    ['quiet over the start', { start: 9, end: 17 }, { start: 8, end: 10 }, [600, 1020]],
    ['quiet covering all', { start: 9, end: 12 }, { start: 8, end: 13 }, []],
    ['hours past midnight, quiet wrapping', { start: 20, end: 8 }, { start: 22, end: 7 }, [420, 480, 1200, 1320]],
    ['empty range', { start: 9, end: 9 }, undefined, []],
    ['whole day', { start: 0, end: 24 }, undefined, [0, 1440]],
  ])('%s', (_label, allowed, quiet, expected) => {
    expect(getAllowedMinutes(allowed, quiet)).toEqual(expected);
  });
});

describe('removeSlots', () => {
  it.each([
    ['nothing to remove', [0, 5, 10, 12], [], [0, 5, 10, 12]],
    ['a slot inside a range splits it', [0, 5], [2], [0, 2, 3, 5]],
    ['range ends and outside slots', [0, 5, 10, 12], [0, 4, 7, 11], [1, 4, 10, 11]],
    ['duplicates and a whole range', [3, 4, 6, 8], [3, 3, 6, 7, 7], []],
  ])('%s', (_label, ranges, slots, expected) => {
    expect(removeSlots(ranges, slots)).toEqual(expected);
    const kept = countSlots(expected);
    const removed = new Set(slots.filter((slot) => ranges.some((_, r) => r % 2 === 0 && slot >= (ranges[r] ?? 0) && slot < (ranges[r + 1] ?? 0))));
    expect(kept).toBe(countSlots(ranges) - removed.size);
  });
});
