/**
 * The core loop through the running app, wired as `npm start` wires it: a prompt for a seeded
 * person, the share door (`/s/`) records the share, a reader's click on the tracked link (`/l/`)
 * goes through the journal and the flusher, and both reach the person's score and impact; a
 * preview crawler and a repeat visit the same day change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const PERSON = 'demo-employee';

let app: TestApp;
let tenant: string;
beforeAll(async () => {
  app = await startTestApp();
  tenant = app.app.config.auth.mode === 'dev' ? app.app.config.auth.tenantId : '';
  // Settle the background scoring of the seed before taking the baseline.
  await app.app.services.scoring.rebuildTenant(tenant);
}, 90_000);
afterAll(() => app?.close());

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('prompt -> share -> click -> score', () => {
  it('counts the share and one human click once, in impact and contest score', async () => {
    const { services } = app.app;
    const now = new Date();
    const policy = await services.policy.current(tenant, 'en');
    if (policy) await services.policy.acknowledge(tenant, PERSON, policy.version, now);
    const before = await services.leaderboard.myImpact(tenant, PERSON);

    const offer = await services.sharing.nextOffer(tenant, PERSON, now);
    expect(offer).toBeDefined();
    const view = await services.sharing.preparePrompt({ tenantId: tenant, employeeId: PERSON, contentId: offer!.id, now });
    const linkedin = view.networks.find((n) => n.network === 'linkedin') ?? view.networks[0]!;
    // The test app listens on a random port; the door's path is what the card links to.
    const door = await fetch(`${app.baseUrl}${new URL(linkedin.intentUrl).pathname}`, { redirect: 'manual' });
    expect(door.status === 302 || door.status === 200).toBe(true);

    const shared = await services.sharing.getPrompt(tenant, PERSON, view.promptCode);
    const code = shared.networks.find((n) => n.network === linkedin.network)?.shared?.linkCode;
    expect(code).toBeTruthy();

    const click = (ua: string, ip: string) => fetch(`${app.baseUrl}/l/${code}`, { redirect: 'manual', headers: { 'user-agent': ua, 'x-forwarded-for': ip } });
    expect((await click(BROWSER, '203.0.113.7')).status).toBe(302);
    expect((await click(BROWSER, '203.0.113.7')).status).toBe(302);
    expect((await click('LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', '203.0.113.8')).status).toBe(302);

    const after = await waitFor(
      () => services.leaderboard.myImpact(tenant, PERSON),
      (impact) => impact.clicks.total >= before.clicks.total + 1 && impact.shares >= before.shares + 1,
    );
    expect(after.shares).toBe(before.shares + 1);
    expect(after.clicks.total).toBe(before.clicks.total + 1);
    expect(await services.liveCounts.clicksForShare(code!)).toBe(1);
    if (before.contest && after.contest) expect(after.contest.score).toBe(before.contest.score + 1);
  });
});
