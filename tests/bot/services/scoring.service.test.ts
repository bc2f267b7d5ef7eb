/**
 * Scoring on Azurite: exactly-once under replays, crashes between steps and concurrent writers;
 * weights; rebuild from the Clicks/Shares/Conversions tables equals the incremental board; wins
 * detected once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTableRepositories, type TableRepositories } from '../../../src/bot/storage/index.js';
import { createMeasurementServices, type MeasurementServices } from '../../../src/bot/services/measurement.js';
import { clickEvent } from '../../../src/bot/services/tally-math.js';
import { createTestRepositories, uniqueTablePrefix } from '../../support/azurite.js';
import { inject } from 'vitest';
import { aClick, aContest, aConversion, aShare, clicksFor, recordingNotifier, TENANT } from './measurement-fixtures.js';
import type { ContestScore } from '../../../src/bot/services/scoring.ports.js';

let repos: TableRepositories;
let services: MeasurementServices;
const notifier = recordingNotifier();
const weighted = aContest({ id: 'weighted', weights: { uniqueClick: 1, share: 3, conversion: 10 } });

beforeAll(async () => {
  repos = await createTestRepositories('scoring');
  await repos.contests.upsert(TENANT, aContest());
  await repos.contests.upsert(TENANT, weighted);
  services = createMeasurementServices(repos, { contestCacheMs: 0 });
  services.wins.attachNotifier(notifier);
});

const board = (scores: ContestScore[]) =>
  scores.map((s) => `${s.employeeId}:${s.points}:${Date.parse(s.reachedAt)}:${s.clicks}/${s.shares}/${s.conversions}`).sort();

describe('exactly-once scoring', () => {
  it('counts a replayed click batch once, even replayed in other groupings and in parallel', async () => {
    const clicks = clicksFor('ana', 30, '2026-10-05T08:00:00.000Z');
    await services.scoring.onClicksFlushed(clicks);
    await services.scoring.onClicksFlushed(clicks);
    await Promise.all([services.scoring.onClicksFlushed(clicks.slice(0, 20)), services.scoring.onClicksFlushed(clicks.slice(10)), services.scoring.onClicksFlushed([...clicks, ...clicks])]);
    expect(await repos.tallies.getScore(TENANT, 'q4', 'ana')).toMatchObject({ points: 30, clicks: 30, reachedAt: clicks[29]!.at });
    expect(await repos.tallies.getTotals(TENANT, 'ana')).toEqual({ employeeId: 'ana', clicks: 30, shares: 0, conversions: 0 });
  });

  it('survives a crash between the ledger commit and the rest: the replay adds only what is missing', async () => {
    const clicks = clicksFor('ben', 12, '2026-10-06T08:00:00.000Z');
    // A first delivery that died after committing the first five (ledger + aggregates, one transaction).
    await services.scoring.onClicksFlushed(clicks.slice(0, 5));
    await services.scoring.onClicksFlushed(clicks);
    expect(await repos.tallies.getScore(TENANT, 'q4', 'ben')).toMatchObject({ points: 12 });
  });

  it('never lets a ledger row exist without its points: a commit that conflicts writes neither', async () => {
    const [first] = clicksFor('cy', 1, '2026-10-07T08:00:00.000Z');
    await services.scoring.onClicksFlushed([first!]);
    const slice = await repos.tallies.readSlice(TENANT, 'cy', { weeks: [], contestIds: ['q4'] });
    const stale = slice.scores.q4!;
    await services.scoring.onClicksFlushed([aClick('cy', 'code-cy', 'other', '2026-10-07T09:00:00.000Z')]);
    const next = aClick('cy', 'code-cy', 'third', '2026-10-07T10:00:00.000Z');
    await expect(repos.tallies.commit(TENANT, 'cy', [clickEvent(next)], [{ kind: 'score', value: { ...stale.value, points: 99 }, etag: stale.etag }])).rejects.toMatchObject({ name: 'ConflictError' });
    expect(await repos.tallies.knownEvents(TENANT, 'cy', [clickEvent(next)])).toEqual(new Set());
    await services.scoring.onClicksFlushed([next]);
    expect(await repos.tallies.getScore(TENANT, 'q4', 'cy')).toMatchObject({ points: 3 });
  });

  it('keeps people apart: the same click identity on two people is two events', async () => {
    await services.scoring.onClicksFlushed([aClick('dan', 'shared-code', 'v1', '2026-10-08T08:00:00.000Z'), aClick('eli', 'shared-code', 'v1', '2026-10-08T08:00:00.000Z')]);
    expect((await repos.tallies.getScore(TENANT, 'q4', 'dan'))?.points).toBe(1);
    expect((await repos.tallies.getScore(TENANT, 'q4', 'eli'))?.points).toBe(1);
  });

  it('scores by the contest weights: clicks-only by default, shares and conversions where weighted', async () => {
    await services.scoring.onShareRecorded(aShare('fay', 's-fay', '2026-10-09T08:00:00.000Z'));
    await services.scoring.onShareRecorded(aShare('fay', 's-fay', '2026-10-09T08:00:00.000Z'));
    await services.scoring.onClicksFlushed(clicksFor('fay', 2, '2026-10-09T09:00:00.000Z'));
    await services.scoring.onConversionRecorded(aConversion('fay', 'crm-1', '2026-10-10T08:00:00.000Z'));
    await services.scoring.onConversionRecorded(aConversion('fay', 'crm-1', '2026-10-10T08:00:00.000Z'));
    expect(await repos.tallies.getScore(TENANT, 'q4', 'fay')).toMatchObject({ points: 2, clicks: 2, shares: 1, conversions: 1, reachedAt: '2026-10-09T10:00:00.000Z' });
    expect(await repos.tallies.getScore(TENANT, 'weighted', 'fay')).toMatchObject({ points: 2 + 3 + 10, reachedAt: '2026-10-10T08:00:00.000Z' });
  });

  it('ignores events outside the contest window for the score but counts them in the totals', async () => {
    await services.scoring.onClicksFlushed([aClick('gus', 'code-gus', 'v', '2026-09-20T08:00:00.000Z')]);
    expect(await repos.tallies.getScore(TENANT, 'q4', 'gus')).toBeUndefined();
    expect((await repos.tallies.getTotals(TENANT, 'gus'))?.clicks).toBe(1);
    expect((await repos.tallies.getWeek(TENANT, 'gus', '2026-W38'))?.clicks).toBe(1);
  });
});

describe('storage failing while scoring', () => {
  it('rejects to the caller (the flusher retries) and leaves no unhandled rejection behind, which would end the process', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      let failing = true;
      const tallies = new Proxy(repos.tallies, {
        get: (target, prop, receiver) =>
          prop === 'readSlice' && failing ? () => Promise.reject(new Error('connect ECONNREFUSED')) : (Reflect.get(target, prop, receiver) as unknown),
      });
      const flaky = createMeasurementServices({ ...repos, tallies }, { contestCacheMs: 0 });
      const click = aClick('lou', 'code-lou', 'v1', '2026-10-20T08:00:00.000Z');
      await expect(flaky.scoring.onClicksFlushed([click])).rejects.toThrow('ECONNREFUSED');
      await new Promise((r) => setTimeout(r, 50)); // unhandled rejections are reported after a turn
      expect(unhandled).toEqual([]);
      failing = false;
      await flaky.scoring.onClicksFlushed([click]); // the retry scores it
      expect((await repos.tallies.getTotals(TENANT, 'lou'))?.clicks).toBe(1);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

describe('wins', () => {
  it('detects first share and the 10-click milestone once each, whatever is replayed', async () => {
    const before = notifier.calls.filter((c) => c.employeeId === 'hal').length;
    expect(before).toBe(0);
    await services.scoring.onShareRecorded(aShare('hal', 's-hal', '2026-10-11T08:00:00.000Z'));
    const clicks = clicksFor('hal', 11, '2026-10-11T09:00:00.000Z');
    await services.scoring.onClicksFlushed(clicks);
    await services.scoring.onClicksFlushed(clicks);
    await services.scoring.onShareRecorded(aShare('hal', 's-hal', '2026-10-11T08:00:00.000Z'));
    const handed = notifier.calls.filter((c) => c.employeeId === 'hal').flatMap((c) => c.wins.map((w) => w.id));
    expect(handed).toEqual(['hal:first-share', 'hal:clicks-10']);
    expect((await services.wins.listWins(TENANT, 'hal')).map((w) => [w.id, w.notified]).sort()).toEqual([
      ['hal:clicks-10', true],
      ['hal:first-share', true],
    ]);
  });

  it('hands a win over again when the notifier failed, then never again', async () => {
    notifier.failNext = true;
    await services.scoring.onConversionRecorded(aConversion('ivy', 'crm-ivy', '2026-10-12T08:00:00.000Z'));
    expect(notifier.calls.filter((c) => c.employeeId === 'ivy')).toEqual([]);
    expect((await services.wins.listWins(TENANT, 'ivy')).map((w) => w.notified)).toEqual([false]);
    await services.scoring.onConversionRecorded(aConversion('ivy', 'crm-ivy', '2026-10-12T08:00:00.000Z'));
    await services.scoring.onConversionRecorded(aConversion('ivy', 'crm-ivy', '2026-10-12T08:00:00.000Z'));
    expect(notifier.calls.filter((c) => c.employeeId === 'ivy').flatMap((c) => c.wins.map((w) => w.kind))).toEqual(['first-conversion']);
  });

  it('celebrates a persona level-up and a completed training once each; sideways moves are no win', async () => {
    const at = new Date('2026-10-13T08:00:00.000Z');
    expect((await services.scoring.recordPersonaChange(TENANT, 'jo', 'observer', 'sharer', at)).map((w) => w.id)).toEqual(['jo:persona-level-up:sharer']);
    expect(await services.scoring.recordPersonaChange(TENANT, 'jo', 'observer', 'sharer', at)).toEqual([]);
    expect(await services.scoring.recordPersonaChange(TENANT, 'jo', 'sharer', 'networker', at)).toEqual([]);
    expect((await services.scoring.recordTrainingCompleted(TENANT, 'jo', 'linkedin-basics', at)).map((w) => w.id)).toEqual(['jo:training-completed:linkedin-basics']);
    expect(await services.scoring.recordTrainingCompleted(TENANT, 'jo', 'linkedin-basics', at)).toEqual([]);
    expect(notifier.calls.filter((c) => c.employeeId === 'jo').flatMap((c) => c.wins.map((w) => w.kind))).toEqual(['persona-level-up', 'training-completed']);
  });
});

describe('rebuild from events', () => {
  it('gives the same board from the Clicks, Shares and Conversions tables as the incremental path', async () => {
    const incremental = await createTestRepositories('incr');
    const rebuilt = await createTableRepositories({ connectionString: inject('azuriteConnectionString'), tablePrefix: uniqueTablePrefix('rebuilt') });
    await rebuilt.ensure();
    const contests = [aContest(), weighted];
    for (const r of [incremental, rebuilt]) for (const c of contests) await r.contests.upsert(TENANT, c);
    const live = createMeasurementServices(incremental, { contestCacheMs: 0 });
    const cold = createMeasurementServices(rebuilt, { contestCacheMs: 0 });

    // 40 people, 1,500 click events with repeats (same visitor, same day), shares and conversions.
    const clicks = Array.from({ length: 1500 }, (_, i) => {
      const person = `p${(i * 7) % 40}`;
      const at = new Date(Date.parse('2026-10-01T00:00:00.000Z') + ((i * 7919) % (60 * 24)) * 3_600_000).toISOString();
      return aClick(person, `code-${person}`, `v${i % 97}`, at);
    });
    const shares = Array.from({ length: 30 }, (_, i) => aShare(`p${i}`, `share-${i}`, `2026-10-${String(2 + (i % 20)).padStart(2, '0')}T10:00:00.000Z`));
    const conversions = Array.from({ length: 8 }, (_, i) => aConversion(`p${i * 3}`, `crm-${i}`, `2026-11-0${1 + i}T10:00:00.000Z`));

    // Incremental: flushed in uneven batches, some replayed, in parallel.
    const stored = [...new Map(clicks.map((c) => [`${c.code}|${c.visitorKey}|${c.day}`, c])).values()];
    for (const r of [incremental, rebuilt]) {
      await r.clicks.recordMany(stored);
      for (const s of shares) await r.shares.record(TENANT, s);
      for (const c of conversions) await r.conversions.record(c);
    }
    const batches = [stored.slice(0, 400), stored.slice(300, 900), stored.slice(900), stored.slice(0, 200)];
    await Promise.all(batches.map((b) => live.scoring.onClicksFlushed(b)));
    for (const s of shares) await live.scoring.onShareRecorded(s);
    await Promise.all(conversions.map((c) => live.scoring.onConversionRecorded(c)));

    for (const contest of contests) await cold.scoring.rebuildContest(TENANT, contest.id);
    for (const contest of contests) {
      const a = board(await incremental.tallies.listScores(TENANT, contest.id));
      const b = board(await rebuilt.tallies.listScores(TENANT, contest.id));
      expect(a.length).toBeGreaterThan(30);
      expect(b).toEqual(a);
    }
    for (const person of ['p0', 'p3', 'p21']) expect(await rebuilt.tallies.getTotals(TENANT, person)).toEqual(await incremental.tallies.getTotals(TENANT, person));

    // Rebuilding what the incremental path maintained changes nothing.
    const again = await live.scoring.rebuildTenant(TENANT);
    expect(again).toMatchObject({ events: stored.length + shares.length + conversions.length, rowsWritten: 0 });
  }, 120_000);

  it('stores the wins a history nobody scored reached (seeded, imported), dated at the crossing, without a card; never twice', async () => {
    const cold = await createTestRepositories('pastwins');
    const scoring = createMeasurementServices(cold, { contestCacheMs: 0 });
    const cards = recordingNotifier();
    scoring.wins.attachNotifier(cards);
    const at = (hour: number) => new Date(Date.parse('2026-10-05T00:00:00.000Z') + hour * 3_600_000).toISOString();
    const clicks = Array.from({ length: 12 }, (_, i) => aClick('lu', 'code-lu', `visitor-${i}`, at(24 + i * 5)));
    await cold.clicks.recordMany([...clicks].reverse());
    await cold.shares.record(TENANT, aShare('lu', 'share-lu', at(2)));

    await scoring.scoring.rebuildTenant(TENANT);
    const wins = (await cold.wins.listByEmployee(TENANT, 'lu')).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    expect(wins.map((w) => [w.kind, w.at, w.notified])).toEqual([
      ['first-share', at(2), true],
      ['clicks-10', clicks[9]!.at, true],
    ]);
    expect(cards.calls).toEqual([]);

    // Again, and through the live path: nothing new, no card.
    await scoring.scoring.rebuildTenant(TENANT);
    await scoring.scoring.onClicksFlushed(clicks.slice(0, 3));
    expect(await cold.wins.listByEmployee(TENANT, 'lu')).toHaveLength(2);
    expect(cards.calls).toEqual([]);
  });

  it('recovers a click whose hook never ran, and a later replay of it is not counted twice', async () => {
    const lost = aClick('kim', 'code-kim', 'lost', '2026-10-20T08:00:00.000Z');
    await repos.clicks.recordMany([lost]);
    await services.scoring.onClicksFlushed([aClick('kim', 'code-kim', 'seen', '2026-10-20T09:00:00.000Z')]);
    await repos.clicks.recordMany([aClick('kim', 'code-kim', 'seen', '2026-10-20T09:00:00.000Z')]);
    expect((await repos.tallies.getScore(TENANT, 'q4', 'kim'))?.points).toBe(1);
    await services.scoring.rebuildContest(TENANT, 'q4');
    expect((await repos.tallies.getScore(TENANT, 'q4', 'kim'))?.points).toBe(2);
    await services.scoring.onClicksFlushed([lost]);
    expect((await repos.tallies.getScore(TENANT, 'q4', 'kim'))?.points).toBe(2);
  });
});
