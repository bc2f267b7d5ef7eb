// @vitest-environment happy-dom
/**
 * My impact with Testing Library: the figures in the locale's format, and the goals form (invalid
 * targets stay in the form with a message and send nothing; a valid set is saved with PUT and the
 * server's progress is shown).
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GoalsResponse, ImpactResponse } from '../../src/shared/contracts/impact.js';
import { en } from '../../src/shared/i18n/catalogs/impact/en.js';
import { ImpactPage } from '../../src/tab/impact/impact-page.js';
import { renderInTab, type FakeRoutes } from './support.js';

const IMPACT: ImpactResponse = {
  employeeId: 'emp-1',
  displayName: 'Aiko',
  timeZone: 'UTC',
  totals: { clicks: 12345, clicksThisWeek: 12, shares: 7, conversions: 1 },
  contest: { id: 'c', name: 'Q4 contest', endsAt: '2026-12-30T00:00:00.000Z', daysLeft: 3, score: 1234, status: 'ranked', rank: 2, rankedCount: 40, gapToNext: 5, prize: null },
  clicksByDay: [
    { start: '2026-12-01', count: 0 },
    { start: '2026-12-02', count: 4 },
  ],
  clicksByWeek: [{ start: '2026-11-30', count: 4 }],
  wins: [{ id: 'w1', kind: 'clicks-10', at: '2026-12-02T10:00:00.000Z' }],
  persona: { current: 'sharer', leader: false, next: { key: 'persona.next.sharer.grow-network', params: { audienceNeeded: 1200, targetAudience: 1500 } } },
  goals: [],
};

function routes(saved: GoalsResponse[]): FakeRoutes {
  return {
    'GET /api/me/impact': () => [200, IMPACT],
    'PUT /api/me/goals': (body) => {
      const goals = (body as { goals: { kind: 'shares-per-month' | 'clicks-per-month' | 'audience'; target: number }[] }).goals.map((g) => ({ ...g, setAt: '2026-12-03T00:00:00.000Z', current: 3, ratio: Math.min(1, 3 / g.target), reached: 3 >= g.target }));
      saved.push({ goals });
      return [200, { goals }];
    },
  };
}

beforeEach(() => {
  window.location.hash = '#/impact';
});
afterEach(cleanup);

describe('My impact', () => {
  it('shows the figures formatted for the locale, the rank and the next persona step', async () => {
    await renderInTab(<ImpactPage />, routes([]), 'it-IT');
    expect((await screen.findByTestId('stat-clicks-value')).textContent).toBe('12.345');
    expect(screen.getByTestId('stat-score-value').textContent).toBe(new Intl.NumberFormat('it-IT').format(1234));
    expect(screen.getByTestId('stat-rank-value').textContent).toBe('2');
    cleanup();
    await renderInTab(<ImpactPage />, routes([]), 'en');
    expect((await screen.findByTestId('stat-clicks-value')).textContent).toBe('12,345');
    expect(screen.getByTestId('persona-next').textContent).toContain('1,200');
    expect(within(screen.getByTestId('clicks-table')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '4']);
  });

  it('keeps an invalid target in the form with a message and sends nothing', async () => {
    const user = userEvent.setup();
    const saved: GoalsResponse[] = [];
    const { seen } = await renderInTab(<ImpactPage />, routes(saved));
    await user.click(await screen.findByRole('button', { name: en.impact.goals.edit }));
    await user.type(screen.getByRole('spinbutton', { name: en.impact.goals.kind['shares-per-month'] }), '0');
    await user.click(screen.getByRole('button', { name: en.impact.goals.save }));
    expect(await screen.findByText(en.impact.goals.invalid.replace('{{max}}', '500'))).toBeTruthy();
    expect(seen.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('saves the goals that have a target and shows the server’s progress', async () => {
    const user = userEvent.setup();
    const saved: GoalsResponse[] = [];
    const { seen } = await renderInTab(<ImpactPage />, routes(saved));
    await user.click(await screen.findByRole('button', { name: en.impact.goals.edit }));
    // Focus moves into the form, and back to "Set goals" once saved.
    expect(document.activeElement).toBe(screen.getByRole('spinbutton', { name: en.impact.goals.kind['shares-per-month'] }));
    await user.type(screen.getByRole('spinbutton', { name: en.impact.goals.kind['shares-per-month'] }), '4');
    await user.type(screen.getByRole('spinbutton', { name: en.impact.goals.kind['clicks-per-month'] }), '2');
    await user.click(screen.getByRole('button', { name: en.impact.goals.save }));
    await waitFor(() => expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(seen.find((r) => r.method === 'PUT')?.body).toEqual({
      goals: [
        { kind: 'shares-per-month', target: 4 },
        { kind: 'clicks-per-month', target: 2 },
      ],
    });
    expect((await screen.findByTestId('goal-shares-per-month')).textContent).toContain('3 of 4');
    expect(screen.getByTestId('goal-clicks-per-month').textContent).toContain(en.impact.goals.reached);
    expect(screen.getByRole('status').textContent).toBe(en.impact.goals.saved);
    expect(screen.queryByTestId('goal-audience')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: en.impact.goals.edit }));
  });
});
