/**
 * The admin-driven campaign of docs/delivery.md ("See it in the Agents Playground") end to end,
 * with the app as `npm start` wires it (demo seed, dev identities, the app's own delivery worker)
 * and the local connector in place of the Playground: the Playground's user (Alex Wilber, Entra
 * object id ...0020, mock tenant) installs the app, the admin creates, previews and launches a
 * campaign for them over HTTP with `x-dev-user: demo-admin`, and the share prompt card arrives
 * in their chat; the status then counts it sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableRepositories } from '../../src/bot/storage/index.js';
import { PLAYGROUND_TENANT_ID } from '../../src/bot/teams/chat-user.js';
import { installationUpdateAdd } from '../support/activities.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { withoutQuietHours } from '../support/delivery.js';
import { postActivity } from '../support/bot-client.js';
import { startConnectorServer, type ConnectorServer } from '../support/connector-server.js';

const ALEX = { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
let app: TestApp;
let connector: ConnectorServer;

beforeAll(async () => {
  connector = await startConnectorServer({ rateLimits: false });
  app = await startTestApp({ DELIVERY_WORKER: 'true' });
});
afterAll(async () => {
  await app?.close();
  await connector?.stop();
});

const admin = (method: string, path: string, body?: object) =>
  fetch(`${app.baseUrl}${path}`, { method, headers: { 'x-dev-user': 'demo-admin', ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

describe('an admin campaign reaches the Playground user', () => {
  it('install -> create -> preview -> launch -> the share prompt card in their chat, counted sent', async () => {
    const conversation = { id: 'personal-chat-alex', conversationType: 'personal' as const, tenantId: PLAYGROUND_TENANT_ID };
    expect((await postActivity(app.baseUrl, installationUpdateAdd({ serviceUrl: connector.serviceUrl, user: ALEX, conversation }))).status).toBeLessThan(300);
    const tenantId = app.app.config.auth.mode === 'dev' ? app.app.config.auth.tenantId : '';
    const repositories = app.app.repositories as unknown as TableRepositories;
    // Enrolled by the install with the defaults (UTC, Monday-Friday 9-17): open every hour so the
    // test does not depend on when it runs (docs/delivery.md says to pick a window in working hours).
    const alex = await repositories.employees.get(tenantId, ALEX.aadObjectId);
    await repositories.employees.update({ ...alex.value, workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 0, end: 24 } }, alex.etag);

    await withoutQuietHours(repositories.adminSettings, tenantId);
    const now = Date.now();
    const created = await admin('POST', '/api/campaigns', { contentId: 'seed-000-onalytica-ja', audience: { employeeIds: [ALEX.aadObjectId] }, window: { start: new Date(now - 60_000).toISOString(), end: new Date(now + 4 * 60_000).toISOString() }, slotMinutes: 5 });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const preview = (await (await admin('GET', `/api/campaigns/${id}/preview`)).json()) as { recipients: number; notPlaced: unknown[] };
    expect(preview).toMatchObject({ recipients: 1, notPlaced: [] });
    const before = connector.sent.filter((s) => s.conversationId === conversation.id && JSON.stringify(s.activity).includes('Onalytica の最新調査')).length;
    expect(await (await admin('POST', `/api/campaigns/${id}/launch`)).json()).toEqual({ planned: 1 });
    // One five-minute slot in this window: the planned time is its start, already due.
    const [record] = await repositories.campaigns.deliveries.listByCampaign(tenantId, id);
    expect(Date.parse(record!.at)).toBeLessThanOrEqual(Date.now());

    // The card goes to the stored conversation (botbuilder answers under the last activity of a
    // stored reference, so the connector sees a reply); the install's journey may already have
    // offered the same item, so count this item's cards from before the launch.
    const itemCards = () => connector.sent.filter((s) => s.conversationId === conversation.id && JSON.stringify(s.activity).includes('application/vnd.microsoft.card.adaptive') && JSON.stringify(s.activity).includes('Onalytica の最新調査')).length;
    await connector.waitUntil(() => itemCards() > before, 90_000);
    const deadline = Date.now() + 10_000;
    let counts: Record<string, number> = {};
    while (Date.now() < deadline) {
      counts = ((await (await admin('GET', `/api/campaigns/${id}`)).json()) as { counts: Record<string, number> }).counts;
      if (counts.sent === 1) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(counts).toMatchObject({ planned: 0, sent: 1, failed: 0, unreachable: 0 });
  }, 180_000);
});
