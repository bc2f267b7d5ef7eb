/**
 * Topics API (issue 13, Lam's method). Everyone enrolled: `GET /api/topics` (hubs),
 * `GET /api/topics/:id` (pyramid, influencer map, own proposals), `GET /api/topics/proposals/mine`,
 * `POST /api/topics/:id/proposals` (propose oneself for a role), and the influencer map entries
 * they own: `POST /api/topics/:id/influencers`, `PUT|DELETE /api/topics/:id/influencers/:entryId`.
 * Admins and coordinators: `POST /api/admin/topics`, `PUT /api/admin/topics/:id`,
 * `PUT|DELETE /api/admin/topics/:id/roles/:employeeId`, `GET /api/admin/topics/people`,
 * `GET /api/admin/topics/proposals`, `POST /api/admin/topics/proposals/:id/accept|decline`,
 * `PUT /api/admin/topics/:id/influencers/:entryId/owners`. Every write hands the audit trail its
 * before/after; refused writes are recorded by the trail itself.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AssignRoleSchema,
  DeclineProposalSchema,
  HubDetailSchema,
  HubInputSchema,
  HubListSchema,
  HubPeopleSchema,
  InfluencerInputSchema,
  InfluencerOwnersSchema,
  ProposalListSchema,
  ProposalQuerySchema,
  ProposeSchema,
  TopicIdSchema,
} from '../../shared/contracts/topics.js';
import { ROLES } from '../../shared/domain/types.js';
import { TopicRefusal, type HubActor, type TopicsService } from '../services/topics.service.js';
import { recordChange } from './audit-trail.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

export interface TopicsRoutesDeps {
  topics: TopicsService;
}

const TopicParams = z.object({ id: TopicIdSchema }).strict();
const RoleParams = z.object({ id: TopicIdSchema, employeeId: TopicIdSchema }).strict();
const EntryParams = z.object({ id: TopicIdSchema, entryId: TopicIdSchema }).strict();
const ProposalParams = z.object({ id: TopicIdSchema }).strict();

type Parsed<T> = { ok: true; data: T } | { ok: false };

/** Parse one part of the request, or answer 400 with what was wrong. */
function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, request: FastifyRequest, reply: FastifyReply): Parsed<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return { ok: true, data: result.data };
  void sendError(reply, request, 400, 'badRequest', describeZodError(result.error));
  return { ok: false };
}

/** Run a use case; a rule's refusal becomes its status and code, with the rule in `details`. */
async function run<T>(request: FastifyRequest, reply: FastifyReply, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof TopicRefusal) {
      request.auditChange = { after: { refused: err.reason } };
      void sendError(reply, request, err.status, err.code, err.reason);
      return undefined;
    }
    throw err;
  }
}

const actorOf = (request: FastifyRequest): HubActor => ({ id: request.identity!.employeeId, roles: request.identity!.roles });
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

/** Registers `/api/topics...` and `/api/admin/topics...`. */
export function registerTopicsRoutes(fastify: FastifyInstance, deps: TopicsRoutesDeps): void {
  const enrolled = { preHandler: requireRole(...ROLES) };
  const staff = { preHandler: requireRole('admin', 'coordinator') };
  const { topics } = deps;

  fastify.get('/api/topics', enrolled, async (request, reply) => {
    const list = await topics.list(request.identity!.tenantId, actorOf(request));
    return noStore(reply).send(HubListSchema.parse(list));
  });

  fastify.get('/api/topics/proposals/mine', enrolled, async (request, reply) => {
    const proposals = await topics.myProposals(request.identity!.tenantId, actorOf(request));
    return noStore(reply).send(ProposalListSchema.parse({ proposals }));
  });

  fastify.get('/api/topics/:id', enrolled, async (request, reply) => {
    const params = parse(TopicParams, request.params, request, reply);
    if (!params.ok) return reply;
    const detail = await run(request, reply, () => topics.detail(request.identity!.tenantId, params.data.id, actorOf(request)));
    return detail === undefined ? reply : noStore(reply).send(HubDetailSchema.parse(detail));
  });

  fastify.post('/api/topics/:id/proposals', enrolled, async (request, reply) => {
    const params = parse(TopicParams, request.params, request, reply);
    const body = params.ok ? parse(ProposeSchema, request.body, request, reply) : { ok: false as const };
    if (!params.ok || !body.ok) return reply;
    const proposal = await run(request, reply, () => topics.propose(request.identity!.tenantId, params.data.id, actorOf(request), body.data));
    if (proposal === undefined) return reply;
    recordChange(request, undefined, { id: proposal.id, topicId: proposal.topicId, role: proposal.role, status: proposal.status });
    return reply.code(201).send(proposal);
  });

  fastify.post('/api/topics/:id/influencers', enrolled, async (request, reply) => {
    const params = parse(TopicParams, request.params, request, reply);
    const body = params.ok ? parse(InfluencerInputSchema, request.body, request, reply) : { ok: false as const };
    if (!params.ok || !body.ok) return reply;
    const entry = await run(request, reply, () => topics.addInfluencer(request.identity!.tenantId, params.data.id, actorOf(request), body.data));
    if (entry === undefined) return reply;
    recordChange(request, undefined, entry);
    return reply.code(201).send(entry);
  });

  fastify.put('/api/topics/:id/influencers/:entryId', enrolled, async (request, reply) => {
    const params = parse(EntryParams, request.params, request, reply);
    const body = params.ok ? parse(InfluencerInputSchema, request.body, request, reply) : { ok: false as const };
    if (!params.ok || !body.ok) return reply;
    const change = await run(request, reply, () => topics.editInfluencer(request.identity!.tenantId, params.data.id, params.data.entryId, actorOf(request), body.data));
    if (change === undefined) return reply;
    recordChange(request, change.before, change.after);
    return reply.send(change.after);
  });

  fastify.delete('/api/topics/:id/influencers/:entryId', enrolled, async (request, reply) => {
    const params = parse(EntryParams, request.params, request, reply);
    if (!params.ok) return reply;
    const removed = await run(request, reply, () => topics.removeInfluencer(request.identity!.tenantId, params.data.id, params.data.entryId, actorOf(request)));
    if (removed === undefined) return reply;
    recordChange(request, removed, undefined);
    return reply.send({ removed: removed.id });
  });

  fastify.post('/api/admin/topics', staff, async (request, reply) => {
    const body = parse(HubInputSchema, request.body, request, reply);
    if (!body.ok) return reply;
    const hub = await topics.createHub(request.identity!.tenantId, body.data);
    recordChange(request, undefined, hub);
    return reply.code(201).send(hub);
  });

  fastify.put('/api/admin/topics/:id', staff, async (request, reply) => {
    const params = parse(TopicParams, request.params, request, reply);
    const body = params.ok ? parse(HubInputSchema, request.body, request, reply) : { ok: false as const };
    if (!params.ok || !body.ok) return reply;
    const change = await run(request, reply, () => topics.updateHub(request.identity!.tenantId, params.data.id, body.data));
    if (change === undefined) return reply;
    recordChange(request, change.before, change.after);
    return reply.send(change.after);
  });

  fastify.get('/api/admin/topics/people', staff, async (request, reply) => {
    return noStore(reply).send(HubPeopleSchema.parse({ people: await topics.people(request.identity!.tenantId) }));
  });

  fastify.put('/api/admin/topics/:id/roles/:employeeId', staff, async (request, reply) => {
    const params = parse(RoleParams, request.params, request, reply);
    const body = params.ok ? parse(AssignRoleSchema, request.body, request, reply) : { ok: false as const };
    if (!params.ok || !body.ok) return reply;
    const { id, employeeId } = params.data;
    const change = await run(request, reply, () => topics.assignRole(request.identity!.tenantId, id, employeeId, body.data.role));
    if (change === undefined) return reply;
    recordChange(request, { role: change.before ?? null }, { role: change.after ?? null });
    return reply.send({ employeeId, topicId: id, ...(change.after ? { role: change.after } : {}) });
  });

  fastify.delete('/api/admin/topics/:id/roles/:employeeId', staff, async (request, reply) => {
    const params = parse(RoleParams, request.params, request, reply);
    if (!params.ok) return reply;
    const { id, employeeId } = params.data;
    const change = await run(request, reply, () => topics.removeRole(request.identity!.tenantId, id, employeeId));
    if (change === undefined) return reply;
    recordChange(request, { role: change.before ?? null }, { role: null });
    return reply.send({ employeeId, topicId: id });
  });

  fastify.get('/api/admin/topics/proposals', staff, async (request, reply) => {
    const query = parse(ProposalQuerySchema, request.query, request, reply);
    if (!query.ok) return reply;
    const proposals = await topics.proposals(request.identity!.tenantId, query.data.status);
    return noStore(reply).send(ProposalListSchema.parse({ proposals }));
  });

  fastify.post('/api/admin/topics/proposals/:id/accept', staff, async (request, reply) => {
    const params = parse(ProposalParams, request.params, request, reply);
    if (!params.ok) return reply;
    const change = await run(request, reply, () => topics.accept(request.identity!.tenantId, params.data.id, actorOf(request)));
    if (change === undefined) return reply;
    recordChange(request, change.before, change.after);
    return reply.send(change.after);
  });

  fastify.post('/api/admin/topics/proposals/:id/decline', staff, async (request, reply) => {
    const params = parse(ProposalParams, request.params, request, reply);
    const body = params.ok ? parse(DeclineProposalSchema, request.body, request, reply) : { ok: false as const };
    if (!params.ok || !body.ok) return reply;
    const change = await run(request, reply, () => topics.decline(request.identity!.tenantId, params.data.id, actorOf(request), body.data.reason));
    if (change === undefined) return reply;
    recordChange(request, change.before, change.after);
    return reply.send(change.after);
  });

  fastify.put('/api/admin/topics/:id/influencers/:entryId/owners', staff, async (request, reply) => {
    const params = parse(EntryParams, request.params, request, reply);
    const body = params.ok ? parse(InfluencerOwnersSchema, request.body, request, reply) : { ok: false as const };
    if (!params.ok || !body.ok) return reply;
    const change = await run(request, reply, () => topics.reassignOwners(request.identity!.tenantId, params.data.id, params.data.entryId, actorOf(request), body.data.ownerIds));
    if (change === undefined) return reply;
    recordChange(request, { ownerIds: change.before?.ownerIds }, { ownerIds: change.after?.ownerIds });
    return reply.send(change.after);
  });
}
