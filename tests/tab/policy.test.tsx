// @vitest-environment happy-dom
/**
 * The Policy page with Testing Library: the markdown text is shown, "I agree" posts
 * the current version and then shows when; a 409 (a newer version was published) says so and
 * disables the button; an agreed version shows no button; an older version is read-only.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PolicyResponse, PolicyText } from '../../src/shared/contracts/policy.js';
import { en } from '../../src/shared/i18n/catalogs/impact/en.js';
import { hashForSubPage } from '../../src/tab/app/router.js';
import { PolicyPage } from '../../src/tab/policy/policy-page.js';
import { renderInTab, type FakeRoutes } from './support.js';

const V2: PolicyText = {
  version: 2,
  title: 'Social media guidelines',
  summary: 'Be yourself',
  body: '# Guidelines\n\n- Use **your own words**\n- [Ask us](https://intranet.example.com/ask)',
  language: 'en',
  publishedAt: '2026-11-01T00:00:00.000Z',
  current: true,
};
const V1: PolicyText = { ...V2, version: 1, title: 'Old guidelines', body: 'The **old** text.', publishedAt: '2026-01-01T00:00:00.000Z', current: false };

function policy(acknowledgedAt?: string): PolicyResponse {
  return {
    current: V2,
    ...(acknowledgedAt ? { acknowledgedAt } : {}),
    versions: [
      { version: 2, title: V2.title, publishedAt: V2.publishedAt as string, current: true, ...(acknowledgedAt ? { acknowledgedAt } : {}) },
      { version: 1, title: V1.title, publishedAt: V1.publishedAt as string, current: false, acknowledgedAt: '2026-02-01T00:00:00.000Z' },
    ],
  };
}

function routes(ack: () => [number, unknown], acknowledgedAt?: string): FakeRoutes {
  return {
    'GET /api/policy': () => [200, policy(acknowledgedAt)],
    'GET /api/policy/versions/1': () => [200, V1],
    'POST /api/policy/acknowledge': ack,
  };
}

beforeEach(() => {
  window.location.hash = '#/policy';
});
afterEach(cleanup);

describe('Policy page', () => {
  it('renders the policy text with its title and version (sanitising is checked in Chromium: happy-dom breaks DOMPurify)', async () => {
    await renderInTab(<PolicyPage />, routes(() => [500, {}]));
    const article = await screen.findByTestId('policy-text');
    expect(article.textContent).toContain('Use your own words');
    expect(article.getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('policy-title').textContent).toBe(V2.title);
    expect(screen.getByTestId('policy-version').textContent).toBe('Version 2');
    expect(screen.getByTestId('policy-version-2').getAttribute('aria-current')).toBe('page');
  });

  it('agrees to the current version and then shows when', async () => {
    const user = userEvent.setup();
    const { seen } = await renderInTab(<PolicyPage />, routes(() => [200, { version: 2, acknowledgedAt: '2026-12-03T09:30:00.000Z' }]));
    const button = await screen.findByRole('button', { name: en.policy.agree });
    expect(button.hasAttribute('disabled')).toBe(false);
    await user.click(button);
    expect((await screen.findByTestId('policy-agreed')).textContent).toBe(en.policy.agreedOn.replace('{{date}}', 'Dec 3, 2026'));
    expect(seen.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: '/api/policy/acknowledge', body: { version: 2 } }]);
    expect(screen.queryByRole('button', { name: en.policy.agree })).toBeNull();
    expect(screen.getByTestId('policy-version-2').textContent).toContain(en.policy.history.agreed.replace('{{date}}', 'Dec 3, 2026'));
  });

  it('says a newer version exists and disables the button on a 409', async () => {
    const user = userEvent.setup();
    await renderInTab(<PolicyPage />, routes(() => [409, { error: { code: 'conflict', message: 'conflict', details: 'Policy version 2 is not the current one (3)' } }]));
    await user.click(await screen.findByRole('button', { name: en.policy.agree }));
    expect((await screen.findByTestId('policy-agree-error')).textContent).toBe(en.policy.outdated);
    await waitFor(() => expect(screen.getByRole('button', { name: en.policy.agree }).hasAttribute('disabled')).toBe(true));
  });

  it('shows when the person agreed, without a button', async () => {
    await renderInTab(<PolicyPage />, routes(() => [500, {}], '2026-11-05T00:00:00.000Z'));
    expect((await screen.findByTestId('policy-agreed')).textContent).toContain('Nov 5, 2026');
    expect(screen.queryByRole('button', { name: en.policy.agree })).toBeNull();
  });

  it('opens an older version read-only from the history', async () => {
    const user = userEvent.setup();
    await renderInTab(<PolicyPage />, routes(() => [500, {}]));
    await user.click(await screen.findByTestId('policy-version-1'));
    await waitFor(() => expect(window.location.hash).toBe('#/policy/version/1'));
    expect((await screen.findByTestId('policy-old-notice')).textContent).toContain(en.policy.old.notice.replace('{{version}}', '1'));
    expect((await screen.findByTestId('policy-title')).textContent).toBe('Old guidelines');
    expect(screen.queryByRole('button', { name: en.policy.agree })).toBeNull();
    expect(screen.getByTestId('policy-version-1').getAttribute('aria-current')).toBe('page');
  });
});

describe('the policy card deep link', () => {
  it('opens #/policy from the Teams sub-entity `policy` (policyTabUrl)', () => {
    expect(hashForSubPage('policy')).toBe('#/policy');
    expect(hashForSubPage('policy-x')).toBeUndefined();
  });
});
