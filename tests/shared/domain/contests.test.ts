import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  applyEventToScore,
  checkContestEligibility,
  defaultContest,
  defaultContestWindow,
  getEventPoints,
  getMyRank,
  rankLeaderboard,
  scoreContest,
  type ContestEvent,
  type ContestParticipant,
} from '../../../src/shared/domain/contests.js';
import type { Contest, Score } from '../../../src/shared/domain/types.js';

const contest: Contest = defaultContest({ id: 'q1', name: 'Q1 clicks', startsAt: '2026-01-01T00:00:00Z' });
const people: ContestParticipant[] = [
  { id: 'ana', roles: ['employee'] },
  { id: 'ben', roles: ['employee'] },
  { id: 'cho', roles: ['employee'] },
  { id: 'dee', roles: ['employee'] },
  { id: 'eve', roles: ['employee', 'executive'] },
  { id: 'fay', roles: ['coordinator'] },
];
const click = (employeeId: string, at: string, id?: string): ContestEvent => ({ kind: 'unique-click', employeeId, at, ...(id ? { id } : {}) });
const score = (employeeId: string, points: number, reachedAt: string): Score => ({ contestId: 'q1', employeeId, points, reachedAt });

describe('contest defaults (Oktopost, seed 003)', () => {
  it('runs 90 days, scores unique clicks only, pays $100/$50/$25, excludes executives and coordinators', () => {
    expect(contest).toEqual({
      id: 'q1',
      name: 'Q1 clicks',
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2026-04-01T00:00:00.000Z',
      weights: { uniqueClick: 1, share: 0, conversion: 0 },
      prizes: [
        { rank: 1, label: '1st place', amountMinor: 10000, currency: 'USD' },
        { rank: 2, label: '2nd place', amountMinor: 5000, currency: 'USD' },
        { rank: 3, label: '3rd place', amountMinor: 2500, currency: 'USD' },
      ],
      excludedRoles: ['executive', 'coordinator'],
      excludedEmployeeIds: [],
    });
  });
  it('refuses an invalid start', () => expect(() => defaultContestWindow('soon')).toThrow(RangeError));
  it('gives each contest its own copies of the defaults', () => {
    const other = defaultContest({ id: 'q2', name: 'Q2', startsAt: '2026-04-01T00:00:00Z' });
    other.prizes[0]!.amountMinor = 1;
    other.excludedRoles.push('trainer');
    expect(defaultContest({ id: 'q3', name: 'Q3', startsAt: '2026-07-01T00:00:00Z' }).prizes[0]?.amountMinor).toBe(10000);
  });
});

describe('eligibility and points', () => {
  it.each([
    ['ana', { eligible: true }],
    ['eve', { eligible: false, reason: 'excluded-role' }],
    ['fay', { eligible: false, reason: 'excluded-role' }],
  ])('%s', (id, expected) => expect(checkContestEligibility(contest, people.find((p) => p.id === id)!)).toEqual(expected));

  it('excludes a named person', () => {
    expect(checkContestEligibility({ ...contest, excludedEmployeeIds: ['ana'] }, people[0]!)).toEqual({ eligible: false, reason: 'excluded-person' });
  });

  it.each([
    [click('ana', '2025-12-31T23:59:59Z'), 0],
    [click('ana', '2026-01-01T00:00:00Z'), 1],
    [click('ana', '2026-03-31T23:59:59.999Z'), 1],
    [click('ana', '2026-04-01T00:00:00Z'), 0],
    [{ kind: 'share', employeeId: 'ana', at: '2026-02-01T00:00:00Z' } as ContestEvent, 0],
    [{ kind: 'conversion', employeeId: 'ana', at: '2026-02-01T00:00:00Z' } as ContestEvent, 0],
  ])('%j is worth %i', (event, points) => expect(getEventPoints(contest, event)).toBe(points));

  it('uses custom weights and never negative points', () => {
    const custom = { ...contest, weights: { uniqueClick: 1, share: -3, conversion: 5 } };
    expect(getEventPoints(custom, { kind: 'conversion', employeeId: 'a', at: '2026-02-01T00:00:00Z' })).toBe(5);
    expect(getEventPoints(custom, { kind: 'share', employeeId: 'a', at: '2026-02-01T00:00:00Z' })).toBe(0);
  });
});

describe('applyEventToScore and scoreContest', () => {
  it('keeps reachedAt at the latest scoring event, whatever the arrival order', () => {
    let s = applyEventToScore(contest, undefined, click('ana', '2026-01-05T00:00:00Z'));
    s = applyEventToScore(contest, s, click('ana', '2026-01-03T00:00:00Z'));
    s = applyEventToScore(contest, s, { kind: 'share', employeeId: 'ana', at: '2026-01-09T00:00:00Z' });
    expect(s).toEqual(score('ana', 2, '2026-01-05T00:00:00Z'));
  });
  it('returns nothing for a person without scoring events and counts event ids once', () => {
    expect(applyEventToScore(contest, undefined, click('ana', '2027-01-01T00:00:00Z'))).toBeUndefined();
    const scores = scoreContest(contest, [click('ana', '2026-01-02T00:00:00Z', 'e1'), click('ana', '2026-01-02T00:00:00Z', 'e1'), click('ben', '2026-01-03T00:00:00Z')]);
    expect(scores).toEqual([score('ana', 1, '2026-01-02T00:00:00Z'), score('ben', 1, '2026-01-03T00:00:00Z')]);
  });
});

describe('rankLeaderboard and getMyRank', () => {
  const scores = [
    score('ben', 12, '2026-02-01T00:00:00Z'),
    score('ana', 12, '2026-01-20T00:00:00Z'),
    score('eve', 40, '2026-01-01T00:00:00Z'),
    score('cho', 7, '2026-02-02T00:00:00Z'),
    score('dee', 7, '2026-02-02T00:00:00.000Z'),
    score('fay', 0, '2026-01-01T00:00:00Z'),
  ];
  const board = rankLeaderboard(contest, scores, people);

  it('orders by points, then earliest reach; shares a rank only on a full tie; skips excluded', () => {
    expect(board.map((e) => [e.employeeId, e.rank, e.prize?.amountMinor])).toEqual([
      ['ana', 1, 10000],
      ['ben', 2, 5000],
      ['cho', 3, 2500],
      ['dee', 3, 2500],
    ]);
  });

  it.each([
    ['ana', { status: 'ranked', rank: 1, points: 12, gapToNext: null, prize: { rank: 1, label: '1st place', amountMinor: 10000, currency: 'USD' } }],
    ['ben', { status: 'ranked', rank: 2, points: 12, gapToNext: 1 }],
    ['dee', { status: 'ranked', rank: 3, points: 7, gapToNext: 6 }],
    ['eve', { status: 'excluded', excludedReason: 'excluded-role', rank: null, points: 40, gapToNext: null, prize: null }],
    ['zed', { status: 'unranked', rank: null, points: 0, gapToNext: 8, prize: null }],
  ])('my rank for %s', (id, expected) => {
    const me = people.find((p) => p.id === id) ?? { id, roles: ['employee'] as const };
    expect(getMyRank(contest, board, scores, me)).toMatchObject({ ...expected, rankedCount: 4 });
  });

  it('tells the first clicker how far they are from a place on an empty board', () => {
    expect(getMyRank(contest, [], [], { id: 'ana', roles: ['employee'] })).toMatchObject({ status: 'unranked', gapToNext: 1 });
  });

  it('is a sorted permutation of eligible scorers and never ranks the excluded (property)', () => {
    const arbScore = fc.record({
      employeeId: fc.constantFrom('ana', 'ben', 'cho', 'dee', 'eve', 'fay', 'gus'),
      points: fc.integer({ min: 0, max: 5 }),
      reachedAt: fc.integer({ min: 0, max: 4 }).map((d) => new Date(Date.UTC(2026, 0, 2 + d)).toISOString()),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbScore, { selector: (s) => s.employeeId, maxLength: 7 }), fc.subarray(['ana', 'ben', 'gus']), (raw, excluded) => {
        const c = { ...contest, excludedEmployeeIds: excluded };
        const all = raw.map((s) => ({ ...s, contestId: 'q1' }));
        const entries = rankLeaderboard(c, [...all].reverse(), people);
        const eligible = all.filter((s) => s.points > 0 && !excluded.includes(s.employeeId) && !['eve', 'fay'].includes(s.employeeId));
        expect(entries.map((e) => e.employeeId).sort()).toEqual(eligible.map((s) => s.employeeId).sort());
        expect(rankLeaderboard(c, all, people)).toEqual(entries);
        entries.forEach((e, i) => {
          const prev = entries[i - 1];
          if (!prev) return expect(e.rank).toBe(1);
          expect(prev.points > e.points || (prev.points === e.points && prev.reachedAt <= e.reachedAt)).toBe(true);
          const fullTie = prev.points === e.points && prev.reachedAt === e.reachedAt;
          expect(e.rank).toBe(fullTie ? prev.rank : i + 1);
          expect(e.prize?.rank).toBe(e.rank <= 3 ? e.rank : undefined);
        });
      }),
      { numRuns: 200 },
    );
  });
});
