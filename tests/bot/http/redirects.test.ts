/**
 * No open redirect: every route that can answer 3xx (`/l/:code`, `/s/:code/:network`, `/`, the
 * static tab under `/tab`) sends a browser only to a registered tracked-link target, one of the
 * three networks' composers, or a path of this app, whatever the input: double encoding,
 * backslashes, `//host`, `/\host`, userinfo (`https://good@evil`), mixed-case schemes,
 * `javascript:`, `data:`, CRLF. A hand-written list first, then fast-check over arbitrary strings
 * for each redirecting route. Visitors get a random address per request so the per-visitor rate
 * limits never hide an answer.
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSER_ORIGINS } from '../../../src/bot/http/share.routes.js';
import type { StoredPolicy } from '../../../src/bot/services/sharing.ports.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

const TENANT = 'redirects-tenant';
const STORY = 'https://news.example.com/story';
/** Content URLs no route may ever send a browser to, stored as an import or a bad seed could. */
const UNSAFE_URLS = ['javascript:alert(document.cookie)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example.com/', 'vbscript:msgbox(1)'];
/** The tracked link made by a real share of the story, and where it leads (set in beforeAll). */
let LINK_CODE = '';
let TARGET = '';

let test: TestApp;
let promptCode: string;

/** Hostile path pieces tried on every redirecting route (raw where the URL allows it, and encoded). */
const HOSTILE_BASE = [
  '//evil.example.com', '/\\evil.example.com', '\\\\evil.example.com', 'https://evil.example.com', 'HTTPS://evil.example.com',
  'https://www.linkedin.com@evil.example.com', 'https://x.com.evil.example.com', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>', '%2F%2Fevil.example.com', '%252F%252Fevil.example.com', '%5C%5Cevil.example.com',
  '..%2F..%2F..%2Fevil', '%0d%0aLocation:%20https://evil.example.com', '\r\nLocation: https://evil.example.com', '%00', '\u202Eevil',
  '@evil.example.com', 'evil.example.com', '.', '..', '%2e%2e',
];
/** The list above plus tricks around a real link code. */
const hostileInputs = () => [
  ...HOSTILE_BASE,
  ...[`${LINK_CODE}/../../evil`, `${LINK_CODE}%2F..%2Fevil`, `${LINK_CODE}?next=//evil`, `${LINK_CODE}#//evil`, LINK_CODE.toLowerCase(), `${LINK_CODE} `, `%20${LINK_CODE}`, `${LINK_CODE}%00`, `${LINK_CODE}/`],
];

function visitor(): string {
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
}

async function get(url: string): Promise<LightMyRequestResponse | undefined> {
  const options: InjectOptions = { method: 'GET', url, remoteAddress: visitor(), headers: { 'user-agent': 'Mozilla/5.0 (redirect test)' } };
  try {
    return await test.app.server.inject(options);
  } catch {
    // light-my-request refuses some raw strings itself (not a URL): nothing reached the app.
    return undefined;
  }
}

/** The ways a piece of input can be put into a path segment. */
function spellings(input: string): string[] {
  return [...new Set([input, encodeURIComponent(input), encodeURIComponent(encodeURIComponent(input)), encodeURI(input)])];
}

type Verdict = (res: LightMyRequestResponse, url: string) => string | undefined;

/**
 * No 5xx, and a redirect only where `allowed` says. A URL whose dot segments leave the route's
 * `prefix` (`/l/..` is `/`, as a browser would send it too) reached another route: any of this
 * app's own paths is fine there.
 */
const checkRedirect = (prefix: string, allowed: (location: string) => boolean): Verdict => (res, url) => {
  if (res.statusCode >= 500) return `${url}: ${res.statusCode}`;
  const location = res.headers.location;
  if (res.statusCode >= 300 && res.statusCode < 400) {
    const elsewhere = !new URL(url, 'http://app.invalid').pathname.startsWith(prefix);
    if (typeof location !== 'string' || !(allowed(location) || (elsewhere && isOwnPath(location)))) return `${url}: redirected to ${String(location)}`;
  } else if (location !== undefined) return `${url}: Location header on a ${res.statusCode}`;
  return undefined;
};

const isComposer = (location: string) => {
  try {
    const url = new URL(location);
    return (COMPOSER_ORIGINS as readonly string[]).includes(url.origin) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
};
/** A path of this app: one leading slash, no scheme, no host, no backslash. */
const isOwnPath = (location: string) => /^\/(?![/\\])[^\\\s]*$/.test(location) && new URL(location, 'http://app.invalid').host === 'app.invalid';

const ROUTES: Array<{ name: string; url: (input: string) => string; verdict: Verdict }> = [
  { name: '/l/:code', url: (s) => `/l/${s}`, verdict: checkRedirect('/l/', (location) => location === TARGET) },
  { name: '/s/:code/:network (code)', url: (s) => `/s/${s}/linkedin`, verdict: checkRedirect('/s/', isComposer) },
  { name: '/s/:code/:network (network)', url: (s) => `/s/${promptCode}/${s}`, verdict: checkRedirect('/s/', isComposer) },
  { name: '/ (query)', url: (s) => `/?next=${s}`, verdict: checkRedirect('/', (location) => location === '/tab/') },
  { name: '/tab/*', url: (s) => `/tab/${s}`, verdict: checkRedirect('/tab/', (location) => isOwnPath(location) && location.startsWith('/tab/')) },
];

/** Open the share door for a prompt; the tracked link code the composer URL carries, if it redirected. */
async function shareLink(code: string): Promise<string | undefined> {
  const res = await get(`/s/${code}/linkedin`);
  const location = res?.headers.location;
  if (res?.statusCode !== 302 || typeof location !== 'string') return undefined;
  return /\/l\/([0-9A-Za-z]{12})/.exec(decodeURIComponent(location))?.[1];
}

const unsafeLinks: string[] = [];

beforeAll(async () => {
  // Hundreds of requests from one address: per-visitor limits lifted so each reaches its route (abuse.test.ts tests the limits).
  test = await startTestApp({ SEED_DEMO: 'false', RATE_LIMIT_LINKS_PER_MINUTE: '100000', RATE_LIMIT_SHARES_PER_MINUTE: '100000' });
  const repos = test.app.repositories;
  await repos.employees.upsertMany([makeEmployee({ id: 'redir-person', tenantId: TENANT, policyVersionAcknowledged: 1 })]);
  const items = [
    makeContentItem('redir-item', { url: STORY, suggestedTexts: [{ network: 'linkedin', language: 'en', variants: ['Worth reading.'] }] }),
    ...UNSAFE_URLS.map((url, i) => makeContentItem(`redir-unsafe-${i}`, { url })),
  ];
  await repos.content.upsertMany(TENANT, items);
  const policy: StoredPolicy = { version: 1, publishedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', texts: { en: { title: 'Policy', summary: 'Be yourself.', body: '# Policy' } } };
  await test.app.services.policy.publish(TENANT, policy);
  const prompt = (contentId: string) => test.app.services.sharing.preparePrompt({ tenantId: TENANT, employeeId: 'redir-person', contentId, now: new Date() });
  promptCode = (await prompt('redir-item')).promptCode;
  LINK_CODE = (await shareLink(promptCode)) ?? '';
  expect(LINK_CODE).toMatch(/^[0-9A-Za-z]{12}$/);
  TARGET = (await repos.trackedLinks.find(LINK_CODE))?.targetUrl ?? '';
  expect(TARGET.startsWith(`${STORY}?`)).toBe(true);
  for (let i = 0; i < UNSAFE_URLS.length; i += 1) {
    const code = await shareLink((await prompt(`redir-unsafe-${i}`)).promptCode);
    if (code) unsafeLinks.push(code);
  }
}, 120_000);
afterAll(() => test?.close());

describe('redirects go only to registered targets and composers', () => {
  it('the good paths redirect where they should (so the checks below can tell)', async () => {
    expect((await get(`/l/${LINK_CODE}`))?.headers.location).toBe(TARGET);
    const linkedin = await get(`/s/${promptCode}/linkedin`);
    expect(linkedin?.statusCode).toBe(302);
    expect(isComposer(String(linkedin?.headers.location))).toBe(true);
    expect((await get('/'))?.headers.location).toBe('/tab/');
  });

  it('a stored target that is not http(s) is never followed (defence in depth)', async () => {
    // The share door makes no link for such content (410: content unavailable)...
    expect(unsafeLinks).toEqual([]);
    for (let i = 0; i < UNSAFE_URLS.length; i += 1) {
      const code = (await test.app.services.sharing.preparePrompt({ tenantId: TENANT, employeeId: 'redir-person', contentId: `redir-unsafe-${i}`, now: new Date() })).promptCode;
      expect((await get(`/s/${code}/linkedin`))?.statusCode).toBe(410);
    }
    // ...and a link stored with such a target anyway (an import, a bad migration) is not followed.
    const base = { tenantId: TENANT, shareId: 'redir-share', employeeId: 'redir-person', contentId: 'redir-item', network: 'linkedin' as const, createdAt: new Date().toISOString() };
    for (const [i, targetUrl] of [...UNSAFE_URLS, 'https://user:pass@evil.example.com/'].entries()) {
      const code = `RedirBad${String(i).padStart(4, '0')}`;
      await test.app.repositories.trackedLinks.create({ ...base, code, targetUrl });
      expect((await test.app.clicks.click(code, '10.0.0.1', 'Mozilla/5.0')).kind, targetUrl).toBe('not-found');
      const res = await get(`/l/${code}`);
      expect(res?.statusCode, targetUrl).toBe(404);
      expect(res?.headers.location, targetUrl).toBeUndefined();
    }
  });

  it('hand-picked tricks on every redirecting route', async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const route of ROUTES) {
      for (const input of hostileInputs()) {
        for (const spelled of spellings(input)) {
          const url = route.url(spelled);
          const res = await get(url);
          tried += 1;
          const problem = res && route.verdict(res, url);
          if (problem) failures.push(`${route.name}: ${problem}`);
        }
      }
    }
    expect(failures, `${failures.length} of ${tried}`).toEqual([]);
    console.info(`redirects: ${tried} hand-picked requests over ${ROUTES.length} routes`);
  });

  it.each(ROUTES.map((r) => [r.name, r] as const))('property: %s never redirects elsewhere for arbitrary strings', async (_name, route) => {
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(...'/\\:@%.?#&=2FfCc5 \t\r\nhtps'.split('')), maxLength: 40 }),
      fc.constantFrom(...hostileInputs()),
      fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https', 'javascript', 'data'] }),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom(0, 1, 2, 3), async (raw, how) => {
        const spelled = spellings(raw)[how] ?? raw;
        const url = route.url(spelled);
        const res = await get(url);
        const problem = res && route.verdict(res, url);
        if (problem) throw new Error(problem);
      }),
      { numRuns: 150 },
    );
  });
});
