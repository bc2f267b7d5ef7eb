/**
 * The board's JavaScript budget, measured where it matters: a fresh Chromium profile (empty
 * cache) opens the board outside Teams and every JavaScript response fetched until the network is
 * idle is gzipped (level 9, as the build report) and summed. Budget: 250 kB (1 kB = 1,000 bytes).
 * Opening the share panel afterwards is measured too (its lazy chunks), but not budgeted.
 */
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchChromium, type Browser } from '../support/chromium.js';
import { snapshotTabBuild, type TabSnapshot } from './tab-snapshot.js';

const BOARD_BUDGET_BYTES = 250_000;

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

interface Fetched {
  url: string;
  raw: number;
  gzip: number;
}

/** Record every JavaScript response of `page` (body gzipped here: the server sends it uncompressed). */
function recordScripts(page: Page): { files: Fetched[]; settled(): Promise<void> } {
  const files: Fetched[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript/.test(type) && !response.url().endsWith('.js')) return;
    pending.push(
      response.body().then((body) => {
        files.push({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
      }),
    );
  });
  return { files, settled: async () => void (await Promise.all(pending)) };
}

const sum = (files: Fetched[], key: 'raw' | 'gzip') => files.reduce((n, f) => n + f[key], 0);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe('board JavaScript budget', () => {
  it(`loads at most ${BOARD_BUDGET_BYTES / 1000} kB of JavaScript (gzip) outside Teams`, async () => {
    const page = await browser.newPage();
    const scripts = recordScripts(page);
    await page.goto(`${app.baseUrl}/tab/?lang=en#/board`, { waitUntil: 'networkidle' });
    await page.getByTestId('content-card').first().waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    await scripts.settled();
    const board = [...scripts.files];
    const gzip = sum(board, 'gzip');

    await page.locator('[data-share]').first().click();
    await page.getByTestId('share-title').waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    await scripts.settled();
    const panel = scripts.files.slice(board.length);

    const uptime = execSync('uptime').toString().trim();
    console.log(
      [
        `board page, outside Teams: ${board.length} JS files, ${kb(sum(board, 'raw'))} raw, ${kb(gzip)} gzip (budget ${kb(BOARD_BUDGET_BYTES)})`,
        `share panel on top (lazy): ${panel.length} JS files, ${kb(sum(panel, 'gzip'))} gzip`,
        `teams-js fetched: ${board.some((f) => f.url.includes('teams-js')) ? 'yes' : 'no'}`,
        ...board.sort((a, b) => b.gzip - a.gzip).map((f) => `  ${f.url.padEnd(60)} ${kb(f.gzip).padStart(9)}`),
        `uptime: ${uptime}`,
      ].join('\n'),
    );
    expect(board.some((f) => f.url.includes('teams-js'))).toBe(false);
    expect(board.length).toBeGreaterThan(3);
    expect(gzip).toBeLessThanOrEqual(BOARD_BUDGET_BYTES);
    expect(panel.length).toBeGreaterThan(0);
    await page.close();
  });
});
