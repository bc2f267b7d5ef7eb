/**
 * The built tab in headless Chromium against the real app (seeded demo programme, dev identity):
 * the board lists the seeded posts, filters narrow it, the UI follows `?lang=` and `?theme=`, and
 * no page logs an error. Screenshots go to `.tmp/screenshots/board-*.png`.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en as commonEn } from '../../src/shared/i18n/catalogs/common/en.js';
import { ja as commonJa } from '../../src/shared/i18n/catalogs/common/ja.js';
import { en as tabEn } from '../../src/shared/i18n/catalogs/tab/en.js';
import { ja as tabJa } from '../../src/shared/i18n/catalogs/tab/ja.js';
import { th as tabTh } from '../../src/shared/i18n/catalogs/tab/th.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchChromium, type Browser } from '../support/chromium.js';
import { snapshotTabBuild, type TabSnapshot } from './tab-snapshot.js';

/** The seeds hold five articles (ja, th, ru, it, zh); the board must show at least those. */
const MIN_SEEDED_CARDS = 5;

let app: TestApp;
let browser: Browser;
let tab: TabSnapshot;

beforeAll(async () => {
  tab = await snapshotTabBuild();
  app = await startTestApp({ TAB_DIST_DIR: tab.dir });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await tab?.remove();
});

afterEach(() => {
  expect(browser.problems, 'console errors, page errors or failed requests').toEqual([]);
});

/** Open the board with the given query (`lang`, `theme`, `as`) and wait for the cards. */
async function openBoard(query = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${app.baseUrl}/tab/${query ? `?${query}` : ''}#/board`);
  await page.getByTestId('content-card').first().waitFor({ state: 'visible', timeout: 20_000 });
  // Images are lazy and fonts load late: settle before screenshots.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

const cards = (page: Page) => page.getByTestId('content-card');
const categoriesShown = (page: Page) =>
  cards(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-category')));

describe('board tab in Chromium', () => {
  it('lists the seeded posts with titles in their own language', async () => {
    const page = await openBoard('lang=en');
    await expect.poll(() => cards(page).count()).toBeGreaterThanOrEqual(MIN_SEEDED_CARDS);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(tabEn.board.title);
    const jaTitles = await page.locator('h3[lang="ja"]').allTextContents();
    expect(jaTitles.some((title) => title.includes('インフルエンサー'))).toBe(true);
    expect(await page.locator('h3[lang="th"]').count()).toBeGreaterThan(0);
    const total = await cards(page).count();
    await expect(page.getByTestId('board-count').textContent()).resolves.toBe(`${total} posts`);
    await expect(page.locator('time').first().textContent()).resolves.toMatch(/^Published \w{3} \d{1,2}, \d{4}$/);

    await browser.screenshot(page, 'board-en');
    await page.close();
  });

  it('narrows the list with the category tabs and the language dropdown', async () => {
    const page = await openBoard('lang=en');
    const all = await cards(page).count();

    await page.getByRole('button', { name: new RegExp(`^${commonEn.category.industry}`) }).click();
    await expect.poll(() => categoriesShown(page)).not.toContain('company');
    const shown = await categoriesShown(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all);
    expect(new Set(shown)).toEqual(new Set(['industry']));

    await page.getByRole('button', { name: new RegExp(`^${tabEn.board.filters.all}`) }).click();
    await expect.poll(() => cards(page).count()).toBe(all);

    await page.getByRole('combobox', { name: tabEn.board.filters.language }).click();
    await page.getByRole('option', { name: commonEn.languageName.ja }).click();
    await expect.poll(() => page.locator('h3[lang]:not([lang="ja"])').count()).toBe(0);
    expect(await cards(page).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('shows Japanese UI strings with ?lang=ja', async () => {
    const page = await openBoard('lang=ja');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(tabJa.board.title);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
    await expect(page.getByRole('button', { name: new RegExp(`^${commonJa.category.company}`) }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: new RegExp(`^${tabJa.board.filters.all}`) }).count()).resolves.toBe(1);
    await expect(page.locator('time').first().textContent()).resolves.toMatch(/^公開日: \d{4}\/\d{2}\/\d{2}$/);
    // Topics show their Japanese names from the topic hub, not their ids.
    await expect(page.getByText('従業員アドボカシー').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('employee-advocacy', { exact: true }).count()).resolves.toBe(0);
    await browser.screenshot(page, 'board-ja');
    await page.close();
  });

  it('shows Thai UI strings with ?lang=th', async () => {
    const page = await openBoard('lang=th&as=demo-employee');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(tabTh.board.title);
    await browser.screenshot(page, 'board-th');
    // An employee gets no Training page in the navigation.
    await expect(page.getByTestId('nav-impact').count()).resolves.toBe(1);
    await expect(page.getByTestId('nav-training').count()).resolves.toBe(0);
    await page.close();
  });

  it('follows ?theme=dark and ?as= (view as another seeded user)', async () => {
    const page = await openBoard('lang=en&theme=dark&as=demo-admin');
    const background = await page.locator('main').evaluate((el) => getComputedStyle(el.parentElement as Element).backgroundColor);
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(150);
    // The seeded admin, by name; as an admin they also see the trainer's Training page.
    await expect(page.getByText(tabEn.app.viewingAs.replace('{{user}}', 'Robin Adeyemi')).count()).resolves.toBe(1);
    await expect(page.getByTestId('nav-training').count()).resolves.toBe(1);
    await browser.screenshot(page, 'board-dark');
    await page.close();
  });
});
