/**
 * Campaign routes of the tab API (issue 9), for admins and coordinators of the caller's tenant:
 * list, audience options, create, edit a draft (`PUT`), delete a draft (`DELETE`), preview,
 * launch, pause, resume, cancel, duplicate, live status (contracts in
 * `src/shared/contracts/campaigns.ts`). Writes hand the audit trail their before/after. Transport
 * only: zod-validated input, one campaign service call, JSON out; typed service errors become
 * 404/409/400, and a change the campaign's state does not allow is 409 `campaignLocked`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CampaignActionSchema, CampaignListQuerySchema, CreateCampaignSchema, DeleteCampaignSchema, UpdateCampaignSchema } from '../../shared/contracts/campaigns.js';
import type { Campaign } from '../../shared/domain/campaigns.js';
import { CampaignRefusedError } from '../services/campaign-drafts.js';
import type { CampaignService } from '../services/campaign.service.js';
import { recordChange } from './audit-trail.js';
import { requireRole } from './auth.js';
import { parseOr400, sendError } from './errors.js';

const ParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const ACTIONS = ['launch', 'pause', 'resume', 'cancel', 'duplicate'] as const;

/** What the audit trail keeps of a campaign (no roster: the audience filters and named ids). */
const summary = (c: Campaign) => ({ id: c.id, kind: c.kind, subjectId: c.subjectId, state: c.state, audience: c.audience, window: c.window, slotMinutes: c.slotMinutes });

/** Runs a write; a change the state does not allow answers 409 `campaignLocked` (a wrong state, e.g. resume a running one: 409 `conflict`). */
async function refusing(request: FastifyRequest, reply: FastifyReply, write: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof CampaignRefusedError) return sendError(reply, request, 409, err.refusal === 'wrong-state' ? 'conflict' : 'campaignLocked', err.message);
    throw err;
  }
}
const ActionParamsSchema = ParamsSchema.extend({ action: z.enum(ACTIONS) });

export interface CampaignRoutesDeps {
  campaigns: CampaignService;
}

/** Registers `/api/campaigns...`. */
export function registerCampaignRoutes(fastify: FastifyInstance, deps: CampaignRoutesDeps): void {
  const guard = { preHandler: requireRole('admin', 'coordinator') };

  fastify.post('/api/campaigns', guard, async (request, reply) => {
    const body = parseOr400(CreateCampaignSchema, request.body, request, reply);
    if (!body) return reply;
    const identity = request.identity!;
    const { contentId, kind, subjectId, audience, window, slotMinutes } = body;
    const draft = contentId !== undefined ? { contentId, audience, window, slotMinutes } : { kind: kind ?? 'share', subjectId: subjectId ?? '', audience, window, slotMinutes };
    const campaign = await deps.campaigns.create(identity.tenantId, identity.employeeId, draft);
    recordChange(request, undefined, { id: campaign.id, kind: campaign.kind, subjectId: campaign.subjectId, state: campaign.state, window: campaign.window });
    return reply.code(201).send(campaign);
  });

  fastify.get('/api/campaigns', guard, async (request, reply) => {
    const query = parseOr400(CampaignListQuerySchema, request.query, request, reply);
    if (!query) return reply;
    return reply.header('cache-control', 'private, no-store').send(await deps.campaigns.list(request.identity!.tenantId, query.kind, query.limit));
  });

  fastify.get('/api/campaigns/audience', guard, async (request, reply) => {
    const query = parseOr400(z.object({}).strict(), request.query, request, reply);
    if (!query) return reply;
    return reply.header('cache-control', 'private, no-store').send(await deps.campaigns.audienceOptions(request.identity!.tenantId));
  });

  fastify.get('/api/campaigns/:id/preview', guard, async (request, reply) => {
    const params = parseOr400(ParamsSchema, request.params, request, reply);
    if (!params) return reply;
    return reply.header('cache-control', 'private, no-store').send(await deps.campaigns.preview(request.identity!.tenantId, params.id));
  });

  fastify.get('/api/campaigns/:id', guard, async (request, reply) => {
    const params = parseOr400(ParamsSchema, request.params, request, reply);
    if (!params) return reply;
    return reply.header('cache-control', 'private, no-store').send(await deps.campaigns.status(request.identity!.tenantId, params.id));
  });

  fastify.put('/api/campaigns/:id', guard, async (request, reply) => {
    const params = parseOr400(ParamsSchema, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(UpdateCampaignSchema, request.body, request, reply);
    if (!body) return reply;
    const { version, ...edit } = body;
    return refusing(request, reply, async () => {
      const { before, after } = await deps.campaigns.edit(request.identity!.tenantId, params.id, version, edit);
      recordChange(request, summary(before), summary(after.value));
      return reply.send({ campaign: after.value, version: after.etag });
    });
  });

  fastify.delete('/api/campaigns/:id', guard, async (request, reply) => {
    const params = parseOr400(ParamsSchema, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(DeleteCampaignSchema, request.body, request, reply);
    if (!body) return reply;
    return refusing(request, reply, async () => {
      const before = await deps.campaigns.remove(request.identity!.tenantId, params.id, body.version);
      recordChange(request, summary(before), undefined);
      return reply.send({ id: before.id, deleted: true });
    });
  });

  fastify.post('/api/campaigns/:id/:action', guard, async (request, reply) => {
    const params = parseOr400(ActionParamsSchema, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(CampaignActionSchema, request.body, request, reply);
    if (!body) return reply;
    const { id, action } = params;
    const { version } = body;
    const identity = request.identity!;
    const tenantId = identity.tenantId;
    return refusing(request, reply, async () => {
      if (action === 'launch') {
        const launched = await deps.campaigns.launch(tenantId, id, version);
        recordChange(request, { state: 'draft' }, { state: 'running', planned: launched.planned });
        return reply.send(launched);
      }
      if (action === 'duplicate') {
        const copy = await deps.campaigns.duplicate(tenantId, id, identity.employeeId);
        recordChange(request, undefined, { ...summary(copy), duplicateOf: id });
        return reply.code(201).send(copy);
      }
      const before = { pause: 'running', resume: 'paused', cancel: undefined }[action];
      const after = await deps.campaigns[action](tenantId, id, version);
      recordChange(request, before ? { state: before } : undefined, { state: after.state });
      return reply.send(after);
    });
  });
}
