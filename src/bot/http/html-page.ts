/**
 * Small server-rendered HTML pages for people who follow a link outside Teams (share intents,
 * tracked links): a localized title and body, readable on a phone, no scripts unless the page
 * passes its own (with a CSP nonce). Every text shown comes from the i18n catalogs.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Language } from '../../shared/domain/types.js';

/** Escape text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** What a page shows; `bodyHtml` must already be escaped (build it with {@link escapeHtml}). */
export interface HtmlPage {
  language: Language;
  title: string;
  bodyHtml: string;
  /** Inline script, allowed by a per-response CSP nonce. */
  script?: string;
}

const STYLE = `body{font-family:"Segoe UI",system-ui,-apple-system,"Noto Sans","Noto Sans CJK JP","Noto Sans Thai",sans-serif;margin:0;background:#f5f5f5;color:#242424}
main{max-width:34rem;margin:10vh auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 1rem}p{line-height:1.5}textarea{width:100%;box-sizing:border-box;min-height:8rem;font:inherit;padding:.5rem}
a.button,button{display:inline-block;margin:.5rem .5rem 0 0;padding:.6rem 1.2rem;border-radius:4px;border:1px solid #5b5fc7;background:#5b5fc7;color:#fff;font:inherit;text-decoration:none;cursor:pointer}
a.secondary,button.secondary{background:#fff;color:#5b5fc7}
@media (prefers-color-scheme:dark){body{background:#1f1f1f;color:#fff}main{background:#292929}}`;

/** Send a page with the given status; no caching, strict CSP, never framed. */
export function sendHtmlPage(reply: FastifyReply, status: number, page: HtmlPage): FastifyReply {
  const nonce = randomBytes(16).toString('base64');
  const script = page.script ? `<script nonce="${nonce}">${page.script}</script>` : '';
  const html = `<!doctype html><html lang="${page.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(page.title)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(page.title)}</h1>${page.bodyHtml}</main>${script}</body></html>`;
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; script-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`)
    .send(html);
}
