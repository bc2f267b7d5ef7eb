/**
 * Admin > Contests (admins only): `GET /api/admin/contests` lists the contests and the team
 * channels the bot is installed in; `POST /api/admin/contests` creates one; `PUT
 * /api/admin/contests/:id` replaces one. Bodies are strict (`contracts/contests.ts`), the domain
 * rules run in the service (400 naming the problem), and every write hands its before/after to
 * the audit trail.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AdminContestListSchema, AdminContestSchema, ContestInputSchema } from '../../shared/contracts/contests.js';
import type { ContestAdminService } from '../services/contests-admin.service.js';
import { recordChange } from './audit-trail.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

const IdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/) }).strict();

export interface ContestRoutesDeps {
  contests: ContestAdminService;
}

/** Registers the admin contest routes. */
export function registerContestRoutes(fastify: FastifyInstance, deps: ContestRoutesDeps): void {
  const admin = { preHandler: requireRole('admin') };

  fastify.get('/api/admin/contests', admin, async (request, reply) => {
    const list = await deps.contests.list(request.identity!.tenantId);
    return reply.header('cache-control', 'private, no-store').send(AdminContestListSchema.parse(list));
  });

  fastify.post('/api/admin/contests', admin, async (request, reply) => {
    const body = ContestInputSchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const created = await deps.contests.create(request.identity!.tenantId, body.data);
    recordChange(request, undefined, created);
    return reply.code(201).header('location', `/api/admin/contests/${created.id}`).send(AdminContestSchema.parse(created));
  });

  fastify.put('/api/admin/contests/:id', admin, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    const body = ContestInputSchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const { before, after } = await deps.contests.update(request.identity!.tenantId, params.data.id, body.data);
    recordChange(request, before, after);
    return reply.send(AdminContestSchema.parse(after));
  });
}
