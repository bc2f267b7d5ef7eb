/**
 * Campaign routes of the tab API (issue 9), for admins and coordinators of the caller's tenant:
 * create, preview, launch, pause, resume, cancel, live status. Transport only: zod-validated
 * input, one campaign service call, JSON out; typed service errors become 404/409/400.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PERSONAS, SUPPORTED_LANGUAGES } from '../../shared/domain/types.js';
import type { CampaignService } from '../services/campaign.service.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

const idList = z.array(z.string().min(1).max(128)).max(10_000).default([]);
const subject = z.string().min(1).max(128);
const CreateCampaignSchema = z.object({
  /** A share campaign of this content item (the default kind)... */
  contentId: subject.optional(),
  /** ...or a subject of another kind an admin may send to an audience (`training`: module id). */
  kind: z.enum(['share', 'training']).optional(),
  subjectId: subject.optional(),
  audience: z
    .object({
      personas: z.array(z.enum(PERSONAS)).default([]),
      teams: z.array(z.string().min(1).max(128)).max(500).default([]),
      topicIds: idList,
      languages: z.array(z.enum(SUPPORTED_LANGUAGES)).default([]),
      employeeIds: idList,
    })
    .default({}),
  window: z.object({ start: z.string().datetime(), end: z.string().datetime() }),
  slotMinutes: z.number().int().min(5).max(1_440).default(30),
}).superRefine((body, ctx) => {
  const kind = body.kind ?? 'share';
  if (body.contentId !== undefined && body.subjectId !== undefined) ctx.addIssue({ code: 'custom', path: ['subjectId'], message: 'give contentId or subjectId, not both' });
  else if (body.contentId === undefined && body.subjectId === undefined) ctx.addIssue({ code: 'custom', path: ['contentId'], message: 'required (or kind + subjectId)' });
  else if (body.contentId !== undefined && kind !== 'share') ctx.addIssue({ code: 'custom', path: ['contentId'], message: `contentId is for share campaigns; use subjectId for ${kind}` });
});
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
    return reply.code(201).send(campaign);
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
    if (action === 'launch') return reply.send(await deps.campaigns.launch(tenantId, id));
    return reply.send(await deps.campaigns[action](tenantId, id));
  });
}
