/** The public share door `GET /s/:code/:network` on the whole app (real server, Azurite). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharingService } from '../../../src/bot/services/sharing.service.js';
import type { Repositories } from '../../../src/bot/services/ports.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

const BASE = 'https://hub.example.com';
const TENANT = 'local-tenant';

let test: TestApp;
let repos: Repositories;
let sharing: SharingService;

beforeAll(async () => {
  test = await startTestApp({ PUBLIC_BASE_URL: BASE });
  repos = test.app.repositories;
  sharing = test.app.services.sharing;
  await repos.content.create(TENANT, makeContentItem('h3-item', { url: 'https://contoso.example/launch?utm_content=banner', createdAt: '2026-11-30T00:00:00.000Z' }));
}, 90_000);

afterAll(async () => {
  await test?.close();
});

let counter = 0;
/** A new person (acknowledged the seeded policy v1 unless told otherwise) with a prompt for the item. */
async function personWithPrompt(options: { acknowledged?: boolean; language?: 'en' | 'ja' | 'ru' } = {}) {
  const id = `h3-person-${++counter}`;
  await repos.employees.create(makeEmployee({ id, tenantId: TENANT, language: options.language ?? 'en', ...(options.acknowledged === false ? {} : { policyVersionAcknowledged: 1 }) }));
  const view = await sharing.preparePrompt({ tenantId: TENANT, employeeId: id, contentId: 'h3-item', now: new Date() });
  return { id, code: view.promptCode };
}

const open = (path: string, headers: Record<string, string> = {}) => fetch(`${test.baseUrl}${path}`, { redirect: 'manual', headers });
const linkOf = async (code: string, network: 'linkedin' | 'x' | 'facebook') => (await repos.prompts.find(code))!.value.linkCodes[network];

describe('GET /s/:code/:network', () => {
  it('LinkedIn: 302 to the feed composer with the edited words and the tracked /l/ link in the text', async () => {
    const { id, code } = await personWithPrompt();
    await sharing.saveText(TENANT, id, code, 'linkedin', 'Launch day: here is why I care.', new Date());
    const res = await open(`/s/${code}/linkedin`);
    expect(res.status).toBe(302);
    const link = `${BASE}/l/${await linkOf(code, 'linkedin')}`;
    expect(res.headers.get('location')).toBe(
      `https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent(`Launch day: here is why I care.\n\nI work at Contoso. #employee\n\n${link}`)}`,
    );
    const tracked = await repos.trackedLinks.find(await linkOf(code, 'linkedin'));
    expect(tracked).toMatchObject({ tenantId: TENANT, employeeId: id, contentId: 'h3-item', network: 'linkedin' });
    const target = new URL(tracked!.targetUrl);
    expect(target.searchParams.get('utm_content')).toBe(tracked!.code);
    expect(target.searchParams.get('utm_content_original')).toBe('banner');
  });

  it('X: 302 to intent/post with the text and the tracked url as separate parameters', async () => {
    const { id, code } = await personWithPrompt();
    await sharing.saveText(TENANT, id, code, 'x', 'Worth a read #launch', new Date());
    const res = await open(`/s/${code}/x`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      `https://x.com/intent/post?text=${encodeURIComponent('Worth a read #launch\n\nI work at Contoso. #employee')}&url=${encodeURIComponent(`${BASE}/l/${await linkOf(code, 'x')}`)}`,
    );
  });

  it('Facebook: a localized copy page with the text, a copy button under the CSP nonce, then "Continue" to the sharer', async () => {
    const { id, code } = await personWithPrompt({ language: 'ja' });
    await sharing.saveText(TENANT, id, code, 'facebook', '<b>新製品</b> & 私の感想', new Date());
    const res = await open(`/s/${code}/facebook`);
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    const html = await res.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('Facebook でシェア');
    expect(html).toContain('<textarea id="share-text" readonly>&lt;b&gt;新製品&lt;/b&gt; &amp; 私の感想\n\nContosoで働いています。#社員</textarea>');
    const sharer = `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`${BASE}/l/${await linkOf(code, 'facebook')}`)}`;
    expect(html).toContain(`href="${sharer}"`);
    expect(html).toContain('Facebook に進む');
    const nonce = /script-src 'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script nonce="${nonce}">`);
    const shares = await repos.shares.listByEmployee(TENANT, id);
    expect(shares).toHaveLength(1);
    expect(shares[0]!.text).toContain('新製品');
  });

  it('records one share and one link when opened twice, and when opened many times at once', async () => {
    const { id, code } = await personWithPrompt();
    const first = await open(`/s/${code}/linkedin`);
    const second = await open(`/s/${code}/linkedin`);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const burst = await Promise.all(Array.from({ length: 8 }, () => open(`/s/${code}/x`)));
    expect(new Set(burst.map((r) => r.status))).toEqual(new Set([302]));
    const shares = await repos.shares.listByEmployee(TENANT, id);
    expect(shares.map((s) => s.network).sort()).toEqual(['linkedin', 'x']);
    expect(await repos.shares.listByContent(TENANT, 'h3-item').then((all) => all.filter((s) => s.employeeId === id))).toHaveLength(2);
    expect(await repos.trackedLinks.find(await linkOf(code, 'x'))).toBeDefined();
  });

  it('without the policy acknowledgement: a refusal page in the person\'s language, nothing recorded', async () => {
    const { id, code } = await personWithPrompt({ acknowledged: false, language: 'ru' });
    const res = await open(`/s/${code}/linkedin`, { 'accept-language': 'ja' });
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
    const html = await res.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('правила поведения в соцсетях');
    expect(await repos.shares.listByEmployee(TENANT, id)).toEqual([]);
    expect(await repos.trackedLinks.find(await linkOf(code, 'linkedin'))).toBeUndefined();
    // After "I agree" the same link works.
    await test.app.services.policy.acknowledge(TENANT, id, 1, new Date());
    expect((await open(`/s/${code}/linkedin`)).status).toBe(302);
  });

  it.each([
    ['an unknown code', '/s/AAAAAAAAAAAA/linkedin', 404, 'Эту ссылку для публикации нельзя использовать'],
    ['a malformed code', '/s/..%2F..%2Fadmin/linkedin', 404, 'Эту ссылку для публикации нельзя использовать'],
  ])('%s: a 404 page in the browser\'s language, no Location', async (_label, path, status, text) => {
    const res = await open(path, { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(res.status).toBe(status);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain(text);
  });

  it('a network that is not offered: a 404 page in the person\'s language, nothing recorded', async () => {
    const { id, code } = await personWithPrompt({ language: 'ja' });
    const res = await open(`/s/${code}/myspace`);
    expect(res.status).toBe(404);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('このネットワークへのシェアは');
    expect(await repos.shares.listByEmployee(TENANT, id)).toEqual([]);
  });
});
