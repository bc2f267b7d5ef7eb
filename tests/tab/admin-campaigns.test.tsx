// @vitest-environment happy-dom
/**
 * Admin > Campaigns with Testing Library: the form refuses a missing item and a window that ends
 * before it starts (nothing sent), then posts the chosen item, audience and window; a draft's
 * detail renders the preview (placed / not placed counts, the hidden table's figures, per zone,
 * localized reasons); the preview's per-day figures in the admin's zone (pure function).
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AudienceOptions, CampaignPreviewView, CampaignStatusView, CampaignView } from '../../src/shared/contracts/campaigns.js';
import { en } from '../../src/shared/i18n/catalogs/campaigns/en.js';
import { ja } from '../../src/shared/i18n/catalogs/campaigns/ja.js';
import { previewDays } from '../../src/tab/admin/campaign-preview-data.js';
import { CampaignsSection } from '../../src/tab/admin/campaigns-section.js';
import { renderInTab, type FakeRoutes } from './support.js';

const t = en.admin;
const OPTIONS: AudienceOptions = {
  teams: ['Ops', 'Sales'],
  topics: [{ id: 'social-selling', name: { en: 'Social selling', ja: 'ソーシャルセリング' } }],
  people: [
    { id: 'p1', name: 'Priya Shah', team: 'Sales', language: 'en', persona: 'sharer', topicIds: ['social-selling'] },
    { id: 'p2', name: 'Marco Rossi', team: 'Sales', language: 'it', persona: 'observer', topicIds: [], excluded: 'paused' },
    { id: 'p3', name: 'Olga Ivanova', team: 'Ops', language: 'ru', persona: 'networker', topicIds: [], excluded: 'opted-out' },
  ],
};
const ITEM = { id: 'item-1', title: 'Customer Summit recap', url: 'https://contoso.example/summit', summary: '', language: 'en', category: 'company', topics: [], targetTeams: [], targetPersonas: [], targetLanguages: [], suggestedTexts: [], status: 'published', effectiveStatus: 'published', createdAt: '2026-11-01T00:00:00.000Z', flaggedPhrases: [], actions: ['expire'] };
const CAMPAIGN: CampaignView = { id: 'c1', kind: 'share', subjectId: 'item-1', audience: { personas: [], teams: ['Sales'], topicIds: [], languages: [], employeeIds: [] }, window: { start: '2026-12-07T00:00:00.000Z', end: '2026-12-09T00:00:00.000Z' }, slotMinutes: 30, state: 'draft', createdBy: 'admin-1', createdAt: '2026-12-03T09:00:00.000Z', seed: 1 };
const ZERO = { planned: 0, sending: 0, sent: 0, unreachable: 0, failed: 0, unknown: 0, cancelled: 0, shared: 0, clicked: 0, notForMe: 0, clicks: 0 };
const PREVIEW: CampaignPreviewView = {
  recipients: 5,
  perDay: { '2026-12-07': 3, '2026-12-08': 2 },
  perHour: { '2026-12-07T09:00Z': 2, '2026-12-07T14:00Z': 1, '2026-12-08T09:00Z': 2 },
  perTimeZone: { 'Europe/London': 3, 'Asia/Kolkata': 2 },
  notPlaced: [{ employeeId: 'p2', reason: 'paused' }, { employeeId: 'p9', reason: 'no-allowed-time-in-window' }],
  maxPerSlot: 2,
  bottleneck: { slots: [], people: 0 },
};

function routes(posted: unknown[]): FakeRoutes {
  return {
    'GET /api/campaigns': () => [200, { items: [], more: 0 }],
    'GET /api/campaigns/audience': () => [200, OPTIONS],
    'GET /api/admin/content': () => [200, { items: [ITEM] }],
    'POST /api/campaigns': (body) => { posted.push(body); return [201, { ...CAMPAIGN, id: 'c9' }]; },
    'GET /api/campaigns/c1': () => [200, { campaign: CAMPAIGN, version: 'v1', counts: ZERO } satisfies CampaignStatusView],
    'GET /api/campaigns/c1/preview': () => [200, PREVIEW],
  };
}

afterEach(cleanup);

describe('Admin > Campaigns: the form', () => {
  beforeEach(() => { window.location.hash = '#/admin/campaigns/new'; });

  it('shows who is left out, refuses a missing item and a window ending before it starts, then posts the draft', async () => {
    const user = userEvent.setup();
    const posted: unknown[] = [];
    const { seen } = await renderInTab(<CampaignsSection />, routes(posted));
    await screen.findByTestId('campaign-form');
    // Everyone but the paused and the opted-out person; both named with the reason.
    expect(screen.getByTestId('audience-matches').textContent).toBe('1 people in this audience.');
    expect(screen.getByTestId('audience-left-out').textContent).toBe('Left out whatever you choose: 1 opted out, 1 paused prompts.');
    expect(screen.getByTestId('audience-excluded').textContent).toContain(`Marco Rossi (${t.reason.paused})`);

    await user.click(screen.getByTestId('campaign-save'));
    expect(await screen.findByText(t.form.errors.content)).toBeTruthy();
    const start = screen.getByTestId('campaign-start') as HTMLInputElement;
    const end = screen.getByTestId('campaign-end') as HTMLInputElement;
    await user.clear(end);
    await user.type(end, '2030-01-01T08:00');
    await user.clear(start);
    await user.type(start, '2030-01-02T08:00');
    await user.click(screen.getByTestId('campaign-save'));
    expect(await screen.findByText(t.form.errors.order)).toBeTruthy();
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);

    await user.clear(end);
    await user.type(end, '2030-01-05T18:00');
    await user.type(screen.getByTestId('campaign-content'), 'Summit');
    await user.click(await screen.findByRole('option', { name: /Customer Summit recap/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Sales' }));
    await user.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      contentId: 'item-1',
      audience: { personas: [], teams: ['Sales'], topicIds: [], languages: [], employeeIds: [] },
      window: { start: new Date('2030-01-02T08:00').toISOString(), end: new Date('2030-01-05T18:00').toISOString() },
      slotMinutes: 30,
    });
    await waitFor(() => expect(window.location.hash).toBe('#/admin/campaigns/c9'));
  });
});

describe('Admin > Campaigns: the preview of a draft', () => {
  beforeEach(() => { window.location.hash = '#/admin/campaigns/c1'; });

  it('shows placed and not placed counts, the same figures in the hidden table, zones and reasons', async () => {
    await renderInTab(<CampaignsSection />, routes([]));
    const preview = await screen.findByTestId('campaign-preview');
    expect(screen.getByTestId('campaign-title').textContent).toBe('Customer Summit recap');
    expect(screen.getByTestId('preview-placed').textContent).toBe('5');
    expect(screen.getByTestId('preview-unplaced').textContent).toBe('2');
    const table = within(preview).getByTestId('preview-table');
    const totals = [...table.querySelectorAll('td[data-total]')].map((c) => Number(c.getAttribute('data-total')));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(5);
    expect(screen.getByTestId('preview-zones').textContent).toMatch(/Europe\/London3.*Asia\/Kolkata2/);
    expect(screen.getByTestId('unplaced-p2').textContent).toBe(`Marco Rossi${t.reason.paused}`);
    expect(screen.getByTestId('unplaced-p9').textContent).toBe(`p9${t.reason['no-allowed-time-in-window']}`);
    expect(screen.getByTestId('campaign-launch')).toBeTruthy();
  });

  it('labels the reasons in Japanese', async () => {
    await renderInTab(<CampaignsSection />, routes([]), 'ja');
    await screen.findByTestId('campaign-preview');
    expect(screen.getByTestId('unplaced-p2').textContent).toBe(`Marco Rossi${ja.admin.reason.paused}`);
  });
});

describe('Admin > Campaigns: editing and deleting a draft', () => {
  beforeEach(() => { window.location.hash = '#/admin/campaigns/c1'; });

  it('opens the stored draft in the form, saves the edit at its version and fetches the preview again', async () => {
    const user = userEvent.setup();
    let stored = { campaign: CAMPAIGN, version: 'v1' };
    const put: unknown[] = [];
    const { seen } = await renderInTab(<CampaignsSection />, {
      ...routes([]),
      'GET /api/campaigns/c1': () => [200, { ...stored, counts: ZERO }],
      'PUT /api/campaigns/c1': (body) => { put.push(body); stored = { campaign: { ...CAMPAIGN, slotMinutes: 60 }, version: 'v2' }; return [200, stored]; },
    });
    await screen.findByTestId('campaign-preview');
    await user.click(await screen.findByTestId('campaign-edit'));
    expect(screen.getByRole('heading', { name: t.form.editTitle })).toBe(document.activeElement);
    expect((screen.getByRole('checkbox', { name: 'Sales' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('campaign-content') as HTMLInputElement).value).toBe('Customer Summit recap');
    const slot = screen.getByTestId('campaign-slot') as HTMLInputElement;
    await user.clear(slot);
    await user.type(slot, '60');
    await user.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(put).toHaveLength(1));
    expect(put[0]).toEqual({ version: 'v1', subjectId: 'item-1', audience: CAMPAIGN.audience, window: { start: new Date(CAMPAIGN.window.start).toISOString(), end: new Date(CAMPAIGN.window.end).toISOString() }, slotMinutes: 60 });
    expect(await screen.findByText(t.form.saved)).toBeTruthy();
    await screen.findByTestId('campaign-preview');
    await waitFor(() => expect(seen.filter((r) => r.method === 'GET' && r.path === '/api/campaigns/c1/preview')).toHaveLength(2));
    expect(screen.getByText(/60-minute slots/)).toBeTruthy();
  });

  it('keeps what the admin typed when someone else saved the draft first (409), and says so', async () => {
    const user = userEvent.setup();
    await renderInTab(<CampaignsSection />, { ...routes([]), 'PUT /api/campaigns/c1': () => [409, { error: { code: 'conflict', message: 'x' } }] });
    await user.click(await screen.findByTestId('campaign-edit'));
    const slot = screen.getByTestId('campaign-slot') as HTMLInputElement;
    await user.clear(slot);
    await user.type(slot, '45');
    await user.click(screen.getByTestId('campaign-save'));
    expect(await screen.findByText('Someone else changed this at the same time. Reload and try again.')).toBeTruthy();
    expect(screen.getByTestId('campaign-form')).toBeTruthy();
    expect((screen.getByTestId('campaign-slot') as HTMLInputElement).value).toBe('45');
  });

  it('deletes a draft only after confirming, with its version, then lists the campaigns', async () => {
    const user = userEvent.setup();
    const deleted: unknown[] = [];
    await renderInTab(<CampaignsSection />, { ...routes([]), 'DELETE /api/campaigns/c1': (body) => { deleted.push(body); return [200, { id: 'c1', deleted: true }]; } });
    await screen.findByTestId('campaign-preview');
    await waitFor(() => expect((screen.getByTestId('campaign-delete') as HTMLButtonElement).disabled).toBe(false));
    await user.click(screen.getByTestId('campaign-delete'));
    const dialog = (await screen.findByTestId('campaign-confirm-text', {}, { timeout: 5_000 })).closest('[role="dialog"]') as HTMLElement;
    expect(dialog.textContent).toContain(t.confirm.deleteBody.replace('{{title}}', 'Customer Summit recap'));
    expect(within(dialog).getByTestId('campaign-confirm-keep').textContent).toBe(t.confirm.keep);
    await user.click(within(dialog).getByTestId('campaign-confirm-keep'));
    expect(deleted).toEqual([]);
    await user.click(screen.getByTestId('campaign-delete'));
    await user.click(await screen.findByTestId('campaign-delete-confirm'));
    await waitFor(() => expect(deleted).toEqual([{ version: 'v1' }]));
    await waitFor(() => expect(window.location.hash).toBe('#/admin/campaigns'));
  });

  it('offers no edit or delete for a launched campaign, says why, and shows the server refusal', async () => {
    const user = userEvent.setup();
    await renderInTab(<CampaignsSection />, {
      ...routes([]),
      'GET /api/campaigns/c1': () => [200, { campaign: { ...CAMPAIGN, state: 'paused', launchedAt: '2026-12-07T00:00:00.000Z' }, version: 'v3', counts: { ...ZERO, planned: 2 } }],
      'POST /api/campaigns/c1/duplicate': () => [409, { error: { code: 'campaignLocked', message: 'x' } }],
    });
    await screen.findByTestId('campaign-status');
    expect(screen.queryByTestId('campaign-edit')).toBeNull();
    expect(screen.queryByTestId('campaign-delete')).toBeNull();
    expect(screen.getByTestId('campaign-lock-hint').textContent).toBe(t.detail.lockedHint);
    await user.click(screen.getByTestId('campaign-duplicate'));
    // The refusal in the UI language (common:error.campaignLocked), beside the hint.
    expect(await screen.findByText(/^This campaign has been launched or has finished/)).toBeTruthy();
  });
});

describe('previewDays', () => {
  it('counts prompts per local day and six-hour band in the admin zone, every day of the window present', () => {
    const days = previewDays({ '2026-12-07T14:00Z': 1, '2026-12-07T16:00Z': 2, '2026-12-08T01:00Z': 4 }, { start: '2026-12-06T15:00:00Z', end: '2026-12-09T15:00:00Z' }, 'Asia/Tokyo');
    // Tokyo is UTC+9: 14:00Z is 23:00 on the 7th, 16:00Z 01:00 on the 8th, 01:00Z on the 8th is 10:00.
    expect(days).toEqual([
      { day: '2026-12-07', bands: [0, 0, 0, 1], total: 1 },
      { day: '2026-12-08', bands: [2, 4, 0, 0], total: 6 },
      { day: '2026-12-09', bands: [0, 0, 0, 0], total: 0 },
    ]);
  });
});
