/**
 * The public share door `GET /s/:code/:network`, opened in the person's browser from the share
 * prompt card (outside Teams, so no SSO: the unguessable prompt code is the capability, and the
 * auth hook only guards `/api/`). It validates the path, asks the sharing service to record the
 * share once, and either redirects (302) to the network's composer or shows a small page: the
 * Facebook copy page (Facebook takes no text), or a localized refusal. It never redirects
 * anywhere but the three composers the domain builds.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language } from '../../shared/domain/types.js';
import { translator } from '../../shared/i18n/index.js';
import type { SharingService, ShareIntentOutcome } from '../services/sharing.service.js';
import { requestLanguage } from './errors.js';
import { escapeHtml, sendHtmlPage } from './html-page.js';
import { answerRateLimited, perVisitorLimit } from './rate-limits.js';

/** The only hosts a share door may send a browser to. */
export const COMPOSER_ORIGINS = ['https://www.linkedin.com', 'https://x.com', 'https://www.facebook.com'] as const;

const ParamsSchema = z.object({
  code: z.string().regex(/^[0-9A-Za-z]{12}$/),
  network: z.string().min(1).max(20),
});

export interface ShareRoutesDeps {
  sharing: Pick<SharingService, 'openIntent'>;
  clock?: () => Date;
  /** False for a prompt code whose tag does not match (link-codes.ts): refused before any storage read. */
  isGenuineCode?: (code: string) => boolean;
  /** Requests per visitor address per minute on this instance (config RATE_LIMIT_SHARES_PER_MINUTE). */
  perMinute?: number;
}

/** True for a URL on one of the composers' origins (defence in depth against an open redirect). */
export function isComposerUrl(location: string): boolean {
  try {
    return (COMPOSER_ORIGINS as readonly string[]).includes(new URL(location).origin);
  } catch {
    return false;
  }
}

/** Register `GET /s/:code/:network`. */
export function registerShareRoutes(fastify: FastifyInstance, deps: ShareRoutesDeps): void {
  // Its own scope: a visitor over the limit gets the localized 429 page (Retry-After is set).
  void fastify.register(async (scope) => {
    answerRateLimited(scope, (request, reply) => tooManyPage(request, reply));
    registerShareRoute(scope, deps);
  });
}

function registerShareRoute(fastify: FastifyInstance, deps: ShareRoutesDeps): void {
  const clock = deps.clock ?? (() => new Date());
  fastify.get('/s/:code/:network', deps.perMinute !== undefined ? perVisitorLimit(deps.perMinute) : {}, async (request, reply) => {
    const params = ParamsSchema.safeParse(request.params);
    if (!params.success) return refusedPage(reply, requestLanguage(request), 'unknown-code');
    if (deps.isGenuineCode && !deps.isGenuineCode(params.data.code)) return refusedPage(reply, requestLanguage(request), 'unknown-code');
    const outcome = await deps.sharing.openIntent(params.data.code, params.data.network, clock());
    return answer(request, reply, outcome);
  });
}

function answer(request: FastifyRequest, reply: FastifyReply, outcome: ShareIntentOutcome): FastifyReply {
  switch (outcome.kind) {
    case 'refused':
      // An unknown code has no person to take the language from: use the browser's.
      return refusedPage(reply, outcome.reason === 'unknown-code' ? requestLanguage(request) : outcome.language, outcome.reason);
    case 'redirect':
      if (!isComposerUrl(outcome.location)) throw new Error('share door refused a non-composer redirect');
      return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(outcome.location, 302);
    case 'copy-then-continue':
      if (!isComposerUrl(outcome.location)) throw new Error('share door refused a non-composer redirect');
      return facebookPage(reply, outcome.language, outcome.text, outcome.location);
  }
}

function tooManyPage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const language = requestLanguage(request);
  const t = translator(language, 'clicks');
  return sendHtmlPage(reply, 429, { language, title: t('tooMany.title'), bodyHtml: `<p>${escapeHtml(t('tooMany.body'))}</p>` });
}

function refusedPage(reply: FastifyReply, language: Language, reason: Extract<ShareIntentOutcome, { kind: 'refused' }>['reason']): FastifyReply {
  const t = translator(language, 'sharing');
  return sendHtmlPage(reply, reason === 'unknown-code' ? 404 : reason === 'network-not-offered' ? 404 : reason === 'content-unavailable' ? 410 : 403, {
    language,
    title: t('refused.title'),
    bodyHtml: `<p>${escapeHtml(t(`refused.${reason}`))}</p><p>${escapeHtml(t('refused.back'))}</p>`,
  });
}

/**
 * Facebook's sharer takes a URL only, so the person copies their words first. The text sits in a
 * read-only, pre-selected textarea (copyable by hand without JavaScript); the button copies it
 * with the Clipboard API when scripts run. "Continue" is a plain link to the sharer.
 */
function facebookPage(reply: FastifyReply, language: Language, text: string, location: string): FastifyReply {
  const t = translator(language, 'sharing');
  const bodyHtml = [
    `<p>${escapeHtml(t('facebook.intro'))}</p>`,
    `<label for="share-text">${escapeHtml(t('facebook.label'))}</label>`,
    `<textarea id="share-text" readonly>${escapeHtml(text)}</textarea>`,
    `<p id="copy-status" role="status" aria-live="polite">${escapeHtml(t('facebook.noScript'))}</p>`,
    `<button type="button" id="copy" class="secondary" hidden>${escapeHtml(t('facebook.copy'))}</button>`,
    `<a class="button" id="continue" href="${escapeHtml(location)}" rel="noopener noreferrer">${escapeHtml(t('facebook.continue'))}</a>`,
  ].join('');
  const copied = JSON.stringify(t('facebook.copied')).replace(/</g, '\\u003c');
  const script = `(function(){var a=document.getElementById('share-text'),b=document.getElementById('copy'),s=document.getElementById('copy-status');s.textContent='';b.hidden=false;a.addEventListener('focus',function(){a.select();});b.addEventListener('click',function(){a.select();var done=function(){s.textContent=${copied};};if(navigator.clipboard){navigator.clipboard.writeText(a.value).then(done,function(){document.execCommand('copy');done();});}else{document.execCommand('copy');done();}});})();`;
  return sendHtmlPage(reply, 200, { language, title: t('facebook.title'), bodyHtml, script });
}
