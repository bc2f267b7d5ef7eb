// @vitest-environment happy-dom
/**
 * The Topics page's hub view with Testing Library: unfilled levels carry the word "Unfilled" (not
 * colour alone) and are marked; "Propose myself" only for roles above the person's own; the add
 * form keeps an http:// link from being sent and posts exactly the entry typed; a person without a
 * role on the hub gets the hint instead of the form.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubDetail } from '../../src/shared/contracts/topics.js';
import { en } from '../../src/shared/i18n/catalogs/topics/en.js';
import { HubView } from '../../src/tab/topics/hub-view.js';
import { renderInTab, type FakeRoutes } from './support.js';

const person = (id: string, name: string) => ({ id, name, team: 'Sales' });
const DETAIL: HubDetail = {
  hub: { id: 'listening', name: { en: 'Social listening' }, description: 'Hear customers.', languages: ['en', 'ja'], counts: { 'social-mind': 1, 'subject-matter-expert': 1, 'thought-leader': 0, spokesperson: 0 }, unfilledRoles: ['thought-leader', 'spokesperson'], memberCount: 2, influencerCount: 1, myRole: 'subject-matter-expert' },
  pyramid: [
    { role: 'social-mind', holders: [person('p2', 'Bo Li')], unfilled: false },
    { role: 'subject-matter-expert', holders: [person('emp-1', 'Aiko')], unfilled: false },
    { role: 'thought-leader', holders: [], unfilled: true },
    { role: 'spokesperson', holders: [], unfilled: true },
  ],
  influencers: [{ id: 'i1', topicId: 'listening', name: 'Mara', tier: 'mass-maven', why: 'Long posts.', owners: [person('p2', 'Bo Li')], permissions: { edit: false, remove: false, reassign: false }, issues: [], updatedAt: '2026-12-01T00:00:00.000Z' }],
  myProposals: [],
  pending: [],
  canManage: false,
  canOwnEntries: true,
};

function routes(detail: HubDetail, posted: unknown[]): FakeRoutes {
  return {
    'GET /api/topics/listening': () => [200, detail],
    'POST /api/topics/listening/influencers': (body) => { posted.push(body); return [201, { id: 'new-1' }]; },
  };
}

afterEach(cleanup);

describe('Topics > hub view', () => {
  it('marks unfilled roles in words, offers only a step up, and posts an https entry exactly', async () => {
    const posted: unknown[] = [];
    await renderInTab(<HubView topicId="listening" />, routes(DETAIL, posted));
    const top = await screen.findByTestId('level-spokesperson');
    expect(top.getAttribute('data-unfilled')).toBe('true');
    expect(within(top).getByText(en.pyramid.unfilled)).toBeTruthy();
    expect(within(screen.getByTestId('level-social-mind')).queryByText(en.pyramid.unfilled)).toBeNull();
    expect(screen.queryByTestId('propose-social-mind')).toBeNull();
    expect(screen.queryByTestId('propose-subject-matter-expert')).toBeNull();
    expect(screen.getByTestId('propose-thought-leader')).toBeTruthy();
    expect(within(screen.getByTestId('tier-mass-maven')).getByText('Owned by Bo Li')).toBeTruthy();

    const user = userEvent.setup();
    await user.type(screen.getByTestId('influencer-name'), 'Priya');
    await user.type(screen.getByTestId('influencer-why'), 'Daily tips.');
    await user.type(screen.getByTestId('influencer-url'), 'http://priya.example');
    expect((screen.getByTestId('influencer-submit') as HTMLButtonElement).disabled).toBe(true);
    await user.clear(screen.getByTestId('influencer-url'));
    await user.type(screen.getByTestId('influencer-url'), 'https://priya.example');
    await user.click(screen.getByTestId('influencer-submit'));
    await waitFor(() => expect(posted).toEqual([{ name: 'Priya', tier: 'mass-maven', why: 'Daily tips.', url: 'https://priya.example' }]));
  });

  it('asks someone without a role to propose themselves before adding to the map', async () => {
    await renderInTab(<HubView topicId="listening" />, routes({ ...DETAIL, canOwnEntries: false, hub: { ...DETAIL.hub, myRole: undefined } }, []));
    expect(await screen.findByText(en.map.notMember)).toBeTruthy();
    expect(screen.queryByTestId('influencer-form')).toBeNull();
    expect(screen.getByTestId('propose-social-mind')).toBeTruthy();
  });
});
