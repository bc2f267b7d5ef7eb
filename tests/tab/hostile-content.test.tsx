// @vitest-environment happy-dom
/**
 * Content text is inert in the tab: a board item and its share panel whose title, summary, topic
 * and suggested text are HTML or markdown injections render as the same literal text, create no
 * element (no script, image or handler attribute) and no link anywhere but http(s).
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardResponse } from '../../src/shared/contracts/board.js';
import { BoardPage } from '../../src/tab/board/board-page.js';
import { renderInTab, type FakeRoutes } from './support.js';

const SLOW = { timeout: 10_000 };
const TITLE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const SUMMARY = '[click](https://evil.example.com) <b onmouseover="window.__pwned=3">bold</b>';
const TOPIC = '"><svg onload=window.__pwned=4>';
const TEXT = '</textarea><iframe src="javascript:window.__pwned=5"></iframe>';

const BOARD: BoardResponse = {
  items: [
    { id: 'evil', title: TITLE, url: 'https://news.example.com/evil', summary: SUMMARY, language: 'en', category: 'industry', topics: ['t1'], publishedAt: '2026-11-20T00:00:00.000Z', sharedOn: [] },
  ],
  counts: { all: 1, company: 0, industry: 1, 'personal-interest': 0 },
  languages: ['en'],
  topicNames: { t1: TOPIC },
  topics: ['t1'],
  teams: [TOPIC],
};

const routes: FakeRoutes = {
  'GET /api/board': () => [200, BOARD],
  'GET /api/board/items/evil/share': () => [
    200,
    {
      contentId: 'evil', title: TITLE, summary: SUMMARY, url: 'https://news.example.com/story', category: 'industry', language: 'en', state: 'open', policyAcknowledged: true, history: [],
      networks: [{ network: 'linkedin', text: TEXT, disclosureFits: true, linkUrl: 'http://localhost/l/AbCdEf123456', length: 80, limit: 3000, intentPath: '/s/AbCdEf123456/linkedin' }],
    },
  ],
};

afterEach(cleanup);

/** Elements and attributes injected markup would have made. */
function injected(): string[] {
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll('script, iframe, svg[onload], img[src="x"], b[onmouseover]'))) found.push(el.outerHTML.slice(0, 60));
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
  }
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!/^(https?:\/\/|#|\/)/i.test(href)) found.push(`link to ${href}`);
  }
  return found;
}

describe('hostile content in the tab', () => {
  it('renders titles, summaries, topics and suggested text literally on the board and in the share panel', async () => {
    window.location.hash = '#/board';
    await renderInTab(<BoardPage />, routes);
    await screen.findAllByText(TITLE, {}, SLOW);
    expect(document.body.textContent).toContain(SUMMARY);
    expect(injected()).toEqual([]);

    window.location.hash = '#/board/item/evil';
    await screen.findByTestId('share-title', {}, SLOW);
    expect(screen.getByTestId('share-title').textContent).toBe(TITLE);
    await waitFor(() => expect((screen.getByTestId('share-text') as HTMLTextAreaElement).value).toBe(TEXT), SLOW);
    expect(injected()).toEqual([]);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  }, 30_000);
});
