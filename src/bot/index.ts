/**
 * Composition root: config -> storage (Azurite started here for local runs) -> demo seed ->
 * Teams app -> HTTP server. `startApp` is used by `npm start` (scripts/start.ts), by the tests
 * (tests/support/app.ts) and, run directly, as the production entry point on App Service.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config.js';
import { loadConfigOrExit, runUntilSignalled } from './entry.js';
import { createPeopleImportService } from './services/people-import.service.js';
import { directorySync } from './graph/directory-sync.js';
import { buildServer } from './http/server.js';
import { RATE_WINDOW_MS } from './http/rate-limits.js';
import { onceAMinute, SharedRateCounts } from './http/shared-rate-store.js';
import { waitForStorage } from './http/health.js';
import type { TokenVerifier } from './http/auth.js';
import { seedDemoProgramme, type SeedResult } from './seed/seed.service.js';
import { seedStarterTraining } from './seed/training-seed.js';
import { seedAdminDemo } from './seed/admin-seed.js';
import { seedTopicHubs } from './seed/topics-seed.js';
import { createTopicsService } from './services/topics.service.js';
import type { Repositories } from './services/ports.js';
import { startAzurite, type RunningAzurite } from './storage/azurite-launcher.js';
import { createTableRepositories } from './storage/index.js';
import { createBotApp } from './teams/app.js';
import { openClickPipeline, type ClickPipeline } from './jobs/click-pipeline.js';
import { startClickRetention } from './jobs/click-retention.job.js';
import type { Click } from '../shared/domain/types.js';
import { scoreSourceFrom } from './teams/score-source.js';
import { createWinNotifier } from './teams/win-notifier.js';
import { policyPageUrl } from './http/policy.routes.js';
import { createLinkCodes } from './services/link-codes.js';
import { createAppServices, type AppServices } from './services/create-services.js';
import { policyTabUrl } from './services/policy.service.js';
import { createSharePromptBuilder, startCampaignRuntime } from './jobs/campaign-runtime.js';
import { createReofferBuilder, withReofferDispatch } from './jobs/reoffers.js';
import { createWeeklyDispatch } from './jobs/weekly-jobs.js';
import { tabPageUrl } from './teams/tab-links.js';
import { createCampaignService } from './services/campaign.service.js';
import { createPromptHistory } from './services/prompt-history.js';
import { createTrainingDispatcher } from './services/training-dispatch.js';
import { createTrainingNudgeBuilder } from './teams/training.handler.js';
import { startTrainingCadence } from './jobs/training-cadence.job.js';
import { createVivaLearningClient, createVivaLearningSync, fetchGraphHttp } from './services/viva-learning.js';
import { azureGraphToken } from './graph/graph-token.js';
import { createTabPageServices } from './services/tab-pages.js';
import { createBoardShareService } from './services/board-share.service.js';
import { createAiWritingService, withAiModelStatus } from './services/ai-writing.service.js';
import { createAzureOpenAiModel } from './services/ai-writing.azure-openai.js';
import { createSuggestionService } from './services/suggestions.service.js';
import { createAdminContentService } from './services/admin-content.service.js';
import { adminSettingsReaders, createAdminSettingsService, withAdminDisclosure } from './services/admin-settings.service.js';
import { createSecretBox } from './services/secret-box.js';
import { createContestAdminService } from './services/contests-admin.service.js';
import { createDataRequestService } from './services/data-requests.service.js';
import { createTopicDecisionNotifier, topicHubUrl } from './teams/topic-decision-notifier.js';
import { createPolicyAsker, createRejectionNotifier } from './teams/admin-notices.js';

export type { AppServices };

export interface RunningApp {
  url: string;
  config: AppConfig;
  repositories: Repositories;
  server: FastifyInstance;
  seed: SeedResult | undefined;
  services: AppServices;
  /** Tracked-link clicks: journal, flusher, health (docs/clicks.md). */
  clicks: ClickPipeline;
  /** Stops the server, then storage; safe to call twice. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use this connection string instead of what the config says (tests share one Azurite). */
  connectionString?: string;
  now?: () => Date;
  /**
   * Scoring hook of the click flusher: called with EVERY click of each batch stored in the Clicks
   * table (again after a retry or replay, so it must be idempotent on `code|visitorKey|day`).
   */
  onClicksFlushed?: (clicks: Click[]) => Promise<void>;
  /** Verifies Teams SSO tokens in `entra` auth mode instead of Entra's JWKS (tests sign with a local key). */
  verifyToken?: TokenVerifier;
}

/** Start everything the config asks for and listen; resolves once the app answers requests. */
export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const now = options.now ?? (() => new Date());
  let azurite: RunningAzurite | undefined;
  const cleanups: Array<() => Promise<void>> = [];
  try {
    let storage: Parameters<typeof createTableRepositories>[0];
    if (options.connectionString) {
      storage = { connectionString: options.connectionString, tablePrefix: config.tablePrefix };
    } else if (config.storage.kind === 'azurite') {
      azurite = await startAzurite({ location: resolve(config.storage.location), tablePort: config.storage.tablePort, queuePort: config.storage.queuePort });
      cleanups.push(() => azurite!.stop());
      storage = { connectionString: azurite.connectionString, tablePrefix: config.tablePrefix };
    } else if (config.storage.kind === 'connection-string') {
      storage = { connectionString: config.storage.connectionString, tablePrefix: config.tablePrefix };
    } else {
      storage = { accountName: config.storage.accountName, tablePrefix: config.tablePrefix };
    }
    const repositories = await createTableRepositories(storage);
    // Storage unreachable at start: retried with a clear log line, /healthz says so meanwhile (health.ts).
    await waitForStorage({ attempt: () => repositories.ensure(), port: config.port, host: config.host, version: config.version, logger: startLogger(config.logLevel) });
    const seed = config.seedDemo && config.auth.mode === 'dev' ? await seedDemoProgramme(repositories, config.auth.tenantId, now(), { linkCodes: createLinkCodes(config.protection.linkCodeKey) }) : undefined;
    if (config.seedDemo && config.auth.mode === 'dev') {
      // Starter training modules (six languages) and demo progress, once per tenant (issue 11).
      await seedStarterTraining(repositories.training, config.auth.tenantId, now(), await repositories.employees.listByTenant(config.auth.tenantId));
      // Admin demo: default blocked phrases and pending suggestions, two carrying the seed's spam (issue 13).
      await seedAdminDemo(repositories, config.auth.tenantId, now());
      // Topic hubs from the seed articles' themes: some roles unfilled, proposals, influencer maps (issue 13).
      await seedTopicHubs(repositories.topicHubs, repositories.employees, config.auth.tenantId, now());
    }
    // Sharing reads the admin's disclosure line (Admin > Settings) over the programme settings.
    const programmeSettings = withAdminDisclosure(repositories.settings, repositories.adminSettings);
    // Quiet hours (planner) and the defaults for imported people, as an admin saved them.
    const adminReaders = adminSettingsReaders(repositories.adminSettings);
    // Secrets kept in Settings (the tenants' webhook keys) are encrypted at rest (AES-256-GCM).
    const settingsSecrets = createSecretBox(config.settingsEncryptionKey);
    const services: AppServices = createAppServices({ ...repositories, settings: programmeSettings }, {
      enrolmentDefaults: adminReaders.importDefaults,
      publicBaseUrl: config.publicBaseUrl,
      linkCodeKey: config.protection.linkCodeKey,
      ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}),
      clock: now,
      // In Teams (app id known) the policy card opens the tab's Policy page, where the person can
      // agree; otherwise (local runs, the Playground) the public read-only page.
      policyUrl: (language, tenantId) =>
        config.teamsAppId ? policyTabUrl({ publicBaseUrl: `${config.publicBaseUrl.replace(/\/+$/, '')}/tab/`, teamsAppId: config.teamsAppId }) : policyPageUrl(config.publicBaseUrl, tenantId, language),
      logger: { warn: (details, message) => server.log.warn(details, message) },
    });
    // "Remind me later" schedules its re-offer through the campaign pipeline (src/bot/jobs/reoffers.ts).
    services.sharing = withReofferDispatch(services.sharing, { prompts: repositories.prompts, campaigns: () => campaigns, logger: { warn: (details, message) => server.log.warn(details, message) } });
    // Turn errors go to the server's structured log (created just below, before any turn runs).
    const bot = createBotApp({
      repositories,
      services: { ...services, scores: scoreSourceFrom(services.leaderboard) },
      config: config.bot,
      publicBaseUrl: config.publicBaseUrl,
      ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}),
      ...(config.auth.mode === 'dev' ? { localTenantId: config.auth.tenantId } : {}),
      logger: {
        info: (details, message) => server.log.info(details, message),
        error: (details, message) => server.log.error(details, message),
        warn: (details, message) => server.log.warn(details, message),
      },
    });
    services.wins.attachNotifier(createWinNotifier(bot.messenger, { trainingTitle: async (tenantId, moduleId) => (await repositories.training.modules.get(tenantId, moduleId)).value.title }));
    // One campaign service for the API and every module that dispatches through the pipeline.
    const campaigns = createCampaignService({ stores: repositories.campaigns, employees: repositories.employees, now, newId: () => randomBytes(8).toString('hex'), engagement: { shares: repositories.shares, clicksForShares: (codes) => services.liveCounts.clicksForShares(codes) }, history: createPromptHistory({ campaigns: repositories.campaigns.campaigns, deliveries: repositories.campaigns.deliveries, prompts: repositories.prompts }), topics: repositories.topics, quietHours: adminReaders.quietHours });
    if (config.delivery.worker) {
      // Weekly jobs (contest update to team channels, pilot digest), once per week across instances.
      // Seam: the digest data is the analytics helper's `services.pilot.digestFor` (.tmp/PILOT-DIGEST.md); without it digests are skipped.
      const pilot = (services as { pilot?: { digestFor: Parameters<typeof createWeeklyDispatch>[0]['digestFor'] } }).pilot;
      const weekly = createWeeklyDispatch({
        // Every tenant with a contest, a pilot or programme settings in storage, plus the configured one.
        tenants: async () => [...new Set([config.auth.tenantId, config.bot.tenantId, ...(await repositories.tenants.withProgramme())].filter((t): t is string => Boolean(t)))],
        references: repositories.conversationReferences,
        contests: repositories.contests,
        pilots: repositories.pilots,
        employees: repositories.employees,
        campaigns: () => campaigns,
        weeklyUpdate: services.weeklyUpdate,
        digestFor: (tenantId, employeeId, weekStart) => pilot?.digestFor(tenantId, employeeId, weekStart) ?? Promise.resolve(undefined),
        leaderboardUrl: tabPageUrl({ publicBaseUrl: config.publicBaseUrl, ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}) }, 'leaderboard'),
        now,
      });
      // Message builders per dispatch kind: add yours beside `share` (.tmp/PIPELINE-CONTRACT.md).
      const runtime = startCampaignRuntime({
        stores: repositories.campaigns,
        adapter: bot.adapter,
        botAppId: config.bot.id ?? '',
        builders: { share: createSharePromptBuilder(services.sharing, now), reoffer: createReofferBuilder(services.sharing, repositories.employees, now), training: createTrainingNudgeBuilder(services.training), ...weekly.builders },
        weeklyJobs: weekly.jobs,
        weeklyCheckMs: config.delivery.weeklyCheckMs,
        perSecond: config.delivery.perSecond,
        logger: { warn: (details, message) => server.log.warn(details, message) },
      });
      cleanups.unshift(() => runtime.stop());
      // Training pushes on a cadence run where the deliveries are processed.
      const cadence = startTrainingCadence(services.trainingPush, { logger: { warn: (details, message) => server.log.warn(details, message) } });
      cleanups.unshift(async () => cadence.stop());
    }
    // Viva Learning (off by default): modules as learning content, completion both ways.
    const vivaProvider = config.vivaLearning.enabled ? config.vivaLearning.providerId : undefined;
    const viva = vivaProvider
      ? createVivaLearningSync({
          client: createVivaLearningClient(fetchGraphHttp(config.vivaLearning.graphBaseUrl, azureGraphToken()), vivaProvider),
          training: services.training,
          employees: repositories.employees,
          // Learners find their modules under My training on My impact (the Training page is for trainers).
          contentUrl: () => `${config.publicBaseUrl}/tab/#/impact`,
          clock: now,
        })
      : undefined;
    if (viva) services.training.attachCompletionHook((tenantId, employeeId, module, at) => viva.onCompleted(tenantId, employeeId, module, at));
    // Training pushes go out through the same pipeline (kind `training`); the worker sends them.
    services.trainingPush.attachDispatcher(createTrainingDispatcher(campaigns));
    // Topic hubs (issue 13); also removes a deleted person's proposals and map ownerships (data requests).
    const topics = createTopicsService({
      stores: repositories.topicHubs, employees: repositories.employees, clock: now, newId: () => randomBytes(6).toString('hex'),
      // The person hears of the decision in their chat (decision card, proactive like wins).
      notifyDecision: createTopicDecisionNotifier(bot.messenger, (topicId) => topicHubUrl({ publicBaseUrl: config.publicBaseUrl, ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}) }, topicId)),
      logger: { warn: (details, message) => server.log.warn(details, message) },
    });
    // AI writing help ("Help me rewrite", docs/admin.md): Azure OpenAI when AZURE_OPENAI_* are set, else never offered.
    const aiWriting = createAiWritingService({ model: config.aiWriting.model ? createAzureOpenAiModel(config.aiWriting.model) : undefined, adminSettings: repositories.adminSettings, logger: { warn: (details, message) => server.log.warn(details, message) } });
    // Per-visitor limits counted across the instances; a failed sync is logged at most once a minute.
    const rateCounts = new SharedRateCounts({ board: repositories.rateCounts, instanceId: config.clicks.instanceId, windowMs: RATE_WINDOW_MS, onSyncError: onceAMinute((err) => server.log.warn({ err }, 'rate-limit counts not shared with the other instances (storage); limiting on this instance\'s counts')) });
    const server = await buildServer({
      rateCounts,
      config,
      repositories,
      bot,
      pingStorage: () => repositories.ping(),
      tabDistDir: resolve(config.tabDistDir),
      ...(options.verifyToken ? { verifyToken: options.verifyToken } : {}),
      sharing: services.sharing,
      policy: services.policy,
      auditLog: repositories.auditLog,
      peopleImport: createPeopleImportService({ jobs: repositories.importJobs, employees: repositories.employees, newId: () => randomUUID(), now, programmeDefaults: adminReaders.importDefaults }),
      ...(config.graph.syncGroupId ? { directory: directorySync(config.graph.baseUrl, config.graph.syncGroupId) } : {}),
      ...(config.conversions.secretKey ? { conversions: { conversions: services.conversions, secretKey: config.conversions.secretKey, now, tenantKey: async (code) => { const link = code ? await repositories.trackedLinks.find(code) : undefined; const stored = link ? (await repositories.adminSettings.find(link.tenantId))?.webhookSecret : undefined; if (stored === undefined) return undefined; try { return settingsSecrets.open(stored); } catch { server.log.warn({ tenantId: link?.tenantId }, 'stored webhook key cannot be decrypted (SETTINGS_ENCRYPTION_KEY changed?)'); return undefined; } } } } : {}),
      clicks: { click: (code, ip, userAgent) => clicks.click(code, ip, userAgent) },
      clickHealth: () => clicks.health(),
      analytics: { analytics: services.analytics, pilot: services.pilot, now },
      training: { training: services.training, pushes: services.trainingPush, ...(viva ? { viva } : {}) },
      tabPages: createTabPageServices({ repositories, leaderboard: services.leaderboard, policy: services.policy, clock: now }),
      boardShares: createBoardShareService({ sharing: services.sharing, repositories: { ...repositories, settings: programmeSettings }, publicBaseUrl: config.publicBaseUrl, aiWriting }),
      suggestions: createSuggestionService({ suggestions: repositories.suggestions, randomBytes: (count) => randomBytes(count) }),
      admin: {
        content: createAdminContentService({ content: repositories.content, suggestions: repositories.suggestions, employees: repositories.employees, adminSettings: repositories.adminSettings, randomBytes: (count) => randomBytes(count), clock: now, notifyRejection: createRejectionNotifier(bot.messenger), logger: { warn: (details, message) => server.log.warn(details, message) } }),
        settings: withAiModelStatus(createAdminSettingsService({ adminSettings: repositories.adminSettings, employees: repositories.employees, policies: repositories.policies, policy: services.policy, randomBytes: (count) => randomBytes(count), clock: now, askPolicy: createPolicyAsker(bot.messenger, services.policy), secrets: settingsSecrets, logger: { warn: (details, message) => server.log.warn(details, message) } }), aiWriting.modelConfigured),
        dataRequests: createDataRequestService({ ...repositories, trainingProgress: repositories.training.progress, eraser: repositories.personalData, topicRoles: topics, traces: repositories.personTraces, pseudonymKey: config.clicks.secretKey, clock: now }),
      },
      campaigns,
      topics,
      contests: createContestAdminService({ contests: repositories.contests, conversationReferences: repositories.conversationReferences, employees: repositories.employees, newId: () => randomBytes(6).toString('hex'), rescore: (tenantId, contestId) => services.scoring.rebuildContest(tenantId, contestId), logger: { warn: (details, message) => server.log.warn(details, message) } }),
    });
    rateCounts.start();
    cleanups.unshift(() => rateCounts.stop());
    // The seed writes clicks and shares straight to their tables: bring them into the scoring ledger
    // in the background (a few seconds; a rebuild is safe beside live scoring and on any instance).
    if (seed?.seeded && config.auth.mode === 'dev') {
      const tenantId = config.auth.tenantId;
      void services.scoring.rebuildTenant(tenantId).catch((err: unknown) => server.log.error({ err }, 'scoring the seeded demo failed'));
    }
    // Opened before listening (the route above uses it); replays what a previous run left unflushed.
    const clicks = await openClickPipeline({ config: config.clicks, links: repositories.trackedLinks, clicks: repositories.clicks, logger: server.log, onClicksFlushed: options.onClicksFlushed ?? ((flushed) => services.scoring.onClicksFlushed(flushed)), now });
    cleanups.unshift(() => clicks.close());
    clicks.start();
    // Click events older than the retention setting go once a day, on one instance (the day's lease).
    const retention = startClickRetention({ clicks: repositories.clicks, leases: repositories.campaigns.leases, retentionDays: config.protection.clickRetentionDays, holder: config.clicks.instanceId, now, logger: server.log });
    cleanups.unshift(() => retention.stop());
    await server.listen({ port: config.port, host: config.host });
    cleanups.unshift(() => server.close());
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let closed: Promise<void> | undefined;
    return {
      url: `http://localhost:${port}`,
      config,
      repositories,
      server,
      seed,
      services,
      clicks,
      close: () => (closed ??= runAll(cleanups)),
    };
  } catch (err) {
    await runAll(cleanups);
    throw err;
  }
}

/** JSON log lines before the server (and its logger) exists; silent when LOG_LEVEL is. */
function startLogger(level: string): { warn(details: object, message: string): void; info(details: object, message: string): void } {
  const line = (lvl: string, show: boolean) => (details: object, message: string) => {
    if (show) console.error(JSON.stringify({ level: lvl, time: Date.now(), msg: message, ...details }));
  };
  return { warn: line('warn', !['error', 'fatal', 'silent'].includes(level)), info: line('info', ['info', 'debug', 'trace'].includes(level)) };
}

async function runAll(cleanups: Array<() => Promise<void>>): Promise<void> {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
}

/** Production entry: `node dist/server/bot/index.js`. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runUntilSignalled(() => startApp(loadConfigOrExit()));
}
