/**
 * The audit trail on Azurite: every API write by an identified caller is recorded (refused ones
 * too), reads are not, before/after come from the route; admins read it as JSON or CSV, nobody
 * else can; CSV cells that a spreadsheet would run as formulas are neutralised.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuditTrail, recordChange } from '../../../src/bot/http/audit-trail.js';
import { registerAuditRoutes } from '../../../src/bot/http/audit.routes.js';
import { requireRole } from '../../../src/bot/http/auth.js';
import { safeCell, toCsv } from '../../../src/bot/http/csv.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import type { Role } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';

const TENANT = 'audit-tenant';
let app: FastifyInstance;
let repos: TableRepositories;

beforeAll(async () => {
  repos = await createTestRepositories('audit');
  app = Fastify();
  registerErrorHandling(app);
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'];
    if (typeof role === 'string') request.identity = { tenantId: TENANT, employeeId: `${role}-1`, displayName: `The ${role}`, roles: [role as Role] };
  });
  registerAuditTrail(app, { auditLog: repos.auditLog });
  registerAuditRoutes(app, { auditLog: repos.auditLog });
  app.put<{ Params: { key: string }; Body: { value: string } }>('/api/admin/settings/:key', { preHandler: requireRole('admin') }, async (request) => {
    recordChange(request, { value: 'old' }, { value: request.body.value });
    return { ok: true };
  });
  app.get('/api/admin/settings', { preHandler: requireRole('admin') }, async () => ({ value: 'x' }));
  await app.ready();
});
afterAll(() => app?.close());

const call = (method: 'GET' | 'PUT', url: string, role: string, payload?: object) =>
  app.inject({ method, url, headers: { 'x-test-role': role }, ...(payload ? { payload } : {}) });

describe('audit trail', () => {
  it('records writes with who, route, ids, status and before/after; refused writes too; reads never', async () => {
    expect((await call('PUT', '/api/admin/settings/quietHours', 'admin', { value: '=cmd|calc' })).statusCode).toBe(200);
    expect((await call('PUT', '/api/admin/settings/quietHours', 'employee', { value: 'x' })).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/settings', 'admin')).statusCode).toBe(200);

    const listed = await call('GET', '/api/admin/audit', 'admin');
    expect(listed.statusCode).toBe(200);
    const { entries } = listed.json<{ entries: Array<Record<string, unknown>> }>();
    expect(entries).toHaveLength(2);
    // Newest first: the refused employee attempt, then the admin's change.
    expect(entries[0]).toMatchObject({ actorId: 'employee-1', action: 'PUT /api/admin/settings/:key', status: 403, target: { key: 'quietHours' } });
    expect(entries[1]).toMatchObject({ actorId: 'admin-1', actorName: 'The admin', actorRoles: ['admin'], status: 200, before: { value: 'old' }, after: { value: '=cmd|calc' } });
  });

  it('is readable only by admins, as JSON or CSV with formula cells neutralised', async () => {
    expect((await call('GET', '/api/admin/audit', 'coordinator')).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/audit', 'employee')).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/audit?limit=0', 'admin')).statusCode).toBe(400);
    const csv = await call('GET', '/api/admin/audit?format=csv&limit=10', 'admin');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="audit-log.csv"');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at,actor_id,actor_name,actor_roles,action,target,status,before,after');
    // Header plus the two writes; the refused GETs of this test are reads, not recorded.
    expect(lines).toHaveLength(3);
    expect(csv.body).toContain('"{""value"":""=cmd|calc""}"');
  });
});

describe('CSV cells', () => {
  it('prefixes formula starts and quotes per RFC 4180', () => {
    expect(safeCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('-2')).toBe("'-2");
    expect(safeCell('@x')).toBe("'@x");
    expect(safeCell(-2)).toBe('-2');
    expect(safeCell(undefined)).toBe('');
    expect(toCsv([{ header: 'a', value: (r: { a: string }) => r.a }], [{ a: 'x, "y"\nz' }])).toBe('\uFEFFa\r\n"x, ""y""\nz"\r\n');
  });
});
