/**
 * Per-visitor rate limits of the public doors (`/l/:code`, `/s/:code/:network`) and the
 * conversions webhook, with @fastify/rate-limit 11.2.0 and our store shared by the instances
 * (shared-rate-store.ts: N instances hold a visitor to the limit, not N times it; see
 * docs/privacy.md). A visitor is a keyed hash of the client address block: the key is derived from
 * the deployment's click secret and the UTC day (every instance computes the same one, and
 * yesterday's hashes cannot be linked to today's), so neither memory nor the shared rows hold an
 * IP address, and nothing here is logged. A refused request gets 429 with `Retry-After` (seconds); the route's scope turns
 * {@link RateLimitedError} into a localized page (browsers) or the JSON error (webhook).
 */
import { createHmac, randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import { SharedRateCounts } from './shared-rate-store.js';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { normalizeClientAddress } from '../../shared/domain/clicks.js';

/** Every limit counts requests over one minute. */
export const RATE_WINDOW_MS = 60_000;

/** Thrown by the limiter when a visitor is over its limit; the route's scope answers it. */
export class RateLimitedError extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limit exceeded, retry in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}

/** IPv6 clients usually hold a /64: one visitor is one /64, as the plugin's default does. */
function addressBlock(ip: string): string {
  const address = normalizeClientAddress(ip);
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** A limiter key: HMAC-SHA256(salt, value), 128 bits, so neither memory nor the shared rows hold the value. */
export function keyedRateKey(salt: Buffer, value: string): string {
  return createHmac('sha256', salt).update(value).digest().subarray(0, 16).toString('base64url');
}

/** The limiter key of a request: the keyed hash of its address block. Never the address. */
export function visitorRateKey(salt: Buffer, ip: string): string {
  return keyedRateKey(salt, addressBlock(ip));
}

/**
 * The limiter's hashing key for the current UTC day: HMAC-SHA256(secret, `rate-limit|<day>`). The
 * same on every instance of a deployment; computed once a day.
 */
export function dailyRateSalt(secret: string, now: () => number = Date.now): () => Buffer {
  let day = Number.NaN;
  let salt = Buffer.alloc(0);
  return () => {
    // A number compare per request; the date string only once a day.
    const today = Math.floor(now() / 86_400_000);
    if (today !== day) {
      day = today;
      salt = createHmac('sha256', secret).update(`rate-limit|${new Date(today * 86_400_000).toISOString().slice(0, 10)}`).digest();
    }
    return salt;
  };
}

/**
 * Registers the limiter (no global limit: only routes that ask for one are limited). Must be
 * awaited before the limited routes are added. Without `counts`, counts stay in this process;
 * without `salt`, a random key of this process is used.
 */
export async function registerRateLimiting(fastify: FastifyInstance, options: { salt?: Buffer | (() => Buffer); counts?: SharedRateCounts } = {}): Promise<void> {
  const fixed = options.salt ?? randomBytes(32);
  const salt = typeof fixed === 'function' ? fixed : () => fixed;
  const counts = options.counts ?? new SharedRateCounts({ instanceId: 'this-process', windowMs: RATE_WINDOW_MS });
  await fastify.register(rateLimit, {
    global: false,
    hook: 'onRequest',
    store: counts.storeClass(),
    keyGenerator: (request) => visitorRateKey(salt(), request.ip),
    // Headers only on a refusal: a redirect carries nothing it does not need.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true, 'retry-after': true },
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}

/** Route options of a limited route: `max` requests per visitor per minute. */
export function perVisitorLimit(max: number): Pick<RouteShorthandOptions, 'config'> {
  return { config: { rateLimit: { max, timeWindow: RATE_WINDOW_MS } } };
}

/**
 * Answers {@link RateLimitedError} in `scope` with `respond`; every other error goes on to the
 * parent's error handler unchanged.
 */
export function answerRateLimited(scope: FastifyInstance, respond: (request: FastifyRequest, reply: FastifyReply, err: RateLimitedError) => FastifyReply): void {
  scope.setErrorHandler((err, request, reply) => {
    if (err instanceof RateLimitedError) {
      reply.header('retry-after', String(err.retryAfterSeconds)).header('cache-control', 'no-store');
      return respond(request, reply, err);
    }
    throw err;
  });
}
