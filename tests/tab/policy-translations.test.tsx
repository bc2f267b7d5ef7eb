// @vitest-environment happy-dom
/**
 * Admin > Policy, translations: a half-filled language is named and blocks publishing; a fully
 * filled one is sent with the English text; languages left empty are not sent.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/catalogs/admin/en.js';
import { PolicySection } from '../../src/tab/admin/policy-section.js';
import { renderInTab } from './support.js';

afterEach(cleanup);

describe('Admin > Policy translations', () => {
  it('sends complete translations only and blocks a half-filled one', async () => {
    const posted: unknown[] = [];
    await renderInTab(<PolicySection />, {
      'GET /api/admin/policy': () => [200, { versions: [{ version: 1, publishedAt: '2026-01-01T00:00:00.000Z', title: 'Policy', body: 'Be yourself.', acknowledged: 0 }], current: 1, enrolled: 1, people: [] }],
      'POST /api/admin/policy/versions': (body) => { posted.push(body); return [201, { version: 2, asked: 1, noReference: 0, unreachable: 0, failed: 0 }]; },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('policy-summary'), 'Short summary');
    const publish = screen.getByTestId('policy-publish');
    await user.click(screen.getByRole('button', { name: /^Japanese/ }));
    await user.type(await screen.findByTestId('policy-ja-title'), 'ポリシー');
    expect(await screen.findByText(en.policy.incomplete)).toBeTruthy();
    expect(publish).toHaveProperty('disabled', true);
    await user.type(screen.getByTestId('policy-ja-summary'), '概要');
    await user.type(screen.getByTestId('policy-ja-body'), '本文');
    await waitFor(() => expect(publish).toHaveProperty('disabled', false));
    await user.click(publish);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ title: 'Policy', summary: 'Short summary', body: 'Be yourself.', translations: { ja: { title: 'ポリシー', summary: '概要', body: '本文' } } });
  });
});
