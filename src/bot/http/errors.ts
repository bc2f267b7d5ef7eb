/**
 * One shape for every error the HTTP layer returns: `{ error: { code, message, details? } }`, with
 * the message translated into the caller's language (Accept-Language or `?lang=`).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError, type z } from 'zod';
import { resolveLanguage, translator } from '../../shared/i18n/index.js';
import { ConflictError, NotFoundError, StorageError, ValidationError } from '../services/errors.js';

import type { ApiErrorCode } from '../../shared/contracts/api-errors.js';

export type ErrorCode = ApiErrorCode;


/** The caller's language from `?lang=` or the first Accept-Language tag. */
export function requestLanguage(request: FastifyRequest) {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = typeof query?.lang === 'string' ? query.lang : request.headers['accept-language']?.split(',')[0];
  return resolveLanguage(lang);
}

/** Send a localized error; `status` may refine the code's default status. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  details?: string,
): FastifyReply {
  const t = translator(requestLanguage(request), 'common');
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .send({ error: { code, message: t(`error.${code}`, { details: details ?? '' }), ...(details ? { details } : {}) } });
}

/**
 * Fastify's `frameworkErrors` option: a URL the router cannot take (malformed percent-encoding,
 * a path parameter over `maxParamLength`) answers in the same shape as every other error, with a
 * short reason and without echoing the URL back.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const reason = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is too long' : error.code === 'FST_ERR_BAD_URL' ? 'the URL is not validly encoded' : 'the request is malformed';
  void sendError(reply, request, status, 'badRequest', reason);
}

/** Readable one-line summary of a zod error for `details`. */
export function describeZodError(err: ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}

/**
 * Maps thrown errors to the shape above: zod -> 400; the services' typed errors by class
 * (NotFoundError -> 404, ConflictError -> 409, ValidationError -> 400); Fastify's own request
 * errors (bad JSON, wrong content type, body too large) keep their 4xx; anything else, including an
 * unexpected storage 403 or 429, is a 500 with a log line and without internals.
 */
export function registerErrorHandling(fastify: FastifyInstance): void {
  fastify.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (err instanceof ZodError) return sendError(reply, request, 400, 'badRequest', describeZodError(err));
    if (err instanceof NotFoundError) return sendError(reply, request, 404, 'notFound');
    if (err instanceof ConflictError) return sendError(reply, request, 409, 'conflict');
    if (err instanceof ValidationError) return sendError(reply, request, 400, 'badRequest', err.message);
    // Storage unreachable or failing (no answer, 5xx): a clear, retryable 503, not a 500.
    if (err instanceof StorageError && (err.statusCode === undefined || err.statusCode >= 500)) {
      request.log.warn({ error: err.message.split('\n')[0] }, 'storage unavailable');
      return sendError(reply.header('retry-after', '5'), request, 503, 'unavailable');
    }
    const fastifyStatus = !(err instanceof StorageError) && (isFastifyError(err) || isExposedHttpError(err)) ? err.statusCode : undefined;
    if (fastifyStatus !== undefined && fastifyStatus >= 400 && fastifyStatus < 500) {
      return sendError(reply, request, fastifyStatus, fastifyStatus === 404 ? 'notFound' : 'badRequest', err.message);
    }
    request.log.error({ err }, 'request failed');
    return sendError(reply, request, 500, 'generic');
  });
  fastify.setNotFoundHandler((request, reply) => sendError(reply, request, 404, 'notFound'));
}

/**
 * Client errors of Fastify's own plugins built with `http-errors` (e.g. @fastify/static refusing a
 * path with a NUL byte or an encoded `..`: 400/403) say so with `expose: true`; they stay 4xx.
 */
function isExposedHttpError(err: Error): err is Error & { statusCode: number } {
  const { expose, statusCode } = err as { expose?: unknown; statusCode?: unknown };
  return expose === true && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/** Errors Fastify raises itself (codes `FST_*`) carry a trustworthy HTTP status. */
function isFastifyError(err: Error): err is FastifyError & { statusCode: number } {
  const { code, statusCode } = err as { code?: unknown; statusCode?: unknown };
  return typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number';
}

/** Parse `value` (absent: `{}`) with `schema`, or answer 400 with the reason and return `undefined`. */
export function parseOr400<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, request: FastifyRequest, reply: FastifyReply): T | undefined {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  void sendError(reply, request, 400, 'badRequest', describeZodError(parsed.error));
  return undefined;
}
