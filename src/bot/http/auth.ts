/**
 * Authentication and role authorisation for the tab API (`/api/*` except the bot endpoint).
 *
 * - `entra`: the tab sends its Teams SSO token as a bearer; it is validated against Entra ID's
 *   JWKS (signature, audience = our app id URI or client id, issuer of the token's tenant, expiry),
 *   and the caller is the token's `tid`/`oid`. With `AAD_APP_TENANT_ID` set, tokens of any other
 *   tenant are refused (401).
 * - `dev`: an explicit local-only mode (refused in production by config) where the caller is the
 *   configured demo user, or the seeded employee named in the `x-dev-user` header.
 *
 * Roles always come from our Employee record, never from the client.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Role } from '../../shared/domain/types.js';
import type { AppConfig } from '../config.js';
import type { EmployeeRepository } from '../services/ports.js';
import { sendError } from './errors.js';
import './identity.js';

const devUserHeader = z.string().regex(/^[A-Za-z0-9._@-]{1,128}$/);

const ssoClaims = z.object({
  tid: z.string().min(1),
  oid: z.string().min(1),
  name: z.string().optional(),
});

/** Verifies a bearer token and returns its claims; injectable so tests can use a local JWKS. */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/**
 * The Entra ID verifier for Teams SSO tokens: signature from Entra's JWKS (cached by jose),
 * audience = our client id or app id URI, issuer = the v1 or v2 issuer of the token's own tenant.
 */
export function entraTokenVerifier(clientId: string, jwks: JWTVerifyGetKey = createRemoteJWKSet(new URL(ENTRA_JWKS_URL))): TokenVerifier {
  return async (token) => {
    const { payload } = await jwtVerify(token, jwks, { audience: [clientId, `api://${clientId}`], clockTolerance: 60 });
    const tid = typeof payload.tid === 'string' ? payload.tid : '';
    const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
    if (!payload.iss || !issuers.includes(payload.iss)) throw new Error('unexpected issuer');
    return payload;
  };
}

export interface AuthDeps {
  config: AppConfig['auth'];
  employees: EmployeeRepository;
  verifyToken?: TokenVerifier;
}

/**
 * Adds an `onRequest` hook that sets `request.identity` for every `/api/` route except
 * `/api/messages` (Bot Framework authenticates that itself), or answers 401.
 */
export function registerAuth(fastify: FastifyInstance, deps: AuthDeps): void {
  const verify = deps.config.mode === 'entra' ? (deps.verifyToken ?? entraTokenVerifier(deps.config.clientId)) : undefined;

  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The bot endpoint (Bot Framework auth) and the conversions webhook (HMAC signature, checked
    // by its route) are the only /api/ paths without Teams SSO; exact matches, nothing beneath.
    if (!path.startsWith('/api/') || path === '/api/messages' || path === '/api/conversions') return;
    const caller = await identify(request, deps, verify);
    if (!caller) return sendError(reply, request, 401, 'unauthenticated');
    const found = await deps.employees.find(caller.tenantId, caller.employeeId);
    request.identity = {
      tenantId: caller.tenantId,
      employeeId: caller.employeeId,
      displayName: found?.value.displayName ?? caller.name ?? caller.employeeId,
      // Someone signed in but not enrolled gets no programme role until an admin adds them.
      roles: found ? found.value.roles : [],
    };
  });
}

async function identify(
  request: FastifyRequest,
  deps: AuthDeps,
  verify: TokenVerifier | undefined,
): Promise<{ tenantId: string; employeeId: string; name?: string } | undefined> {
  if (deps.config.mode === 'dev') {
    const header = request.headers['x-dev-user'];
    const parsed = devUserHeader.safeParse(Array.isArray(header) ? header[0] : header);
    return { tenantId: deps.config.tenantId, employeeId: parsed.success ? parsed.data : deps.config.userId };
  }
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(request.headers.authorization ?? '');
  if (!match?.[1] || !verify) return undefined;
  try {
    const claims = ssoClaims.parse(await verify(match[1]));
    // A deployment for one organisation (AAD_APP_TENANT_ID set) accepts that tenant's tokens only.
    if (deps.config.mode === 'entra' && deps.config.tenantId && claims.tid !== deps.config.tenantId) throw new Error('token of another tenant');
    return { tenantId: claims.tid, employeeId: claims.oid, name: claims.name };
  } catch (err) {
    request.log.info({ reason: err instanceof Error ? err.message : 'invalid token' }, 'bearer token refused');
    return undefined;
  }
}

/** A `preHandler` that lets a request through only if the caller holds one of `roles`. */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const held = request.identity?.roles ?? [];
    if (!request.identity) return sendError(reply, request, 401, 'unauthenticated');
    if (!roles.some((r) => held.includes(r))) return sendError(reply, request, 403, 'forbidden');
  };
}
