import Fastify, { type FastifyInstance } from 'fastify';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { entraTokenVerifier, registerAuth, requireRole } from '../../../src/bot/http/auth.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { createTableRepositories, type TableRepositories } from '../../../src/bot/storage/index.js';
import type { Employee } from '../../../src/shared/domain/types.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';

const CLIENT_ID = '5a0c1f0e-8d8b-4f39-9a34-0d3c2b1a9e77';
const TENANT = 'b7c2f0aa-1111-4222-8333-444455556666';

/** An enrolled person whose display name tells which record the auth hook read. */
function employee(id: string, roles: Employee['roles'], tenantId = TENANT): Employee {
  return makeEmployee({ id, tenantId, roles, displayName: `Person ${id}` });
}

function withRoutes(fastify: FastifyInstance): FastifyInstance {
  fastify.get('/api/whoami', async (request) => request.identity);
  fastify.get('/api/admin-only', { preHandler: requireRole('admin') }, async () => ({ ok: true }));
  fastify.post('/api/messages', async () => ({ bot: true }));
  fastify.get('/healthz', async () => ({ ok: true }));
  return fastify;
}

describe('tab API auth', () => {
  let repos: TableRepositories;
  let privateKey: CryptoKey;
  let jwk: JWK;

  beforeAll(async () => {
    repos = await createTableRepositories({ connectionString: inject('azuriteConnectionString'), tablePrefix: uniqueTablePrefix('auth') });
    await repos.ensure();
    await repos.employees.upsertMany([
      employee('admin-1', ['admin', 'employee']),
      employee('emp-1', ['employee']),
      employee('demo-admin', ['admin'], 'local-tenant'),
      employee('demo-employee', ['employee'], 'local-tenant'),
    ]);
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256' };
  });

  const sign = (claims: Record<string, unknown>, options: { aud?: string; iss?: string; exp?: string; key?: CryptoKey } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setAudience(options.aud ?? `api://${CLIENT_ID}`)
      .setIssuer(options.iss ?? `https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '10m')
      .sign(options.key ?? privateKey);

  describe('entra mode', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = withRoutes(Fastify());
      registerErrorHandling(app);
      registerAuth(app, {
        config: { mode: 'entra', clientId: CLIENT_ID },
        employees: repos.employees,
        verifyToken: entraTokenVerifier(CLIENT_ID, createLocalJWKSet({ keys: [jwk] })),
      });
      await app.ready();
    });
    afterAll(() => app.close());

    it('accepts a valid SSO token and takes roles from our employee record, not the token', async () => {
      const token = await sign({ tid: TENANT, oid: 'admin-1', name: 'Admin', roles: ['ignored'] });
      const res = await app.inject({ url: '/api/whoami', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ tenantId: TENANT, employeeId: 'admin-1', displayName: 'Person admin-1', roles: ['admin', 'employee'] });
    });

    it.each([
      ['no token', undefined],
      ['garbage', 'Bearer not-a-jwt'],
      ['basic auth', 'Basic dXNlcjpwYXNz'],
    ])('refuses %s with 401 and a localized error', async (_label, authorization) => {
      const res = await app.inject({ url: '/api/whoami?lang=ja', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: 'もう一度サインインしてください。' } });
    });

    it.each([
      ['wrong audience', { aud: 'api://someone-else' }],
      ['issuer of another tenant', { iss: 'https://login.microsoftonline.com/other-tenant/v2.0' }],
      ['expired', { exp: '-5m' }],
    ])('refuses a token with %s', async (_label, options) => {
      const token = await sign({ tid: TENANT, oid: 'admin-1' }, options);
      const res = await app.inject({ url: '/api/whoami', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(401);
    });

    it('refuses a token signed by another key', async () => {
      const other = await generateKeyPair('RS256');
      const token = await sign({ tid: TENANT, oid: 'admin-1' }, { key: other.privateKey as CryptoKey });
      const res = await app.inject({ url: '/api/whoami', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(401);
    });

    it('authorises by role: 403 for an employee on an admin route, 200 for an admin', async () => {
      const emp = await sign({ tid: TENANT, oid: 'emp-1' });
      const admin = await sign({ tid: TENANT, oid: 'admin-1' });
      expect((await app.inject({ url: '/api/admin-only', headers: { authorization: `Bearer ${emp}` } })).statusCode).toBe(403);
      expect((await app.inject({ url: '/api/admin-only', headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(200);
    });

    it('a signed-in person who is not enrolled has no programme role', async () => {
      const token = await sign({ tid: TENANT, oid: 'stranger' });
      const res = await app.inject({ url: '/api/whoami', headers: { authorization: `Bearer ${token}` } });
      expect(res.json()).toMatchObject({ employeeId: 'stranger', roles: [] });
      expect((await app.inject({ url: '/api/admin-only', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    });

    it('leaves the bot endpoint and health to their own checks', async () => {
      expect((await app.inject({ method: 'POST', url: '/api/messages', payload: {} })).statusCode).toBe(200);
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    });
  });

  describe('dev mode', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = withRoutes(Fastify());
      registerErrorHandling(app);
      registerAuth(app, { config: { mode: 'dev', tenantId: 'local-tenant', userId: 'demo-admin' }, employees: repos.employees });
      await app.ready();
    });
    afterAll(() => app.close());

    it('acts as the configured demo user, or the one named in x-dev-user', async () => {
      expect((await app.inject({ url: '/api/whoami' })).json()).toMatchObject({ employeeId: 'demo-admin', roles: ['admin'] });
      const res = await app.inject({ url: '/api/whoami', headers: { 'x-dev-user': 'demo-employee' } });
      expect(res.json()).toMatchObject({ employeeId: 'demo-employee', roles: ['employee'] });
      expect((await app.inject({ url: '/api/admin-only', headers: { 'x-dev-user': 'demo-employee' } })).statusCode).toBe(403);
    });

    it('ignores a malformed x-dev-user header instead of using it as a key', async () => {
      const res = await app.inject({ url: '/api/whoami', headers: { 'x-dev-user': "x'/../#?" } });
      expect(res.json()).toMatchObject({ employeeId: 'demo-admin' });
    });
  });
});
