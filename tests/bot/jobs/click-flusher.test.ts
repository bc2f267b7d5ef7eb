/**
 * The click pipeline under failure, with real parts: a dedicated Azurite stopped mid-way (outage),
 * and the real app killed with SIGKILL in a child process (restart). Every answered click ends up
 * in the Clicks table exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { registerClickRoutes } from '../../../src/bot/http/click.routes.js';
import { ClickFlusher } from '../../../src/bot/jobs/click-flusher.js';
import { ClickJournal } from '../../../src/bot/jobs/click-journal.js';
import { openClickPipeline } from '../../../src/bot/jobs/click-pipeline.js';
import type { ClickLogger } from '../../../src/bot/jobs/click-journal.js';
import { hashVisitor } from '../../../src/bot/services/click-redirect.service.js';
import { createLinkCodes } from '../../../src/bot/services/link-codes.js';
import { startAzurite } from '../../../src/bot/storage/azurite-launcher.js';
import { createTableRepositories } from '../../../src/bot/storage/index.js';
import { clickIdentity } from '../../../src/shared/domain/clicks.js';
import type { Click, TrackedLink } from '../../../src/shared/domain/types.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { startFreezableProxy } from '../../support/freezable-proxy.js';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const SECRET = 'test-click-key-0123456789abcdef0123456789';
/** The real app refuses a code without its tag (link-codes.ts, dev key in tests). */
const KILLED = createLinkCodes().sign('Killed00');

const link = (code: string): TrackedLink => ({
  code,
  tenantId: 't1',
  targetUrl: `https://example.com/a?utm_content=${code}`,
  shareId: 's1',
  employeeId: 'e1',
  contentId: 'c1',
  network: 'x',
  createdAt: '2026-12-01T00:00:00.000Z',
});

const temps: string[] = [];
async function temp(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${label}-`));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function captureLogger(): ClickLogger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (details: object, message: string) => void lines.push(`${level} ${message} ${JSON.stringify(details)}`);
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

describe('storage outage', () => {
  it('the journal grows while storage is down, health shows it, recovery stores everything exactly once', async () => {
    const location = await temp('azurite-outage');
    let azurite = await startAzurite({ location });
    const repos = await createTableRepositories({ connectionString: azurite.connectionString, tablePrefix: uniqueTablePrefix('outage') });
    await repos.ensure();
    await repos.trackedLinks.create(link('Outage000001'));
    const logger = captureLogger();
    const hooked: Click[] = [];
    const pipeline = await openClickPipeline({
      config: { secretKey: SECRET, instanceId: 'test', journalDir: await temp('journal-outage'), journalMaxBytes: 1 << 24, ephemeralJournal: false },
      links: repos.trackedLinks,
      clicks: repos.clicks,
      logger,
      onClicksFlushed: async (clicks) => void hooked.push(...clicks),
      flusher: { retryMinMs: 100, retryMaxMs: 400 },
    });
    pipeline.start();
    try {
      expect(await pipeline.click('Outage000001', '10.0.0.1', CHROME)).toMatchObject({ kind: 'redirect', counted: 'kept' });
      await waitFor(() => pipeline.health().journalBacklog === 0, 10_000, 'first flush');

      await azurite.stop();
      // The link is cached: redirects go on with storage down, each one journaled first.
      for (let i = 0; i < 50; i += 1) {
        expect(await pipeline.click('Outage000001', `10.1.0.${i}`, CHROME)).toMatchObject({ kind: 'redirect', counted: 'kept', location: 'https://example.com/a?utm_content=Outage000001' });
      }
      expect(pipeline.health().journalBacklog).toBe(50);
      // A code not in the cache needs storage: the visitor gets a localized 503 page, not a JSON error.
      const routes = Fastify();
      registerClickRoutes(routes, pipeline);
      const uncached = routes.inject({ url: '/l/NotCached001', headers: { 'accept-language': 'it-IT' } });
      await waitFor(() => pipeline.health().lastFlushError !== undefined, 30_000, 'a flush failure');
      const down = pipeline.health();
      expect(down).toMatchObject({ journalBacklog: 50, dropped: 0 });
      expect(down.oldestUnflushedAgeMs).toBeGreaterThan(0);
      expect(logger.lines.some((l) => l.startsWith('error click flush failed'))).toBe(true);
      const page = await uncached;
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe('30');
      expect(page.headers.location).toBeUndefined();
      expect(page.body).toContain('Riprova tra poco');
      await routes.close();

      azurite = await startAzurite({ location, tablePort: azurite.tablePort, queuePort: azurite.queuePort });
      await waitFor(() => pipeline.health().journalBacklog === 0, 30_000, 'recovery');
      expect(pipeline.health()).toEqual({ journalBacklog: 0, oldestUnflushedAgeMs: 0, dropped: 0 });
      expect(logger.lines.some((l) => l.startsWith('info click flush recovered'))).toBe(true);
      const stored = await repos.clicks.listByCode('Outage000001');
      expect(stored).toHaveLength(51);
      expect(new Set(stored.map((c) => c.visitorKey)).size).toBe(51);
      // The hook saw every click (a retried batch may be handed over again: it is idempotent on identity).
      expect(new Set(hooked.map((c) => clickIdentity(c.code, c.visitorKey, c.day))).size).toBe(51);
      expect(logger.lines.join('\n')).not.toMatch(/10\.1\.0\./);
    } finally {
      await pipeline.close({ deadlineMs: 1_000 });
      await azurite.stop();
    }
  }, 90_000);
});

describe('a click the table refuses', () => {
  it('is logged and skipped; the rest of its batch is stored and the journal moves on', async () => {
    const repos = await createTableRepositories({ connectionString: inject('azuriteConnectionString'), tablePrefix: uniqueTablePrefix('poison') });
    await repos.ensure();
    const logger = captureLogger();
    const journal = await ClickJournal.open({ dir: await temp('journal-poison'), maxBytes: 1 << 20, logger });
    const base: Click = { code: 'Poison000001', tenantId: 't1', visitorKey: 'v', day: '2026-12-03', at: '2026-12-03T10:00:00.000Z', employeeId: 'e1', contentId: 'c1', network: 'x' };
    await Promise.all([
      journal.append({ ...base, visitorKey: 'v1' }),
      journal.append({ ...base, visitorKey: 'v2', network: 'myspace' as Click['network'] }),
      journal.append({ ...base, visitorKey: 'v3' }),
    ]);
    const flusher = new ClickFlusher({ journal, clicks: repos.clicks, logger });
    await flusher.flushAll();
    expect((await repos.clicks.listByCode('Poison000001')).map((c) => c.visitorKey).sort()).toEqual(['v1', 'v3']);
    expect(journal.stats().backlog).toBe(0);
    expect(flusher.stats()).toMatchObject({ flushed: 3, newClicks: 2 });
    expect(logger.lines.filter((l) => l.startsWith('error click refused by storage'))).toHaveLength(1);
    await journal.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('restart after SIGKILL', () => {
  it('the real app, killed with -9 right after answering, stores every answered click exactly once after restart', async () => {
    const prefix = uniqueTablePrefix('kill');
    const connectionString = inject('azuriteConnectionString');
    const repos = await createTableRepositories({ connectionString, tablePrefix: prefix });
    await repos.ensure();
    await repos.trackedLinks.create(link(KILLED));
    const port = await freePort();
    // The first run reaches table storage through a proxy the test freezes, so the kill lands
    // with clicks answered but not stored, whatever the machine's speed.
    const tableEndpoint = /TableEndpoint=([^;]+)/.exec(connectionString)![1]!;
    const proxy = await startFreezableProxy(Number(new URL(tableEndpoint).port));
    const viaProxy = connectionString.replace(tableEndpoint, tableEndpoint.replace(/:\d+/, `:${proxy.port}`));
    const env = {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      STORAGE_CONNECTION_STRING: connectionString,
      STORAGE_TABLE_PREFIX: prefix,
      SEED_DEMO: 'false',
      PLAYGROUND: 'false',
      LOG_LEVEL: 'trace',
      SECRET_CLICK_KEY: SECRET,
      CLICK_JOURNAL_DIR: await temp('journal-kill'),
    };
    let output = '';
    const start = async (storage: string): Promise<ChildProcess> => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot/index.ts'], { env: { ...env, STORAGE_CONNECTION_STRING: storage }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      await waitFor(async () => {
        if (child.exitCode !== null) throw new Error(`app exited: ${output}`);
        return fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      }, 30_000, 'the app to listen');
      return child;
    };
    const exited = (child: ChildProcess) => new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));
    const click = (i: number) =>
      fetch(`http://127.0.0.1:${port}/l/${KILLED}`, { redirect: 'manual', headers: { 'user-agent': CHROME, 'x-forwarded-for': `198.18.${i >> 8}.${i & 255}` } });

    const first = await start(viaProxy);
    const answered: number[] = [];
    const answer = (i: number) => click(i).then((res) => (res.status === 302 ? void answered.push(i) : undefined));
    await answer(0);
    await waitFor(async () => (await repos.clicks.countByCode(KILLED)) === 1, 30_000, 'the first click to be stored');
    proxy.freeze();
    await Promise.all(Array.from({ length: 399 }, (_, i) => answer(i + 1)));
    first.kill('SIGKILL');
    await exited(first);
    await proxy.close();
    expect(answered).toHaveLength(400);
    const beforeRestart = await repos.clicks.countByCode(KILLED);

    const second = await start(connectionString);
    try {
      await waitFor(async () => {
        const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { clicks: { journalBacklog: number } };
        return health.clicks.journalBacklog === 0;
      }, 30_000, 'the replay');
      const stored = await repos.clicks.listByCode(KILLED);
      expect(stored).toHaveLength(400);
      const keys = new Set(stored.map((c) => c.visitorKey));
      for (const i of answered) expect(keys.has(hashVisitor(SECRET, `198.18.${i >> 8}.${i & 255}`, CHROME))).toBe(true);
      // Storage froze after the first click: the replay stored the other 399, none twice.
      expect(beforeRestart).toBe(1);
      expect(output).toMatch(/replaying clicks not yet stored/);
      expect(output).not.toMatch(/198\.18\./);
    } finally {
      second.kill('SIGTERM');
      expect(await exited(second)).toBe(0);
    }
  }, 90_000);
});
