/**
 * The Admin tab in Chromium against the running app (`?as=demo-admin`): the seeded suggestion
 * with "乌干达电报数据" is shown flagged and approved into a draft, another rejected with a reason
 * the person receives in chat; a new policy version is published and the bot asks again (card at
 * the local connector); a contest is created, and one that has not started is deleted after a
 * confirmation (the running one offers End now instead); a CSV with bad rows is imported (report table checked, no bad row written,
 * good rows written whole). Screenshots (light, dark, ja) and axe-core (no serious/critical).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchChromium, type Browser } from '../support/chromium.js';
import { startConnectorServer, type ConnectorServer } from '../support/connector-server.js';
import { cardsOf } from '../support/replies.js';
import { cardTexts } from '../support/cards.js';
import { seriousViolations } from '../support/axe.js';
import { defaultContest } from '../../src/shared/domain/contests.js';

let app: TestApp;
let browser: Browser;
let connector: ConnectorServer;
let tenant: string;

beforeAll(async () => {
  connector = await startConnectorServer();
  app = await startTestApp();
  tenant = app.app.config.auth.mode === 'dev' ? app.app.config.auth.tenantId : '';
  await app.app.repositories.conversationReferences.upsert({
    tenantId: tenant,
    employeeId: 'demo-employee',
    reference: JSON.stringify({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: 'a:demo-employee', conversationType: 'personal', tenantId: tenant }, user: { id: '29:demo-employee', aadObjectId: 'demo-employee' }, bot: { id: '28:bot', name: 'Advocacy Hub' } }),
    updatedAt: new Date().toISOString(),
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await connector?.stop();
});

async function open(section: string, query: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${app.baseUrl}/tab/?${query}#/admin/${section}`);
  await page.getByTestId(ready).first().waitFor({ state: 'visible', timeout: 45_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/** Screenshot to .tmp/screenshots (the copies in docs/screenshots are refreshed by hand, never by a test run). */
async function keep(page: Page, name: string): Promise<void> {
  await browser.screenshot(page, name);
}

describe('Admin tab in Chromium', () => {
  it('shows the seeded spam suggestion flagged, approves it into a draft and rejects another with a reason', async () => {
    const page = await open('suggestions', 'lang=en&as=demo-admin', 'suggestion-demo-sug-1');
    const spam = page.getByTestId('suggestion-demo-sug-1');
    await expect(spam.getByTestId('flagged').textContent()).resolves.toContain('乌干达电报数据');
    await expect(page.getByTestId('suggestion-demo-sug-2').getByTestId('flagged').textContent()).resolves.toContain('Uganda Telegram data');
    expect(await page.getByTestId('suggestion-demo-sug-3').getByTestId('flagged').count()).toBe(0);
    await keep(page, 'admin-suggestions-light');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('approve-demo-sug-1').click();
    await page.getByTestId('suggestion-demo-sug-1').waitFor({ state: 'detached', timeout: 10_000 });
    const draft = await app.app.repositories.content.get(tenant, 'sug-demo-sug-1');
    expect(draft.value).toMatchObject({ status: 'draft', submittedBy: 'demo-employee', url: 'https://news.contoso.example/zh/advocacy-digest' });

    await page.getByTestId('reject-demo-sug-2').click();
    await page.getByTestId('reject-reason').fill('Contains a blocked spam phrase.');
    await page.getByTestId('reject-confirm').click();
    await page.getByTestId('suggestion-demo-sug-2').waitFor({ state: 'detached', timeout: 10_000 });
    const told = await connector.waitFor((s) => s.conversationId === 'a:demo-employee' && String(s.activity.text ?? '').includes('Contains a blocked spam phrase.'), 10_000);
    expect(String(told.activity.text)).toContain('https://leads.example.net/offer');

    // The person sees the decision and the reason in their own suggestions (board > Suggest content).
    const mine = await browser.newPage();
    await mine.goto(`${app.baseUrl}/tab/?lang=en&as=demo-employee#/board`);
    await mine.getByTestId('suggest-open').click({ timeout: 45_000 });
    await mine.getByTestId('suggest-reason').first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await mine.getByTestId('suggest-mine').textContent()).toContain('Reason: Contains a blocked spam phrase.');
    await mine.close();

    // The content list shows the new draft, flagged because its summary carries the phrase.
    await page.getByTestId('admin-tab-content').click();
    const row = page.getByTestId('content-row-sug-demo-sug-1');
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(row.getByTestId('flagged').textContent()).resolves.toContain('乌干达电报数据');
    await keep(page, 'admin-content-light');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('creates a content item in the editor; a blocked phrase in its suggested text is flagged', async () => {
    const page = await open('content', 'lang=en&as=demo-admin', 'content-new');
    await page.getByTestId('content-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Link/ }).fill('https://news.contoso.example/e2e-form-item');
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('E2E form item');
    await page.getByTestId('text-variants-0').fill('Great read.\nＵＧＡＮＤＡ telegram data for sale');
    await page.getByTestId('content-save').click();
    await page.getByText('Created “E2E form item” as a draft.').waitFor({ timeout: 20_000 });
    const row = page.getByRole('row').filter({ hasText: 'E2E form item' });
    await expect(row.getByTestId('flagged').textContent()).resolves.toContain('Uganda Telegram data');
    const stored = (await app.app.repositories.content.list(tenant)).find((i) => i.title === 'E2E form item');
    expect(stored).toMatchObject({ status: 'draft', url: 'https://news.contoso.example/e2e-form-item', suggestedTexts: [{ network: 'linkedin', language: 'en', variants: ['Great read.', 'ＵＧＡＮＤＡ telegram data for sale'] }] });
    await page.close();
  }, 90_000);

  it('creates a contest with an excluded person and a weekly update channel', async () => {
    await app.app.repositories.conversationReferences.upsert({ tenantId: tenant, employeeId: 'channel:e2e-team', reference: JSON.stringify({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: '19:e2e@thread.tacv2', conversationType: 'channel', name: 'Sales champions', tenantId: tenant }, bot: { id: '28:bot' } }), updatedAt: new Date().toISOString() });
    const page = await open('contests', 'lang=en&as=demo-admin', 'contest-new');
    await page.getByTestId('contest-new').click();
    await page.getByTestId('contest-name').fill('E2E spring contest');
    await page.getByTestId('contest-people').click();
    await page.getByTestId('contest-people').pressSequentially('Sasha');
    await page.getByRole('option', { name: /Sasha Moreau/ }).click();
    await page.getByTestId('contest-channel').click();
    await page.getByRole('option', { name: 'Sales champions' }).click();
    await page.getByTestId('contest-excluded-demo-employee').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keep(page, 'admin-contests-form');
    await page.getByTestId('contest-save').click();
    await page.getByText('Contest “E2E spring contest” created.').waitFor({ timeout: 20_000 });
    const stored = (await app.app.repositories.contests.list(tenant)).find((c) => c.name === 'E2E spring contest');
    expect(stored).toMatchObject({ excludedEmployeeIds: ['demo-employee'], excludedRoles: ['executive', 'coordinator'], updateChannelId: 'channel:e2e-team', weights: { uniqueClick: 1, share: 0, conversion: 0 } });
    await expect(page.getByRole('row').filter({ hasText: 'E2E spring contest' }).textContent()).resolves.toContain('Sasha Moreau');
    await keep(page, 'admin-contests');

    // A contest that has not started is deleted after a confirmation; the running one offers End now instead.
    const upcoming = { ...defaultContest({ id: 'contest-e2e-upcoming', name: 'E2E summer contest', startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString() }) };
    await app.app.repositories.contests.create(tenant, upcoming);
    await page.reload();
    await page.getByTestId(`contest-delete-${upcoming.id}`).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId(`contest-delete-${stored!.id}`).count()).toBe(0);
    await page.getByTestId(`contest-end-${stored!.id}`).waitFor();
    await page.getByTestId(`contest-delete-${upcoming.id}`).click();
    await expect(page.getByTestId('contest-confirm-text').textContent()).resolves.toContain('“E2E summer contest” has not started');
    // The dialog fades in: check contrast once its animations are over.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await keep(page, 'admin-contests-delete');
    await page.getByTestId('contest-confirm').click();
    await page.getByText('Contest “E2E summer contest” deleted.').waitFor({ timeout: 20_000 });
    await page.getByTestId(`contest-${upcoming.id}`).waitFor({ state: 'detached', timeout: 20_000 });
    expect((await app.app.repositories.contests.list(tenant)).map((c) => c.id)).not.toContain(upcoming.id);
    await page.close();
  }, 90_000);

  it('publishes a policy version and the bot asks again', async () => {
    const page = await open('policy', 'lang=en&as=demo-admin', 'policy-publish');
    await page.getByTestId('policy-summary').fill('Version for the e2e test: disclose AI help.');
    await page.getByTestId('policy-publish').click();
    await page.getByText(/people were asked again in chat/).waitFor({ timeout: 60_000 });
    const card = await connector.waitFor((s) => s.conversationId === 'a:demo-employee' && cardsOf(s).some((c) => cardTexts(c).join(' ').includes('Version for the e2e test')), 10_000);
    expect(cardsOf(card)).toHaveLength(1);
    await keep(page, 'admin-policy-light');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('imports a CSV with bad rows: report shown, bad rows not written, good rows whole', async () => {
    const page = await open('people', 'lang=en&as=demo-admin', 'import-file');
    const csv = [
      'Entra Object ID,Display Name,Email,Team,Manager,Time Zone,Language,Roles',
      'e2e-good-1,Aiko Import,aiko.import@contoso.com,Sales,,Asia/Tokyo,ja,employee',
      'e2e-bad-zone,Bad Zone,bad.zone@contoso.com,Ops,,Mars/Base,en,employee',
      'e2e-bad-mail,No Mail,,Ops,,,,',
      'e2e-good-2,Marco Import,marco.import@contoso.com,Sales,,Europe/Rome,it,trainer',
    ].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-issues').waitFor({ state: 'visible', timeout: 20_000 });
    const rows = await page.getByTestId('import-issues').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows).toEqual([
      ['3', 'timeZone', 'invalid-time-zone', 'Mars/Base'],
      ['4', 'email', 'missing', ''],
    ]);
    await page.getByText(/Import finished: 2 added/).waitFor({ timeout: 10_000 });
    const employees = app.app.repositories.employees;
    expect(await employees.find(tenant, 'e2e-bad-zone')).toBeUndefined();
    expect(await employees.find(tenant, 'e2e-bad-mail')).toBeUndefined();
    expect((await employees.get(tenant, 'e2e-good-1')).value).toMatchObject({ displayName: 'Aiko Import', timeZone: 'Asia/Tokyo', language: 'ja', roles: ['employee'] });
    expect((await employees.get(tenant, 'e2e-good-2')).value.roles).toContain('trainer');
    // Data request: the person's data downloads as JSON.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.getByTestId('export-e2e-good-1').click()]);
    expect(download.suggestedFilename()).toBe('person-e2e-good-1.json');
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { employee: { id: string; displayName: string } };
    expect(exported.employee).toMatchObject({ id: 'e2e-good-1', displayName: 'Aiko Import' });
    await keep(page, 'admin-people-light');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it.each([
    { section: 'settings', ready: 'blocked-phrases', query: 'lang=en&theme=dark', name: 'admin-settings-dark' },
    { section: 'audit', ready: 'audit-csv', query: 'lang=en&theme=light', name: 'admin-audit-light' },
    { section: 'suggestions', ready: 'admin-suggestions', query: 'lang=ja&theme=light', name: 'admin-suggestions-ja' },
    { section: 'content', ready: 'content-new', query: 'lang=ja&theme=dark', name: 'admin-content-ja-dark' },
  ])('$name: renders and has no serious or critical axe violation', async ({ section, ready, query, name }) => {
    const page = await open(section, `${query}&as=demo-admin`, ready);
    if (section === 'settings') expect(await page.getByTestId('blocked-phrases').inputValue()).toContain('乌干达电报数据');
    if (query.startsWith('lang=ja')) expect(await page.locator('h1').first().textContent()).toBe('管理');
    await keep(page, name);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows a coordinator only the staff sections (content, suggestions, campaigns, topics)', async () => {
    await app.app.repositories.employees.upsertMany([{ ...(await app.app.repositories.employees.get(tenant, 'demo-employee')).value, id: 'e2e-coord', displayName: 'Cora Coordinator', roles: ['coordinator', 'employee'] }]);
    const page = await open('', 'lang=en&as=e2e-coord', 'admin-content');
    expect(await page.locator('[data-testid^="admin-tab-"]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-testid')))).toEqual(['admin-tab-content', 'admin-tab-suggestions', 'admin-tab-campaigns', 'admin-tab-topics']);
    await page.close();
  }, 90_000);
});
