/**
 * GET /l/:code through the whole app (real server, the run's Azurite): redirects, the localized
 * 404 page, who is counted, once per visitor per UTC day, and no raw IP in what is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashVisitor } from '../../../src/bot/services/click-redirect.service.js';
import { DEV_ONLY_CLICK_KEY } from '../../../src/bot/config.js';
import type { TrackedLink } from '../../../src/shared/domain/types.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { createLinkCodes } from '../../../src/bot/services/link-codes.js';

/** Signed codes (link-codes.ts: a code without its tag is refused before any read). */
const signer = createLinkCodes();
const c = {
  Redirect0001: signer.sign('Redirect'),
  Repeat000001: signer.sign('Repeat00'),
  Crawler00001: signer.sign('Crawler0'),
  InApp0000001: signer.sign('InApp000'),
  NoIp00000001: signer.sign('NoIp0000'),
};
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const PINTEREST_APP = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]';
const FACEBOOK_APP = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/466.0.0.43.111;FBBV/600000000]';

let test: TestApp;
let now = new Date('2026-12-03T10:00:00.000Z');

const link = (code: string, overrides: Partial<TrackedLink> = {}): TrackedLink => ({
  code,
  tenantId: 'local-tenant',
  targetUrl: `https://example.com/news/launch?ref=a&utm_source=linkedin&utm_medium=employee-advocacy&utm_content=${code}#top`,
  shareId: `share-${code}`,
  employeeId: 'demo-employee',
  contentId: 'content-1',
  network: 'linkedin',
  createdAt: '2026-12-01T08:00:00.000Z',
  ...overrides,
});

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${test.baseUrl}${path}`, { redirect: 'manual', headers: { 'user-agent': CHROME, ...headers } });
}

async function storedClicks(code: string) {
  await test.app.clicks.flusher.flushAll();
  return test.app.repositories.clicks.listByCode(code);
}

beforeAll(async () => {
  // The app's clock drives the UTC day of a click; the tests move it to the next day.
  test = await startTestApp({ SEED_DEMO: 'false' }, { now: () => now });
  for (const code of [c.Redirect0001, c.Repeat000001, c.Crawler00001, c.InApp0000001, c.NoIp00000001]) {
    await test.app.repositories.trackedLinks.create(link(code));
  }
}, 60_000);

afterAll(async () => {
  await test?.close();
});

describe('GET /l/:code', () => {
  it('302 to the registered target exactly (UTM and fragment kept), not cacheable, with a referrer policy', async () => {
    const res = await get(`/l/${c.Redirect0001}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(link(c.Redirect0001).targetUrl);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it.each([
    ['unknown code', '/l/Unknown00001'],
    ['malformed code', '/l/not-a-code'],
    ['open-redirect attempt', '/l/https%3A%2F%2Fevil.example'],
  ])('%s: friendly 404 page in Japanese, no Location', async (_label, path) => {
    const res = await get(path, { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' });
    expect(res.status).toBe(404);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('このリンクは利用できません');
    expect(html).not.toContain('evil.example');
  });

  it('English page by default', async () => {
    const html = await (await get('/l/Unknown00002')).text();
    expect(html).toContain("This link isn&#39;t available");
  });
});

describe('who counts, and how often', () => {
  it('a repeat visitor counts once a day, and again the next day; another visitor counts', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.23' };
    for (let i = 0; i < 3; i += 1) expect((await get(`/l/${c.Repeat000001}`, ip)).status).toBe(302);
    expect(await storedClicks(c.Repeat000001)).toHaveLength(1);
    // App Service appends the client port to X-Forwarded-For; the visitor is the same.
    expect((await get(`/l/${c.Repeat000001}`, { 'x-forwarded-for': '198.51.100.23:50123' })).status).toBe(302);
    expect((await get(`/l/${c.Repeat000001}`, { 'x-forwarded-for': '198.51.100.24' })).status).toBe(302);
    expect(await storedClicks(c.Repeat000001)).toHaveLength(2);
    now = new Date('2026-12-04T00:00:01.000Z');
    expect((await get(`/l/${c.Repeat000001}`, ip)).status).toBe(302);
    const clicks = await storedClicks(c.Repeat000001);
    expect(clicks.map((c) => c.day).sort()).toEqual(['2026-12-03', '2026-12-03', '2026-12-04']);
    expect(clicks[0]).toMatchObject({ tenantId: 'local-tenant', employeeId: 'demo-employee', contentId: 'content-1', network: 'linkedin' });
    now = new Date('2026-12-03T10:00:00.000Z');
  });

  it.each([
    ['LinkedIn unfurler', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
    ['Teams unfurler', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0 Safari/537.36 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview'],
    ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['GTmetrix', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 GTmetrix'],
    ['Lighthouse', 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse'],
    ['no user agent', ''],
  ])('%s is redirected but not counted', async (_label, ua) => {
    const res = await get(`/l/${c.Crawler00001}`, { 'user-agent': ua, 'x-forwarded-for': '203.0.113.99' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(link(c.Crawler00001).targetUrl);
    expect(await storedClicks(c.Crawler00001)).toHaveLength(0);
  });

  it('in-app browsers (Pinterest, Facebook) are people and count', async () => {
    await get(`/l/${c.InApp0000001}`, { 'user-agent': PINTEREST_APP, 'x-forwarded-for': '192.0.2.10' });
    await get(`/l/${c.InApp0000001}`, { 'user-agent': FACEBOOK_APP, 'x-forwarded-for': '192.0.2.11' });
    expect(await storedClicks(c.InApp0000001)).toHaveLength(2);
  });

  it('stores a keyed hash of IP and agent, never the IP', async () => {
    const ip = '192.0.2.201';
    // The front end (one trusted hop) appends the client address; a visitor's own entry is ignored.
    await get(`/l/${c.NoIp00000001}`, { 'x-forwarded-for': `10.0.0.1, ${ip}` });
    const [row] = await storedClicks(c.NoIp00000001);
    expect(row!.visitorKey).toBe(hashVisitor(DEV_ONLY_CLICK_KEY, ip, CHROME));
    expect(JSON.stringify(row)).not.toContain(ip);
    expect(JSON.stringify(row)).not.toContain('192.0.2');
  });

  it('health shows the click journal', async () => {
    const body = (await (await fetch(`${test.baseUrl}/healthz`)).json()) as { clicks: Record<string, unknown> };
    expect(body.clicks).toEqual({ journalBacklog: 0, oldestUnflushedAgeMs: 0, dropped: 0 });
  });
});
