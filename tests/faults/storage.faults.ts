/**
 * Storage faults with the real app and Azurite in their own processes:
 *  1. storage unreachable at start: the app does not crash, logs a clear line per retry, `/healthz`
 *     answers 503 `starting` with the reason; once Azurite appears, it starts by itself;
 *  2. storage lost mid-run: `/healthz` 503 `degraded`, API calls a clear 503 `unavailable` with
 *     Retry-After, every click still redirected and journaled; Azurite back on the same data: the
 *     app recovers by itself and every click is stored exactly once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { azuriteConnectionString } from '../../src/bot/storage/azurite-launcher.js';
import { createTableRepositories } from '../../src/bot/storage/index.js';
import { createLinkCodes } from '../../src/bot/services/link-codes.js';
import { CHROME, call, freePort, healthOf, spawnApp, spawnAzurite, temp, waitFor, type Proc } from './support.js';

const procs: Proc[] = [];
afterAll(async () => {
  for (const proc of procs.reverse()) await proc.stop('SIGKILL');
});

describe('storage faults', () => {
  it('unreachable at start: retries with a clear error and /healthz says so; starts once storage appears; lost mid-run: degrades, loses nothing, recovers', async () => {
    const [tablePort, queuePort, appPort] = [await freePort(), await freePort(), await freePort()];
    const location = await temp('azurite');
    const connectionString = azuriteConnectionString(`http://127.0.0.1:${tablePort}/devstoreaccount1`, `http://127.0.0.1:${queuePort}/devstoreaccount1`);
    const prefix = `faults${Date.now().toString(36)}`;
    const app = spawnApp({ PORT: String(appPort), STORAGE_CONNECTION_STRING: connectionString, STORAGE_TABLE_PREFIX: prefix, CLICK_JOURNAL_DIR: await temp('journal') });
    procs.push(app);

    // 1. No storage yet: the placeholder health answers, the process keeps trying.
    await waitFor(async () => {
      if (app.child.exitCode !== null) throw new Error(`app exited: ${app.output()}`);
      const h = await healthOf(appPort);
      return h.status === 503 && (h.body.storage as { attempts: number }).attempts >= 2;
    }, 60_000, 'the placeholder /healthz');
    const waiting = await healthOf(appPort);
    expect(waiting.body).toMatchObject({ status: 'starting', storage: { reachable: false } });
    expect(String((waiting.body.storage as { lastError: string }).lastError)).not.toBe('');
    expect(app.output()).toMatch(/storage unreachable at start: .*; retrying in \d+ s/);
    const api = await call(appPort, '/api/me');
    expect(api.status).toBe(503);
    expect(api.headers['retry-after']).toBe('5');

    let azurite = await spawnAzurite(location, tablePort, queuePort);
    procs.push(azurite);
    await waitFor(async () => (await healthOf(appPort)).status === 200, 60_000, 'the app to start once storage is there');
    expect(app.output()).toMatch(/storage reachable: starting/);

    // 2. Storage lost mid-run.
    const repos = await createTableRepositories({ connectionString, tablePrefix: prefix });
    const code = createLinkCodes().sign('Outage01');
    await repos.trackedLinks.create({ code, tenantId: 'local-tenant', targetUrl: `https://example.com/a?utm_content=${code}`, shareId: 's1', employeeId: 'e1', contentId: 'c1', network: 'linkedin', createdAt: new Date().toISOString() });
    const click = (i: number) => call(appPort, `/l/${code}`, { headers: { 'user-agent': CHROME, 'x-forwarded-for': `198.51.${i >> 8}.${i & 255}` } });
    expect((await click(0)).status).toBe(302); // the link is now cached

    await azurite.stop();
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => click(i + 1).then((r) => r.status)));
    expect(statuses.filter((s) => s === 302)).toHaveLength(200);
    const down = await healthOf(appPort);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', storage: { reachable: false } });
    const board = await call(appPort, '/api/board');
    expect(board.status).toBe(503);
    expect(JSON.parse(board.body)).toMatchObject({ error: { code: 'unavailable' } });
    expect(board.headers['retry-after']).toBe('5');
    expect((down.body.clicks as { journalBacklog: number }).journalBacklog).toBeGreaterThanOrEqual(200);

    azurite = await spawnAzurite(location, tablePort, queuePort);
    procs.push(azurite);
    await waitFor(async () => {
      const h = await healthOf(appPort);
      return h.status === 200 && (h.body.clicks as { journalBacklog: number }).journalBacklog === 0;
    }, 90_000, 'recovery');
    const stored = await repos.clicks.listByCode(code);
    expect(stored).toHaveLength(201);
    expect(new Set(stored.map((c) => c.visitorKey)).size).toBe(201);
    expect((await call(appPort, '/api/board')).status).not.toBe(503);
    expect(app.output()).not.toMatch(/198\.51\./);
    console.log(`FAULTS storage: start without storage survived; outage: 200 clicks answered while down, 201 stored after recovery, lost 0, duplicated 0`);
  });
});
