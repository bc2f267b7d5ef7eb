/**
 * Starts and stops the campaign delivery machinery of one process: a delivery worker on the
 * shared queue and the weekly scheduler. Used by the composition root (`npm start`, App Service,
 * DELIVERY_WORKER) and by the stand-alone worker (`npm run worker`, `src/bot/worker.ts`).
 */
import type { CloudAdapter } from 'botbuilder';
import { hostname } from 'node:os';
import type { CampaignStores } from '../services/campaigns.ports.js';
import type { ConversationReferenceRepository } from '../services/ports.js';
import type { SharingService } from '../services/sharing.service.js';
import { cardAttachment } from '../teams/cards/expand.js';
import { createTeamsDeliverySender } from '../teams/delivery-sender.js';
import { renderPromptView } from '../teams/share-view.js';
import { createDeliveryWorker, type BuildPrompt, type DeliveryWorkerOptions } from './delivery.worker.js';
import { createSendThrottle } from './send-throttle.js';
import { createWeeklyScheduler, type WeeklyJob } from './weekly-scheduler.js';

export interface CampaignRuntimeDeps {
  stores: CampaignStores;
  conversationReferences: Pick<ConversationReferenceRepository, 'find'>;
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  botAppId: string;
  buildPrompt: BuildPrompt;
  perSecond: number;
  weeklyJobs?: readonly WeeklyJob[];
  logger?: { warn(details: object, message: string): void };
  worker?: DeliveryWorkerOptions;
}

/**
 * The share prompt card as the campaign message: the sharing service prepares the person's
 * prompt for the campaign (idempotent per person, item and campaign) and the Teams layer renders it.
 */
export function createSharePromptBuilder(sharing: Pick<SharingService, 'preparePrompt'>, now: () => Date): BuildPrompt {
  return async (tenantId, employeeId, contentId, campaignId) => {
    const view = await sharing.preparePrompt({ tenantId, employeeId, contentId, campaignId, now: now() });
    return { attachments: [cardAttachment(renderPromptView(view))], locale: view.language };
  };
}

/** Start a worker and the weekly scheduler; `stop()` waits for sends in flight. */
export function startCampaignRuntime(deps: CampaignRuntimeDeps): { stop(): Promise<void> } {
  const worker = createDeliveryWorker(
    {
      stores: deps.stores,
      conversationReferences: deps.conversationReferences,
      sender: createTeamsDeliverySender(deps.adapter, deps.botAppId),
      throttle: createSendThrottle({ budget: deps.stores.budget, perSecond: deps.perSecond }),
      buildPrompt: deps.buildPrompt,
      ...(deps.logger ? { logger: deps.logger } : {}),
    },
    deps.worker,
  );
  const scheduler = createWeeklyScheduler({ leases: deps.stores.leases, holder: `${hostname()}:${process.pid}`, ...(deps.logger ? { logger: deps.logger } : {}) }, deps.weeklyJobs ?? []);
  worker.start();
  if ((deps.weeklyJobs ?? []).length > 0) scheduler.start();
  return {
    async stop() {
      scheduler.stop();
      await worker.stop();
    },
  };
}
