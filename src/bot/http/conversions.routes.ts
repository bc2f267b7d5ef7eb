/**
 * `POST /api/conversions`: the webhook marketing automation and CRMs call when a lead or deal
 * comes from a tracked link (docs/conversions.md). Not behind Teams SSO (auth.ts lets exactly this
 * path through): it is authenticated by an HMAC-SHA256 signature over `<timestamp>.<raw body>`,
 * sent as `Advocacy-Signature: t=<unix seconds>,v1=<hex>` and accepted within 5 minutes. The raw
 * body is kept by a content-type parser scoped to this route, so the bytes verified are the bytes
 * sent. Transport only: verify, validate (zod), call the conversion service, shape the answer.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CONVERSION_KINDS, conversionLinkCode, isSignatureFresh, parseSignatureHeader, signedPayload, toMinorUnits } from '../../shared/domain/conversions.js';
import { UnknownLinkCodeError, type ConversionService } from '../services/conversions.service.js';
import { describeZodError, sendError } from './errors.js';
import { answerRateLimited, perVisitorLimit } from './rate-limits.js';

export const CONVERSIONS_PATH = '/api/conversions';
export const SIGNATURE_HEADER = 'advocacy-signature';
const BODY_LIMIT = 64 * 1024;

const linkCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a link code (letters, digits, - or _)');

/** The webhook body. Unknown fields are ignored (CRMs send their own); amounts are explicit. */
export const ConversionPayloadSchema = z
  .object({
    kind: z.enum(CONVERSION_KINDS),
    externalId: z.string().trim().min(1).max(256),
    occurredAt: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-12-03T09:30:00Z' }),
    linkCode: linkCode.optional(),
    utmContent: linkCode.optional(),
    /** Integer minor units (cents; yen have none). */
    amountMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    /** Decimal string in major units, e.g. "1234.50"; converted exactly with the currency's decimals. */
    amount: z.string().regex(/^\d{1,15}(\.\d+)?$/, 'must be a decimal string such as "1234.50"').optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional(),
  })
  .refine((p) => conversionLinkCode(p) !== undefined, { message: 'linkCode or utmContent is required', path: ['linkCode'] })
  .refine((p) => !(p.amount !== undefined && p.amountMinor !== undefined), { message: 'send amount or amountMinor, not both', path: ['amount'] })
  .refine((p) => (p.amount === undefined && p.amountMinor === undefined) || p.currency !== undefined, { message: 'is required with an amount', path: ['currency'] });

export interface ConversionRoutesDeps {
  conversions: ConversionService;
  secretKey: string;
  /**
   * The key an admin rotated for the tenant of a link code (Admin > Settings), accepted besides
   * `secretKey`; the code is read from the body before verification only to pick the key.
   */
  tenantKey?: (linkCode: string) => Promise<string | undefined>;
  now?: () => Date;
  /** Requests per sender address per minute on this instance (config RATE_LIMIT_WEBHOOK_PER_MINUTE). */
  perMinute?: number;
  /** False for a link code whose tag does not match (link-codes.ts): its tenant's key is not looked up. */
  isGenuineCode?: (code: string) => boolean;
}

/** Registers the webhook in its own scope (its raw-body parser applies to nothing else). */
export async function registerConversionRoutes(fastify: FastifyInstance, deps: ConversionRoutesDeps): Promise<void> {
  const now = deps.now ?? (() => new Date());
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));
    answerRateLimited(scope, (request, reply) => sendError(reply, request, 429, 'tooManyRequests', 'rate limit exceeded; see Retry-After'));
    scope.post(CONVERSIONS_PATH, deps.perMinute !== undefined ? perVisitorLimit(deps.perMinute) : {}, async (request, reply) => handle(request, reply, deps, now()));
  });
}

async function handle(request: FastifyRequest, reply: FastifyReply, deps: ConversionRoutesDeps, at: Date): Promise<FastifyReply> {
  const raw = typeof request.body === 'string' ? request.body : '';
  const header = request.headers[SIGNATURE_HEADER];
  const signature = parseSignatureHeader(Array.isArray(header) ? header[0] : header);
  if (!signature) return refuse(request, reply, 'missing or malformed Advocacy-Signature header (t=<unix seconds>,v1=<hex HMAC-SHA256>)');
  if (!isSignatureFresh(signature.timestamp, Math.floor(at.getTime() / 1000))) return refuse(request, reply, 'timestamp outside the 5-minute tolerance');
  const matches = (key: string) => {
    const expected = createHmac('sha256', key).update(signedPayload(signature.timestamp, raw), 'utf8').digest();
    return signature.signatures.some((hex) => timingSafeEqual(Buffer.from(hex, 'hex'), expected));
  };
  let valid = matches(deps.secretKey);
  const claimedCode = unverifiedLinkCode(raw);
  // An unsigned body costs no storage read unless it names a genuine code (link-codes.ts).
  if (!valid && deps.tenantKey && claimedCode !== undefined && (deps.isGenuineCode?.(claimedCode) ?? true)) {
    const tenantKey = await deps.tenantKey(claimedCode).catch(() => undefined);
    valid = tenantKey !== undefined && matches(tenantKey);
  }
  if (!valid) return refuse(request, reply, 'signature does not match');

  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return sendError(reply, request, 400, 'badRequest', 'body is not valid JSON');
  }
  const parsed = ConversionPayloadSchema.safeParse(json);
  if (!parsed.success) return sendError(reply, request, 400, 'badRequest', describeZodError(parsed.error));
  const payload = parsed.data;
  let amountMinor = payload.amountMinor;
  try {
    if (payload.amount !== undefined) amountMinor = toMinorUnits(payload.amount, payload.currency as string);
  } catch (err) {
    return sendError(reply, request, 400, 'badRequest', `amount: ${(err as Error).message}`);
  }

  try {
    const { duplicate, conversion } = await deps.conversions.record(
      {
        kind: payload.kind,
        externalId: payload.externalId,
        occurredAt: payload.occurredAt,
        linkCode: conversionLinkCode(payload) as string,
        ...(amountMinor !== undefined ? { amountMinor, currency: payload.currency } : {}),
      },
      at,
    );
    const { tenantId: _tenant, ...visible } = conversion;
    return reply.status(duplicate ? 200 : 201).header('cache-control', 'no-store').send({ duplicate, conversion: visible });
  } catch (err) {
    if (err instanceof UnknownLinkCodeError) return sendError(reply, request, 404, 'notFound', err.message);
    throw err;
  }
}

/** The link code named in a body not yet verified (only to choose the tenant's key). */
function unverifiedLinkCode(raw: string): string | undefined {
  try {
    const body = JSON.parse(raw) as { linkCode?: unknown; utmContent?: unknown };
    const code = typeof body.linkCode === 'string' ? body.linkCode : typeof body.utmContent === 'string' ? body.utmContent : undefined;
    return code !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(code.trim()) ? code.trim() : undefined;
  } catch {
    return undefined;
  }
}

function refuse(request: FastifyRequest, reply: FastifyReply, reason: string): FastifyReply {
  request.log.info({ reason }, 'conversion webhook refused');
  return sendError(reply, request, 401, 'unauthenticated', reason);
}
