/**
 * Admin content routes (admins and coordinators): `GET/POST /api/admin/content`,
 * `PUT /api/admin/content/:id`, `POST /api/admin/content/:id/transition` (lifecycle), and the
 * suggestions queue `GET /api/admin/suggestions`, `POST /api/admin/suggestions/:id/approve|reject`.
 * Every write is recorded by the audit trail, with before/after where a route has them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AdminContentInputSchema,
  AdminContentListSchema,
  AdminContentQuerySchema,
  AdminSuggestionListSchema,
  AdminSuggestionQuerySchema,
  ContentTransitionSchema,
  RejectSuggestionSchema,
} from '../../shared/contracts/admin.js';
import type { AdminContentService } from '../services/admin-content.service.js';
import { recordChange } from './audit-trail.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

const IdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/) });

export interface AdminContentRoutesDeps {
  content: AdminContentService;
}

/** Registers `/api/admin/content...` and `/api/admin/suggestions...`. */
export function registerAdminContentRoutes(fastify: FastifyInstance, deps: AdminContentRoutesDeps): void {
  const staff = { preHandler: requireRole('admin', 'coordinator') };

  fastify.get('/api/admin/content', staff, async (request, reply) => {
    const query = AdminContentQuerySchema.safeParse(request.query ?? {});
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    const items = await deps.content.list(request.identity!.tenantId, query.data);
    return reply.header('cache-control', 'private, no-store').send(AdminContentListSchema.parse({ items }));
  });

  fastify.post('/api/admin/content', staff, async (request, reply) => {
    const body = AdminContentInputSchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const item = await deps.content.create(request.identity!.tenantId, body.data);
    recordChange(request, undefined, { id: item.id, title: item.title, status: item.status });
    return reply.code(201).send(item);
  });

  fastify.put('/api/admin/content/:id', staff, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    const body = AdminContentInputSchema.safeParse(request.body ?? {});
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const { before, after } = await deps.content.update(request.identity!.tenantId, params.data.id, body.data);
    recordChange(request, before, after);
    return reply.send(after);
  });

  fastify.post('/api/admin/content/:id/transition', staff, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    const body = ContentTransitionSchema.safeParse(request.body ?? {});
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const { before, after } = await deps.content.transition(request.identity!.tenantId, params.data.id, body.data.action);
    recordChange(request, { status: before.status, publishAt: before.publishAt }, { status: after.status, publishAt: after.publishAt });
    return reply.send(after);
  });

  fastify.get('/api/admin/suggestions', staff, async (request, reply) => {
    const query = AdminSuggestionQuerySchema.safeParse(request.query ?? {});
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    const suggestions = await deps.content.suggestions(request.identity!.tenantId, query.data.status);
    return reply.header('cache-control', 'private, no-store').send(AdminSuggestionListSchema.parse({ suggestions }));
  });

  fastify.post('/api/admin/suggestions/:id/approve', staff, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    const identity = request.identity!;
    const result = await deps.content.approveSuggestion(identity.tenantId, params.data.id, identity.employeeId);
    recordChange(request, { status: 'pending' }, { status: 'approved', contentId: result.contentId, flaggedPhrases: result.suggestion.flaggedPhrases });
    return reply.send(result);
  });

  fastify.post('/api/admin/suggestions/:id/reject', staff, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    const body = RejectSuggestionSchema.safeParse(request.body ?? {});
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const identity = request.identity!;
    const result = await deps.content.rejectSuggestion(identity.tenantId, params.data.id, identity.employeeId, body.data.reason);
    recordChange(request, { status: 'pending' }, { status: 'rejected', reason: body.data.reason, notified: result.notified });
    return reply.send(result);
  });
}
