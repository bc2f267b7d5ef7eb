/**
 * Everything a bot test needs, real parts only: the teams-ai app built by `createBotApp`, table
 * repositories on the run's Azurite (a unique table prefix per harness, so test files never see
 * each other's rows), a local {@link ConnectorServer} the bot replies to, and a log of what the
 * bot logged. Use in a test file:
 *
 * ```ts
 * let harness: BotHarness;
 * beforeAll(async () => { harness = await startBotHarness({ label: 'help' }); });
 * afterAll(() => harness.stop());
 * it('...', async () => {
 *   const chat = harness.chat({ locale: 'ja-JP' });
 *   await harness.send(chat.message('help'));
 *   const reply = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
 * });
 * ```
 */
import { inject } from 'vitest';
import { createBotApp, type BotApp, type BotLogger } from '../../src/bot/teams/app.js';
import type { BotHttpResult } from '../../src/bot/http/bot-route.js';
import { createAppServices, type AppServices } from '../../src/bot/services/create-services.js';
import { createTableRepositories, type TableRepositories } from '../../src/bot/storage/index.js';
import { createMeasurementServices, type MeasurementServices } from '../../src/bot/services/measurement.js';
import { scoreSourceFrom, type ScoreSource } from '../../src/bot/teams/score-source.js';
import { createWinNotifier } from '../../src/bot/teams/win-notifier.js';
import { createChat, type ActivityJson, type ActivityOptions, type TestChat } from './activities.js';
import { uniqueTablePrefix } from './azurite.js';
import { sendActivity } from './bot-client.js';
import { startConnectorServer, type ConnectorServer, type ConnectorServerOptions } from './connector-server.js';

/** One line the bot logged. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  details: object;
}

/** Options of {@link startBotHarness}. */
export interface BotHarnessOptions {
  /** Short name used in the table prefix (letters and digits). */
  label: string;
  connector?: ConnectorServerOptions;
  clock?: () => Date;
  /** Origin of `/s/` links and the tab in cards; default `http://localhost:3978`. */
  publicBaseUrl?: string;
  /** Demo tenant the Playground's mock tenant maps to (as `npm start` sets it). */
  localTenantId?: string;
  /** Source of "my score" and "leaderboard"; default the real leaderboard service over the harness tables. */
  scores?: ScoreSource;
}

/** A started harness; call `stop()` in `afterAll`. */
export interface BotHarness {
  bot: BotApp;
  connector: ConnectorServer;
  repositories: TableRepositories;
  /** The services the bot calls, over the same repositories (seed data or check state through them). */
  services: AppServices;
  /** Scoring, leaderboard and wins over the same tables (wins notify through the bot's messenger). */
  measurement: MeasurementServices;
  logs: LogEntry[];
  /** A personal chat whose activities point at this harness's connector. */
  chat(options?: Partial<ActivityOptions>): TestChat;
  /** Run an activity through the bot in-process (see `bot-client.ts`). */
  send(activity: ActivityJson): Promise<BotHttpResult>;
  stop(): Promise<void>;
}

/** Start a connector server, create the tables and build the bot. */
export async function startBotHarness(options: BotHarnessOptions): Promise<BotHarness> {
  const connector = await startConnectorServer(options.connector);
  const repositories = await createTableRepositories({
    connectionString: inject('azuriteConnectionString'),
    tablePrefix: uniqueTablePrefix(options.label),
  });
  await repositories.ensure();
  const logs: LogEntry[] = [];
  const logger: BotLogger = {
    info: (details, message) => logs.push({ level: 'info', message, details }),
    warn: (details, message) => logs.push({ level: 'warn', message, details }),
    error: (details, message) => logs.push({ level: 'error', message, details }),
  };
  const publicBaseUrl = options.publicBaseUrl ?? 'http://localhost:3978';
  const services = createAppServices(repositories, { publicBaseUrl, ...(options.clock ? { clock: options.clock } : {}) });
  const measurement = createMeasurementServices(repositories, { ...(options.clock ? { now: options.clock } : {}), leaderboard: { staleAfterMs: 0, maxStaleMs: 0 } });
  const bot = createBotApp({
    repositories,
    services: { ...services, scores: options.scores ?? scoreSourceFrom(measurement.leaderboard) },
    config: {},
    logger,
    publicBaseUrl,
    ...(options.localTenantId ? { localTenantId: options.localTenantId } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  measurement.wins.attachNotifier(createWinNotifier(bot.messenger, { trainingTitle: async (tenantId, moduleId) => (await repositories.training.modules.get(tenantId, moduleId)).value.title }));
  return {
    bot,
    connector,
    repositories,
    services,
    measurement,
    logs,
    chat: (chatOptions = {}) => createChat({ serviceUrl: connector.serviceUrl, ...chatOptions }),
    send: (activity) => sendActivity(bot, activity),
    stop: () => connector.stop(),
  };
}
