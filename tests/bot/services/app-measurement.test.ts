/**
 * The measurement services in the running app: built by the composition root, the seeded demo
 * clicks scored through the ledger (the leaderboard shows the seeded contest, the history's wins
 * are stored), and the signed
 * conversions webhook reachable without Teams SSO.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ONLY_CONVERSIONS_KEY } from '../../../src/bot/config.js';
import { startTestApp, type TestApp } from '../../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 60_000);
afterAll(() => app?.close());

describe('measurement in the running app', () => {
  it('scores the seeded activity: the seeded contest has a leaderboard and people have impact', async () => {
    const tenant = app.app.config.auth.mode === 'dev' ? app.app.config.auth.tenantId : '';
    // The app scores the seed in the background; a second rebuild beside it is safe and converges.
    await app.app.services.scoring.rebuildTenant(tenant);
    const top = await app.app.services.leaderboard.top(tenant);
    expect(top?.entries.length).toBeGreaterThan(3);
    const leader = top!.entries[0]!;
    const impact = await app.app.services.leaderboard.myImpact(tenant, leader.employeeId);
    expect(impact.contest?.rank).toMatchObject({ status: 'ranked', rank: 1 });
    expect(impact.clicks.total).toBeGreaterThanOrEqual(leader.points);
    // The seeded history's wins are found by the rebuild (dated in the past, no card sent).
    const wins = await app.app.services.wins.listWins(tenant, leader.employeeId);
    expect(wins.map((w) => w.kind)).toEqual(expect.arrayContaining(['first-share', 'clicks-10']));
    expect(wins.every((w) => w.notified && Date.parse(w.at) < Date.now())).toBe(true);
  });

  it('accepts a signed conversion on /api/conversions without a Teams token (and refuses an unsigned one)', async () => {
    const body = JSON.stringify({ kind: 'lead', externalId: 'e2e-1', occurredAt: new Date().toISOString(), linkCode: 'NoSuchCode1' });
    const t = Math.floor(Date.now() / 1000);
    const signature = `t=${t},v1=${createHmac('sha256', DEV_ONLY_CONVERSIONS_KEY).update(`${t}.${body}`).digest('hex')}`;
    const signed = await fetch(`${app.baseUrl}/api/conversions`, { method: 'POST', headers: { 'content-type': 'application/json', 'advocacy-signature': signature }, body });
    expect(signed.status).toBe(404);
    expect(((await signed.json()) as { error: { details: string } }).error.details).toContain('unknown link code');
    const unsigned = await fetch(`${app.baseUrl}/api/conversions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
  });
});
