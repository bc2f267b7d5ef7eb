/**
 * Policy API of the tab, for enrolled people: `GET /api/policy` (the version in force in the
 * caller's language, the published versions, when the caller agreed), `GET
 * /api/policy/versions/:version` (one published version, read-only) and `POST
 * /api/policy/acknowledge` (`{ version }`; only the current version: an older one is a 409 that
 * names the current version). The public page `/policy` stays in policy.routes.ts.
 */
import type { FastifyInstance } from 'fastify';
import { AcknowledgePolicyBodySchema, PolicyVersionParamsSchema, type AcknowledgePolicyResponse, type PolicyResponse, type PolicyText } from '../../shared/contracts/policy.js';
import { ROLES } from '../../shared/domain/types.js';
import type { PolicyHistoryService } from '../services/policy-history.service.js';
import { ConflictError } from '../services/errors.js';
import { requireRole } from './auth.js';
import { describeZodError, requestLanguage, sendError } from './errors.js';

export interface PolicyApiRoutesDeps {
  policyHistory: PolicyHistoryService;
}

export function registerPolicyApiRoutes(fastify: FastifyInstance, deps: PolicyApiRoutesDeps): void {
  const enrolled = requireRole(...ROLES);

  fastify.get('/api/policy', { preHandler: enrolled }, async (request, reply) => {
    const { tenantId, employeeId } = request.identity!;
    const body: PolicyResponse = await deps.policyHistory.view(tenantId, employeeId, requestLanguage(request));
    return reply.header('cache-control', 'private, no-store').send(body);
  });

  fastify.get('/api/policy/versions/:version', { preHandler: enrolled }, async (request, reply) => {
    const params = PolicyVersionParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    const body: PolicyText = await deps.policyHistory.version(request.identity!.tenantId, params.data.version, requestLanguage(request));
    return reply.header('cache-control', 'private, no-store').send(body);
  });

  fastify.post('/api/policy/acknowledge', { preHandler: enrolled }, async (request, reply) => {
    const parsed = AcknowledgePolicyBodySchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, request, 400, 'badRequest', describeZodError(parsed.error));
    const { tenantId, employeeId } = request.identity!;
    try {
      const body: AcknowledgePolicyResponse = await deps.policyHistory.acknowledge(tenantId, employeeId, parsed.data.version);
      return reply.header('cache-control', 'no-store').send(body);
    } catch (err) {
      // Agreeing to an older version (or when none exists) names the reason: never a silent success.
      if (err instanceof ConflictError) return sendError(reply, request, 409, 'conflict', err.message);
      throw err;
    }
  });
}
