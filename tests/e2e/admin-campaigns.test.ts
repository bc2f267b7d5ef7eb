/**
 * Admin > Campaigns in Chromium against the running app with its own delivery worker and the
 * local connector in place of Teams (`?as=demo-admin`): the admin picks a published item and four
 * named people (three reachable now, one with no working day), sets a window that starts now,
 * saves the draft and sees the stagger preview: the chart drawn, placed/unplaced counts and the
 * hidden table equal to the API's preview, the unplaceable person with the reason. Editing the
 * draft (that person removed, shorter slots) recomputes the preview: everyone placed. Launching from
 * the preview (confirm with the count) sends the three prompt cards; the live counts reach
 * `sent: 3`; a launched campaign offers no edit (and says why); pause, resume and cancel (confirm)
 * move the state; a draft is deleted after a confirmation. Screenshots (light, one in ja) and
 * axe-core (no serious/critical).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignPreviewSchema, CampaignStatusSchema } from '../../src/shared/contracts/campaigns.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { withoutQuietHours } from '../support/delivery.js';
import type { TableRepositories } from '../../src/bot/storage/index.js';
import { launchChromium, type Browser } from '../support/chromium.js';
import { startConnectorServer, type ConnectorServer } from '../support/connector-server.js';
import { seriousViolations } from '../support/axe.js';

const REACHABLE = ['demo-employee', 'demo-trainer', 'demo-exec'];
const UNPLACEABLE = 'demo-admin';

let app: TestApp;
let browser: Browser;
let connector: ConnectorServer;
let tenant: string;
const names = new Map<string, string>();

const admin = async (method: string, path: string, body?: object) => {
  const res = await fetch(`${app.baseUrl}${path}`, { method, headers: { 'x-dev-user': 'demo-admin', ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return res.json() as Promise<unknown>;
};

beforeAll(async () => {
  connector = await startConnectorServer({ rateLimits: false });
  app = await startTestApp({ DELIVERY_WORKER: 'true' });
  tenant = app.app.config.auth.mode === 'dev' ? app.app.config.auth.tenantId : '';
  const { employees, conversationReferences } = app.app.repositories;
  await withoutQuietHours((app.app.repositories as unknown as TableRepositories).adminSettings, tenant);
  // Reachable now whatever the hour (every day, all day), with room under the weekly cap; the
  // unplaceable one works no day at all. Each reachable person has a chat at the local connector.
  for (const id of [...REACHABLE, UNPLACEABLE]) {
    const current = await employees.get(tenant, id);
    const open = id !== UNPLACEABLE;
    await employees.update({ ...current.value, workingDays: open ? [0, 1, 2, 3, 4, 5, 6] : [], workingHours: { start: 0, end: 24 }, weeklyPromptCap: 20, promptsPaused: false }, current.etag);
    names.set(id, current.value.displayName);
    if (open) {
      await conversationReferences.upsert({
        tenantId: tenant,
        employeeId: id,
        reference: JSON.stringify({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: `a:${id}`, conversationType: 'personal', tenantId: tenant }, user: { id: `29:${id}`, aadObjectId: id }, bot: { id: '28:bot', name: 'Advocacy Hub' } }),
        updatedAt: new Date().toISOString(),
      });
    }
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await connector?.stop();
});

async function open(hash: string, query: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${app.baseUrl}/tab/?${query}#/admin/campaigns${hash}`);
  await page.getByTestId(ready).first().waitFor({ state: 'visible', timeout: 45_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/** Full-page PNG from the top, nothing focused (the app bar is sticky: a scrolled page would show it mid-image). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
  await browser.screenshot(page, name);
}

const dataValue = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

describe('Admin > Campaigns in Chromium', () => {
  it('creates a campaign, previews it (figures equal the API), launches it, sees it sent, pauses, resumes and cancels', async () => {
    const published = (await admin('GET', '/api/admin/content?status=published')) as { items: { id: string; title: string }[] };
    const item = published.items[0]!;
    const page = await open('', 'lang=en&as=demo-admin', 'campaign-new');
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-form').waitFor();

    // Saving with no item is refused under the field, nothing is sent.
    await page.getByTestId('campaign-save').click();
    await page.getByText('Choose a published item.').waitFor();

    // Typed as a person would (the list opens on input).
    await page.getByTestId('campaign-content').click();
    await page.getByTestId('campaign-content').pressSequentially(item.title.slice(0, 12));
    await page.getByRole('option', { name: new RegExp(item.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
    for (const id of [...REACHABLE, UNPLACEABLE]) {
      await page.getByTestId('campaign-people').click();
      await page.getByTestId('campaign-people').pressSequentially(names.get(id)!.slice(0, 6));
      await page.getByRole('option', { name: new RegExp(names.get(id)!) }).first().click();
    }
    await expect(page.getByTestId('audience-matches').textContent()).resolves.toBe('4 people in this audience.');
    // A window that starts a minute ago: its one 30-minute slot is already due.
    const range = await page.evaluate(() => {
      const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      return { start: local(new Date(Date.now() - 60_000)), end: local(new Date(Date.now() + 20 * 60_000)) };
    });
    await page.getByTestId('campaign-start').fill(range.start);
    await page.getByTestId('campaign-end').fill(range.end);
    await shot(page, 'admin-campaigns-form');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('campaign-save').click();

    await page.getByTestId('campaign-preview').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="preview-chart"] svg').first().waitFor({ timeout: 30_000 });
    const id = decodeURIComponent((await page.evaluate(() => window.location.hash)).split('/').pop()!);
    const preview = CampaignPreviewSchema.parse(await admin('GET', `/api/campaigns/${id}/preview`));
    expect(preview.recipients).toBe(3);
    expect(preview.notPlaced).toEqual([{ employeeId: UNPLACEABLE, reason: 'no-allowed-time-in-window' }]);
    expect(await dataValue(page, 'preview-placed')).toBe(preview.recipients);
    expect(await dataValue(page, 'preview-unplaced')).toBe(preview.notPlaced.length);
    const tableTotal = await page.locator('[data-testid="preview-table"] td[data-total]').evaluateAll((cells) => cells.reduce((sum, c) => sum + Number(c.getAttribute('data-total')), 0));
    expect(tableTotal).toBe(preview.recipients);
    await expect(page.getByTestId(`unplaced-${UNPLACEABLE}`).textContent()).resolves.toBe(`${names.get(UNPLACEABLE)}No working hours inside the window`);
    const zonesText = (await page.getByTestId('preview-zones').textContent()) ?? '';
    for (const [zone, n] of Object.entries(preview.perTimeZone)) expect(zonesText).toContain(`${zone}${n}`);
    await shot(page, 'admin-campaigns-preview');
    expect(await seriousViolations(page)).toEqual([]);

    // Edit the draft: drop the person who cannot be placed and use 60-minute slots (one slot, due now, as the window is 21 minutes); the preview is recomputed.
    await page.getByTestId('campaign-edit').click();
    await page.getByRole('heading', { name: 'Edit draft' }).waitFor();
    await expect(page.getByTestId('audience-matches').textContent()).resolves.toBe('4 people in this audience.');
    await page.getByRole('button', { name: `Remove ${names.get(UNPLACEABLE)!}` }).click();
    await expect(page.getByTestId('audience-matches').textContent()).resolves.toBe('3 people in this audience.');
    await page.getByTestId('campaign-slot').fill('60');
    await shot(page, 'admin-campaigns-edit');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('campaign-save').click();
    await page.getByText('Draft saved. The preview below is recomputed from your changes.').waitFor({ timeout: 20_000 });
    await page.getByTestId('preview-all-placed').waitFor({ timeout: 30_000 });
    const edited = CampaignPreviewSchema.parse(await admin('GET', `/api/campaigns/${id}/preview`));
    expect([edited.recipients, edited.notPlaced]).toEqual([3, []]);
    expect(await dataValue(page, 'preview-placed')).toBe(3);
    expect(await dataValue(page, 'preview-unplaced')).toBe(0);
    expect(CampaignStatusSchema.parse(await admin('GET', `/api/campaigns/${id}`)).campaign).toMatchObject({ slotMinutes: 60, audience: { employeeIds: REACHABLE } });

    await page.getByTestId('campaign-launch').click();
    await expect(page.getByTestId('campaign-confirm-text').textContent()).resolves.toContain('3 people will get a prompt');
    await page.getByTestId('campaign-launch-confirm').click();
    await page.getByTestId('campaign-status').waitFor({ timeout: 20_000 });
    // The worker sends; the section refreshes the counts on its own every few seconds.
    await page.waitForFunction(() => document.querySelector('[data-testid="count-sent"]')?.getAttribute('data-value') === '3', undefined, { timeout: 90_000 });
    const status = CampaignStatusSchema.parse(await admin('GET', `/api/campaigns/${id}`));
    expect(status.counts).toMatchObject({ planned: 0, sent: 3, failed: 0, unreachable: 0, unknown: 0 });
    for (const who of REACHABLE) {
      expect(connector.sent.some((s) => s.conversationId === `a:${who}` && JSON.stringify(s.activity).includes('application/vnd.microsoft.card.adaptive')), who).toBe(true);
    }
    // Launched: no Edit or Delete, and the page says why.
    expect(await page.getByTestId('campaign-edit').count()).toBe(0);
    expect(await page.getByTestId('campaign-delete').count()).toBe(0);
    await page.getByTestId('campaign-lock-hint').waitFor();
    await shot(page, 'admin-campaigns-status');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('campaign-pause').click();
    await page.getByTestId('campaign-state-paused').waitFor();
    await page.getByTestId('campaign-resume').click();
    await page.getByTestId('campaign-state-running').waitFor();
    await page.getByTestId('campaign-cancel').click();
    await page.getByTestId('campaign-cancel-confirm').click();
    await page.getByTestId('campaign-state-cancelled').waitFor();
    expect(CampaignStatusSchema.parse(await admin('GET', `/api/campaigns/${id}`)).campaign.state).toBe('cancelled');
    const audit = (await admin('GET', '/api/admin/audit')) as { entries: { action: string; target: Record<string, string>; status: number }[] };
    expect(audit.entries.filter((e) => e.target.id === id && e.action === 'POST /api/campaigns/:id/:action').map((e) => e.target.action).sort()).toEqual(['cancel', 'launch', 'pause', 'resume']);

    // A draft's preview in Japanese (a five-day window from tomorrow, audience by team).
    const start = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1));
    const draft = (await admin('POST', '/api/campaigns', { contentId: item.id, audience: { teams: ['Sales', 'Engineering', 'Customer Success', 'Middle East'] }, window: { start: start.toISOString(), end: new Date(start.getTime() + 5 * 86_400_000).toISOString() } })) as { id: string };

    await page.getByTestId('campaigns-back').click();
    await page.getByTestId(`campaign-row-${id}`).waitFor();
    await expect(page.getByTestId(`campaign-row-${id}`).textContent()).resolves.toContain('Cancelled');
    await expect(page.getByTestId(`campaign-row-${draft.id}`).textContent()).resolves.toContain('Draft');
    await shot(page, 'admin-campaigns-list');
    await page.close();

    const ja = await open(`/${draft.id}`, 'lang=ja&as=demo-admin', 'campaign-preview');
    await ja.locator('[data-testid="preview-chart"] svg').first().waitFor({ timeout: 30_000 });
    await expect(ja.getByTestId('campaign-preview').textContent()).resolves.toContain('分散配信のプレビュー');
    await shot(ja, 'admin-campaigns-preview-ja');
    // Discard that draft (confirm); the list no longer has it.
    await ja.getByTestId('campaign-delete').click();
    await ja.getByTestId('campaign-delete-confirm').click();
    await ja.getByTestId('campaigns-list').waitFor({ timeout: 20_000 });
    expect(await ja.getByTestId(`campaign-row-${draft.id}`).count()).toBe(0);
    await ja.getByText('下書き「').waitFor();
    expect((await admin('GET', `/api/campaigns/${draft.id}`)) as object).toMatchObject({ error: { code: 'notFound' } });
    await ja.close();
    expect(browser.problems, 'console errors, page errors or failed requests').toEqual([]);
  }, 300_000);
});
