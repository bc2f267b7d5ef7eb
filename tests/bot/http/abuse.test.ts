/**
 * Abuse of the public doors on the whole app (real server, the run's Azurite behind a counting
 * proxy): per-visitor limits with 429 + Retry-After on `/l/`, `/s/` and the webhook (localized page
 * for browsers, JSON for the webhook); a visitor hammering a link, even with made-up
 * X-Forwarded-For entries, adds one click to the person's totals; a flood of made-up codes costs
 * no storage request at all (link-codes.ts), counted on the wire.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../../src/bot/config.js';
import { startApp, type RunningApp } from '../../../src/bot/index.js';
import { visitorRateKey } from '../../../src/bot/http/rate-limits.js';
import { createLinkCodes } from '../../../src/bot/services/link-codes.js';
import { LINK_CODE_ALPHABET } from '../../../src/shared/domain/tracked-links.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { uniqueTablePrefix } from '../../support/azurite.js';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const TENANT = 'local-tenant';
const codes = createLinkCodes();
const HAMMERED = codes.sign('Hammer01');

/** Table requests seen by the proxy, by path (only the table name and keys: no bodies). */
const seen: string[] = [];
let proxy: Server;
let app: RunningApp;

/** A pass-through HTTP proxy in front of the Azurite table endpoint that records each request path. */
async function countingProxy(target: URL): Promise<Server> {
  const server = createServer((req, res) => {
    seen.push(decodeURIComponent(req.url ?? ''));
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const randomCode = () => Array.from(randomBytes(12), (b) => LINK_CODE_ALPHABET[b % 62]).join('');
/** The app's repositories are the table ones (the type shows the services' view). */
const tallies = () => (app.repositories as unknown as TableRepositories).tallies;
const reads = (table: string) => seen.filter((path) => path.includes(table)).length;

beforeAll(async () => {
  const connectionString = inject('azuriteConnectionString');
  const tableEndpoint = /TableEndpoint=(http:\/\/[^;]+)/.exec(connectionString)![1]!;
  proxy = await countingProxy(new URL(tableEndpoint));
  const port = (proxy.address() as { port: number }).port;
  const viaProxy = connectionString.replace(tableEndpoint, tableEndpoint.replace(/:\d+/, `:${port}`));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', STORAGE_TABLE_PREFIX: uniqueTablePrefix('abuse'), SEED_DEMO: 'false', PLAYGROUND: 'false', LOG_LEVEL: 'warn' }, 'test');
  app = await startApp(config, { connectionString: viaProxy });
  await app.repositories.trackedLinks.create({ code: HAMMERED, tenantId: TENANT, targetUrl: `https://example.com/a?utm_content=${HAMMERED}`, shareId: 'share-h', employeeId: 'hammered-person', contentId: 'c1', network: 'linkedin', createdAt: '2026-12-01T08:00:00.000Z' });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => proxy?.close(resolve));
});

const get = (url: string, ip: string, headers: Record<string, string> = {}) =>
  app.server.inject({ method: 'GET', url, headers: { 'user-agent': CHROME, 'x-forwarded-for': ip, ...headers } });

describe('per-visitor rate limits (defaults from config: 120, 60, 600 a minute)', () => {
  it('/l/: the 121st request of one visitor in a minute is a localized 429 page with Retry-After; others go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 120; i += 1) statuses.push((await get(`/l/${HAMMERED}`, '198.51.100.7')).statusCode);
    expect(new Set(statuses)).toEqual(new Set([302]));
    const refused = await get(`/l/${HAMMERED}`, '198.51.100.7', { 'accept-language': 'ja-JP' });
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.location).toBeUndefined();
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(refused.body).toContain('リクエストが多すぎます');
    expect(refused.body).not.toContain('198.51.100.7');
    // A visitor's own X-Forwarded-For entry does not make them someone else (one trusted hop).
    expect((await get(`/l/${HAMMERED}`, '203.0.113.1, 198.51.100.7')).statusCode).toBe(429);
    // Another visitor is not affected.
    expect((await get(`/l/${HAMMERED}`, '198.51.100.8')).statusCode).toBe(302);
  });

  it('one visitor hammering a link adds one click to the person, however often and with whatever forwarded entries', async () => {
    for (let i = 0; i < 30; i += 1) await get(`/l/${HAMMERED}`, `10.${i}.0.1, 198.51.100.9`);
    await app.clicks.flusher.flushAll();
    // 198.51.100.7 (hammering), .8 and .9: three visitors, three clicks, whatever the request count.
    expect(await app.repositories.clicks.countByCode(HAMMERED)).toBe(3);
    const deadline = Date.now() + 15_000;
    let totals = await tallies().getTotals(TENANT, 'hammered-person');
    while ((totals?.clicks ?? 0) < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      totals = await tallies().getTotals(TENANT, 'hammered-person');
    }
    expect(totals?.clicks).toBe(3);
  });

  it('/s/: the 61st request is a localized 429 page with Retry-After', async () => {
    const code = codes.sign('Prompt01');
    for (let i = 0; i < 60; i += 1) expect((await get(`/s/${code}/linkedin`, '192.0.2.50')).statusCode).toBe(404);
    const refused = await get(`/s/${code}/linkedin`, '192.0.2.50', { 'accept-language': 'it-IT' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain('Troppe richieste');
  });

  it('webhook: the 601st call of one sender is a JSON 429 with Retry-After', async () => {
    const post = () => app.server.inject({ method: 'POST', url: '/api/conversions', headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.60' }, payload: '{}' });
    for (let i = 0; i < 600; i += 1) expect((await post()).statusCode).toBe(401);
    const refused = await post();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ error: { code: 'tooManyRequests' } });
  });

  it('the limiter key is a salted hash: no address in it, one key per IPv6 /64', () => {
    const salt = randomBytes(32);
    const key = visitorRateKey(salt, '198.51.100.7');
    expect(key).not.toContain('198');
    expect(key).toBe(visitorRateKey(salt, '198.51.100.7:51234'));
    expect(key).not.toBe(visitorRateKey(randomBytes(32), '198.51.100.7'));
    expect(visitorRateKey(salt, '2001:db8:1:2:aaaa::1')).toBe(visitorRateKey(salt, '2001:db8:1:2:bbbb::9'));
    expect(visitorRateKey(salt, '2001:db8:1:2::1')).not.toBe(visitorRateKey(salt, '2001:db8:1:3::1'));
  });
});

describe('a flood of made-up codes', () => {
  it('costs no storage request on /l/, /s/ or the webhook; a genuine new code costs one', async () => {
    // Sanity: the proxy sees the app's reads (a genuine, uncached code is one TrackedLinks read).
    const genuine = codes.sign('Genuine1');
    const before = reads('TrackedLinks');
    expect((await get(`/l/${genuine}`, '192.0.2.1')).statusCode).toBe(404);
    expect(reads('TrackedLinks')).toBe(before + 1);

    const start = seen.length;
    for (let i = 0; i < 300; i += 1) {
      const ip = `100.64.${i >> 8}.${i & 255}`;
      expect((await get(`/l/${randomCode()}`, ip)).statusCode).toBe(404);
      expect((await get(`/s/${randomCode()}/linkedin`, ip)).statusCode).toBe(404);
      const body = JSON.stringify({ kind: 'lead', externalId: `x${i}`, occurredAt: new Date().toISOString(), linkCode: randomCode() });
      const t = Math.floor(Date.now() / 1000);
      const res = await app.server.inject({ method: 'POST', url: '/api/conversions', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'advocacy-signature': `t=${t},v1=${'0'.repeat(64)}` }, payload: body });
      expect(res.statusCode).toBe(401);
    }
    const during = seen.slice(start).filter((path) => /TrackedLinks|Prompts|Settings/.test(path));
    expect(during).toEqual([]);
  });
});
