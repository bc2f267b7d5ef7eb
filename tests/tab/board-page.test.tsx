// @vitest-environment happy-dom
/**
 * The board page with Testing Library: filters and search reach the API as query parameters, the
 * cards carry their Share deep link, and `#/board/item/<id>` (or the share card's `?item=`) opens
 * the share panel.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardResponse } from '../../src/shared/contracts/board.js';
import { en as tabEn } from '../../src/shared/i18n/catalogs/tab/en.js';
import { BoardPage } from '../../src/tab/board/board-page.js';
import { renderInTab, type FakeRoutes } from './support.js';

/** The machine running the tests may be loaded: lazy chunks and renders get 10 s, not 1 s. */
const SLOW = { timeout: 10_000 };

const BOARD: BoardResponse = {
  items: [
    { id: 'a', title: 'Quantum sensing', url: 'https://example.com/a', summary: 's', language: 'en', category: 'industry', topics: ['quantum'], publishedAt: '2026-11-20T00:00:00.000Z', sharedOn: ['linkedin'] },
    { id: 'b', title: '量子の話', url: 'https://example.com/b', summary: 's', language: 'ja', category: 'company', topics: [], publishedAt: '2026-11-21T00:00:00.000Z', sharedOn: [] },
  ],
  counts: { all: 2, company: 1, industry: 1, 'personal-interest': 0 },
  languages: ['en', 'ja'],
  topicNames: { quantum: 'Quantum' },
  topics: ['quantum'],
  teams: ['Sales'],
};

const routes: FakeRoutes = {
  'GET /api/board': () => [200, BOARD],
  'GET /api/board/items/b/share': () => [
    200,
    { contentId: 'b', title: '量子の話', summary: '', url: 'https://example.com/b', category: 'company', language: 'ja', networks: [], state: 'open', policyAcknowledged: true, history: [] },
  ],
};

beforeEach(() => {
  window.location.hash = '#/board';
});
afterEach(cleanup);

describe('board page', () => {
  it('sends search, topic and team filters to the API and marks shared items', async () => {
    const user = userEvent.setup();
    const { seen } = await renderInTab(<BoardPage />, routes);
    await screen.findByText('Quantum sensing', {}, SLOW);
    expect(screen.getByTestId('card-shared').textContent).toBe('Shared on LinkedIn');
    expect(screen.getAllByTestId('card-share').map((a) => a.getAttribute('href'))).toEqual(['#/board/item/a', '#/board/item/b']);

    await user.type(screen.getByRole('searchbox', { name: tabEn.board.filters.search }), 'quantum');
    await waitFor(() => expect(seen.some((r) => r.path === '/api/board?q=quantum')).toBe(true), SLOW);

    await user.click(screen.getByRole('combobox', { name: tabEn.board.filters.topic }));
    await user.click(await screen.findByRole('option', { name: 'Quantum' }, SLOW));
    await waitFor(() => expect(seen.some((r) => r.path === '/api/board?topic=quantum&q=quantum')).toBe(true), SLOW);

    await user.click(screen.getByRole('combobox', { name: tabEn.board.filters.team }));
    await user.click(await screen.findByRole('option', { name: 'Sales' }, SLOW));
    await waitFor(() => expect(seen.some((r) => r.path === '/api/board?topic=quantum&team=Sales&q=quantum')).toBe(true), SLOW);
    // The filtered board's URL can be bookmarked or sent on.
    await waitFor(() => expect(window.location.hash).toBe('#/board?topic=quantum&team=Sales&q=quantum'), SLOW);
  });

  it('starts from the filters in its URL and ignores values it does not know', async () => {
    window.location.hash = '#/board?category=industry&language=xx&topic=quantum&q=sensing';
    const { seen } = await renderInTab(<BoardPage />, routes);
    await screen.findByText('Quantum sensing', {}, SLOW);
    await waitFor(() => expect(seen.some((r) => r.path === '/api/board?category=industry&topic=quantum&q=sensing')).toBe(true), SLOW);
    expect(seen.some((r) => r.path.includes('language=xx'))).toBe(false);
    expect((screen.getByRole('searchbox', { name: tabEn.board.filters.search }) as HTMLInputElement).value).toBe('sensing');
    await waitFor(() => expect(window.location.hash).toBe('#/board?category=industry&topic=quantum&q=sensing'), SLOW);
  });

  it('opens the share panel from the deep link the share card builds', async () => {
    window.location.hash = '#/board?item=b';
    const { seen } = await renderInTab(<BoardPage />, routes);
    await waitFor(() => expect(window.location.hash).toBe('#/board/item/b'), SLOW);
    await screen.findByTestId('share-title', {}, SLOW);
    expect(seen.some((r) => r.path === '/api/board/items/b/share')).toBe(true);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
