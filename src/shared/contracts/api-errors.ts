/**
 * The error codes every `/api/*` route may answer with, declared once for the server (which
 * sends them) and the tab (which shows `common:error.<code>` in its own UI language).
 */
import { z } from 'zod';

export const API_ERROR_CODES = [
  'badRequest', 'unauthenticated', 'forbidden', 'notFound', 'conflict', 'generic', 'tooManyRequests', 'unavailable',
  // 409s of the campaign and contest lifecycles (src/shared/domain/campaigns-lifecycle.ts, contests-lifecycle.ts).
  'campaignLocked', 'contestStarted', 'contestEnded', 'contestNotStarted',
  // AI writing help ("Help me rewrite"): off (409), too many per person (429), model busy or slow (503), failed (502), refused by the content filter (422).
  'aiWritingOff', 'aiTooManyRewrites', 'aiBusy', 'aiFailed', 'aiRefused',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** True for a code this client knows how to show. */
export function isApiErrorCode(code: string): code is ApiErrorCode {
  return (API_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The error body every `/api/*` route answers with. `code` names a key under `error.` in the
 * `common` catalog, so a client can show the message in its own UI language.
 */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    details: z.string().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
