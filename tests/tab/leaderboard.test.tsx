// @vitest-environment happy-dom
/**
 * The Leaderboard page with Testing Library: the exclusions shown as rules (roles and a count,
 * never names), my rank and my row, the channel view (asks for and shows nothing personal), and
 * the configuration page outside Teams.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeaderboardResponse } from '../../src/shared/contracts/leaderboard.js';
import { en } from '../../src/shared/i18n/catalogs/impact/en.js';
import { LeaderboardPage } from '../../src/tab/leaderboard/leaderboard-page.js';
import { renderInTab, type FakeRoutes } from './support.js';

const CONTEST: NonNullable<LeaderboardResponse['contest']> = {
  id: 'c',
  name: 'Q4 click contest',
  startsAt: '2026-10-01T00:00:00.000Z',
  endsAt: '2026-12-30T00:00:00.000Z',
  daysLeft: 27,
  open: true,
  weights: { uniqueClick: 1, share: 0, conversion: 5 },
  prizes: [{ rank: 1, label: '1st place', amountMinor: 10_000, currency: 'USD' }],
  excludedRoles: ['executive', 'coordinator'],
  excludedPeopleCount: 2,
};

function board(view: 'personal' | 'channel'): LeaderboardResponse {
  return {
    contest: CONTEST,
    entries: [
      { rank: 1, displayName: 'Taylor', points: 140, prize: CONTEST.prizes[0], isMe: false },
      { rank: 2, displayName: 'Aiko', points: 120, isMe: view === 'personal' },
    ],
    rankedCount: 2,
    asOf: '2026-12-03T10:00:00.000Z',
    ...(view === 'personal' ? { me: { status: 'ranked' as const, rank: 2, points: 120, gapToNext: 21 } } : {}),
  };
}

const routes: FakeRoutes = { 'GET /api/leaderboard': () => [200, board('personal')] };
const channelRoutes: FakeRoutes = { 'GET /api/leaderboard': () => [200, board('channel')] };

afterEach(cleanup);

describe('Leaderboard page', () => {
  it('explains exclusions as rules, with no names', async () => {
    window.location.hash = '#/leaderboard';
    await renderInTab(<LeaderboardPage />, routes);
    expect((await screen.findByTestId('excluded-roles')).textContent).toBe(en.leaderboard.exclusions.roles.replace('{{roles}}', 'Executive and Coordinator'));
    expect(screen.getByTestId('excluded-people').textContent).toBe(en.leaderboard.exclusions.people_other.replace('{{n}}', '2'));
    expect(screen.getByTestId('weight-uniqueClick').textContent).toBe('1 point');
    expect(screen.getByTestId('weight-share').textContent).toBe(en.leaderboard.rules.notCounted);
    expect(screen.getByTestId('weight-conversion').textContent).toBe('5 points');
    expect(screen.getByTestId('days-left').textContent).toBe('27 days left');
  });

  it('shows my rank, the gap to the next place and marks my row', async () => {
    window.location.hash = '#/leaderboard';
    const { seen } = await renderInTab(<LeaderboardPage />, routes);
    expect((await screen.findByTestId('my-rank-text')).textContent).toBe('You are 2 of 2. 21 more points move you up.');
    expect(screen.getByTestId('leaderboard-row-me').textContent).toContain('Aiko');
    expect(screen.getByTestId('leaderboard-row-me').textContent).toContain(en.leaderboard.table.you);
    expect(screen.getByText('$100.00', { selector: 'td' })).toBeTruthy();
    expect(seen[0]?.path).toBe('/api/leaderboard?top=10&view=personal');
  });

  it('asks for the channel view and shows no personal rank with ?channel=1', async () => {
    window.location.hash = '#/leaderboard?channel=1';
    const { seen } = await renderInTab(<LeaderboardPage />, channelRoutes);
    await screen.findByTestId('leaderboard-channel');
    expect(seen[0]?.path).toBe('/api/leaderboard?top=10&view=channel');
    expect(screen.queryByTestId('my-rank')).toBeNull();
    expect(screen.queryByTestId('leaderboard-row-me')).toBeNull();
    expect(screen.getByText(en.leaderboard.channel.note)).toBeTruthy();
  });

  it('explains the configuration page outside Teams and previews the channel view', async () => {
    window.location.hash = '#/leaderboard/configure';
    await renderInTab(<LeaderboardPage />, channelRoutes);
    expect((await screen.findByTestId('configure-status')).textContent).toBe(en.leaderboard.configure.outside);
    await waitFor(() => expect(screen.getByTestId('leaderboard-channel')).toBeTruthy());
  });
});
