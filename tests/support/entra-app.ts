/**
 * The whole app in `entra` auth mode for security tests: Teams SSO tokens are checked by the real
 * `entraTokenVerifier` (signature, audience, issuer, expiry) against a local JWKS, so tests can
 * sign good tokens and every kind of bad one with jose. One programme tenant ({@link ENTRA_TENANT},
 * also `AAD_APP_TENANT_ID`) with one person per role, plus an admin of another tenant.
 *
 * ```ts
 * const entra = await startEntraTestApp('authz');
 * const res = await entra.app.server.inject({ url: '/api/board', headers: entra.bearer(entra.tokens.employee) });
 * ```
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { entraTokenVerifier } from '../../src/bot/http/auth.js';
import type { TableRepositories } from '../../src/bot/storage/index.js';
import type { Employee, Role } from '../../src/shared/domain/types.js';
import { startTestApp, type TestApp } from './app.js';
import { makeEmployee } from './fixtures.js';

export const ENTRA_CLIENT_ID = '0f4c5d1e-2a3b-4c5d-8e9f-a0b1c2d3e4f5';
export const ENTRA_TENANT = 'a1b2c3d4-0000-4000-8000-00000000aaaa';
export const OTHER_TENANT = 'f9e8d7c6-0000-4000-8000-00000000bbbb';

/** Every kind of caller the authorisation matrix tries. */
export const CALLERS = [
  'anonymous',
  'employee',
  'trainer',
  'executive',
  'coordinator',
  'admin',
  'unenrolled',
  'otherTenant',
  'expired',
  'otherAudience',
  'forged',
  'wrongIssuer',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Callers whose token is valid and who are enrolled, with the one role each holds. */
export const ROLE_CALLERS: Record<Extract<Caller, Role>, Role> = { employee: 'employee', trainer: 'trainer', executive: 'executive', coordinator: 'coordinator', admin: 'admin' };

/** Employee ids of the callers (the token's `oid`). */
export const CALLER_IDS = {
  employee: 'sec-employee',
  trainer: 'sec-trainer',
  executive: 'sec-exec',
  coordinator: 'sec-coord',
  admin: 'sec-admin',
  /** A second employee: the "other person" whose ids the ownership checks use. */
  other: 'sec-other',
  unenrolled: 'sec-stranger',
  /** An enrolled admin, but of {@link OTHER_TENANT}. */
  otherTenant: 'sec-foreign-admin',
} as const;

export interface EntraTestApp extends TestApp {
  /** The app's repositories with their table-specific parts (training, audit log) for checks. */
  tables: TableRepositories;
  /** A bearer token per caller (`undefined` for anonymous); `other` is the second employee. */
  tokens: Record<Caller | 'other', string | undefined>;
  /** `{ authorization: 'Bearer …' }`, or no header for `undefined`. */
  bearer(token: string | undefined): Record<string, string>;
  /** Sign a token for the programme tenant with the trusted key (claims and options may be overridden). */
  sign(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
}

interface SignOptions {
  aud?: string;
  iss?: string;
  exp?: string | number;
  key?: CryptoKey;
}

/** Per-visitor limits high enough for table-driven tests from one address. */
export const NO_VISITOR_LIMITS = { RATE_LIMIT_LINKS_PER_MINUTE: '100000', RATE_LIMIT_SHARES_PER_MINUTE: '100000', RATE_LIMIT_WEBHOOK_PER_MINUTE: '100000' };

/** Start the app in entra mode over Azurite, with the callers' employees stored. */
export async function startEntraTestApp(env: Record<string, string> = {}): Promise<EntraTestApp> {
  const pair = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'sec-key', alg: 'RS256' };
  const forger = await generateKeyPair('RS256');
  const test = await startTestApp(
    // Hundreds of table-driven requests come from one address: lift the per-visitor limits so each reaches its route (the limits have their own test, tests/bot/http/abuse.test.ts).
    { AUTH_MODE: 'entra', AAD_APP_CLIENT_ID: ENTRA_CLIENT_ID, AAD_APP_TENANT_ID: ENTRA_TENANT, SEED_DEMO: 'false', ...NO_VISITOR_LIMITS, ...env },
    { verifyToken: entraTokenVerifier(ENTRA_CLIENT_ID, createLocalJWKSet({ keys: [jwk] })) },
  );
  const person = (id: string, roles: Role[], tenantId = ENTRA_TENANT): Employee =>
    makeEmployee({ id, tenantId, roles, displayName: `Person ${id}`, email: `${id}@example.com`, policyVersionAcknowledged: 1 });
  await test.app.repositories.employees.upsertMany([
    ...Object.entries(ROLE_CALLERS).map(([caller, role]) => person(CALLER_IDS[caller as keyof typeof ROLE_CALLERS], [role])),
    person(CALLER_IDS.other, ['employee']),
    person(CALLER_IDS.otherTenant, ['admin'], OTHER_TENANT),
  ]);

  const sign = (claims: Record<string, unknown>, options: SignOptions = {}) => {
    const tid = typeof claims.tid === 'string' ? claims.tid : ENTRA_TENANT;
    return new SignJWT({ tid, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'sec-key' })
      .setAudience(options.aud ?? `api://${ENTRA_CLIENT_ID}`)
      .setIssuer(options.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '30m')
      .sign(options.key ?? (pair.privateKey as CryptoKey));
  };
  const as = (oid: string, options?: SignOptions) => sign({ oid, name: oid }, options);
  const tokens: EntraTestApp['tokens'] = {
    anonymous: undefined,
    employee: await as(CALLER_IDS.employee),
    trainer: await as(CALLER_IDS.trainer),
    executive: await as(CALLER_IDS.executive),
    coordinator: await as(CALLER_IDS.coordinator),
    admin: await as(CALLER_IDS.admin),
    other: await as(CALLER_IDS.other),
    unenrolled: await as(CALLER_IDS.unenrolled),
    otherTenant: await sign({ tid: OTHER_TENANT, oid: CALLER_IDS.otherTenant }),
    // Expired well beyond the verifier's 60 s clock tolerance.
    expired: await as(CALLER_IDS.admin, { exp: Math.floor(Date.now() / 1000) - 600 }),
    otherAudience: await as(CALLER_IDS.admin, { aud: 'api://00000000-1111-2222-3333-444444444444' }),
    forged: await as(CALLER_IDS.admin, { key: forger.privateKey as CryptoKey }),
    wrongIssuer: await as(CALLER_IDS.admin, { iss: 'https://evil.example.com/v2.0' }),
  };
  return {
    ...test,
    tokens,
    sign,
    tables: test.app.repositories as TableRepositories,
    bearer: (token): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** Every route the running app serves, as `METHOD path` (HEAD left out), read from Fastify's route tree. */
export function listRoutes(printed: string): Array<{ method: string; url: string }> {
  const stack: string[] = [];
  const routes: Array<{ method: string; url: string }> = [];
  for (const line of printed.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    const url = (stack[depth - 1] ?? '') + (match[2] ?? '');
    stack[depth] = url;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method, url });
    }
  }
  return routes;
}
