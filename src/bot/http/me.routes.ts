/**
 * `GET /api/me`: who the caller is and which tab pages they may open (the shared `PAGE_ROLES`).
 * In dev identity mode it also lists the seeded people a tester may view the tab as, for the
 * role switcher; in Entra mode that list is never sent.
 */
import type { FastifyInstance } from 'fastify';
import { canOpenPage, PAGES, type DevIdentity, type MeResponse } from '../../shared/contracts/me.js';
import type { EmployeeRepository } from '../services/ports.js';
import { sendError } from './errors.js';

/** The seeded demo people a local tester may switch between (one per role area). */
export const DEV_IDENTITY_IDS = ['demo-employee', 'demo-trainer', 'demo-exec', 'demo-admin'] as const;

export interface MeRoutesDeps {
  employees: Pick<EmployeeRepository, 'find'>;
  /** True in dev identity mode (never in production: config refuses it). */
  devMode: boolean;
}

export function registerMeRoutes(fastify: FastifyInstance, deps: MeRoutesDeps): void {
  fastify.get('/api/me', async (request, reply) => {
    const identity = request.identity;
    if (!identity) return sendError(reply, request, 401, 'unauthenticated');
    const found = await deps.employees.find(identity.tenantId, identity.employeeId);
    const body: MeResponse = {
      employeeId: identity.employeeId,
      displayName: identity.displayName,
      roles: identity.roles,
      ...(found ? { language: found.value.language } : {}),
      pages: PAGES.filter((page) => canOpenPage(page, identity.roles)),
    };
    if (deps.devMode) body.devIdentities = await devIdentities(deps.employees, identity.tenantId);
    return reply.header('cache-control', 'private, no-store').send(body);
  });
}

async function devIdentities(employees: MeRoutesDeps['employees'], tenantId: string): Promise<DevIdentity[]> {
  const found = await Promise.all(DEV_IDENTITY_IDS.map((id) => employees.find(tenantId, id)));
  return found.flatMap((entry) => (entry ? [{ id: entry.value.id, displayName: entry.value.displayName, roles: entry.value.roles }] : []));
}
