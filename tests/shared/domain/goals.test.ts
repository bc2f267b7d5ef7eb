import { describe, expect, it } from 'vitest';
import { checkGoalTarget, computeGoalProgress, countSeries, countThisMonth, localMonth, type PersonalGoal } from '../../../src/shared/domain/goals.js';

const SET_AT = '2026-06-01T00:00:00.000Z';
const goal = (kind: PersonalGoal['kind'], target: number): PersonalGoal => ({ kind, target, setAt: SET_AT });

describe('checkGoalTarget', () => {
  it.each([
    ['shares-per-month', 1, undefined],
    ['shares-per-month', 500, undefined],
    ['shares-per-month', 501, 'too-large'],
    ['clicks-per-month', 0, 'too-small'],
    ['audience', 2.5, 'not-whole'],
    ['audience', Number.NaN, 'not-whole'],
    ['audience', 10_000_000, undefined],
  ] as const)('%s target %s -> %s', (kind, target, expected) => {
    expect(checkGoalTarget(kind, target)).toBe(expected);
  });
});

describe('localMonth and countThisMonth', () => {
  it('uses the person’s local month, not UTC', () => {
    // 23:30 UTC on May 31 is already June 1 in Tokyo.
    expect(localMonth('2026-05-31T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-06');
    expect(localMonth('2026-05-31T23:30:00.000Z', 'UTC')).toBe('2026-05');
  });

  it('counts only instants in the current local month', () => {
    const times = ['2026-05-31T23:30:00.000Z', '2026-06-10T00:00:00.000Z', '2026-07-01T00:00:00.000Z', '2026-06-30T14:59:00.000Z'];
    expect(countThisMonth(times, 'Asia/Tokyo', '2026-06-15T00:00:00.000Z')).toBe(3);
    expect(countThisMonth(times, 'UTC', '2026-06-15T00:00:00.000Z')).toBe(2);
  });
});

describe('computeGoalProgress', () => {
  const facts = {
    shareTimes: ['2026-06-02T10:00:00.000Z', '2026-05-20T10:00:00.000Z'],
    clickTimes: ['2026-06-03T10:00:00.000Z', '2026-06-04T10:00:00.000Z', '2026-06-05T10:00:00.000Z'],
    audit: { audience: { linkedin: 300, x: 200, facebook: -5 } },
    timeZone: 'UTC',
    now: '2026-06-15T00:00:00.000Z',
  };

  it('computes each goal from the facts, in kind order, with the ratio capped at 1', () => {
    const progress = computeGoalProgress([goal('audience', 1000), goal('clicks-per-month', 2), goal('shares-per-month', 4)], facts);
    expect(progress.map((p) => [p.kind, p.current, p.ratio, p.reached])).toEqual([
      ['shares-per-month', 1, 0.25, false],
      ['clicks-per-month', 3, 1, true],
      ['audience', 500, 0.5, false],
    ]);
  });

  it('counts an audience of 0 without an audit', () => {
    const { audit: _audit, ...withoutAudit } = facts;
    expect(computeGoalProgress([goal('audience', 10)], withoutAudit)[0]).toMatchObject({ current: 0, ratio: 0, reached: false });
  });
});

describe('countSeries', () => {
  it('buckets per local day over the window, oldest first, with empty days as 0', () => {
    const series = countSeries(['2026-06-14T23:30:00.000Z', '2026-06-15T01:00:00.000Z', '2026-06-01T00:00:00.000Z'], 'day', 3, 'Asia/Tokyo', '2026-06-15T12:00:00.000Z');
    // In Tokyo, 23:30 UTC on the 14th is the 15th; June 1 is outside the 3-day window.
    expect(series).toEqual([
      { start: '2026-06-13', count: 0 },
      { start: '2026-06-14', count: 0 },
      { start: '2026-06-15', count: 2 },
    ]);
  });

  it('buckets per ISO week starting on Monday', () => {
    // 2026-06-15 is a Monday; the 14th (Sunday) belongs to the week of the 8th.
    const series = countSeries(['2026-06-14T10:00:00.000Z', '2026-06-08T10:00:00.000Z', '2026-06-16T10:00:00.000Z', '2026-05-01T00:00:00.000Z'], 'week', 2, 'UTC', '2026-06-17T00:00:00.000Z');
    expect(series).toEqual([
      { start: '2026-06-08', count: 2 },
      { start: '2026-06-15', count: 1 },
    ]);
  });

  it.each([0, -1, 1.5])('refuses a span of %s', (span) => {
    expect(() => countSeries([], 'day', span, 'UTC', '2026-06-15T00:00:00.000Z')).toThrow(RangeError);
  });
});
