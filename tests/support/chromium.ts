/**
 * Headless Chromium for browser tests: the Debian `/usr/bin/chromium` driven by playwright-core
 * (never a downloaded browser), a fresh profile per launch, console and page errors collected,
 * screenshots written to `.tmp/screenshots/`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where the system Chromium lives; override with `CHROMIUM_PATH` for other machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags verified on this machine kind (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = resolve('.tmp/screenshots');

/** A console message or uncaught page error seen while a test ran. */
export interface BrowserProblem {
  kind: 'console' | 'pageerror' | 'requestfailed';
  text: string;
  url?: string;
}

export interface Browser {
  context: BrowserContext;
  /** Errors collected from every page of this browser, in order. */
  problems: BrowserProblem[];
  /** A new page whose console errors, page errors and failed requests go to `problems`. */
  newPage(): Promise<Page>;
  /** Full-page PNG at `.tmp/screenshots/<name>.png`; returns the path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  colorScheme?: 'light' | 'dark';
}

/** Launch Chromium with a throw-away profile directory. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'ah-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: options.locale ?? 'en-US',
      colorScheme: options.colorScheme ?? 'light',
      timezoneId: 'UTC',
    });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }
  const problems: BrowserProblem[] = [];

  function watch(page: Page): Page {
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push({ kind: 'console', text: msg.text(), url: msg.location().url });
    });
    page.on('pageerror', (err) => problems.push({ kind: 'pageerror', text: err.stack ?? err.message }));
    page.on('requestfailed', (req) => {
      // Aborted requests (a filter change cancels the previous fetch) are expected.
      const failure = req.failure()?.errorText ?? 'failed';
      if (!failure.includes('ERR_ABORTED')) problems.push({ kind: 'requestfailed', text: failure, url: req.url() });
    });
    return page;
  }
  context.on('page', watch);

  return {
    context,
    problems,
    async newPage() {
      const page = await context.newPage();
      return page;
    },
    async screenshot(page, name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9._-]/g, '-')}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      try {
        await context.close();
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    },
  };
}
