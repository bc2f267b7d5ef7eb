/**
 * `GET /l/:code`: the tracked link a post carries. 302 to the link's registered target (which
 * already carries its UTM tags), sent only once a counted click is durable in the journal. An
 * unknown or malformed code gets a friendly page in the visitor's language, never a redirect
 * elsewhere (no open redirect). Transport only: the decisions are in ClickRedirectService.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../../shared/i18n/index.js';
import type { ClickOutcome } from '../services/click-redirect.service.js';
import { requestLanguage } from './errors.js';
import { escapeHtml, sendHtmlPage } from './html-page.js';
import { answerRateLimited, perVisitorLimit } from './rate-limits.js';

export interface ClickRoutesDeps {
  click(code: string, ip: string, userAgent: string | undefined): Promise<ClickOutcome>;
  /**
   * False for a code whose tag does not match (link-codes.ts): answered 404 before any storage
   * read, so a flood of made-up codes costs no table request.
   */
  isGenuineCode?: (code: string) => boolean;
  /** Requests per visitor address per minute on this instance (config RATE_LIMIT_LINKS_PER_MINUTE). */
  perMinute?: number;
}

function sendPage(request: FastifyRequest, reply: FastifyReply, status: 404 | 429 | 503, key: 'notFound' | 'unavailable' | 'tooMany'): FastifyReply {
  const language = requestLanguage(request);
  const t = translator(language, 'clicks');
  if (status === 503) reply.header('retry-after', '30');
  return sendHtmlPage(reply, status, { language, title: t(`${key}.title`), bodyHtml: `<p>${escapeHtml(t(`${key}.body`))}</p>` });
}

export function registerClickRoutes(fastify: FastifyInstance, deps: ClickRoutesDeps): void {
  // Its own scope: a visitor over the limit gets the localized 429 page (Retry-After is set).
  void fastify.register(async (scope) => {
    answerRateLimited(scope, (request, reply) => sendPage(request, reply, 429, 'tooMany'));
    registerClickRoute(scope, deps);
  });
}

function registerClickRoute(fastify: FastifyInstance, deps: ClickRoutesDeps): void {
  fastify.get<{ Params: { code: string } }>('/l/:code', deps.perMinute !== undefined ? perVisitorLimit(deps.perMinute) : {}, async (request, reply) => {
    if (deps.isGenuineCode && !deps.isGenuineCode(request.params.code)) return sendPage(request, reply, 404, 'notFound');
    let outcome: ClickOutcome;
    try {
      outcome = await deps.click(request.params.code, request.ip, request.headers['user-agent']);
    } catch (err) {
      // Only a cache miss reads storage; when it is down the person gets a page, not a JSON error.
      request.log.error({ code: request.params.code, error: err instanceof Error ? err.message : String(err) }, 'tracked link lookup failed');
      return sendPage(request, reply, 503, 'unavailable');
    }
    if (outcome.kind === 'not-found') return sendPage(request, reply, 404, 'notFound');
    return reply
      .header('cache-control', 'private, no-store')
      // The target keeps the origin of the post (analytics), never our path or code.
      .header('referrer-policy', 'strict-origin-when-cross-origin')
      .redirect(outcome.location, 302);
  });
}
