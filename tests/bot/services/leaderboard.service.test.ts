/**
 * Leaderboard on Azurite at a few thousand people: top N and my rank equal the domain's
 * rankLeaderboard/getMyRank (exclusions by role and person, unknown people, ties by earliest
 * reach); My impact; weekly update data with movers from stored snapshots; live counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getMyRank, rankLeaderboard } from '../../../src/shared/domain/contests.js';
import type { Employee } from '../../../src/shared/domain/types.js';
import { createMeasurementServices, type MeasurementServices } from '../../../src/bot/services/measurement.js';
import type { ContestScore } from '../../../src/bot/services/scoring.ports.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { mapLimit } from '../../../src/bot/util/map-limit.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';
import { aClick, aContest, aShare, clicksFor, TENANT } from './measurement-fixtures.js';

const PEOPLE = 2500;
const contest = aContest({ excludedEmployeeIds: ['p7'] });
let repos: TableRepositories;
let services: MeasurementServices;
let now = new Date('2026-11-02T12:00:00.000Z');
let employees: Employee[];
let scores: ContestScore[];

beforeAll(async () => {
  repos = await createTestRepositories('board');
  await repos.contests.upsert(TENANT, contest);
  employees = Array.from({ length: PEOPLE }, (_, i) =>
    makeEmployee({ id: `p${i}`, tenantId: TENANT, displayName: `Person ${i}`, roles: i % 97 === 0 ? ['executive'] : i % 89 === 0 ? ['employee', 'coordinator'] : ['employee'] }),
  );
  await repos.employees.upsertMany(employees);
  // Scores: many ties on points, some full ties (same instant), some people unknown to the roster.
  scores = Array.from({ length: PEOPLE + 40 }, (_, i) => ({
    contestId: contest.id,
    employeeId: `p${i}`,
    points: (i * 37) % 60,
    reachedAt: new Date(Date.parse('2026-10-02T00:00:00.000Z') + ((i * 13) % 50) * 3_600_000).toISOString(),
    clicks: (i * 37) % 60, shares: 0, conversions: 0,
  }));
  await mapLimit(scores, 32, (s) => repos.tallies.commit(TENANT, s.employeeId, [], [{ kind: 'score', value: s }]));
  services = createMeasurementServices(repos, { now: () => now, contestCacheMs: 0 });
}, 120_000);

describe('leaderboard at a few thousand people', () => {
  it('top N equals the domain board: eligible, known people only, points then earliest reach', async () => {
    const expected = rankLeaderboard(contest, scores, employees);
    const top = await services.leaderboard.top(TENANT, undefined, 50);
    expect(top?.contest.id).toBe('q4');
    expect(top?.rankedCount).toBe(expected.length);
    expect(top?.entries.map(({ displayName: _d, ...e }) => e)).toEqual(expected.slice(0, 50));
    expect(top?.entries[0]?.displayName).toBe(`Person ${expected[0]!.employeeId.slice(1)}`);
    const ids = new Set(expected.map((e) => e.employeeId));
    expect(ids.has('p97')).toBe(false); // executive
    expect(ids.has('p89')).toBe(false); // coordinator
    expect(ids.has('p7')).toBe(false); // excluded by name
    expect(ids.has(`p${PEOPLE + 5}`)).toBe(false); // scores but not in the programme
    expect(expected.some((e, i) => i > 0 && e.rank === expected[i - 1]!.rank)).toBe(true); // full ties share a rank
  });

  it('my rank equals getMyRank for ranked, unranked, excluded and unknown people', async () => {
    const board = rankLeaderboard(contest, scores, employees);
    for (const id of ['p1', 'p2', 'p60', 'p120', 'p97', 'p89', 'p7', 'p2400', `p${PEOPLE + 3}`]) {
      const person = employees.find((e) => e.id === id);
      const mine = await services.leaderboard.myRank(TENANT, id);
      if (!person) {
        expect(mine).toMatchObject({ status: 'excluded', excludedReason: 'not-participant', rank: null });
        continue;
      }
      const { contestId, ...view } = mine!;
      expect(contestId).toBe('q4');
      expect(view).toEqual(getMyRank(contest, board, scores, person));
    }
  });

  it('shows a person their own new points at once, ahead of the snapshot', async () => {
    const person = 'p2';
    const before = await services.leaderboard.myRank(TENANT, person);
    await services.scoring.onClicksFlushed(clicksFor(person, 70, '2026-10-20T00:00:00.000Z', 'fresh'));
    const after = await services.leaderboard.myRank(TENANT, person);
    expect(after!.points).toBe(before!.points + 70);
    expect(after!.rank).toBe(1);
  });
});

describe('my impact, weekly update and live counts', () => {
  it('reports totals, this week, shares, score, rank and wins', async () => {
    await services.scoring.onShareRecorded(aShare('p5', 'share-p5', '2026-10-26T08:00:00.000Z'));
    await services.scoring.onClicksFlushed([...clicksFor('p5', 3, '2026-11-02T01:00:00.000Z'), aClick('p5', 'code-p5', 'old', '2026-10-05T08:00:00.000Z')]);
    const impact = await services.leaderboard.myImpact(TENANT, 'p5');
    expect(impact).toMatchObject({ employeeId: 'p5', clicks: { total: 4, thisWeek: 3 }, shares: 1, conversions: 0, contest: { id: 'q4', score: scores[5]!.points + 4 } });
    expect(impact.wins.map((w) => w.kind)).toEqual(['first-share']);
  });

  it('builds the weekly update: top ten, movers since last week, days left, prizes, one win', async () => {
    now = new Date('2026-11-02T12:00:00.000Z');
    const first = await services.weeklyUpdate.weeklyContestUpdate(TENANT, 'q4', now);
    expect(first).toMatchObject({ week: '2026-W45', daysLeft: 58, rankedCount: expect.any(Number), movers: [] });
    expect(first.top).toHaveLength(10);
    expect(first.prizes.map((p) => p.amountMinor)).toEqual([10000, 5000, 2500]);
    // p2's 10-click milestone this week outranks p5's first share (WIN_PRIORITY).
    expect(first.win).toMatchObject({ employeeId: 'p2', kind: 'clicks-10', displayName: 'Person 2' });

    now = new Date('2026-11-09T12:00:00.000Z');
    const climber = 'p1000';
    const before = first.rankedCount;
    await services.scoring.onClicksFlushed(clicksFor(climber, 120, '2026-11-05T00:00:00.000Z', 'climb'));
    const second = await services.weeklyUpdate.weeklyContestUpdate(TENANT, 'q4', now);
    expect(second.week).toBe('2026-W46');
    expect(second.movers[0]).toMatchObject({ employeeId: climber, to: 1, displayName: 'Person 1000' });
    expect(second.rankedCount).toBe(before);
    expect(second.win).toMatchObject({ employeeId: climber, kind: 'clicks-100' });
  });

  it('counts clicks per share cheaply and in batches', async () => {
    await repos.clicks.recordMany(clicksFor('p9', 4, '2026-10-10T00:00:00.000Z'));
    expect(await services.liveCounts.clicksForShare('code-p9')).toBe(4);
    expect(await services.liveCounts.clicksForShares(['code-p9', 'code-none', 'code-p9'])).toEqual({ 'code-p9': 4, 'code-none': 0 });
  });
});
