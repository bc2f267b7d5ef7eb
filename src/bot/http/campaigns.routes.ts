/**
 * Campaign routes of the tab API (issue 9), for admins and coordinators of the caller's tenant:
 * list, audience options, create, preview, launch, pause, resume, cancel, live status (contracts
 * in `src/shared/contracts/campaigns.ts`). Writes hand the audit trail their before/after. Transport only: zod-validated
 * input, one campaign service call, JSON out; typed service errors become 404/409/400.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CampaignListQuerySchema, CreateCampaignSchema } from '../../shared/contracts/campaigns.js';
import type { CampaignService } from '../services/campaign.service.js';
import { recordChange } from './audit-trail.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

const ParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const ACTIONS = ['launch', 'pause', 'resume', 'cancel'] as const;
const ActionParamsSchema = ParamsSchema.extend({ action: z.enum(ACTIONS) });

export interface CampaignRoutesDeps {
  campaigns: CampaignService;
}

/** Registers `/api/campaigns...`. */
export function registerCampaignRoutes(fastify: FastifyInstance, deps: CampaignRoutesDeps): void {
  const guard = { preHandler: requireRole('admin', 'coordinator') };

  fastify.post('/api/campaigns', guard, async (request, reply) => {
    const body = CreateCampaignSchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const identity = request.identity!;
    const { contentId, kind, subjectId, audience, window, slotMinutes } = body.data;
    const draft = contentId !== undefined ? { contentId, audience, window, slotMinutes } : { kind: kind ?? 'share', subjectId: subjectId ?? '', audience, window, slotMinutes };
    const campaign = await deps.campaigns.create(identity.tenantId, identity.employeeId, draft);
    recordChange(request, undefined, { id: campaign.id, kind: campaign.kind, subjectId: campaign.subjectId, state: campaign.state, window: campaign.window });
    return reply.code(201).send(campaign);
  });

  fastify.get('/api/campaigns', guard, async (request, reply) => {
    const query = CampaignListQuerySchema.safeParse(request.query ?? {});
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    return reply.header('cache-control', 'private, no-store').send(await deps.campaigns.list(request.identity!.tenantId, query.data.kind, query.data.limit));
  });

  fastify.get('/api/campaigns/audience', guard, async (request, reply) => {
    const query = z.object({}).strict().safeParse(request.query ?? {});
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    return reply.header('cache-control', 'private, no-store').send(await deps.campaigns.audienceOptions(request.identity!.tenantId));
  });

  fastify.get('/api/campaigns/:id/preview', guard, async (request, reply) => {
    const params = ParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    return reply.header('cache-control', 'private, no-store').send(await deps.campaigns.preview(request.identity!.tenantId, params.data.id));
  });

  fastify.get('/api/campaigns/:id', guard, async (request, reply) => {
    const params = ParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    return reply.header('cache-control', 'private, no-store').send(await deps.campaigns.status(request.identity!.tenantId, params.data.id));
  });

  fastify.post('/api/campaigns/:id/:action', guard, async (request, reply) => {
    const params = ActionParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    const { id, action } = params.data;
    const tenantId = request.identity!.tenantId;
    if (action === 'launch') {
      const launched = await deps.campaigns.launch(tenantId, id);
      recordChange(request, { state: 'draft' }, { state: 'running', planned: launched.planned });
      return reply.send(launched);
    }
    const before = { pause: 'running', resume: 'paused', cancel: undefined }[action];
    const after = await deps.campaigns[action](tenantId, id);
    recordChange(request, before ? { state: before } : undefined, { state: after.state });
    return reply.send(after);
  });
}
