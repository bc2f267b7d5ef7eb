/**
 * Board routes of the tab API. Transport only: validate the query, call the board service, shape
 * the shared contract. The caller (`request.identity`) is set by the auth hook (`auth.ts`), which
 * must be registered before these routes.
 */
import type { FastifyInstance } from 'fastify';
import { BoardQuerySchema, type BoardResponse } from '../../shared/contracts/board.js';
import type { BoardService } from '../services/board.service.js';
import { describeZodError, requestLanguage, sendError } from './errors.js';

export interface BoardRoutesDeps {
  board: BoardService;
  /** Clock for publish/expiry windows; tests pin it. */
  now?: () => Date;
}

/** Registers `GET /api/board` (the content board of the caller's tenant). */
export function registerBoardRoutes(fastify: FastifyInstance, deps: BoardRoutesDeps): void {
  const now = deps.now ?? (() => new Date());

  fastify.get('/api/board', async (request, reply) => {
    const identity = request.identity;
    if (!identity) return sendError(reply, request, 401, 'unauthenticated');

    const query = BoardQuerySchema.safeParse(request.query ?? {});
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    const { category, language } = query.data;

    const view = await deps.board.searchBoard(identity.tenantId, { category, language, uiLanguage: requestLanguage(request) }, now());
    if (view.unsafeIds.length > 0) request.log.warn({ ids: view.unsafeIds }, 'content items with a non-http(s) url left off the board');
    const body: BoardResponse = { items: view.items, counts: view.counts, languages: view.languages, topicNames: view.topicNames };
    return reply.header('cache-control', 'private, no-store').send(body);
  });
}
