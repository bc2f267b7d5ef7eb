/**
 * `GET /policy?tenant=<id>&lang=<language>`: the social media policy in force, read-only, as a
 * small localized page. The policy card's "Read the full policy" opens it in any Teams client
 * (desktop, web, mobile) and in the Agents Playground; the tab has no policy page. Public on
 * purpose: a policy is meant to be read, holds nothing personal, and the page never shows who
 * acknowledged it. Unknown tenant or no policy: a 404 page.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { resolveLanguage, translator } from '../../shared/i18n/index.js';
import type { PolicyService } from '../services/policy.service.js';
import { requestLanguage } from './errors.js';
import { escapeHtml, sendHtmlPage } from './html-page.js';
import { renderSafeMarkdown } from './safe-markdown.js';

const QuerySchema = z.object({
  tenant: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/),
  lang: z.string().max(35).optional(),
});

export interface PolicyRoutesDeps {
  policy: Pick<PolicyService, 'current'>;
}

/** Register `GET /policy`. */
export function registerPolicyRoutes(fastify: FastifyInstance, deps: PolicyRoutesDeps): void {
  fastify.get('/policy', async (request, reply) => {
    const query = QuerySchema.safeParse(request.query);
    const asked = query.success && query.data.lang !== undefined ? resolveLanguage(query.data.lang) : requestLanguage(request);
    const policy = query.success ? await deps.policy.current(query.data.tenant, asked) : undefined;
    if (!policy) {
      const t = translator(asked, 'sharing');
      return sendHtmlPage(reply, 404, { language: asked, title: t('policyPage.missingTitle'), bodyHtml: `<p>${escapeHtml(t('policyPage.missing'))}</p>` });
    }
    const t = translator(policy.language, 'sharing');
    const bodyHtml = `<p><em>${escapeHtml(t('policyPage.version', { version: policy.version }))}</em></p>${renderSafeMarkdown(policy.fullText)}`;
    return sendHtmlPage(reply, 200, { language: policy.language, title: policy.title, bodyHtml });
  });
}

/** The page's URL for a tenant and language (what `PolicyView.fullTextUrl` points at). */
export function policyPageUrl(publicBaseUrl: string, tenantId: string, language: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/policy?tenant=${encodeURIComponent(tenantId)}&lang=${encodeURIComponent(language)}`;
}
