/**
 * One delivery worker process for `bench/delivery.bench.ts`: the real worker, throttle and
 * CloudAdapter sender against the bench's Azurite and connector; a simple Adaptive Card as the
 * message. Env: AZ (connection string), PREFIX, RATE (tenant sends/s), VISIBILITY_MS.
 */
import { createDeliveryWorker } from '../../src/bot/jobs/delivery.worker.js';
import { createSendThrottle } from '../../src/bot/jobs/send-throttle.js';
import { createTableRepositories } from '../../src/bot/storage/index.js';
import { createBotAdapter } from '../../src/bot/teams/app.js';
import { createTeamsDeliverySender } from '../../src/bot/teams/delivery-sender.js';

const repos = await createTableRepositories({ connectionString: process.env.AZ ?? '', tablePrefix: process.env.PREFIX ?? 'bench' });
const stores = repos.campaigns;
const worker = createDeliveryWorker(
  {
    stores,
    sender: createTeamsDeliverySender(createBotAdapter({}), ''),
    throttle: createSendThrottle({ budget: stores.budget, perSecond: Number(process.env.RATE ?? 50) }),
    builders: { share: async ({ employeeId, subjectId }) => ({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `${subjectId} for ${employeeId}` }] } }] }) },
    logger: { warn: (details, message) => console.error(message, JSON.stringify(details)) },
  },
  { concurrency: 48, pollMs: 100, visibilityMs: Number(process.env.VISIBILITY_MS ?? 10_000), maxAttempts: 6 },
);
worker.start();
console.log('WORKER READY');
process.once('SIGTERM', () => void worker.stop().then(() => process.exit(0)));
