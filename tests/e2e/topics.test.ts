/**
 * Topics in Chromium against the running app: an employee (`?as=demo-employee`) sees the seeded
 * hubs with their unfilled roles marked, proposes themselves for an unfilled role and adds an
 * outside voice to a tier of the influencer map (owned by them); an admin accepts the proposal in
 * Admin > Topics (the role is held afterwards, in storage) and fills an unfilled role on another
 * hub from its management view. Screenshots (light, ja) and axe-core (no serious/critical).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicRoleOf } from '../../src/shared/domain/topics.js';
import { en } from '../../src/shared/i18n/catalogs/topics/en.js';
import type { TableRepositories } from '../../src/bot/storage/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchChromium, type Browser } from '../support/chromium.js';
import { seriousViolations } from '../support/axe.js';

let app: TestApp;
let browser: Browser;
let tenant: string;

beforeAll(async () => {
  app = await startTestApp();
  tenant = app.app.config.auth.mode === 'dev' ? app.app.config.auth.tenantId : '';
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(hash: string, query: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${app.baseUrl}/tab/?${query}#${hash}`);
  await page.getByTestId(ready).first().waitFor({ state: 'visible', timeout: 45_000 }).catch(async (err: unknown) => {
    throw new Error(`${String(err)}\npage text: ${(await page.locator('body').innerText()).slice(0, 600)}\nproblems: ${JSON.stringify(browser.problems)}`);
  });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

const roleOn = async (employeeId: string, topicId: string) => topicRoleOf((await app.app.repositories.employees.get(tenant, employeeId)).value, topicId);

describe('Topics in Chromium', () => {
  it('an employee proposes themselves for an unfilled role and adds an influencer; an admin accepts and fills a role', async () => {
    // The hubs, unfilled roles marked with the word and an icon (not colour alone).
    const page = await open('/topics', 'lang=en&as=demo-employee', 'hub-social-listening');
    const card = page.getByTestId('hub-social-listening');
    expect(await card.getByTestId('hub-unfilled').textContent()).toBe('2 roles unfilled');
    await browser.screenshot(page, 'topics-hubs-light');

    // One hub: the pyramid with its unfilled levels; propose myself as thought leader.
    await page.getByTestId('open-social-listening').click();
    await page.getByTestId('level-thought-leader').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('level-thought-leader').getAttribute('data-unfilled')).toBe('true');
    expect(await page.getByTestId('level-thought-leader').getByTestId('unfilled-badge').textContent()).toBe(en.pyramid.unfilled);
    expect(await page.getByTestId('level-social-mind').getAttribute('data-unfilled')).toBe('false');
    expect(await page.getByTestId('propose-social-mind').count()).toBe(0); // already holds it
    await page.getByTestId('propose-thought-leader').click();
    await page.getByTestId('propose-note').fill('I run our weekly listening report.');
    await page.getByTestId('propose-send').click();
    await page.getByTestId('my-proposals').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('my-proposals').textContent()).toContain(en.proposals.status.pending);
    expect(await page.getByTestId('propose-spokesperson').count()).toBe(0); // one pending proposal at a time

    // Add an outside voice to the Media tier; it shows under that tier with the employee as owner.
    await page.getByTestId('influencer-name').fill('Hana Sato');
    await page.getByTestId('influencer-tier').click();
    await page.getByRole('option', { name: en.tier.media }).click();
    await page.getByTestId('influencer-handle').fill('@hanasato');
    await page.getByTestId('influencer-url').fill('https://hana.example/column');
    await page.getByTestId('influencer-why').fill('Writes the weekly column on listening tools our customers read.');
    await page.getByTestId('influencer-submit').click();
    const mediaTier = page.getByTestId('tier-media');
    await mediaTier.getByText('Hana Sato').waitFor({ timeout: 20_000 });
    const added = mediaTier.locator('article', { hasText: 'Hana Sato' });
    expect(await added.getByTestId('owners').textContent()).toBe('Owned by Sasha Moreau');
    expect(await added.getByRole('link').getAttribute('href')).toBe('https://hana.example/column');
    expect(await page.getByTestId('influencer-name').inputValue()).toBe(''); // the form is ready for the next one
    const stored = (await (app.app.repositories as TableRepositories).topicHubs.influencers.list(tenant, 'social-listening')).find((e) => e.name === 'Hana Sato');
    expect(stored).toMatchObject({ tier: 'media', ownerIds: ['demo-employee'], createdBy: 'demo-employee' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot(page, 'topics-hub-light');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    // The admin accepts the proposal from the queue.
    const admin = await open('/admin/topics', 'lang=en&as=demo-admin', 'admin-topics');
    const proposal = admin.locator('[data-testid^="proposal-"]', { hasText: 'Sasha Moreau' });
    await proposal.waitFor({ timeout: 20_000 });
    expect(await admin.getByTestId('hub-row-labour-participation').textContent()).toContain(en.role.spokesperson);
    await browser.screenshot(admin, 'topics-admin-light');
    expect(await seriousViolations(admin)).toEqual([]);
    await proposal.getByRole('button', { name: /^Accept/ }).click();
    await admin.getByText('Sasha Moreau is now Thought leader on Social listening.').waitFor({ timeout: 20_000 });
    expect(await roleOn('demo-employee', 'social-listening')).toBe('thought-leader');

    // ... and fills an unfilled role on another hub from its management view.
    await admin.getByTestId('manage-labour-participation').click();
    await admin.getByTestId('fill-spokesperson').click();
    await admin.getByTestId('assign-person').click();
    await admin.getByTestId('assign-person').pressSequentially('Dana');
    await admin.getByRole('option', { name: /Dana Whitfield/ }).first().click();
    await admin.getByTestId('assign-submit').click();
    await admin.getByText('Dana Whitfield is now Spokesperson.').waitFor({ timeout: 20_000 });
    await admin.getByTestId('level-spokesperson').getByTestId('holder-demo-exec').waitFor({ timeout: 20_000 });
    expect(await admin.getByTestId('level-spokesperson').getAttribute('data-unfilled')).toBe('false');
    expect(await roleOn('demo-exec', 'labour-participation')).toBe('spokesperson');
    await browser.screenshot(admin, 'topics-admin-hub-light');
    await admin.close();
  }, 240_000);

  it('reads in Japanese', async () => {
    const page = await open('/topics/influencer-relations', 'lang=ja&as=demo-employee', 'level-spokesperson');
    await page.getByTestId('tier-organisation').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('インフルエンサーリレーションズ');
    expect(await page.getByTestId('level-subject-matter-expert').getByTestId('unfilled-badge').textContent()).toBe('空き');
    await browser.screenshot(page, 'topics-hub-ja');
    await page.close();
  }, 120_000);
});
