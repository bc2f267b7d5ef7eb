/**
 * Admin-only routes: settings (`GET/PUT /api/admin/settings`, `POST /api/admin/settings/webhook-secret`
 * shows a new key once), people (`GET /api/admin/people`, `PUT /api/admin/people/:id/roles`,
 * the CSV import itself is `POST /api/admin/people/import` in people.routes.ts),
 * and the policy (`GET /api/admin/policy`, `POST /api/admin/policy/versions` publishes and asks again).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AdminPeopleListSchema,
  AdminPolicyViewSchema,
  AdminSettingsInputSchema,
  PersonRolesInputSchema,
  PublishPolicySchema,
} from '../../shared/contracts/admin.js';
import type { AdminSettingsService } from '../services/admin-settings.service.js';
import type { DataRequestService } from '../services/data-requests.service.js';
import { recordChange, recordTarget } from './audit-trail.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

const IdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/) });

export interface AdminSettingsRoutesDeps {
  settings: AdminSettingsService;
  /** Data requests (export a person's data, delete it). */
  dataRequests?: DataRequestService;
}

/** Registers the admin-only settings, people and policy routes. */
export function registerAdminSettingsRoutes(fastify: FastifyInstance, deps: AdminSettingsRoutesDeps): void {
  const admin = { preHandler: requireRole('admin') };

  fastify.get('/api/admin/settings', admin, async (request, reply) => {
    return reply.header('cache-control', 'private, no-store').send(await deps.settings.get(request.identity!.tenantId));
  });

  fastify.put('/api/admin/settings', admin, async (request, reply) => {
    const body = AdminSettingsInputSchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const { before, after } = await deps.settings.save(request.identity!.tenantId, body.data);
    recordChange(request, before, after);
    return reply.send(after);
  });

  fastify.post('/api/admin/settings/webhook-secret', admin, async (request, reply) => {
    const result = await deps.settings.rotateWebhookSecret(request.identity!.tenantId);
    // The audit log says that it was rotated and when, never the key.
    recordChange(request, undefined, { webhookSecretRotatedAt: result.rotatedAt });
    return reply.header('cache-control', 'no-store').send(result);
  });

  fastify.get('/api/admin/people', admin, async (request, reply) => {
    const people = await deps.settings.people(request.identity!.tenantId);
    return reply.header('cache-control', 'private, no-store').send(AdminPeopleListSchema.parse({ people }));
  });

  fastify.put('/api/admin/people/:id/roles', admin, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    const body = PersonRolesInputSchema.safeParse(request.body ?? {});
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const identity = request.identity!;
    if (params.data.id === identity.employeeId && !body.data.roles.includes('admin')) {
      return sendError(reply, request, 409, 'conflict', 'you cannot remove your own admin role');
    }
    const { before, after } = await deps.settings.setRoles(identity.tenantId, params.data.id, body.data.roles);
    recordChange(request, { roles: before }, { roles: after });
    return reply.send({ id: params.data.id, roles: after });
  });

  fastify.get('/api/admin/people/:id/export', admin, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    if (!deps.dataRequests) return sendError(reply, request, 404, 'notFound');
    const data = await deps.dataRequests.exportPerson(request.identity!.tenantId, params.data.id);
    // A read of someone's personal data is worth an audit line too (reads are not recorded by the trail).
    request.log.info({ action: 'people.export', target: params.data.id, actor: request.identity!.employeeId }, 'personal data exported');
    return reply.header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="person-${params.data.id}.json"`).send(data);
  });

  fastify.delete('/api/admin/people/:id', admin, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    if (!deps.dataRequests) return sendError(reply, request, 404, 'notFound');
    const identity = request.identity!;
    if (params.data.id === identity.employeeId) return sendError(reply, request, 409, 'conflict', 'you cannot delete your own data here; ask another admin');
    const result = await deps.dataRequests.deletePerson(identity.tenantId, params.data.id);
    // The audit line names the person's pseudonym (not their id) and the counts, never their data.
    recordTarget(request, { id: result.pseudonym });
    recordChange(request, undefined, { erased: result.erased, pseudonymised: result.pseudonymised, remains: { links: result.remains.links, clicks: result.remains.clicks, deliveries: result.remains.deliveries, auditEntries: result.remains.auditEntries } });
    return reply.header('cache-control', 'no-store').send(result);
  });

  fastify.get('/api/admin/policy', admin, async (request, reply) => {
    const view = await deps.settings.policyView(request.identity!.tenantId);
    return reply.header('cache-control', 'private, no-store').send(AdminPolicyViewSchema.parse(view));
  });

  fastify.post('/api/admin/policy/versions', admin, async (request, reply) => {
    const body = PublishPolicySchema.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, request, 400, 'badRequest', describeZodError(body.error));
    const result = await deps.settings.publishPolicy(request.identity!.tenantId, body.data);
    recordChange(request, undefined, { version: result.version, title: body.data.title, languages: ['en', ...Object.keys(body.data.translations ?? {})] });
    return reply.code(201).send(result);
  });
}
