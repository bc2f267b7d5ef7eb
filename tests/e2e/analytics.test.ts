/**
 * The Pilot and Analytics pages in headless Chromium against the real app (seeded demo, dev
 * identity): a go/no-go decision recorded by the executive, two quarters compared (the figures on
 * the page are the API's), a month and a custom period, a CSV downloaded and read back. Both pages
 * are screenshotted in light, dark and Japanese, and axe-core finds no serious or critical
 * violation.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsResponseSchema, type AnalyticsResponse } from '../../src/shared/contracts/analytics.js';
import { PilotResponseSchema } from '../../src/shared/contracts/pilot.js';
import { en } from '../../src/shared/i18n/catalogs/analytics/en.js';
import { ja } from '../../src/shared/i18n/catalogs/analytics/ja.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchChromium, type Browser } from '../support/chromium.js';
import { seriousViolations } from '../support/axe.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp({ LOG_LEVEL: 'error' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

afterEach(() => {
  const problems = browser.problems.splice(0);
  expect(problems, 'console errors, page errors or failed requests').toEqual([]);
});

async function apiGet(path: string, as = 'demo-exec'): Promise<unknown> {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { 'x-dev-user': as, 'accept-language': 'en' } });
  expect(res.status).toBe(200);
  return res.json();
}

async function open(route: string, query: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${app.baseUrl}/tab/?${query}#/${route}`);
  await page.getByTestId(ready).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

const number = new Intl.NumberFormat('en');

describe('Pilot page in Chromium', () => {
  it('shows the pilot mid-way and records a go/no-go decision with who, when and why', async () => {
    const api = PilotResponseSchema.parse(await apiGet('/api/pilot'));
    const page = await open('pilot', 'lang=en&as=demo-exec', 'leaders');
    await expect(page.getByTestId('pilot-phase').textContent()).resolves.toContain(en.pilot.phases.maintenance);
    await expect(page.locator('[data-testid="leaders"] tbody tr').count()).resolves.toBe(api.leaders.length);
    await expect(page.getByTestId('readiness').textContent()).resolves.toBe(`${api.checklist.percent}% ready`);
    await page.locator('figure svg').first().waitFor({ state: 'visible' });

    await page.getByTestId('decision-no-go').check();
    await page.getByTestId('decision-reason').fill('Training is not done by the whole cohort yet');
    await page.getByTestId('decision-submit').click();
    const entry = page.locator('[data-testid="decisions"] li').first();
    await entry.waitFor({ state: 'visible' });
    await expect(entry.textContent()).resolves.toContain('Training is not done by the whole cohort yet');
    await expect(entry.textContent()).resolves.toContain('Dana Whitfield');
    expect(await entry.getAttribute('data-decision')).toBe('no-go');

    // Stored: a fresh load shows it, and the API names who decided.
    const after = PilotResponseSchema.parse(await apiGet('/api/pilot'));
    expect(after.decisions[0]).toMatchObject({ decision: 'no-go', decidedBy: 'demo-exec', reason: 'Training is not done by the whole cohort yet' });
    await page.close();
  }, 90_000);

  it('ticks a readiness item by hand and shows who ticked it', async () => {
    const page = await open('pilot', 'lang=en&as=demo-admin', 'checklist');
    const item = page.locator('[data-item="champions-named"]');
    expect(await item.getAttribute('data-met')).toBe('false');
    await page.getByTestId('tick-champions-named').click();
    await expect.poll(() => item.getAttribute('data-met'), { timeout: 20_000 }).toBe('true');
    await expect(item.textContent()).resolves.toContain('Ticked by Robin Adeyemi');
    await page.close();
  }, 60_000);
});

describe('Analytics page in Chromium', () => {
  it('compares this quarter with the last with the API’s figures', async () => {
    const api: AnalyticsResponse = AnalyticsResponseSchema.parse(await apiGet('/api/analytics?period=quarter'));
    const page = await open('analytics', 'lang=en&as=demo-exec', 'kpi-clicks');
    for (const name of ['shares', 'clicks', 'sessions', 'conversions'] as const) {
      await expect(page.getByTestId(`kpi-${name}-value`).textContent(), name).resolves.toBe(number.format(api.kpis[name].current));
      await expect(page.getByTestId(`kpi-${name}-previous`).textContent(), name).resolves.toBe(`Before: ${number.format(api.kpis[name].previous)}`);
    }
    expect(api.kpis.clicks.previous).toBeGreaterThan(0);
    const rows = await page.locator('[data-testid="breakdown-team"] tbody tr').count();
    expect(rows).toBe(api.breakdowns.team.rows.length);

    await page.getByTestId('period-month').click();
    const month = AnalyticsResponseSchema.parse(await apiGet('/api/analytics?period=month'));
    await expect.poll(() => page.getByTestId('kpi-clicks-value').textContent(), { timeout: 20_000 }).toBe(number.format(month.kpis.clicks.current));
    await page.close();
  }, 60_000);

  it('compares a custom period and exports a CSV that reads back to the table shown', async () => {
    const page = await open('analytics', 'lang=en&as=demo-admin', 'kpi-clicks');
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('period-custom').click();
    await page.getByTestId('custom-from').fill(from);
    await page.getByTestId('custom-to').fill(to);
    await page.getByTestId('custom-apply').click();
    const custom = AnalyticsResponseSchema.parse(await apiGet(`/api/analytics?period=custom&from=${from}&to=${to}`, 'demo-admin'));
    await expect.poll(() => page.getByTestId('kpi-shares-value').textContent(), { timeout: 20_000 }).toBe(number.format(custom.kpis.shares.current));

    await page.getByTestId('dimension-persona').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-persona').click()]);
    expect(download.suggestedFilename()).toBe(`analytics-persona-${from}-${to}.csv`);
    const text = await readFile((await download.path()) as string, 'utf8');
    const records = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.key).sort()).toEqual(custom.breakdowns.persona.rows.map((r) => r.key).sort());
    for (const row of custom.breakdowns.persona.rows) {
      const record = records.find((r) => r.key === row.key);
      expect(Number(record?.clicks), row.key).toBe(row.current.clicks);
      expect(Number(record?.clicks_previous), row.key).toBe(row.previous.clicks);
    }
    await page.close();
  }, 60_000);
});

const VARIANTS = [
  { name: 'en', lang: 'en', theme: 'light' },
  { name: 'dark', lang: 'en', theme: 'dark' },
  { name: 'ja', lang: 'ja', theme: 'light' },
] as const;
const TITLES = { pilot: { en: en.pilot.title, ja: ja.pilot.title }, analytics: { en: en.analytics.title, ja: ja.analytics.title } };

describe('screenshots and accessibility', () => {
  it.each((['pilot', 'analytics'] as const).flatMap((route) => VARIANTS.map((variant) => ({ route, variant }))))('$route in $variant.name: no serious or critical axe violation', async ({ route, variant }) => {
    const page = await open(route, `lang=${variant.lang}&theme=${variant.theme}&as=demo-exec`, route === 'pilot' ? 'leaders' : 'kpi-clicks');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLES[route][variant.lang]);
    await page.locator('figure svg').first().waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    await browser.screenshot(page, `${route}-${variant.name}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
