/**
 * Board routes of the tab API, for enrolled people (any programme role). Transport only: validate
 * with the shared zod contracts, call one service for the caller (`request.identity`, set by the
 * auth hook in `auth.ts`, which must be registered before these routes), shape the response.
 *
 * - `GET /api/board`: the live board, filtered (category, topic, team, language, free text) and
 *   ranked for the caller.
 * - `GET /api/board/items/:id/share`: the share panel of one item (prepares the caller's prompt).
 * - `PUT /api/board/items/:id/share/:network`: save the caller's words for one network.
 * - `POST /api/board/items/:id/not-for-me`: "Not for me", optional reason.
 * - `POST /api/board/items/:id/rewrite`: "Help me rewrite" (AI writing help), a few versions of
 *   the caller's words for one network; nothing is saved. Limited per person per minute.
 *
 * Ids in the path name content only: a person can act only for themselves, the prompt is
 * always the caller's own. Sharing itself goes through the share door `/s/<code>/<network>`.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BoardItemParamsSchema, BoardShareNetworkParamsSchema, NotForMeSchema, RewriteRequestSchema, SaveShareTextSchema, type RewriteResult } from '../../shared/contracts/board-share.js';
import { BoardQuerySchema, type BoardResponse } from '../../shared/contracts/board.js';
import { ROLES } from '../../shared/domain/types.js';
import { AiWritingUnavailableError, ModelBusyError, ModelFailedError } from '../services/ai-writing.ports.js';
import type { BoardShareService } from '../services/board-share.service.js';
import type { BoardService } from '../services/board.service.js';
import { requireRole } from './auth.js';
import { parseOr400, requestLanguage, sendError } from './errors.js';
import { keyedRateKey, RATE_WINDOW_MS } from './rate-limits.js';

export interface BoardRoutesDeps {
  board: BoardService;
  /** The share panel; its routes are registered when given. */
  shares?: BoardShareService;
  /** Clock for publish/expiry windows; tests pin it. */
  now?: () => Date;
  /** "Help me rewrite" requests per person per minute (config `aiWriting.perMinute`); default 5. */
  rewritePerMinute?: number;
  /** Key of the limiter's hashes (rate-limits.ts `dailyRateSalt`); a random one of this process when absent. */
  rateSalt?: () => Buffer;
}

/** Default of {@link BoardRoutesDeps.rewritePerMinute}. */
export const DEFAULT_REWRITES_PER_MINUTE = 5;

/** Any programme role: someone signed in but not enrolled gets 403. */
const enrolled = { preHandler: requireRole(...ROLES) };

/** Registers the board routes (see the module comment). */
export function registerBoardRoutes(fastify: FastifyInstance, deps: BoardRoutesDeps): void {
  const now = deps.now ?? (() => new Date());

  fastify.get('/api/board', enrolled, async (request, reply) => {
    const identity = request.identity!;
    const query = parseOr400(BoardQuerySchema, request.query, request, reply);
    if (!query) return reply;
    const { category, language, topic, team, q } = query;
    const view = await deps.board.searchBoard(
      identity.tenantId,
      { category, language, topic, team, query: q, uiLanguage: requestLanguage(request), employeeId: identity.employeeId },
      now(),
    );
    if (view.unsafeIds.length > 0) request.log.warn({ ids: view.unsafeIds }, 'content items with a non-http(s) url left off the board');
    const body: BoardResponse = { items: view.items, counts: view.counts, languages: view.languages, topicNames: view.topicNames, topics: view.topics, teams: view.teams };
    return reply.header('cache-control', 'private, no-store').send(body);
  });

  const shares = deps.shares;
  if (!shares) return;

  fastify.get('/api/board/items/:id/share', enrolled, async (request, reply) => {
    const params = parseOr400(BoardItemParamsSchema, request.params, request, reply);
    if (!params) return reply;
    const { tenantId, employeeId } = request.identity!;
    return reply.header('cache-control', 'private, no-store').send(await shares.open(tenantId, employeeId, params.id, now()));
  });

  fastify.put('/api/board/items/:id/share/:network', enrolled, async (request, reply) => {
    const params = parseOr400(BoardShareNetworkParamsSchema, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(SaveShareTextSchema, request.body, request, reply);
    if (!body) return reply;
    const { tenantId, employeeId } = request.identity!;
    return reply.header('cache-control', 'private, no-store').send(await shares.saveText(tenantId, employeeId, params.id, params.network, body.text, now()));
  });

  fastify.post('/api/board/items/:id/not-for-me', enrolled, async (request, reply) => {
    const params = parseOr400(BoardItemParamsSchema, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(NotForMeSchema, request.body, request, reply);
    if (!body) return reply;
    const { tenantId, employeeId } = request.identity!;
    return reply.header('cache-control', 'private, no-store').send(await shares.notForMe(tenantId, employeeId, params.id, body.reason, now()));
  });

  const fixed = randomBytes(32);
  const salt = deps.rateSalt ?? (() => fixed);
  registerRewriteRoute(fastify, shares, now, deps.rewritePerMinute ?? DEFAULT_REWRITES_PER_MINUTE, personRateKey(salt));
}

/**
 * The limiter key of a person: a keyed hash of tenant and employee id under the limiter's daily key,
 * so the shared rate rows hold no id and nobody without the key can test an id against them.
 */
function personRateKey(salt: () => Buffer): (request: FastifyRequest) => string {
  return (request) => {
    const { tenantId = '', employeeId = '' } = request.identity ?? {};
    return `rewrite:${keyedRateKey(salt(), `${tenantId}\u0000${employeeId}`)}`;
  };
}

/**
 * `POST /api/board/items/:id/rewrite`: the per-person limit (429 with Retry-After) counts valid
 * requests only, after authentication, the role check and validation, keyed by the person (not
 * their address); the model's failures answer in the API's error shape.
 */
function registerRewriteRoute(fastify: FastifyInstance, shares: BoardShareService, now: () => Date, perMinute: number, keyGenerator: (request: FastifyRequest) => string): void {
  const limit = fastify.createRateLimit({ max: perMinute, timeWindow: RATE_WINDOW_MS, keyGenerator });
  fastify.post('/api/board/items/:id/rewrite', enrolled, async (request, reply) => {
    const params = parseOr400(BoardItemParamsSchema, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(RewriteRequestSchema, request.body, request, reply);
    if (!body) return reply;
    const counted = await limit(request);
    if (!counted.isAllowed && counted.isExceeded) return sendError(reply.header('retry-after', String(Math.max(1, counted.ttlInSeconds))), request, 429, 'aiTooManyRewrites');
    const { tenantId, employeeId } = request.identity!;
    let result: RewriteResult;
    try {
      result = await shares.rewrite(tenantId, employeeId, params.id, body, now());
    } catch (err) {
      if (err instanceof AiWritingUnavailableError) return sendError(reply, request, 409, 'aiWritingOff', err.reason);
      if (err instanceof ModelBusyError) {
        request.log.warn({ reason: err.message }, 'AI writing help: model busy');
        return sendError(reply.header('retry-after', String(err.retryAfterSeconds ?? 30)), request, 503, 'aiBusy');
      }
      if (err instanceof ModelFailedError) {
        request.log.warn({ reason: err.message, status: err.status }, 'AI writing help: model failed');
        return err.code === 'content-filter' ? sendError(reply, request, 422, 'aiRefused') : sendError(reply, request, 502, 'aiFailed');
      }
      throw err;
    }
    return reply.header('cache-control', 'private, no-store').send(result);
  });
}
