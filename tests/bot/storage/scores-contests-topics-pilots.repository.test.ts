import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../src/bot/storage/errors.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { scoreBucket } from '../../../src/bot/storage/keys.js';
import type { Score } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';
import { aContest, aPilot, aScore, aTopic } from './storage-fixtures.js';

let repos: TableRepositories;
beforeAll(async () => {
  repos = await createTestRepositories('sctp');
});

describe('TableScoreRepository', () => {
  it('creates, reads and updates a score with its etag; a stale etag conflicts', async () => {
    expect(await repos.scores.get('c-rw', 'emp-1')).toBeUndefined();
    const created = await repos.scores.put(aScore({ contestId: 'c-rw' }));
    expect((await repos.scores.get('c-rw', 'emp-1'))?.value).toEqual(aScore({ contestId: 'c-rw' }));
    await expect(repos.scores.put(aScore({ contestId: 'c-rw' }))).rejects.toBeInstanceOf(ConflictError); // exists

    const bumped = await repos.scores.put(aScore({ contestId: 'c-rw', points: 13 }), created.etag);
    expect(bumped.value.points).toBe(13);
    const stale = await repos.scores.put(aScore({ contestId: 'c-rw', points: 99 }), created.etag).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await repos.scores.get('c-rw', 'emp-1'))?.value.points).toBe(13);
  });

  it('lists every employee of a contest across all buckets, in leaderboard order', async () => {
    const scores: Score[] = Array.from({ length: 120 }, (_, i) =>
      aScore({ contestId: 'c-board', employeeId: `e${i}`, points: i % 10, reachedAt: `2026-04-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z` }),
    );
    expect(new Set(scores.map((s) => scoreBucket(s.employeeId))).size).toBeGreaterThan(10);
    await Promise.all(scores.map((s) => repos.scores.put(s)));
    await repos.scores.put(aScore({ contestId: 'c-other', employeeId: 'e1' }));

    const board = await repos.scores.listByContest('c-board');
    expect(board).toHaveLength(120);
    expect(new Set(board.map((s) => s.employeeId)).size).toBe(120);
    for (let i = 1; i < board.length; i++) {
      const [prev, cur] = [board[i - 1]!, board[i]!];
      expect(prev.points > cur.points || (prev.points === cur.points && prev.reachedAt <= cur.reachedAt)).toBe(true);
    }
    expect(await repos.scores.listByContest('c-empty')).toEqual([]);
  });

  it('keeps fractional points as plain numbers', async () => {
    await repos.scores.put(aScore({ contestId: 'c-frac', points: 2.5 }));
    const read = await repos.scores.get('c-frac', 'emp-1');
    expect(read?.value.points).toBe(2.5);
  });
});

describe('TableContestRepository', () => {
  it('round-trips, lists and replaces contests; NotFoundError for a missing one', async () => {
    const contest = aContest();
    await repos.contests.upsert('tenant-1', contest);
    expect((await repos.contests.get('tenant-1', contest.id)).value).toEqual(contest);
    await repos.contests.upsert('tenant-1', { ...contest, name: 'Renamed' });
    expect((await repos.contests.list('tenant-1')).map((c) => c.name)).toEqual(['Renamed']);
    await expect(repos.contests.get('tenant-1', 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('TableTopicRepository', () => {
  it('upserts many topics and lists them', async () => {
    const topics = [aTopic(), aTopic({ id: 'cloud', name: { en: 'Cloud' }, description: undefined })];
    await repos.topics.upsertMany('tenant-1', topics);
    const listed = await repos.topics.list('tenant-1');
    expect(listed.sort((a, b) => a.id.localeCompare(b.id))).toEqual([aTopic(), { id: 'cloud', name: { en: 'Cloud' } }]);
  });
});

describe('TablePilotRepository', () => {
  it('upserts and lists pilots', async () => {
    await repos.pilots.upsert('tenant-1', aPilot());
    await repos.pilots.upsert('tenant-1', aPilot({ phase: 'maintenance' }));
    expect(await repos.pilots.list('tenant-1')).toEqual([aPilot({ phase: 'maintenance' })]);
    expect(await repos.pilots.list('tenant-2')).toEqual([]);
  });
});
