/**
 * The campaign pipeline in bot tests: a real delivery worker over a harness's Azurite queue and
 * tables, sending through the harness bot's CloudAdapter to its local connector, with the message
 * builders a test registers per dispatch kind.
 *
 * ```ts
 * const worker = startTestDeliveryWorker(harness, { training: myTrainingBuilder });
 * await harness.services... // create + launch, or campaigns.dispatchOne(...)
 * await waitForDeliveries(harness, tenantId, campaignId, (s) => s === 'sent');
 * await worker.stop();
 * ```
 */
import { createDeliveryWorker, type DeliveryListener, type DeliveryWorker, type DeliveryWorkerOptions } from '../../src/bot/jobs/delivery.worker.js';
import type { MessageBuilders } from '../../src/bot/jobs/message-builders.js';
import { createSendThrottle } from '../../src/bot/jobs/send-throttle.js';
import { createCampaignService, type CampaignService } from '../../src/bot/services/campaign.service.js';
import { createTeamsDeliverySender } from '../../src/bot/teams/delivery-sender.js';
import type { DeliveryStatus } from '../../src/shared/domain/campaigns.js';
import type { BotHarness } from './bot-harness.js';
import { DEFAULT_ADMIN_SETTINGS, type AdminSettingsRepository } from '../../src/bot/services/admin.ports.js';

let ids = 0;

/** The campaign service over the harness tables (fresh ids per call). */
export function testCampaignService(harness: Pick<BotHarness, 'repositories' | 'services'>, now: () => Date = () => new Date()): CampaignService {
  return createCampaignService({
    stores: harness.repositories.campaigns,
    employees: harness.repositories.employees,
    now,
    newId: () => `tc${Date.now().toString(36)}${(ids += 1)}`,
    engagement: { shares: harness.repositories.shares, clicksForShares: (codes) => harness.services.liveCounts.clicksForShares(codes) },
  });
}

/** Start a worker polling the harness queue every 50 ms; `stop()` it in the test. */
export function startTestDeliveryWorker(harness: Pick<BotHarness, 'repositories' | 'bot'>, builders: MessageBuilders, options: DeliveryWorkerOptions & { onOutcome?: DeliveryListener; perSecond?: number } = {}): DeliveryWorker {
  const { onOutcome, perSecond, ...workerOptions } = options;
  const stores = harness.repositories.campaigns;
  const worker = createDeliveryWorker(
    {
      stores,
      sender: createTeamsDeliverySender(harness.bot.adapter, ''),
      throttle: createSendThrottle({ budget: stores.budget, perSecond: perSecond ?? 1_000 }),
      builders,
      random: () => 0,
      ...(onOutcome ? { onOutcome } : {}),
    },
    { pollMs: 50, ...workerOptions },
  );
  worker.start();
  return worker;
}

/** Wait until every delivery of a campaign satisfies `done` (default: no longer planned or sending). */
export async function waitForDeliveries(
  harness: Pick<BotHarness, 'repositories'>,
  tenantId: string,
  campaignId: string,
  done: (status: DeliveryStatus) => boolean = (s) => s !== 'planned' && s !== 'sending',
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const records = await harness.repositories.campaigns.deliveries.listByCampaign(tenantId, campaignId);
    if (records.length > 0 && records.every((r) => done(r.status))) return;
    if (Date.now() > deadline) throw new Error(`deliveries of ${campaignId} not done within ${timeoutMs} ms: ${records.map((r) => r.status).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * No quiet hours for `tenantId`: a test that plans a share campaign "now" runs at any time of
 * day, and the seeded programme's quiet hours (20:00-08:00 in each person's zone) would leave
 * nobody placeable in the evening. Tests that check quiet hours set them themselves.
 */
export async function withoutQuietHours(settings: Pick<AdminSettingsRepository, 'find' | 'upsert'>, tenantId: string): Promise<void> {
  const found = (await settings.find(tenantId)) ?? DEFAULT_ADMIN_SETTINGS;
  await settings.upsert(tenantId, { ...found, quietHours: { start: 0, end: 0 } });
}
