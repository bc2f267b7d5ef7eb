/**
 * The audit trail: every write through the tab API (`POST`, `PUT`, `PATCH`, `DELETE` under
 * `/api/`, except the bot endpoint and the signed conversions webhook) by an identified caller is
 * recorded before its answer leaves: who, their roles, the route pattern and ids, the status, and
 * the before/after a route hands over with {@link recordChange}. Refused attempts (401/403/4xx)
 * are recorded too, so the log also shows who tried what. Bodies are never stored wholesale
 * (they may hold personal text); only what a route chooses to record.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditLogRepository } from '../services/audit.ports.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UNAUDITED = new Set(['/api/messages', '/api/conversions']);

declare module 'fastify' {
  interface FastifyRequest {
    auditChange?: { before?: unknown; after?: unknown };
    /** Ids recorded as the target instead of the route parameters (a deleted person's pseudonym). */
    auditTarget?: Record<string, string>;
  }
}

/** Hand the audit trail the state before and after this request's change (e.g. settings). */
export function recordChange(request: FastifyRequest, before: unknown, after: unknown): void {
  request.auditChange = { before, after };
}

/**
 * Record `target` instead of the route parameters: a route whose parameter names a person whose
 * data it just deleted records their pseudonym, so the audit log keeps no identifier of theirs.
 */
export function recordTarget(request: FastifyRequest, target: Record<string, string>): void {
  request.auditTarget = target;
}

export interface AuditTrailDeps {
  auditLog: Pick<AuditLogRepository, 'append'>;
  now?: () => Date;
}

export function registerAuditTrail(fastify: FastifyInstance, deps: AuditTrailDeps): void {
  const now = deps.now ?? (() => new Date());
  fastify.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '';
    const identity = request.identity;
    if (!identity || !WRITE_METHODS.has(request.method) || !path.startsWith('/api/') || UNAUDITED.has(path)) return payload;
    try {
      await deps.auditLog.append({
        tenantId: identity.tenantId,
        id: randomUUID(),
        at: now().toISOString(),
        actorId: identity.employeeId,
        actorName: identity.displayName,
        actorRoles: identity.roles,
        action: `${request.method} ${request.routeOptions.url ?? path}`,
        target: request.auditTarget ?? stringParams(request.params),
        status: reply.statusCode,
        ...(request.auditChange ?? {}),
      });
    } catch (err) {
      // The change itself has happened; a lost audit row must at least be loud in the logs.
      request.log.error({ error: err instanceof Error ? err.message : String(err), action: `${request.method} ${request.routeOptions.url ?? path}` }, 'audit entry not written');
    }
    return payload;
  });
}

function stringParams(params: unknown): Record<string, string> {
  if (!params || typeof params !== 'object') return {};
  return Object.fromEntries(Object.entries(params as Record<string, unknown>).map(([k, v]) => [k, String(v).slice(0, 200)]));
}
