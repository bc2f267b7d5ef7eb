/**
 * Per-visitor limits across instances (shared-rate-store.ts): two Fastify servers with the real
 * limiter plugin and their own counters meet through the RateCounts table on Azurite. Syncs are
 * called by the test (no timers), and the clock is the test's, so every count is exact.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { perVisitorLimit, registerRateLimiting } from '../../../src/bot/http/rate-limits.js';
import { onceAMinute, SharedRateCounts } from '../../../src/bot/http/shared-rate-store.js';
import type { RateCountsBoard } from '../../../src/bot/services/rate-sharing.ports.js';
import { createTableRepositories, type TableRepositories } from '../../../src/bot/storage/index.js';
import { uniqueTablePrefix } from '../../support/azurite.js';

const WINDOW = 60_000;
const LIMIT = 10;
const SALT = Buffer.alloc(32, 7);
const VISITOR = '203.0.113.7';
let clock = 1_700_000_010_000; // 50 s before the end of its minute window

async function instance(counts: SharedRateCounts): Promise<FastifyInstance> {
  const app = Fastify();
  await registerRateLimiting(app, { salt: SALT, counts });
  app.get('/limited', perVisitorLimit(LIMIT), async () => ({ ok: true }));
  await app.ready();
  return app;
}

const counter = (board: RateCountsBoard | undefined, instanceId: string) =>
  new SharedRateCounts({ ...(board ? { board } : {}), instanceId, windowMs: WINDOW, now: () => clock });

async function hit(app: FastifyInstance, times: number, from = VISITOR): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i += 1) statuses.push((await app.inject({ method: 'GET', url: '/limited', remoteAddress: from })).statusCode);
  return statuses;
}

describe('rate limits shared by two instances', () => {
  let repos: TableRepositories;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    repos = await createTableRepositories({ connectionString: inject('azuriteConnectionString'), tablePrefix: uniqueTablePrefix('rate') });
    await repos.ensure();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('hold a visitor to the limit over both instances, not twice it; other visitors and the next window are free', async () => {
    const a = counter(repos.rateCounts, 'instance-a');
    const b = counter(repos.rateCounts, 'instance-b');
    const [appA, appB] = [await instance(a), await instance(b)];
    apps.push(appA, appB);

    expect(await hit(appA, 6)).toEqual(Array(6).fill(200));
    await a.sync();
    await b.sync(); // B has no traffic yet in this window: it reads nothing
    expect(await hit(appB, 1)).toEqual([200]);
    await b.sync(); // now B publishes its 1 and reads A's 6
    expect(await hit(appB, 5)).toEqual([200, 200, 200, 429, 429]);
    await b.sync(); // B publishes 6 (refused requests count too)
    await a.sync();
    expect(await hit(appA, 1)).toEqual([429]);
    expect(await hit(appB, 3, '198.51.100.20')).toEqual([200, 200, 200]);

    // What storage holds: hashed keys and counts, never the address.
    const rows = await repos.rateCounts.list();
    expect(rows.map((r) => r.instanceId).sort()).toEqual(['instance-a', 'instance-b']);
    expect(JSON.stringify(rows)).not.toContain('203.0.113');
    expect(Object.keys(rows.find((r) => r.instanceId === 'instance-a')!.counts)[0]).toMatch(/^\/limited\|[A-Za-z0-9_-]{22}$/);

    clock += WINDOW; // the next minute: a fresh budget on both
    expect(await hit(appB, 2)).toEqual([200, 200]);
    await b.sync();
    expect(await hit(appA, 1)).toEqual([200]);

    await a.stop();
    await b.stop();
    expect(await repos.rateCounts.list()).toEqual([]);
  });

  it('counts stay per instance without a board (the baseline the sharing changes)', async () => {
    const [appA, appB] = [await instance(counter(undefined, 'solo-a')), await instance(counter(undefined, 'solo-b'))];
    apps.push(appA, appB);
    expect(await hit(appA, LIMIT + 1)).toEqual([...Array(LIMIT).fill(200), 429]);
    expect(await hit(appB, 6)).toEqual(Array(6).fill(200));
  });

  it('a stopped instance that never said so is forgotten; a failing board leaves local limiting in place', async () => {
    await repos.rateCounts.publish({ instanceId: 'ghost', windowStartMs: clock - 10 * WINDOW, counts: { '/limited|x': 3 }, updatedAtMs: clock - 10 * WINDOW });
    const a = counter(repos.rateCounts, 'instance-c');
    const appA = await instance(a);
    apps.push(appA);
    await hit(appA, 1);
    await a.sync();
    expect((await repos.rateCounts.list()).map((r) => r.instanceId)).toEqual(['instance-c']);
    await a.stop();

    const failing: RateCountsBoard = {
      publish: () => Promise.reject(new Error('storage unreachable')),
      list: () => Promise.reject(new Error('storage unreachable')),
      remove: () => Promise.reject(new Error('storage unreachable')),
    };
    const down = counter(failing, 'instance-d');
    const appD = await instance(down);
    apps.push(appD);
    expect(await hit(appD, 5)).toEqual(Array(5).fill(200));
    await expect(down.sync()).rejects.toThrow('storage unreachable');
    expect(await hit(appD, LIMIT - 4)).toEqual([...Array(LIMIT - 5).fill(200), 429]);
    await down.stop(); // best effort, no throw
  });
});

describe('onceAMinute', () => {
  it('reports the first failure, then at most one a minute', () => {
    let t = 0;
    const seen: unknown[] = [];
    const report = onceAMinute((err) => seen.push(err), () => t);
    report('a');
    t = 59_999;
    report('b');
    t = 60_000;
    report('c');
    expect(seen).toEqual(['a', 'c']);
  });
});
