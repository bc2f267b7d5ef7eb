/**
 * Stand-alone delivery worker: `npm run worker` (several may run at once on one queue; they share
 * the tenant send budget through storage). Same configuration as the app; with local Azurite it
 * connects to the one `npm start` runs instead of starting its own.
 */
import { randomBytes } from 'node:crypto';
import { createLinkCodes } from './services/link-codes.js';
import type { AppConfig } from './config.js';
import { loadConfigOrExit, runUntilSignalled } from './entry.js';
import { createSharePromptBuilder, startCampaignRuntime } from './jobs/campaign-runtime.js';
import { createReofferBuilder } from './jobs/reoffers.js';
import { createSharingService } from './services/sharing.service.js';
import { azuriteConnectionString } from './storage/azurite-launcher.js';
import { createTableRepositories } from './storage/index.js';
import { createBotAdapter } from './teams/app.js';
import { createTrainingNudgeBuilder } from './teams/training.handler.js';
import { createTrainingService } from './services/training.service.js';

function storageOf(config: AppConfig): Parameters<typeof createTableRepositories>[0] {
  const s = config.storage;
  if (s.kind === 'azurite') {
    return { connectionString: azuriteConnectionString(`http://127.0.0.1:${s.tablePort}/devstoreaccount1`, `http://127.0.0.1:${s.queuePort}/devstoreaccount1`), tablePrefix: config.tablePrefix };
  }
  if (s.kind === 'connection-string') return { connectionString: s.connectionString, tablePrefix: config.tablePrefix };
  return { accountName: s.accountName, tablePrefix: config.tablePrefix };
}

async function startWorker(config: AppConfig): Promise<{ close(): Promise<void> }> {
  const repositories = await createTableRepositories(storageOf(config));
  await repositories.ensure();
  const now = () => new Date();
  const warn = (details: object, message: string) => console.warn(JSON.stringify({ level: 'warn', msg: message, ...details }));
  const sharing = createSharingService({ repositories, publicBaseUrl: config.publicBaseUrl, teamsAppId: config.teamsAppId, randomBytes, linkCodes: createLinkCodes(config.protection.linkCodeKey), clock: now, logger: { warn } });
  const runtime = startCampaignRuntime({
    stores: repositories.campaigns,
    adapter: createBotAdapter(config.bot),
    botAppId: config.bot.id ?? '',
    builders: {
      share: createSharePromptBuilder(sharing, now),
      reoffer: createReofferBuilder(sharing, repositories.employees, now),
      training: createTrainingNudgeBuilder(createTrainingService({ stores: repositories.training, employees: repositories.employees, clock: now, newId: () => randomBytes(6).toString('hex'), logger: { warn } })),
    },
    perSecond: config.delivery.perSecond,
    logger: { warn },
  });
  console.log(`delivery worker ${process.pid} polling (tenant budget ${config.delivery.perSecond}/s)`);
  return { close: () => runtime.stop() };
}

await runUntilSignalled(() => startWorker(loadConfigOrExit()));
