/**
 * The HTTP server (Fastify): one process serves the bot endpoint, the tab and its API, and health.
 * Routes are registered by their own modules; this file only wires them and sets the cross-cutting
 * rules (error shape, auth, logging without secrets or raw IPs, security headers).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';
import { createBoardService, type BoardService } from '../services/board.service.js';
import type { Repositories } from '../services/ports.js';
import { registerAuth, type TokenVerifier } from './auth.js';
import { registerBotRoute, type BotEndpoint } from './bot-route.js';
import { answerFrameworkError, registerErrorHandling } from './errors.js';
import { registerHealth, type HealthDeps } from './health.js';
import { registerClickRoutes, type ClickRoutesDeps } from './click.routes.js';
import { dailyRateSalt, registerRateLimiting } from './rate-limits.js';
import type { SharedRateCounts } from './shared-rate-store.js';
import { createLinkCodes } from '../services/link-codes.js';
import { registerStaticTab } from './static-tab.js';
import { registerConversionRoutes, type ConversionRoutesDeps } from './conversions.routes.js';
import { registerBoardRoutes } from './board.routes.js';
import { registerShareRoutes, type ShareRoutesDeps } from './share.routes.js';
import { registerPolicyRoutes, type PolicyRoutesDeps } from './policy.routes.js';
import { registerCampaignRoutes, type CampaignRoutesDeps } from './campaigns.routes.js';
import { registerMeRoutes } from './me.routes.js';
import { registerAnalyticsRoutes, type AnalyticsRoutesDeps } from './analytics.routes.js';
import { registerPilotRoutes, type PilotRoutesDeps } from './pilot.routes.js';
import { registerTrainingRoutes, type TrainingRoutesDeps } from './training.routes.js';
import type { TabPageServices } from '../services/tab-pages.js';
import { registerImpactRoutes } from './impact.routes.js';
import { registerLeaderboardRoutes } from './leaderboard.routes.js';
import { registerPolicyApiRoutes } from './policy-api.routes.js';
import { registerAuditTrail } from './audit-trail.js';
import { registerAuditRoutes } from './audit.routes.js';
import { registerPeopleRoutes, type PeopleRoutesDeps } from './people.routes.js';
import type { AuditLogRepository } from '../services/audit.ports.js';
import type { BoardShareService } from '../services/board-share.service.js';
import type { SuggestionService } from '../services/suggestions.service.js';
import { registerSuggestionRoutes } from './suggestions.routes.js';
import { registerAdminContentRoutes, type AdminContentRoutesDeps } from './admin-content.routes.js';
import { registerAdminSettingsRoutes, type AdminSettingsRoutesDeps } from './admin-settings.routes.js';
import { registerTopicsRoutes, type TopicsRoutesDeps } from './topics.routes.js';
import { registerContestRoutes, type ContestRoutesDeps } from './contests.routes.js';

export interface ServerDeps {
  config: AppConfig;
  repositories: Repositories;
  bot: BotEndpoint;
  pingStorage: () => Promise<boolean>;
  tabDistDir: string;
  verifyToken?: TokenVerifier;
  /** The board use case; built from the repositories when not given. */
  board?: BoardService;
  /** The share door `/s/:code/:network` (public); registered when given. */
  sharing?: ShareRoutesDeps['sharing'];
  /** The public policy page `/policy?tenant=&lang=`; registered when given. */
  policy?: PolicyRoutesDeps['policy'];
  /** The signed conversions webhook `POST /api/conversions`; registered when given (a key is configured). */
  conversions?: ConversionRoutesDeps;
  /** Tracked-link redirects `/l/:code` (public); registered when given. */
  clicks?: ClickRoutesDeps;
  /** Campaign API `/api/campaigns` (admins, coordinators); registered when given. */
  campaigns?: CampaignRoutesDeps['campaigns'];
  /** People import `/api/admin/people/import` (admins); registered when given. */
  peopleImport?: PeopleRoutesDeps['peopleImport'];
  /** The directory the people sync reads (Microsoft Graph), when configured. */
  directory?: PeopleRoutesDeps['directory'];
  /** Analytics (`/api/analytics*`) and the leadership pilot (`/api/pilot*`), executives and admins; registered when given. */
  analytics?: AnalyticsRoutesDeps & PilotRoutesDeps;
  /** Where every API write is recorded (who, what, when); recorded when given. */
  auditLog?: Pick<AuditLogRepository, 'append' | 'list'>;
  /** Training API `/api/training` (trainers, admins; `/me` for everyone enrolled); registered when given. */
  training?: TrainingRoutesDeps;
  /** Click pipeline figures (journal backlog) for /healthz; shown when given. */
  clickHealth?: HealthDeps['clicks'];
  /** My impact, goals, leaderboard and policy API of the tab (`/api/me/impact`, `/api/me/goals`, `/api/leaderboard`, `/api/policy*`); registered when given. */
  tabPages?: TabPageServices;
  /** The board's share panel (`/api/board/items/:id/...`); registered when given. */
  boardShares?: BoardShareService;
  /** "Suggest content" (`/api/suggestions`); registered when given. */
  suggestions?: SuggestionService;
  /** Admin tab API (`/api/admin/content|suggestions|settings|people|policy`); registered when given. */
  admin?: AdminContentRoutesDeps & AdminSettingsRoutesDeps;
  /** Topic hubs, proposals and influencer maps (`/api/topics...`, `/api/admin/topics...`); registered when given. */
  topics?: TopicsRoutesDeps['topics'];
  /** Admin > Contests (`/api/admin/contests`, admins); registered when given. */
  contests?: ContestRoutesDeps['contests'];
  /** Rate-limit counts shared with the other instances (shared-rate-store.ts); this process's own when absent. */
  rateCounts?: SharedRateCounts;
}

/**
 * Fields that may hold personal data (names, emails, Entra ids, addresses), redacted at one and two
 * levels deep in every log line; tests/faults/privacy.test.ts checks a real run's output.
 */
export const PERSONAL_LOG_FIELDS = ['displayName', 'name', 'email', 'mail', 'userPrincipalName', 'upn', 'aadObjectId', 'ip', 'ips', 'remoteAddress', 'x-forwarded-for']
  .flatMap((field) => [`*.${field}`, `*.*.${field}`, `req.headers["${field}"]`]);

/** Fields that may hold a credential (e.g. the Azure OpenAI key of AI writing help), redacted at the top and up to three levels deep (an error's request headers). */
export const SECRET_LOG_FIELDS = ['apiKey', 'api-key', 'authorization', 'azureADTokenProvider'].flatMap((field) => [`["${field}"]`, `*["${field}"]`, `*.*["${field}"]`, `*.*.*["${field}"]`, `req.headers["${field}"]`]);

/** Build the server with every route registered; the caller decides when to listen. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: {
      level: deps.config.logLevel,
      // Personal data never reaches a log line, whatever object a caller logs (SECURITY.md).
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', ...PERSONAL_LOG_FIELDS, ...SECRET_LOG_FIELDS], censor: '[redacted]' },
      serializers: {
        // No raw IP and no query strings (they may carry tokens) in the logs; no share-prompt code
        // either (it is the capability of the public share door).
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: (req.url.split('?')[0] ?? '').replace(/^\/s\/[^/]+/, '/s/:code') }),
      },
    },
    bodyLimit: 1024 * 1024,
    // Router refusals (bad percent-encoding, over-long path parameters) in the API's error shape.
    frameworkErrors: answerFrameworkError,
    // Only the configured proxy hops may name the client (a visitor's own X-Forwarded-For is ignored).
    trustProxy: (_address: string, hop: number) => hop < deps.config.protection.trustedProxyHops,
  });
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  });
  registerErrorHandling(fastify);
  // Per-visitor limits of /l/, /s/ and the webhook (rate-limits.ts); before the limited routes.
  const rateSalt = dailyRateSalt(deps.config.clicks.secretKey);
  await registerRateLimiting(fastify, { salt: rateSalt, ...(deps.rateCounts ? { counts: deps.rateCounts } : {}) });
  const limits = deps.config.protection.rateLimits;
  const codes = createLinkCodes(deps.config.protection.linkCodeKey);
  if (deps.auditLog) registerAuditTrail(fastify, { auditLog: deps.auditLog });
  registerAuth(fastify, { config: deps.config.auth, employees: deps.repositories.employees, verifyToken: deps.verifyToken });
  registerHealth(fastify, { version: deps.config.version, pingStorage: deps.pingStorage, startedAt: new Date(), clicks: deps.clickHealth });
  registerBotRoute(fastify, deps.bot);
  if (deps.auditLog) registerAuditRoutes(fastify, { auditLog: deps.auditLog });
  if (deps.peopleImport) registerPeopleRoutes(fastify, { peopleImport: deps.peopleImport, ...(deps.directory ? { directory: deps.directory } : {}) });
  if (deps.analytics) {
    registerAnalyticsRoutes(fastify, deps.analytics);
    registerPilotRoutes(fastify, deps.analytics);
  }
  registerMeRoutes(fastify, { employees: deps.repositories.employees, devMode: deps.config.auth.mode === 'dev' });
  registerBoardRoutes(fastify, { board: deps.board ?? createBoardService(deps.repositories), ...(deps.boardShares ? { shares: deps.boardShares } : {}), rewritePerMinute: deps.config.aiWriting.perMinute, rateSalt });
  if (deps.suggestions) registerSuggestionRoutes(fastify, { suggestions: deps.suggestions });
  if (deps.admin) {
    registerAdminContentRoutes(fastify, deps.admin);
    registerAdminSettingsRoutes(fastify, deps.admin);
  }
  if (deps.contests) registerContestRoutes(fastify, { contests: deps.contests });
  if (deps.topics) registerTopicsRoutes(fastify, { topics: deps.topics });
  if (deps.sharing) registerShareRoutes(fastify, { sharing: deps.sharing, perMinute: limits.shares, isGenuineCode: codes.verify });
  if (deps.policy) registerPolicyRoutes(fastify, { policy: deps.policy });
  if (deps.clicks) registerClickRoutes(fastify, { click: deps.clicks.click.bind(deps.clicks), perMinute: limits.links, isGenuineCode: codes.verify });
  if (deps.campaigns) registerCampaignRoutes(fastify, { campaigns: deps.campaigns });
  if (deps.training) registerTrainingRoutes(fastify, deps.training);
  if (deps.tabPages) {
    registerImpactRoutes(fastify, deps.tabPages);
    registerLeaderboardRoutes(fastify, deps.tabPages);
    registerPolicyApiRoutes(fastify, deps.tabPages);
  }
  if (deps.conversions) await registerConversionRoutes(fastify, { ...deps.conversions, perMinute: limits.webhook, isGenuineCode: codes.verify });
  await registerStaticTab(fastify, { distDir: deps.tabDistDir });
  return fastify;
}
