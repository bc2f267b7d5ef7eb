/**
 * Payloads of the bot's Adaptive Card `Action.Execute` actions (verbs in
 * `src/bot/teams/verbs.ts`). Teams sends back the action's `data` merged with the card's input
 * values; anything can be forged by a client, so every handler parses with these schemas first
 * and answers a stale or forged payload with a message card, writing nothing.
 */
import { z } from 'zod';
import { NETWORKS } from '../domain/types.js';

/** Prompt codes are unguessable url-safe tokens. */
export const promptCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);
const network = z.enum(NETWORKS);
/** Ids of content and campaigns as the storage keys allow them. */
const id = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/);

/** Longest text accepted from the card editor (LinkedIn's limit is 3,000; room for pasting). */
export const MAX_CARD_TEXT = 5_000;

/** `share.prepare`: share on `network` with the editor's text; `shownNetwork` is whose text the editor was filled with. */
export const SharePrepareSchema = z.object({
  promptCode: promptCodeSchema,
  network,
  shownNetwork: network,
  text: z.string().max(MAX_CARD_TEXT).default(''),
});
export type SharePrepare = z.infer<typeof SharePrepareSchema>;

/** `share.edit` and `share.refresh`: which stage the card shows (refresh keeps the stage it was in). */
export const ShareStageSchema = z.object({
  promptCode: promptCodeSchema,
  stage: z.enum(['open', 'ready']).default('open'),
  network: network.optional(),
});
export type ShareStage = z.infer<typeof ShareStageSchema>;

export const SKIP_REASONS = ['not-relevant', 'not-comfortable', 'already-shared', 'other'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** `share.skip` ("Not for me"), with the optional reason from the card's choice set. */
export const ShareSkipSchema = z.object({
  promptCode: promptCodeSchema,
  reason: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SKIP_REASONS).optional()),
});

/** `share.later` ("Remind me later"). */
export const ShareLaterSchema = z.object({ promptCode: promptCodeSchema });

/** `share.start`: open a prompt on a board item for whoever clicked. */
export const ShareStartSchema = z.object({ contentId: id, campaignId: id.optional() });
export type ShareStart = z.infer<typeof ShareStartSchema>;

/** `policy.accept`: the version the card showed, and the item to continue with once agreed. */
export const PolicyAcceptSchema = z.object({
  /** A number, or its digits as a string (never `true`, `[]` or other values a coercion would accept). */
  version: z.union([z.number(), z.string().trim().regex(/^\d{1,9}$/)]).pipe(z.coerce.number().int().positive()),
  then: ShareStartSchema.optional(),
});
export type PolicyAccept = z.infer<typeof PolicyAcceptSchema>;

/**
 * `audit.submit`: the card's inputs are flat (`audienceLinkedin`, ...); this reshapes them into
 * the nested answers `AuditAnswersSchema` (contracts/audit.ts) validates.
 */
export function auditInputsToAnswers(data: Record<string, unknown>): Record<string, unknown> {
  return {
    audience: Object.fromEntries(NETWORKS.map((n) => [n, data[`audience_${n}`]])),
    postsPerMonth: data.postsPerMonth,
    goals: data.goals ?? '',
    learningStyle: data.learningStyle,
    topics: data.topics ?? '',
    wantsToGrow: data.wantsToGrow ?? 'false',
    noPrompts: data.noPrompts ?? 'false',
  };
}
