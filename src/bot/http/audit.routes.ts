/**
 * `GET /api/admin/audit`: the audit log for admins, newest first, as JSON or (`format=csv`) a
 * CSV download. Recording is done by `audit-trail.ts` for every API write.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditEntry, AuditLogRepository } from '../services/audit.ports.js';
import { requireRole } from './auth.js';
import { sendCsv, type CsvColumn } from './csv.js';
import { describeZodError, sendError } from './errors.js';

const QuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(5_000).default(200),
  since: z.string().datetime().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** Columns of the audit CSV (also used by the admin tab's export). */
export const AUDIT_CSV_COLUMNS: CsvColumn<AuditEntry>[] = [
  { header: 'at', value: (e) => e.at },
  { header: 'actor_id', value: (e) => e.actorId },
  { header: 'actor_name', value: (e) => e.actorName },
  { header: 'actor_roles', value: (e) => e.actorRoles.join(' ') },
  { header: 'action', value: (e) => e.action },
  { header: 'target', value: (e) => JSON.stringify(e.target) },
  { header: 'status', value: (e) => e.status },
  { header: 'before', value: (e) => (e.before === undefined ? '' : JSON.stringify(e.before)) },
  { header: 'after', value: (e) => (e.after === undefined ? '' : JSON.stringify(e.after)) },
];

export interface AuditRoutesDeps {
  auditLog: Pick<AuditLogRepository, 'list'>;
}

export function registerAuditRoutes(fastify: FastifyInstance, deps: AuditRoutesDeps): void {
  fastify.get('/api/admin/audit', { preHandler: requireRole('admin') }, async (request, reply) => {
    const query = QuerySchema.safeParse(request.query ?? {});
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    const identity = request.identity!;
    const entries = await deps.auditLog.list(identity.tenantId, { limit: query.data.limit, ...(query.data.since ? { since: query.data.since } : {}) });
    if (query.data.format === 'csv') return sendCsv(reply, 'audit-log.csv', AUDIT_CSV_COLUMNS, entries);
    return reply.header('cache-control', 'private, no-store').send({ entries });
  });
}
