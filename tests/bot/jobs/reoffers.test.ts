/**
 * "Remind me later" through the pipeline (Azurite, real worker and CloudAdapter): a snooze
 * schedules one `reoffer` delivery at the person's next allowed slot; when due, the worker sends
 * the same prompt again (open, marked re-offered); a second snooze or a repeated one schedules
 * nothing new; a prompt answered before the slot is not sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../../src/bot/jobs/delivery.worker.js';
import { createReofferBuilder, reofferIdOf, withReofferDispatch } from '../../../src/bot/jobs/reoffers.js';
import { createSendThrottle } from '../../../src/bot/jobs/send-throttle.js';
import { createTeamsDeliverySender } from '../../../src/bot/teams/delivery-sender.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { testCampaignService } from '../../support/delivery.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

const TENANT = 'reoffer-tenant';
let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'reoffer', connector: { rateLimits: false } });
  await harness.repositories.employees.upsertMany(['p0', 'p1'].map((id) => makeEmployee({ id, tenantId: TENANT, timeZone: 'Asia/Tokyo', workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 }, weeklyPromptCap: 10 })));
  await harness.repositories.content.upsertMany(TENANT, [makeContentItem('item-1')]);
  for (const id of ['p0', 'p1']) {
    const reference = { serviceUrl: harness.connector.serviceUrl, channelId: 'msteams', conversation: { id: `conv-${id}` }, user: { id: `user-${id}` }, bot: { id: 'bot' } };
    await harness.repositories.conversationReferences.upsert({ tenantId: TENANT, employeeId: id, reference: JSON.stringify(reference), updatedAt: new Date().toISOString() });
  }
});
afterAll(() => harness.stop());

describe('re-offers through the pipeline', () => {
  it('a snooze schedules one re-offer at the next slot; when due the prompt comes back open, once', async () => {
    const campaigns = testCampaignService(harness);
    const sharing = withReofferDispatch(harness.services.sharing, { prompts: harness.repositories.prompts, campaigns: () => campaigns });
    const now = new Date();
    const view = await sharing.preparePrompt({ tenantId: TENANT, employeeId: 'p0', contentId: 'item-1', now });
    expect((await sharing.respond(TENANT, 'p0', view.promptCode, { kind: 'snoozed' }, now)).state).toBe('snoozed');
    const until = (await harness.repositories.prompts.find(view.promptCode))!.value.response as { until: string };
    const id = reofferIdOf(view.promptCode);
    const planned = await campaigns.delivery(TENANT, id, 'p0');
    expect(planned).toMatchObject({ kind: 'reoffer', subjectId: view.promptCode, status: 'planned', at: until.until });
    // Pressing "later" again before it is due schedules nothing new.
    await sharing.respond(TENANT, 'p0', view.promptCode, { kind: 'snoozed' }, now);
    expect((await campaigns.status(TENANT, id)).counts).toMatchObject({ planned: 1 });

    // Due: a worker whose clock is past the slot handles the queued message.
    const due = Date.parse(until.until) + 1_000;
    const worker = createDeliveryWorker({
      stores: harness.repositories.campaigns,
      sender: createTeamsDeliverySender(harness.bot.adapter, ''),
      throttle: createSendThrottle({ budget: harness.repositories.campaigns.budget, perSecond: 100 }),
      builders: { reoffer: createReofferBuilder(harness.services.sharing, harness.repositories.employees, () => new Date(due)) },
      now: () => due,
    });
    const message = { tenantId: TENANT, campaignId: id, employeeId: 'p0', at: until.until };
    expect(await worker.process({ message, messageId: 'm1', popReceipt: 'r1', dequeueCount: 1 })).toBe('sent');
    expect(await worker.process({ message, messageId: 'm2', popReceipt: 'r2', dequeueCount: 1 })).toBe('skipped');
    const sent = harness.connector.sent.filter((s) => s.conversationId === 'conv-p0');
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.activity)).toContain(view.promptCode);
    const back = await harness.services.sharing.getPrompt(TENANT, 'p0', view.promptCode);
    expect(back.state).toBe('open');
    expect((await harness.repositories.prompts.find(view.promptCode))!.value.reofferedAt).toBe(new Date(due).toISOString());
    // The pull path does not offer it a second time.
    expect(await harness.services.sharing.nextOffer(TENANT, 'p0', new Date(due + 60_000))).toBeUndefined();
  });

  it('a prompt answered before its slot is not re-offered (the delivery ends cancelled)', async () => {
    const campaigns = testCampaignService(harness);
    const sharing = withReofferDispatch(harness.services.sharing, { prompts: harness.repositories.prompts, campaigns: () => campaigns });
    const now = new Date();
    const view = await sharing.preparePrompt({ tenantId: TENANT, employeeId: 'p1', contentId: 'item-1', now });
    await sharing.respond(TENANT, 'p1', view.promptCode, { kind: 'snoozed' }, now);
    await sharing.respond(TENANT, 'p1', view.promptCode, { kind: 'skipped' }, now);
    const record = (await campaigns.delivery(TENANT, reofferIdOf(view.promptCode), 'p1'))!;
    const due = Date.parse(record.at) + 1_000;
    const worker = createDeliveryWorker({
      stores: harness.repositories.campaigns,
      sender: createTeamsDeliverySender(harness.bot.adapter, ''),
      throttle: createSendThrottle({ budget: harness.repositories.campaigns.budget, perSecond: 100 }),
      builders: { reoffer: createReofferBuilder(harness.services.sharing, harness.repositories.employees, () => new Date(due)) },
      now: () => due,
    });
    expect(await worker.process({ message: { tenantId: TENANT, campaignId: reofferIdOf(view.promptCode), employeeId: 'p1', at: record.at }, messageId: 'm3', popReceipt: 'r3', dequeueCount: 1 })).toBe('cancelled');
    expect(await campaigns.delivery(TENANT, reofferIdOf(view.promptCode), 'p1')).toMatchObject({ status: 'cancelled', reason: 'nothing to send' });
    expect(harness.connector.sent.filter((s) => s.conversationId === 'conv-p1')).toHaveLength(0);
  });
});
