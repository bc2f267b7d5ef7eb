// @vitest-environment happy-dom
/**
 * Admin > Contests with Testing Library: the list shows a contest's window, points and
 * exclusions; "New contest" starts from the seed-003 defaults; a window that ends before it starts
 * and weights that are all zero are named and keep Save disabled; a person is picked with the
 * people picker and a team channel chosen; Save posts exactly that contest; editing sends a PUT
 * with the channel set back to none. Lifecycle: an upcoming contest offers Delete, a running one
 * End now, an ended one neither (its results are history); each asks for confirmation first and
 * sends the listed version.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminContest } from '../../src/shared/contracts/contests.js';
import { en } from '../../src/shared/i18n/catalogs/admin/en.js';
import { ContestsSection } from '../../src/tab/admin/contests-section.js';
import { renderInTab, type FakeRoutes } from './support.js';

const EXISTING: AdminContest = {
  id: 'contest-q4', name: 'Q4 clicks', startsAt: '2026-10-01T00:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z',
  weights: { uniqueClick: 1, share: 0, conversion: 3 }, prizes: [{ rank: 1, label: 'Headphones' }], excludedRoles: ['executive'], excludedEmployeeIds: ['p-wanda'], updateChannelId: 'channel:mkt',
};
const PEOPLE = [
  { id: 'p-wanda', displayName: 'Wanda Winner', email: 'wanda@contoso.example', team: 'Sales', roles: ['employee'], language: 'en', timeZone: 'UTC' },
  { id: 'p-omar', displayName: 'Omar Ortiz', email: 'omar@contoso.example', team: 'Support', roles: ['employee'], language: 'en', timeZone: 'UTC' },
];

function routes(saved: unknown[]): FakeRoutes {
  return {
    'GET /api/admin/contests': () => [200, { contests: [EXISTING], channels: [{ id: 'channel:mkt', name: 'Marketing', updatedAt: '2026-11-01T00:00:00.000Z' }] }],
    'GET /api/admin/people': () => [200, { people: PEOPLE }],
    'POST /api/admin/contests': (body) => { saved.push(body); return [201, { ...EXISTING, ...(body as object), id: 'contest-new' }]; },
    'PUT /api/admin/contests/contest-q4': (body) => { saved.push(body); return [200, { ...EXISTING, ...(body as object), updateChannelId: undefined }]; },
  };
}

afterEach(cleanup);

describe('Admin > Contests', () => {
  it('lists a contest, refuses a wrong window and zero weights, and creates one with an excluded person and a channel', async () => {
    const saved: unknown[] = [];
    const view = await renderInTab(<ContestsSection />, routes(saved));
    const user = userEvent.setup();
    const row = await screen.findByTestId('contest-contest-q4');
    expect(row.textContent).toContain('Q4 clicks');
    expect(row.textContent).toContain('1 per unique click · 0 per share · 3 per conversion');
    expect(row.textContent).toContain('Executive, Wanda Winner');
    expect(row.textContent).toContain('Marketing');

    await user.click(screen.getByTestId('contest-new'));
    const form = await screen.findByTestId('contest-form');
    const save = within(form).getByTestId('contest-save');
    expect(save).toHaveProperty('disabled', true); // no name yet
    await user.type(within(form).getByTestId('contest-name'), 'Spring push');
    expect(save).toHaveProperty('disabled', false);

    // Defaults: unique clicks only, executives and coordinators excluded.
    expect((within(form).getByRole('checkbox', { name: 'Executive' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByRole('checkbox', { name: 'Employee' }) as HTMLInputElement).checked).toBe(false);
    const start = within(form).getByTestId('contest-start') as HTMLInputElement;
    const end = within(form).getByTestId('contest-end') as HTMLInputElement;
    fireEvent.change(start, { target: { value: '2027-03-01T09:00' } });
    fireEvent.change(end, { target: { value: '2027-02-01T09:00' } });
    expect(await within(form).findByText(en.contests.problem['window-order'])).toBeTruthy();
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(end, { target: { value: '2027-06-01T09:00' } });
    await waitFor(() => expect(within(form).queryByText(en.contests.problem['window-order'])).toBeNull());

    const clicks = within(form).getByTestId('contest-weight-uniqueClick').querySelector('input') ?? within(form).getByTestId('contest-weight-uniqueClick');
    await user.clear(clicks);
    await user.type(clicks, '0');
    await user.tab();
    expect(await within(form).findByTestId('contest-weight-problem')).toHaveProperty('textContent', en.contests.problem['weights-all-zero']);
    expect(save).toHaveProperty('disabled', true);
    await user.clear(clicks);
    await user.type(clicks, '2');
    await user.tab();
    await waitFor(() => expect(within(form).queryByTestId('contest-weight-problem')).toBeNull());

    await user.type(within(form).getByTestId('contest-people'), 'oma');
    await user.click(await screen.findByRole('option', { name: /Omar Ortiz/ }));
    expect(await within(form).findByTestId('contest-excluded-p-omar')).toBeTruthy();

    await user.click(within(form).getByTestId('contest-channel'));
    await user.click(await screen.findByRole('option', { name: 'Marketing' }));

    await user.click(save);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      name: 'Spring push',
      startsAt: new Date('2027-03-01T09:00').toISOString(),
      endsAt: new Date('2027-06-01T09:00').toISOString(),
      weights: { uniqueClick: 2, share: 0, conversion: 0 },
      prizes: [{ rank: 1, label: '1st place' }, { rank: 2, label: '2nd place' }, { rank: 3, label: '3rd place' }],
      excludedRoles: ['executive', 'coordinator'],
      excludedEmployeeIds: ['p-omar'],
      updateChannelId: 'channel:mkt',
    });
    expect(await screen.findByText('Contest “Spring push” created.')).toBeTruthy();
    expect(view.seen.filter((r) => r.method === 'GET' && r.path.startsWith('/api/admin/contests')).length).toBeGreaterThanOrEqual(2);
  });

  it('edits a contest and sets its channel back to none', async () => {
    const saved: unknown[] = [];
    await renderInTab(<ContestsSection />, routes(saved));
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('contest-edit-contest-q4'));
    const form = await screen.findByTestId('contest-form');
    expect(within(form).getByTestId('contest-excluded-p-wanda').textContent).toContain('Wanda Winner');
    await user.click(within(form).getByTestId('contest-channel'));
    await user.click(await screen.findByRole('option', { name: en.contests.fields.channelNone }));
    await user.click(within(form).getByTestId('contest-save'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ name: 'Q4 clicks', excludedEmployeeIds: ['p-wanda'], updateChannelId: null, weights: { uniqueClick: 1, share: 0, conversion: 3 } });
  });

  it('deletes an upcoming contest and ends a running one after confirming, at the listed versions; an ended one is kept', async () => {
    const day = 86_400_000;
    const at = (days: number) => new Date(Date.now() + days * day).toISOString();
    const upcoming = { ...EXISTING, id: 'c-up', name: 'Spring push', startsAt: at(5), endsAt: at(30), version: 'v-up' };
    const running = { ...EXISTING, id: 'c-run', name: 'Winter clicks', startsAt: at(-5), endsAt: at(30), version: 'v-run' };
    const ended = { ...EXISTING, id: 'c-old', name: 'Autumn shares', startsAt: at(-60), endsAt: at(-30), version: 'v-old' };
    const calls: Array<[string, unknown]> = [];
    await renderInTab(<ContestsSection />, {
      ...routes([]),
      'GET /api/admin/contests': () => [200, { contests: [upcoming, running, ended], channels: [] }],
      'DELETE /api/admin/contests/c-up': (body) => { calls.push(['delete', body]); return [200, { id: 'c-up', deleted: true }]; },
      'POST /api/admin/contests/c-run/end': (body) => { calls.push(['end', body]); return [200, { ...running, endsAt: new Date().toISOString() }]; },
    });
    const user = userEvent.setup();
    await screen.findByTestId('contest-c-up');
    expect(screen.queryByTestId('contest-end-c-up')).toBeNull();
    expect(screen.queryByTestId('contest-delete-c-run')).toBeNull();
    expect(screen.queryByTestId('contest-delete-c-old')).toBeNull();
    expect(screen.queryByTestId('contest-end-c-old')).toBeNull();
    expect(screen.getByTestId('contest-c-old').textContent).toContain(en.contests.historyHint);

    await user.click(screen.getByTestId('contest-delete-c-up'));
    const dialog = (await screen.findByTestId('contest-confirm-text', {}, { timeout: 5_000 })).closest('[role="dialog"]') as HTMLElement;
    expect(dialog.textContent).toContain(en.contests.confirmDeleteBody.replace('{{name}}', 'Spring push'));
    expect(within(dialog).getByTestId('contest-confirm-keep').textContent).toBe(en.contests.keep);
    await user.click(within(dialog).getByTestId('contest-confirm-keep'));
    expect(calls).toEqual([]);
    await user.click(screen.getByTestId('contest-delete-c-up'));
    await user.click(await screen.findByTestId('contest-confirm'));
    expect(await screen.findByText(en.contests.deleted.replace('{{name}}', 'Spring push'))).toBeTruthy();

    await user.click(screen.getByTestId('contest-end-c-run'));
    expect((await screen.findByTestId('contest-confirm-text')).textContent).toContain('Winter clicks');
    await user.click(await screen.findByTestId('contest-confirm'));
    expect(await screen.findByText(en.contests.endedNow.replace('{{name}}', 'Winter clicks'))).toBeTruthy();
    expect(calls).toEqual([['delete', { version: 'v-up' }], ['end', { version: 'v-run' }]]);
  });
});
