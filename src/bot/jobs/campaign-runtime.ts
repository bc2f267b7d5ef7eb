/**
 * Starts and stops the campaign delivery machinery of one process: a delivery worker on the
 * shared queue and the weekly scheduler. Used by the composition root (`npm start`, App Service,
 * DELIVERY_WORKER) and by the stand-alone worker (`npm run worker`, `src/bot/worker.ts`).
 */
import type { CloudAdapter } from 'botbuilder';
import { hostname } from 'node:os';
import type { CampaignStores } from '../services/campaigns.ports.js';
import { createTeamsDeliverySender } from '../teams/delivery-sender.js';
import { createDeliveryWorker, type DeliveryListener, type DeliveryWorkerOptions } from './delivery.worker.js';
import type { MessageBuilders } from './message-builders.js';
import { createSendThrottle } from './send-throttle.js';
import { createWeeklyScheduler, type WeeklyJob } from './weekly-scheduler.js';

export interface CampaignRuntimeDeps {
  stores: CampaignStores;
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  botAppId: string;
  /** One message builder per dispatch kind (`share` at least). */
  builders: MessageBuilders;
  /** Told each delivery's final status. */
  onOutcome?: DeliveryListener;
  perSecond: number;
  weeklyJobs?: readonly WeeklyJob[];
  /** How often the weekly jobs are checked (config `WEEKLY_CHECK_MS`, default 5 minutes). */
  weeklyCheckMs?: number;
  logger?: { warn(details: object, message: string): void };
  worker?: DeliveryWorkerOptions;
}

export { createSharePromptBuilder, type BuildMessage, type DispatchTarget, type MessageBuilders } from './message-builders.js';

/** Start a worker and the weekly scheduler; `stop()` waits for sends in flight. */
export function startCampaignRuntime(deps: CampaignRuntimeDeps): { stop(): Promise<void> } {
  const worker = createDeliveryWorker(
    {
      stores: deps.stores,
      sender: createTeamsDeliverySender(deps.adapter, deps.botAppId),
      throttle: createSendThrottle({ budget: deps.stores.budget, perSecond: deps.perSecond }),
      builders: deps.builders,
      ...(deps.onOutcome ? { onOutcome: deps.onOutcome } : {}),
      ...(deps.logger ? { logger: deps.logger } : {}),
    },
    deps.worker,
  );
  const scheduler = createWeeklyScheduler({ leases: deps.stores.leases, holder: `${hostname()}:${process.pid}`, ...(deps.logger ? { logger: deps.logger } : {}) }, deps.weeklyJobs ?? []);
  worker.start();
  if ((deps.weeklyJobs ?? []).length > 0) scheduler.start(deps.weeklyCheckMs);
  return {
    async stop() {
      scheduler.stop();
      await worker.stop();
    },
  };
}
