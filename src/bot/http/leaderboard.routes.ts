/**
 * `GET /api/leaderboard?top=&view=`: the running contest, its rules and the top N for enrolled
 * people; `view=channel` (the channel tab) leaves out the caller's own rank.
 */
import type { FastifyInstance } from 'fastify';
import { LeaderboardQuerySchema, type LeaderboardResponse } from '../../shared/contracts/leaderboard.js';
import { ROLES } from '../../shared/domain/types.js';
import type { LeaderboardViewService } from '../services/leaderboard-view.service.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

export interface LeaderboardRoutesDeps {
  leaderboardView: LeaderboardViewService;
}

export function registerLeaderboardRoutes(fastify: FastifyInstance, deps: LeaderboardRoutesDeps): void {
  fastify.get('/api/leaderboard', { preHandler: requireRole(...ROLES) }, async (request, reply) => {
    const query = LeaderboardQuerySchema.safeParse(request.query ?? {});
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    const { tenantId, employeeId } = request.identity!;
    const body: LeaderboardResponse = await deps.leaderboardView.board(tenantId, employeeId, query.data);
    return reply.header('cache-control', 'private, no-store').send(body);
  });
}
