/**
 * Admin > Contests (admins only): `GET /api/admin/contests` lists the contests (each with its
 * version) and the team channels the bot is installed in; `POST /api/admin/contests` creates one;
 * `PUT /api/admin/contests/:id` replaces one (at its version when given); `DELETE
 * /api/admin/contests/:id` deletes one that has not started; `POST /api/admin/contests/:id/end`
 * ends a running one now. Bodies are strict (`contracts/contests.ts`), the domain rules run in the
 * service (400 naming the problem; 409 `contestStarted` / `contestEnded` / `contestNotStarted`
 * for what the contest's phase does not allow; 409 `conflict` for a stale version), and every
 * write hands its before/after to the audit trail.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AdminContestListSchema, AdminContestSchema, ContestInputSchema, ContestUpdateSchema, ContestVersionSchema } from '../../shared/contracts/contests.js';
import { ContestRefusedError, type ContestAdminService } from '../services/contests-admin.service.js';
import { recordChange } from './audit-trail.js';
import { requireRole } from './auth.js';
import { parseOr400, sendError } from './errors.js';

/** The audit trail keeps the contest, not its storage version. */
const withoutVersion = <T extends { version?: string }>(c: T): Omit<T, 'version'> => {
  const { version: _version, ...rest } = c;
  return rest;
};

const IdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/) }).strict();

const REFUSAL_CODE = { started: 'contestStarted', ended: 'contestEnded', 'not-started': 'contestNotStarted' } as const;

/** Runs a write; what the contest's phase does not allow answers 409 with its own code. */
async function refusing(request: FastifyRequest, reply: FastifyReply, write: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof ContestRefusedError) return sendError(reply, request, 409, REFUSAL_CODE[err.refusal], err.message);
    throw err;
  }
}

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
    const body = parseOr400(ContestInputSchema, request.body, request, reply);
    if (!body) return reply;
    const created = await deps.contests.create(request.identity!.tenantId, body);
    recordChange(request, undefined, withoutVersion(created));
    return reply.code(201).header('location', `/api/admin/contests/${created.id}`).send(AdminContestSchema.parse(created));
  });

  fastify.put('/api/admin/contests/:id', admin, async (request, reply) => {
    const params = parseOr400(IdParams, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(ContestUpdateSchema, request.body, request, reply);
    if (!body) return reply;
    const { version, ...input } = body;
    const { before, after } = await deps.contests.update(request.identity!.tenantId, params.id, input, version);
    recordChange(request, before, withoutVersion(after));
    return reply.send(AdminContestSchema.parse(after));
  });

  fastify.delete('/api/admin/contests/:id', admin, async (request, reply) => {
    const params = parseOr400(IdParams, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(ContestVersionSchema, request.body, request, reply);
    if (!body) return reply;
    return refusing(request, reply, async () => {
      const before = await deps.contests.remove(request.identity!.tenantId, params.id, body.version);
      recordChange(request, before, undefined);
      return reply.send({ id: before.id, deleted: true });
    });
  });

  fastify.post('/api/admin/contests/:id/end', admin, async (request, reply) => {
    const params = parseOr400(IdParams, request.params, request, reply);
    if (!params) return reply;
    const body = parseOr400(ContestVersionSchema, request.body, request, reply);
    if (!body) return reply;
    return refusing(request, reply, async () => {
      const { before, after } = await deps.contests.end(request.identity!.tenantId, params.id, body.version);
      recordChange(request, { endsAt: before.endsAt }, { endsAt: after.endsAt });
      return reply.send(AdminContestSchema.parse(after));
    });
  });
}
