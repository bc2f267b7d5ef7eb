import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { applyEventToScore, checkContestEligibility, compareScores, contestDaysLeft, contestsOpenAt, isContestOpenAt, selectCurrentContest, defaultContest, defaultContestWindow, getEventPoints, getMyRank, rankLeaderboard, scoreContest, type ContestEvent, type ContestParticipant } from '../../../src/shared/domain/contests.js';
import { computeMovers, countAhead, isoWeekKey, locateOnBoard } from '../../../src/shared/domain/contest-snapshots.js';
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
        const eligible = all.filter((s) => s.points > 0 && !excluded.includes(s.employeeId) && !['eve', 'fay', 'gus'].includes(s.employeeId));
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

describe('defects fixed in issue 8', () => {
  it('never ranks a person missing from the participant list (an excluded coordinator without a record)', () => {
    const board = rankLeaderboard(contest, [score('ghost', 50, '2026-01-02T00:00:00Z'), score('ana', 1, '2026-01-03T00:00:00Z')], people);
    expect(board.map((e) => e.employeeId)).toEqual(['ana']);
    expect(board[0]?.rank).toBe(1);
  });

  it('compares event ids per person: one person reusing an id does not drop another person\'s event', () => {
    const scores = scoreContest(contest, [click('ana', '2026-01-02T00:00:00Z', 'x1'), click('ben', '2026-01-02T00:00:00Z', 'x1'), click('ana', '2026-01-05T00:00:00Z', 'x1')]);
    expect(scores).toEqual([score('ana', 1, '2026-01-02T00:00:00Z'), score('ben', 1, '2026-01-02T00:00:00Z')]);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a count of %s instead of subtracting', (count) => {
    expect(() => getEventPoints(contest, { ...click('ana', '2026-02-01T00:00:00Z'), count })).toThrow(RangeError);
    expect(() => scoreContest(contest, [click('ana', '2026-02-01T00:00:00Z'), { ...click('ana', '2026-02-02T00:00:00Z'), count }])).toThrow(RangeError);
  });

  it('multiplies by a valid count, and a zero count scores nothing', () => {
    expect(getEventPoints(contest, { ...click('ana', '2026-02-01T00:00:00Z'), count: 4 })).toBe(4);
    expect(applyEventToScore(contest, undefined, { ...click('ana', '2026-02-01T00:00:00Z'), count: 0 })).toBeUndefined();
  });

  it('refuses to add to a score with negative points', () => {
    expect(() => applyEventToScore(contest, score('ana', -3, '2026-01-02T00:00:00Z'), click('ana', '2026-02-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('contest selection and calendar', () => {
  const q2 = defaultContest({ id: 'q2', name: 'Q2', startsAt: '2026-04-01T00:00:00Z' });
  const short = { ...defaultContest({ id: 'sprint', name: 'Sprint', startsAt: '2026-03-01T00:00:00Z' }), endsAt: '2026-03-15T00:00:00.000Z' };

  it('finds the contests open at an instant (end exclusive)', () => {
    expect(contestsOpenAt([contest, q2, short], '2026-03-10T00:00:00Z').map((c) => c.id)).toEqual(['q1', 'sprint']);
    expect(contestsOpenAt([contest, q2], '2026-04-01T00:00:00Z').map((c) => c.id)).toEqual(['q2']);
    expect(isContestOpenAt(contest, 'not a date')).toBe(false);
  });

  it.each([
    ['2026-03-10T00:00:00Z', 'sprint'],
    ['2026-03-20T00:00:00Z', 'q1'],
    ['2026-07-01T00:00:00Z', 'q2'],
    ['2025-06-01T00:00:00Z', undefined],
  ])('current contest at %s is %s', (now, id) => {
    expect(selectCurrentContest([q2, contest, short], now)?.id).toBe(id);
  });

  it('breaks equal end dates by id, open or ended', () => {
    const twin = { ...contest, id: 'a-twin' };
    expect(selectCurrentContest([contest, twin], '2026-02-01T00:00:00Z')?.id).toBe('a-twin');
    expect(selectCurrentContest([contest, twin], '2026-06-01T00:00:00Z')?.id).toBe('a-twin');
  });

  it.each([
    ['2026-03-31T00:00:00Z', 1],
    ['2026-03-30T23:00:00Z', 2],
    ['2026-01-01T00:00:00Z', 90],
    ['2026-04-01T00:00:00Z', 0],
    ['2026-05-01T00:00:00Z', 0],
  ])('days left at %s: %i', (now, days) => expect(contestDaysLeft(contest, now)).toBe(days));

  it('refuses an invalid instant for days left and week keys', () => {
    expect(() => contestDaysLeft(contest, 'soon')).toThrow(RangeError);
    expect(() => isoWeekKey('soon')).toThrow(RangeError);
  });

  it.each([
    ['2026-12-03T09:30:00Z', '2026-W49'],
    ['2026-01-01T00:00:00Z', '2026-W01'],
    ['2027-01-01T00:00:00Z', '2026-W53'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
    ['2026-12-06T23:59:59Z', '2026-W49'],
    ['2026-12-07T00:00:00Z', '2026-W50'],
  ])('ISO week of %s is %s', (at, week) => {
    expect(isoWeekKey(at)).toBe(week);
    expect(isoWeekKey(new Date(at))).toBe(week);
  });
});

describe('rank lookups at scale', () => {
  const scores = [
    score('ben', 12, '2026-02-01T00:00:00Z'),
    score('ana', 12, '2026-01-20T00:00:00Z'),
    score('eve', 40, '2026-01-01T00:00:00Z'),
    score('cho', 7, '2026-02-02T00:00:00Z'),
    score('dee', 7, '2026-02-02T00:00:00.000Z'),
  ];
  const board = rankLeaderboard(contest, scores, people);
  const indexOf = (id: string) => board.findIndex((e) => e.employeeId === id);

  it('counts entries strictly ahead by binary search (a full tie is not ahead)', () => {
    expect(countAhead(board, 100, '2026-01-01T00:00:00Z')).toBe(0);
    expect(countAhead(board, 12, '2026-01-25T00:00:00Z')).toBe(1);
    expect(countAhead(board, 7, '2026-02-02T00:00:00Z')).toBe(2);
    expect(countAhead(board, 1, '2026-02-02T00:00:00Z')).toBe(4);
  });

  it.each(['ana', 'ben', 'cho', 'dee', 'eve', 'fay', 'zed'])('agrees with getMyRank for %s', (id) => {
    const person = people.find((p) => p.id === id) ?? (id === 'zed' ? { id, roles: ['employee'] as const } : undefined);
    const mine = scores.find((s) => s.employeeId === id);
    const slow = getMyRank(contest, board, scores, person!);
    const fast = locateOnBoard(contest, board, mine, person, id, indexOf(id) >= 0 ? indexOf(id) : undefined);
    expect(fast).toEqual(slow);
  });

  it('places a fresher own score than the snapshot holds, skipping the stale copy', () => {
    const fresh = score('dee', 13, '2026-02-05T00:00:00Z');
    const view = locateOnBoard(contest, board, fresh, people[3], 'dee', indexOf('dee'));
    const truth = getMyRank(contest, rankLeaderboard(contest, [...scores.filter((s) => s.employeeId !== 'dee'), fresh], people), [fresh], people[3]!);
    expect(view).toEqual(truth);
    expect(view.rank).toBe(1);
  });

  it('ignores a stale copy that is ahead of the fresh score (a rebuild lowered it)', () => {
    const lowered = score('ana', 7, '2026-02-03T00:00:00Z');
    const view = locateOnBoard(contest, board, lowered, people[0], 'ana', indexOf('ana'));
    const truth = getMyRank(contest, rankLeaderboard(contest, [...scores.filter((s) => s.employeeId !== 'ana'), lowered], people), [lowered], people[0]!);
    expect(view).toEqual(truth);
    expect(view).toMatchObject({ rank: 4, gapToNext: 1 });
  });

  it('ranks someone new to the board and counts them', () => {
    const view = locateOnBoard(contest, board, score('zed', 8, '2026-03-01T00:00:00Z'), { id: 'zed', roles: ['employee'] }, 'zed');
    expect(view).toMatchObject({ status: 'ranked', rank: 3, gapToNext: 5, rankedCount: 5, prize: { rank: 3 } });
  });

  it('never ranks someone who is not a participant, even with points', () => {
    expect(locateOnBoard(contest, board, score('ghost', 90, '2026-01-02T00:00:00Z'), undefined, 'ghost')).toMatchObject({
      status: 'excluded', excludedReason: 'not-participant', rank: null, points: 90, rankedCount: 4,
    });
    expect(locateOnBoard(contest, [], undefined, undefined, 'ghost')).toMatchObject({ points: 0, rankedCount: 0 });
  });

  it('agrees with rankLeaderboard + getMyRank on random boards (property)', () => {
    const arbScore = fc.record({
      employeeId: fc.constantFrom('ana', 'ben', 'cho', 'dee', 'eve', 'fay', 'gus', 'hal'),
      points: fc.integer({ min: 0, max: 4 }),
      reachedAt: fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2026, 0, 2 + d)).toISOString()),
    });
    const everyone: ContestParticipant[] = [...people, { id: 'gus', roles: ['employee'] }];
    fc.assert(
      fc.property(fc.uniqueArray(arbScore, { selector: (s) => s.employeeId, maxLength: 8 }), fc.constantFrom('ana', 'cho', 'gus', 'hal', 'eve'), (raw, me) => {
        const all = raw.map((s) => ({ ...s, contestId: 'q1' }));
        const full = rankLeaderboard(contest, all, everyone);
        const person = everyone.find((p) => p.id === me);
        const mine = all.find((s) => s.employeeId === me);
        const at = full.findIndex((e) => e.employeeId === me);
        const fast = locateOnBoard(contest, full, mine, person, me, at >= 0 ? at : undefined);
        if (!person) {
          expect(fast.status).toBe('excluded');
          return;
        }
        expect(fast).toEqual(getMyRank(contest, full, all, person));
      }),
      { numRuns: 300 },
    );
  });
});

describe('movers between weekly snapshots', () => {
  const entry = (employeeId: string, rank: number, points: number) => ({ employeeId, rank, points, reachedAt: '2026-02-01T00:00:00Z' });
  it('lists climbers and newcomers by places gained, never those who stayed or dropped', () => {
    const previous = [entry('ana', 1, 10), entry('ben', 2, 8), entry('cho', 3, 5), entry('dee', 4, 2)];
    const current = [entry('dee', 1, 20), entry('ana', 2, 12), entry('new', 3, 9), entry('ben', 4, 8), entry('cho', 5, 6)];
    expect(computeMovers(previous, current, 5)).toEqual([
      { employeeId: 'dee', from: 4, to: 1, placesGained: 3, points: 20, pointsGained: 18 },
      { employeeId: 'new', from: null, to: 3, placesGained: 2, points: 9, pointsGained: 9 },
    ]);
    expect(computeMovers(previous, current, 1).map((m) => m.employeeId)).toEqual(['dee']);
    expect(computeMovers(previous, current, -1)).toEqual([]);
  });
  it('orders equal climbs by current rank, then id, and counts newcomers from below last week', () => {
    const current = [entry('b', 1, 5), entry('a', 1, 5), entry('c', 3, 1)];
    const moved = computeMovers([entry('z', 1, 1), entry('y', 2, 1), entry('x', 3, 1)], current, 3);
    expect(moved.map((m) => [m.employeeId, m.from, m.placesGained])).toEqual([['a', null, 3], ['b', null, 3], ['c', null, 1]]);
    expect(computeMovers([], current).map((m) => m.employeeId)).toEqual([]);
  });
});

describe('compareScores', () => {
  it('orders by points, then earliest reach, then id', () => {
    const list = [score('b', 5, '2026-01-02T00:00:00Z'), score('a', 5, '2026-01-02T00:00:00Z'), score('c', 5, '2026-01-01T00:00:00Z'), score('d', 9, '2026-01-09T00:00:00Z'), score('a', 5, '2026-01-02T00:00:00Z')];
    expect([...list].sort(compareScores).map((s) => s.employeeId)).toEqual(['d', 'c', 'a', 'a', 'b']);
  });
});
