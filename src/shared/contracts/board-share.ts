/**
 * Contract of the board's share panel (`/api/board/items/:id/share...`), shared by the server
 * routes and the tab. The panel is the tab's door to the one sharing service: the same prompt,
 * texts, tracked links, share door (`/s/<code>/<network>`) and policy gate as the share card.
 */
import { z } from 'zod';
import { SKIP_REASONS } from './card-actions.js';
import { countNetworkLength, NETWORK_TEXT_LIMITS } from '../domain/suggested-text.js';
import { CONTENT_CATEGORIES, NETWORKS, SUPPORTED_LANGUAGES, type Network } from '../domain/types.js';

/** Path parameters of every share panel route. */
export const BoardItemParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/) }).strict();
export const BoardShareNetworkParamsSchema = BoardItemParamsSchema.extend({ network: z.enum(NETWORKS) }).strict();

/** `PUT /api/board/items/:id/share/:network`: the person's words for one network (no link, no disclosure). */
export const SaveShareTextSchema = z.object({ text: z.string().max(3000) }).strict();
export type SaveShareText = z.infer<typeof SaveShareTextSchema>;

/** `POST /api/board/items/:id/not-for-me`: "Not for me", with the card's optional reasons. */
export const NotForMeSchema = z
  .object({ reason: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(SKIP_REASONS).optional()) })
  .strict();
export type NotForMe = z.infer<typeof NotForMeSchema>;

/** One network of the panel. */
export const SharePanelNetworkSchema = z.object({
  network: z.enum(NETWORKS),
  /** Current body: suggested in the person's language, or their saved edit. No disclosure, no link. */
  text: z.string(),
  /** The programme's disclosure line for this person (absent when the programme turned it off). */
  disclosure: z.string().optional(),
  /** True when the disclosure fits in the post with the current text (the share door adds it then). */
  disclosureFits: z.boolean(),
  /** The person's tracked link for this network (`/l/<code>`), counted in the length. */
  linkUrl: z.string().url(),
  /** Length of the whole post as the network counts it, and the network's limit. */
  length: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  /** Same-origin path of the share door (records the share, then the network's composer). */
  intentPath: z.string().regex(/^\/s\/[0-9A-Za-z]{12}\/(linkedin|x|facebook)$/),
  /** Set when shared through this prompt. */
  shared: z.object({ at: z.string(), clicks: z.number().int().nonnegative() }).optional(),
});
export type SharePanelNetwork = z.infer<typeof SharePanelNetworkSchema>;

/** A share of this item by this person, whatever the door (card, campaign, board). */
export const ShareHistoryEntrySchema = z.object({
  network: z.enum(NETWORKS),
  at: z.string(),
  clicks: z.number().int().nonnegative(),
});
export type ShareHistoryEntry = z.infer<typeof ShareHistoryEntrySchema>;

/** Response of the share panel routes. */
export const SharePanelSchema = z.object({
  contentId: z.string(),
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  imageUrl: z.string().optional(),
  category: z.enum(CONTENT_CATEGORIES),
  /** The person's language: the suggested texts are in it (or the item's, or English). */
  language: z.enum(SUPPORTED_LANGUAGES),
  networks: z.array(SharePanelNetworkSchema),
  state: z.enum(['open', 'shared', 'skipped', 'snoozed']),
  /** False until the person agreed to the current social media policy: sharing is refused. */
  policyAcknowledged: z.boolean(),
  /** Every share of this item by this person with its clicks, newest first. */
  history: z.array(ShareHistoryEntrySchema),
  /** "Help me rewrite" is offered: the programme turned AI writing help on and a model is configured. */
  aiWriting: z.boolean().optional(),
});
export type SharePanel = z.infer<typeof SharePanelSchema>;

/** `POST /api/board/items/:id/rewrite`: versions of the person's current words for one network. */
export const RewriteRequestSchema = z
  .object({
    network: z.enum(NETWORKS),
    /** The editor's text as it is now (maybe unsaved); no link, no disclosure. */
    text: z.string().max(3000),
    /** Language to write in; default the person's. */
    language: z.enum(SUPPORTED_LANGUAGES).optional(),
  })
  .strict();
export type RewriteRequest = z.infer<typeof RewriteRequestSchema>;

/** Answer of the rewrite route: a few versions to pick from (nothing is saved). */
export const RewriteResultSchema = z.object({
  network: z.enum(NETWORKS),
  language: z.enum(SUPPORTED_LANGUAGES),
  variants: z.array(z.object({ text: z.string(), shortened: z.boolean() })),
  /** Versions of the model not offered: with a blocked phrase, or unusable (empty, repeated). */
  dropped: z.object({ blocked: z.number().int().nonnegative(), unusable: z.number().int().nonnegative() }),
});
export type RewriteResult = z.infer<typeof RewriteResultSchema>;

/** Body, disclosure and link joined the way every door posts them (blank lines between parts). */
export function joinSharePost(body: string, disclosure: string | undefined, url: string | undefined): string {
  return [body.trim(), disclosure ?? '', url ?? ''].filter((part) => part !== '').join('\n\n');
}

/** A post's length for the panel's live counter, as the share door will post it. */
export interface SharePostMeasure {
  /** Length of the whole post (body, the disclosure when it fits, link) as the network counts it. */
  length: number;
  limit: number;
  /** The disclosure goes out with the post (it fits, and the body does not already say it). */
  disclosureKept: boolean;
  /** Nothing to say: the door would refuse an empty edit. */
  empty: boolean;
  /** Body and link alone exceed the limit: the edit would be refused. */
  tooLong: boolean;
}

/**
 * Counts a post as the network counts it (domain `countNetworkLength`: X weighs CJK double and
 * every URL as 23), with the service's rule for the disclosure: added only when the whole post
 * still fits and the body does not already contain it.
 */
export function measureSharePost(body: string, network: Network, url: string, disclosure: string | undefined): SharePostMeasure {
  const limit = NETWORK_TEXT_LIMITS[network];
  const trimmed = body.trim();
  const count = (d: string | undefined) => countNetworkLength(joinSharePost(trimmed, d, url), network);
  const disclosureKept = disclosure !== undefined && !trimmed.toLowerCase().includes(disclosure.toLowerCase()) && count(disclosure) <= limit;
  const length = count(disclosureKept ? disclosure : undefined);
  return { length, limit, disclosureKept, empty: trimmed === '', tooLong: count(undefined) > limit || trimmed.length > 3000 };
}
