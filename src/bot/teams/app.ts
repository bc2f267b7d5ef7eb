/**
 * The Teams bot: a `@microsoft/teams-ai` Application on botbuilder's CloudAdapter (teams-ai's
 * `TeamsAdapter`), with one handler module per feature.
 *
 * - Credentials: none locally (empty app id and password turn the adapter's authentication off,
 *   as the Agents Playground and the Emulator expect); in Azure an app id with a password
 *   (`SingleTenant` when a tenant id is given) or without one (user-assigned managed identity).
 *   With an app id the adapter validates the Bot Framework JWT of every request itself.
 * - State: no teams-ai `storage`. TurnState then lives for one turn only (plumbing); programme
 *   data and conversation references live in our tables, so any instance can serve any turn.
 * - No typing timer: teams-ai keeps its timer on the Application instance (shared by concurrent
 *   turns) and every typing activity counts against Teams' per-conversation rate limit.
 */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { MessageFactory, type Request, type Response, type TurnContext } from 'botbuilder';
import type { Language } from '../../shared/domain/types.js';
import { resolveLanguage, translator } from '../../shared/i18n/index.js';
import type { AppConfig } from '../config.js';
import type { Messenger, Repositories } from '../services/ports.js';
import { registerAuditHandlers } from './audit.handler.js';
import { registerCommandHandlers } from './commands.handler.js';
import type { TeamsServices } from './deps.js';
import { registerMessageExtension } from './message-extension.handler.js';
import { registerPolicyHandlers } from './policy.handler.js';
import { createTeamsMessenger } from './proactive.js';
import { registerShareHandlers } from './share.handler.js';
import { registerTrainingHandlers } from './training.handler.js';
import { registerVivaCardHandlers } from './viva-card.handler.js';
import { registerWelcomeHandlers } from './welcome.handler.js';
import { tabPageUrl } from './tab-links.js';

/**
 * Bot credentials, as `loadConfig()` returns them in `AppConfig['bot']` (`BOT_ID`,
 * `SECRET_BOT_PASSWORD`, `BOT_TENANT_ID`); all optional, none locally.
 */
export type BotCredentials = AppConfig['bot'];

/** Structured logger, compatible with pino/Fastify's `(object, message)` signature. */
export interface BotLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Dependencies of {@link createBotApp}. */
export interface BotAppDeps {
  /** Defaults to a TeamsAdapter built from `config`; tests may pass one with their own options. */
  adapter?: TeamsAdapter;
  repositories: Pick<Repositories, 'conversationReferences' | 'employees'>;
  /** The use cases the handlers call (onboarding, policy, sharing, board, scores). */
  services: TeamsServices;
  config: BotCredentials;
  /**
   * Local runs without bot credentials: the demo tenant that the Agents Playground's mock tenant
   * (and activities without a tenant) map to. Ignored when the bot has an app id.
   */
  localTenantId?: string;
  /** Link to the board tab in a language; default a Teams deep link with `teamsAppId`, else the tab URL under `publicBaseUrl`. */
  boardUrl?: (language: Language) => string;
  /** Teams app id (manifest `id`): "open the board" buttons (chat, Viva card) then open the app's Board tab in Teams. */
  teamsAppId?: string;
  /** Origin of the tab and links; default `http://localhost:3978`. */
  publicBaseUrl?: string;
  logger?: BotLogger;
  /** Time source for stored timestamps; defaults to the system clock. */
  clock?: () => Date;
}

/** The running bot: the teams-ai app, its adapter, and the HTTP entry point. */
export interface BotApp {
  app: Application;
  adapter: TeamsAdapter;
  /** Proactive sends to a person's personal chat (share prompts, wins). */
  messenger: Messenger;
  /** Run one Bot Framework request (`POST /api/messages`) through the adapter and the app. */
  processRequest(req: Request, res: Response): Promise<void>;
}

/** Build the adapter for the given credentials (see the module comment). */
export function createBotAdapter(config: BotCredentials): TeamsAdapter {
  if (!config.id) return new TeamsAdapter({});
  const appType = config.password ? (config.tenantId ? 'SingleTenant' : 'MultiTenant') : 'UserAssignedMSI';
  return new TeamsAdapter({
    MicrosoftAppId: config.id,
    MicrosoftAppPassword: config.password ?? '',
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  });
}

const consoleLogger: BotLogger = {
  info: (details, message) => console.info(message, details),
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};

/** Name, message and HTTP status of an error: never request objects, headers or tokens. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** Create the bot with every handler registered. */
export function createBotApp(deps: BotAppDeps): BotApp {
  const adapter = deps.adapter ?? createBotAdapter(deps.config);
  const logger = deps.logger ?? consoleLogger;
  const clock = deps.clock ?? (() => new Date());
  const app = new Application({
    adapter,
    ...(deps.config.id ? { botAppId: deps.config.id } : {}),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const messenger = createTeamsMessenger({
    adapter,
    botAppId: deps.config.id ?? '',
    conversationReferences: deps.repositories.conversationReferences,
    employees: deps.repositories.employees,
  });
  const base = (deps.publicBaseUrl ?? 'http://localhost:3978').replace(/\/+$/, '');
  const teamsDeps = {
    repositories: deps.repositories,
    services: deps.services,
    messenger,
    clock,
    ...(deps.config.id ? {} : { localTenantId: deps.localTenantId }),
    boardUrl: deps.boardUrl ?? (() => tabPageUrl({ publicBaseUrl: base, ...(deps.teamsAppId ? { teamsAppId: deps.teamsAppId } : {}) }, 'board')),
  };

  // Order matters: teams-ai runs the first route whose selector matches; invokes have their own
  // routes (card actions, message extension), every message goes to the command router.
  registerWelcomeHandlers(app, teamsDeps);
  registerAuditHandlers(app, teamsDeps);
  registerPolicyHandlers(app, teamsDeps);
  registerShareHandlers(app, teamsDeps);
  registerTrainingHandlers(app, teamsDeps);
  registerMessageExtension(app, teamsDeps);
  // Viva Connections dashboard card (manifest `dashboardCards`): cardExtension/* invokes.
  registerVivaCardHandlers(app, teamsDeps);
  registerCommandHandlers(app, teamsDeps);

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const activity = context.activity;
    logger.error(
      { err: describeError(error), activityType: activity.type, activityName: activity.name, channelId: activity.channelId },
      'bot turn failed',
    );
    try {
      const language = resolveLanguage(activity.locale);
      const message = MessageFactory.text(translator(language, 'bot')('error.generic'));
      message.locale = language;
      await context.sendActivity(message);
    } catch (sendError) {
      logger.warn({ err: describeError(sendError) }, 'could not tell the user about the failed turn');
    }
  };

  return {
    app,
    adapter,
    messenger,
    processRequest: (req, res) =>
      adapter.process(req, res, async (context) => {
        await app.run(context);
      }),
  };
}
