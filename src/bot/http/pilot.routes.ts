/**
 * Leadership pilot routes (executives, admins). Transport only: validate with the shared
 * contract, call the pilot service, answer the page again. Every change hands its before/after to
 * the audit trail (`recordChange`), which records who and when.
 *
 * - `GET /api/pilot`: the page.
 * - `PUT /api/pilot/checklist/:item` `{ checked }`: tick a hand-checked readiness item.
 * - `PUT /api/pilot/goals` `{ goals }`: the pilot's goals.
 * - `POST /api/pilot/phase` `{ to }`: next phase, when its entry conditions are met (else 409).
 * - `POST /api/pilot/decision` `{ decision, reason }`: go/no-go with why.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ChecklistBodySchema, ChecklistParamsSchema, DecisionBodySchema, GoalsBodySchema, PhaseBodySchema } from '../../shared/contracts/pilot.js';
import { ConflictError } from '../services/errors.js';
import type { PilotService } from '../services/pilot.service.js';
import { recordChange } from './audit-trail.js';
import { requireRole } from './auth.js';
import { parseOr400, requestLanguage, sendError } from './errors.js';

export interface PilotRoutesDeps {
  pilot: PilotService;
}

const allowed = { preHandler: requireRole('executive', 'admin') };

/** Registers the pilot routes. */
export function registerPilotRoutes(fastify: FastifyInstance, deps: PilotRoutesDeps): void {
  const page = async (request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'private, no-store').send(await deps.pilot.view(request.identity!.tenantId, requestLanguage(request)));
  const actor = (request: FastifyRequest) => ({ employeeId: request.identity!.employeeId, displayName: request.identity!.displayName });

  fastify.get('/api/pilot', allowed, page);

  fastify.put('/api/pilot/checklist/:item', allowed, async (request, reply) => {
    const params = parseOr400(ChecklistParamsSchema, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(ChecklistBodySchema, request.body, request, reply);
    if (!body) return reply;
    const change = await deps.pilot.setTick(request.identity!.tenantId, params.item, body.checked, actor(request));
    recordChange(request, { [params.item]: change.before }, { [params.item]: change.after });
    return page(request, reply);
  });

  fastify.put('/api/pilot/goals', allowed, async (request, reply) => {
    const body = parseOr400(GoalsBodySchema, request.body, request, reply);
    if (!body) return reply;
    const change = await deps.pilot.setGoals(request.identity!.tenantId, body.goals);
    recordChange(request, { goals: change.before }, { goals: change.after });
    return page(request, reply);
  });

  fastify.post('/api/pilot/phase', allowed, async (request, reply) => {
    const body = parseOr400(PhaseBodySchema, request.body, request, reply);
    if (!body) return reply;
    try {
      const change = await deps.pilot.advancePhase(request.identity!.tenantId, body.to);
      recordChange(request, { phase: change.before }, { phase: change.after });
    } catch (err) {
      if (err instanceof ConflictError) return sendError(reply, request, 409, 'conflict', err.message);
      throw err;
    }
    return page(request, reply);
  });

  fastify.post('/api/pilot/decision', allowed, async (request, reply) => {
    const body = parseOr400(DecisionBodySchema, request.body, request, reply);
    if (!body) return reply;
    const decision = await deps.pilot.decide(request.identity!.tenantId, body.decision, body.reason, actor(request));
    recordChange(request, undefined, decision);
    return page(request, reply);
  });
}
