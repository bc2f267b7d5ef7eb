/**
 * My impact routes: `GET /api/me/impact`, `GET /api/me/goals`, `PUT /api/me/goals`. Each answers
 * for the authenticated caller only (no employee id in the path or query), for enrolled people
 * (any programme role). Transport only: validate, call one service, answer the shared contract.
 */
import type { FastifyInstance } from 'fastify';
import { PutGoalsBodySchema, type GoalsResponse, type ImpactResponse } from '../../shared/contracts/impact.js';
import { ROLES } from '../../shared/domain/types.js';
import type { GoalsService } from '../services/goals.service.js';
import type { ImpactService } from '../services/impact.service.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

export interface ImpactRoutesDeps {
  impact: ImpactService;
  goals: GoalsService;
}

/** Any programme role: people who are enrolled. */
const enrolled = requireRole(...ROLES);

export function registerImpactRoutes(fastify: FastifyInstance, deps: ImpactRoutesDeps): void {
  fastify.get('/api/me/impact', { preHandler: enrolled }, async (request, reply) => {
    const { tenantId, employeeId } = request.identity!;
    const body: ImpactResponse = await deps.impact.myImpact(tenantId, employeeId);
    return reply.header('cache-control', 'private, no-store').send(body);
  });

  fastify.get('/api/me/goals', { preHandler: enrolled }, async (request, reply) => {
    const { tenantId, employeeId } = request.identity!;
    const body: GoalsResponse = { goals: await deps.goals.progress(tenantId, employeeId) };
    return reply.header('cache-control', 'private, no-store').send(body);
  });

  fastify.put('/api/me/goals', { preHandler: enrolled }, async (request, reply) => {
    const parsed = PutGoalsBodySchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, request, 400, 'badRequest', describeZodError(parsed.error));
    const { tenantId, employeeId } = request.identity!;
    const body: GoalsResponse = { goals: await deps.goals.set(tenantId, employeeId, parsed.data.goals) };
    return reply.header('cache-control', 'private, no-store').send(body);
  });
}
