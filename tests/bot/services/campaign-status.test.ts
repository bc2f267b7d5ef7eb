/**
 * Live status of a share campaign on Azurite: a real worker sends the share prompt card (the
 * app's builder) to three people; one shares (through the share door) and gets a click, one says
 * "not for me"; the counts show planned/sent and shared/clicked/not-for-me from the stored
 * shares, clicks and answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharePromptBuilder } from '../../../src/bot/jobs/message-builders.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { startTestDeliveryWorker, testCampaignService, waitForDeliveries } from '../../support/delivery.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

const TENANT = 'status-tenant';
let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'campstatus', connector: { rateLimits: false } });
});
afterAll(() => harness.stop());

describe('campaign status counts', () => {
  it('counts sent, shared, clicked and not for me for the campaign only', async () => {
    const ids = ['p0', 'p1', 'p2'];
    await harness.repositories.employees.upsertMany(ids.map((id) => makeEmployee({ id, tenantId: TENANT, timeZone: 'UTC', workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 0, end: 24 }, weeklyPromptCap: 5 })));
    await harness.repositories.content.upsertMany(TENANT, [makeContentItem('item-1')]);
    for (const id of ids) {
      const reference = { serviceUrl: harness.connector.serviceUrl, channelId: 'msteams', conversation: { id: `conv-${id}` }, user: { id: `user-${id}` }, bot: { id: 'bot' } };
      await harness.repositories.conversationReferences.upsert({ tenantId: TENANT, employeeId: id, reference: JSON.stringify(reference), updatedAt: new Date().toISOString() });
    }
    const campaigns = testCampaignService(harness);
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const campaign = await campaigns.create(TENANT, 'admin', { contentId: 'item-1', audience: { personas: [], teams: [], topicIds: [], languages: [], employeeIds: [] }, window: { start: start.toISOString(), end: new Date(start.getTime() + 60_000).toISOString() }, slotMinutes: 1 });
    expect((await campaigns.status(TENANT, campaign.id)).counts).toMatchObject({ planned: 0, sent: 0, shared: 0, clicked: 0, notForMe: 0 });
    await campaigns.launch(TENANT, campaign.id);
    expect((await campaigns.status(TENANT, campaign.id)).counts).toMatchObject({ planned: 3, sent: 0 });

    const worker = startTestDeliveryWorker(harness, { share: createSharePromptBuilder(harness.services.sharing, () => new Date()) });
    try {
      await waitForDeliveries(harness, TENANT, campaign.id, (s) => s === 'sent');
    } finally {
      await worker.stop();
    }
    expect(harness.connector.sent.filter((s) => s.conversationId.startsWith('conv-p'))).toHaveLength(3);

    const now = new Date();
    const prompt = (id: string) => harness.services.sharing.preparePrompt({ tenantId: TENANT, employeeId: id, contentId: 'item-1', campaignId: campaign.id, now });
    const p0 = await prompt('p0');
    expect((await harness.services.sharing.openIntent(p0.promptCode, 'linkedin', now)).kind).toBe('redirect');
    const share = (await harness.repositories.shares.listByEmployee(TENANT, 'p0'))[0]!;
    expect(share.campaignId).toBe(campaign.id);
    await harness.repositories.clicks.recordMany([
      { code: share.linkCode, tenantId: TENANT, visitorKey: 'v1', day: now.toISOString().slice(0, 10), at: now.toISOString(), employeeId: 'p0', contentId: 'item-1', network: 'linkedin' },
      { code: share.linkCode, tenantId: TENANT, visitorKey: 'v2', day: now.toISOString().slice(0, 10), at: now.toISOString(), employeeId: 'p0', contentId: 'item-1', network: 'linkedin' },
    ]);
    const p1 = await prompt('p1');
    await harness.services.sharing.respond(TENANT, 'p1', p1.promptCode, { kind: 'skipped' }, now);
    // A share of the same item outside the campaign (another door) does not count for it.
    const outside = await harness.services.sharing.preparePrompt({ tenantId: TENANT, employeeId: 'p2', contentId: 'item-1', now });
    await harness.services.sharing.openIntent(outside.promptCode, 'x', now);

    const { counts } = await campaigns.status(TENANT, campaign.id);
    expect(counts).toMatchObject({ planned: 0, sending: 0, sent: 3, failed: 0, unreachable: 0, unknown: 0, shared: 1, clicked: 1, notForMe: 1, clicks: 2 });
  }, 40_000);
});
