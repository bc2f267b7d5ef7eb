// @vitest-environment happy-dom
/**
 * The share panel with Testing Library and user-event: the per-network counts as each network
 * counts them (same figures as the server), editing and saving, the too-long and empty guards,
 * the policy gate, the share door opened in a new window, and "Not for me" with a reason.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureSharePost, type SharePanel as Panel } from '../../src/shared/contracts/board-share.js';
import { en as tabEn } from '../../src/shared/i18n/catalogs/tab/en.js';
import SharePanel from '../../src/tab/board/share-panel.js';
import { renderInTab, type FakeRoutes } from './support.js';

/** The machine running the tests may be loaded: lazy chunks and renders get 10 s, not 1 s. */
const SLOW = { timeout: 10_000 };

const LINK = 'https://hub.example.com/l/AbCdEfGhIjKl';
const DISCLOSURE = 'I work at Contoso. #employee';

function panel(overrides: Partial<Panel> = {}): Panel {
  const net = (network: 'linkedin' | 'x' | 'facebook', text: string) => {
    const m = measureSharePost(text, network, LINK, DISCLOSURE);
    return { network, text, disclosure: DISCLOSURE, disclosureFits: m.disclosureKept, linkUrl: LINK, length: m.length, limit: m.limit, intentPath: `/s/PrOmPtCoDe12/${network}` };
  };
  return {
    contentId: 'item-1',
    title: 'Quantum sensing for logistics',
    summary: 'Why it matters.',
    url: 'https://example.com/q',
    category: 'industry',
    language: 'en',
    networks: [net('linkedin', 'A long read on quantum sensing.'), net('x', 'Quantum sensing changes logistics.'), net('facebook', 'Worth a read.')],
    state: 'open',
    policyAcknowledged: true,
    history: [],
    ...overrides,
  };
}

function routes(initial: Panel): FakeRoutes {
  let current = initial;
  return {
    'GET /api/board/items/item-1/share': () => [200, current],
    'PUT /api/board/items/item-1/share/x': (body) => {
      const text = (body as { text: string }).text;
      current = { ...current, networks: current.networks.map((n) => (n.network === 'x' ? { ...n, text } : n)) };
      return [200, current];
    },
    'POST /api/board/items/item-1/not-for-me': () => {
      current = { ...current, state: 'skipped' };
      return [200, current];
    },
  };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openPanel(initial = panel()) {
  const user = userEvent.setup();
  const view = await renderInTab(<SharePanel itemId="item-1" onClose={() => undefined} />, routes(initial));
  await screen.findByTestId('share-title', {}, SLOW);
  return { user, ...view };
}

const count = () => Number(screen.getByTestId('share-count').getAttribute('data-length'));

describe('share panel', () => {
  it('shows each network’s text and count as the network counts it', async () => {
    const { user } = await openPanel();
    // The first network not shared yet is selected: LinkedIn counts UTF-16 units, link included.
    expect((screen.getByTestId('share-text') as HTMLTextAreaElement).value).toBe('A long read on quantum sensing.');
    expect(count()).toBe(measureSharePost('A long read on quantum sensing.', 'linkedin', LINK, DISCLOSURE).length);
    expect(screen.getByTestId('share-count').textContent).toBe(`${count()} / 3,000`);

    await user.click(screen.getByRole('button', { name: 'X' }));
    // X: the link weighs 23 whatever its length.
    const text = 'Quantum sensing changes logistics.';
    expect(count()).toBe(text.length + 2 + DISCLOSURE.length + 2 + 23);
    expect(screen.getByTestId('share-disclosure').textContent).toContain(DISCLOSURE);
  });

  it('counts as the person types (CJK weighs two on X) and blocks a post that is too long', async () => {
    const { user } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'X' }));
    const box = screen.getByTestId('share-text');
    await user.clear(box);
    await user.type(box, '量子');
    expect(count()).toBe(4 + 2 + DISCLOSURE.length + 2 + 23);

    await user.paste('語'.repeat(120));
    // The disclosure no longer fits: it is left out, and the panel says so.
    expect(screen.getByTestId('share-disclosure').textContent).toContain('Left out');
    expect(count()).toBe(2 * 122 + 2 + 23);
    expect((screen.getByTestId('share-submit') as HTMLButtonElement).disabled).toBe(false);

    await user.paste('語'.repeat(10));
    expect(screen.getByText(/Too long for X/)).toBeTruthy();
    expect((screen.getByTestId('share-submit') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('share-save') as HTMLButtonElement).disabled).toBe(true);

    await user.clear(box);
    expect(screen.getByText(tabEn.board.share.empty)).toBeTruthy();
    expect((screen.getByTestId('share-submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves an edit through the API and shows it saved', async () => {
    const { user, seen } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'X' }));
    const box = screen.getByTestId('share-text');
    await user.clear(box);
    await user.type(box, 'My own words');
    await user.click(screen.getByTestId('share-save'));
    await screen.findByText(tabEn.board.share.saved, {}, SLOW);
    expect(seen.filter((r) => r.method === 'PUT')).toEqual([{ method: 'PUT', path: '/api/board/items/item-1/share/x', body: { text: 'My own words' } }]);
  });

  it('saves, then sends the new window to the share door', async () => {
    const win = { opener: {}, location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(win as unknown as Window);
    const { user, seen } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'X' }));
    await user.type(screen.getByTestId('share-text'), ' Edited.');
    await user.click(screen.getByTestId('share-submit'));
    await waitFor(() => expect(win.location.href).toBe('/s/PrOmPtCoDe12/x'), SLOW);
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(win.opener).toBeNull();
    expect(seen.some((r) => r.method === 'PUT' && (r.body as { text: string }).text === 'Quantum sensing changes logistics. Edited.')).toBe(true);
  });

  it('explains the policy gate, links to the Policy page and disables Share', async () => {
    await openPanel(panel({ policyAcknowledged: false }));
    const gate = screen.getByTestId('share-policy-gate');
    expect(within(gate).getByRole('link', { name: tabEn.board.share.policyLink }).getAttribute('href')).toBe('#/policy');
    expect((screen.getByTestId('share-submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows what the person already shared, with clicks', async () => {
    await openPanel(panel({ state: 'shared', history: [{ network: 'linkedin', at: '2026-11-20T10:00:00.000Z', clicks: 1234 }] }));
    expect(screen.getByTestId('share-history').textContent).toBe('LinkedIn · Nov 20, 2026 · 1,234 clicks');
  });

  it('"Not for me" sends the chosen reason and shows the answer', async () => {
    const { user, seen } = await openPanel();
    await user.click(screen.getByTestId('skip-reason'));
    await user.click(await screen.findByRole('option', { name: tabEn.board.share.reasons['not-relevant'] }, SLOW));
    await user.click(screen.getByTestId('share-not-for-me'));
    await screen.findByText(tabEn.board.share.skipped, {}, SLOW);
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ reason: 'not-relevant' });
  });
});

describe('Help me rewrite (AI writing help)', () => {
  const rewriteRoutes = (answer: [number, unknown]): FakeRoutes => ({ ...routes(panel({ aiWriting: true })), 'POST /api/board/items/item-1/rewrite': () => answer });

  it('is not offered when the API says AI writing help is unavailable', async () => {
    const { user } = await openPanel(panel({ aiWriting: false }));
    expect(screen.queryByTestId('rewrite-ask')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'X' }));
    expect(screen.queryByTestId('rewrite-ask')).toBeNull();
  });

  it('asks for versions of the current draft and puts the chosen one into the editor, unsaved and still editable', async () => {
    const user = userEvent.setup();
    const variants = [
      { text: 'Sensors that see inside sealed containers: worth a read.', shortened: false },
      { text: 'I did not know quantum sensing could help logistics this much.', shortened: true },
    ];
    const { seen } = await renderInTab(
      <SharePanel itemId="item-1" onClose={() => undefined} />,
      rewriteRoutes([200, { network: 'x', language: 'en', variants, dropped: { blocked: 1, unusable: 0 } }]),
    );
    await screen.findByTestId('share-title', {}, SLOW);
    await user.click(screen.getByRole('button', { name: 'X' }));
    const box = screen.getByTestId('share-text') as HTMLTextAreaElement;
    await user.type(box, ' My take.');
    await user.click(screen.getByTestId('rewrite-ask'));

    const versions = await screen.findAllByTestId('rewrite-version', {}, SLOW);
    expect(versions.map((v) => within(v).getByText(/sensing|Sensors/).textContent)).toEqual(variants.map((v) => v.text));
    expect(within(versions[1]!).getByText(tabEn.board.share.ai.shortened.replace('{{network}}', 'X'))).toBeTruthy();
    expect(screen.getByTestId('rewrite-blocked').textContent).toContain('1');
    expect(seen.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: '/api/board/items/item-1/rewrite', body: { network: 'x', text: 'Quantum sensing changes logistics. My take.' } }]);

    await user.click(within(versions[1]!).getByTestId('rewrite-use'));
    expect(box.value).toBe(variants[1]!.text);
    expect(document.activeElement).toBe(box);
    expect(screen.queryByTestId('rewrite-versions')).toBeNull();
    expect(screen.getByTestId('rewrite-picked').textContent).toBe(tabEn.board.share.ai.used);
    expect(count()).toBe(measureSharePost(variants[1]!.text, 'x', LINK, DISCLOSURE).length);
    expect(seen.some((r) => r.method === 'PUT')).toBe(false);

    await user.type(box, ' Really.');
    expect(box.value).toBe(`${variants[1]!.text} Really.`);
    expect((screen.getByTestId('share-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows the API’s refusal in the person’s language and leaves the text alone', async () => {
    const user = userEvent.setup();
    await renderInTab(
      <SharePanel itemId="item-1" onClose={() => undefined} />,
      rewriteRoutes([429, { error: { code: 'aiTooManyRewrites', message: 'too many' } }]),
    );
    await screen.findByTestId('share-title', {}, SLOW);
    const box = screen.getByTestId('share-text') as HTMLTextAreaElement;
    const before = box.value;
    await user.click(screen.getByTestId('rewrite-ask'));
    const alert = await screen.findByTestId('rewrite-error', {}, SLOW);
    expect(alert.textContent).toContain('You asked for many rewrites in a short time');
    expect(box.value).toBe(before);
  });
});
