/** The public policy page `GET /policy` on the whole app, and the markdown it renders. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyPageUrl } from '../../../src/bot/http/policy.routes.js';
import { renderSafeMarkdown } from '../../../src/bot/http/safe-markdown.js';
import { startTestApp, type TestApp } from '../../support/app.js';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp({ PUBLIC_BASE_URL: 'https://hub.example.com' });
}, 90_000);
afterAll(async () => {
  await test?.close();
});

describe('GET /policy', () => {
  it('shows the seeded policy in the asked language, and the card links to it', async () => {
    const view = await test.app.services.policy.current('local-tenant', 'th');
    expect(view?.fullTextUrl).toBe('https://hub.example.com/policy?tenant=local-tenant&lang=th');
    const res = await fetch(`${test.baseUrl}/policy?tenant=local-tenant&lang=th-TH`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('<h1>แนวทางการใช้โซเชียลมีเดียของเรา</h1>');
    expect(html).toContain('ฉบับที่ 1');
    expect(html).toContain('<li><strong>ใช้คำพูดของคุณเอง</strong>');
    expect(html).not.toContain('<script');
  });

  it('falls back to Accept-Language, then answers 404 pages for an unknown tenant or a bad query', async () => {
    const ru = await fetch(`${test.baseUrl}/policy?tenant=local-tenant`, { headers: { 'accept-language': 'ru' } });
    expect(await ru.text()).toContain('Наши правила для соцсетей');
    const unknown = await fetch(`${test.baseUrl}/policy?tenant=nobody&lang=it`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Nessuna policy da mostrare');
    const bad = await fetch(`${test.baseUrl}/policy?tenant=${encodeURIComponent('<x>')}`);
    expect(bad.status).toBe(404);
  });

  it('builds the page URL', () => {
    expect(policyPageUrl('https://hub.example.com/', 'a b', 'ja')).toBe('https://hub.example.com/policy?tenant=a%20b&lang=ja');
  });
});

describe('renderSafeMarkdown', () => {
  it.each([
    ['# Title\n\nA *nice* **bold** line\ncontinued', '<h2>Title</h2><p>A <em>nice</em> <strong>bold</strong> line continued</p>'],
    ['## Sub\n- one\n- two\nafter', '<h3>Sub</h3><ul><li>one</li><li>two</li></ul><p>after</p>'],
    ['para\n* item\r\n\r\n### Deep', '<p>para</p><ul><li>item</li></ul><h3>Deep</h3>'],
    ['<script>alert(1)</script> & [x](javascript:alert(1))', '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; [x](javascript:alert(1))</p>'],
    ['', ''],
  ])('%#', (markdown, html) => expect(renderSafeMarkdown(markdown)).toBe(html));
});
