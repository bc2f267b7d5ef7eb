/**
 * One delivery worker process for `bench/delivery.bench.ts`: the real worker, throttle and
 * CloudAdapter sender against the bench's Azurite and connector; a simple Adaptive Card as the
 * message. Counts the storage calls it makes (per store method) and prints them as one
 * `STORAGE_CALLS {json}` line (with the physical queue requests) when stopped with SIGTERM. Env: AZ (connection string), PREFIX,
 * RATE (tenant sends/s), VISIBILITY_MS, CONCURRENCY.
 */
import { createDeliveryWorker } from '../../src/bot/jobs/delivery.worker.js';
import { createSendThrottle } from '../../src/bot/jobs/send-throttle.js';
import type { CampaignStores, DeliveryQueue } from '../../src/bot/services/campaigns.ports.js';
import type { DeliveryQueueRequests } from '../../src/bot/storage/delivery-queue.js';
import { createTableRepositories } from '../../src/bot/storage/index.js';
import { createBotAdapter } from '../../src/bot/teams/app.js';
import { createTeamsDeliverySender } from '../../src/bot/teams/delivery-sender.js';

const repos = await createTableRepositories({ connectionString: process.env.AZ ?? '', tablePrefix: process.env.PREFIX ?? 'bench' });
const calls: Record<string, number> = {};
/** The same store with every method call counted as `<store>.<method>`. */
function counted<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const key = `${name}.${String(prop)}`;
        calls[key] = (calls[key] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}
const real = repos.campaigns;
const stores: CampaignStores = Object.fromEntries(Object.entries(real).map(([name, store]) => [name, counted(name, store as object)])) as unknown as CampaignStores;
let sends = 0;
const worker = createDeliveryWorker(
  {
    stores,
    sender: createTeamsDeliverySender(createBotAdapter({}), ''),
    throttle: createSendThrottle({ budget: stores.budget, perSecond: Number(process.env.RATE ?? 50) }),
    builders: {
      share: async ({ employeeId, subjectId }) => {
        sends += 1;
        return { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `${subjectId} for ${employeeId}` }] } }] };
      },
    },
    logger: { warn: (details, message) => console.error(message, JSON.stringify(details)) },
  },
  { concurrency: Number(process.env.CONCURRENCY ?? 64), pollMs: 100, visibilityMs: Number(process.env.VISIBILITY_MS ?? 10_000), maxAttempts: 6 },
);
worker.start();
console.log('WORKER READY');
process.once('SIGTERM', () =>
  void worker.stop().then(() => {
    // Physical queue requests (one message may carry several deliveries), beside the store calls.
    const queue = (real.queue as DeliveryQueue & { requests?: DeliveryQueueRequests }).requests ?? { send: 0, receive: 0, delete: 0, update: 0 };
    const physical = Object.fromEntries(Object.entries(queue).map(([k, v]) => [`queue requests: ${k}`, v]));
    console.log(`STORAGE_CALLS ${JSON.stringify({ sends, calls, physical })}`);
    process.exit(0);
  }),
);
