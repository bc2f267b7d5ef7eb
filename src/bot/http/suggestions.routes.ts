/**
 * "Suggest content" routes of the tab API, for enrolled people: `POST /api/suggestions` stores a
 * pending suggestion by the caller (url, why, topic; the url must be http(s)), and
 * `GET /api/suggestions/mine` lists the caller's own with their status. The suggester is always
 * the authenticated caller; the body cannot name anyone (strict schema).
 */
import type { FastifyInstance } from 'fastify';
import { MySuggestionsSchema, SuggestContentSchema } from '../../shared/contracts/suggestions.js';
import { ROLES } from '../../shared/domain/types.js';
import type { SuggestionService } from '../services/suggestions.service.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

export interface SuggestionRoutesDeps {
  suggestions: SuggestionService;
  now?: () => Date;
}

/** Registers `/api/suggestions...`. */
export function registerSuggestionRoutes(fastify: FastifyInstance, deps: SuggestionRoutesDeps): void {
  const now = deps.now ?? (() => new Date());
  const enrolled = { preHandler: requireRole(...ROLES) };

  fastify.post('/api/suggestions', enrolled, async (request, reply) => {
    const body = SuggestContentSchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const { tenantId, employeeId } = request.identity!;
    return reply.code(201).send(await deps.suggestions.suggest(tenantId, employeeId, body.data, now()));
  });

  fastify.get('/api/suggestions/mine', enrolled, async (request, reply) => {
    const { tenantId, employeeId } = request.identity!;
    const body = MySuggestionsSchema.parse({ suggestions: await deps.suggestions.listMine(tenantId, employeeId) });
    return reply.header('cache-control', 'private, no-store').send(body);
  });
}
