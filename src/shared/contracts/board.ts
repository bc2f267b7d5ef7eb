/**
 * Contract of the content board endpoint `GET /api/board`, shared by the server (validates the
 * query, shapes the response) and the tab (parses the response with the same schema, so a drift
 * between the two fails loudly instead of rendering half a card).
 */
import { z } from 'zod';
import { CONTENT_CATEGORIES, NETWORKS, SUPPORTED_LANGUAGES } from '../domain/types.js';

/** An empty query value (`?category=`) means "no filter", as a form would send it. */
const optionalFilter = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Query of `GET /api/board`. Unknown parameters are refused so typos do not silently match all. */
export const BoardQuerySchema = z
  .object({
    category: optionalFilter(z.enum(CONTENT_CATEGORIES)),
    language: optionalFilter(z.enum(SUPPORTED_LANGUAGES)),
    /** A topic id: items tagged with it. */
    topic: optionalFilter(z.string().trim().min(1).max(128)),
    /** A team name: items for that team (targeted at it, or at everyone), as the domain's audience rule says. */
    team: optionalFilter(z.string().trim().min(1).max(128)),
    /** Free text; every word must match the title, summary, a topic name or the language. */
    q: optionalFilter(z.string().trim().max(200)),
    /** UI language of error messages (read by the error helper); does not filter. */
    lang: z.string().max(35).optional(),
  })
  .strict();
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

/** http(s) or same-origin path: what a card may link to or load an image from (never `javascript:`). */
const SAFE_URL = /^(https?:\/\/[^\s]+|\/(?!\/)[^\s]*)$/i;

/** True when `url` may be rendered as a link or image source. */
export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url);
}
const safeUrl = z.string().refine(isSafeUrl, { message: 'must be an http(s) URL or a same-origin path' });

/** One published content item as the board shows it (no targeting or suggested texts). */
export const BoardItemSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  url: safeUrl,
  summary: z.string(),
  imageUrl: safeUrl.optional(),
  /** Language the item itself is written in (the title gets this `lang`). */
  language: z.enum(SUPPORTED_LANGUAGES),
  category: z.enum(CONTENT_CATEGORIES),
  topics: z.array(z.string()),
  /** When it went on the board: `publishAt`, or `createdAt` if it was published at once. */
  publishedAt: z.string().datetime({ offset: true }),
  /** Networks the caller already shared this item on (any door: card, tab, campaign). */
  sharedOn: z.array(z.enum(NETWORKS)).default([]),
});
export type BoardItem = z.infer<typeof BoardItemSchema>;

/** Per-category counts; `all` is the sum. */
export const BoardCountsSchema = z.object({
  all: z.number().int().nonnegative(),
  company: z.number().int().nonnegative(),
  industry: z.number().int().nonnegative(),
  'personal-interest': z.number().int().nonnegative(),
});
export type BoardCounts = z.infer<typeof BoardCountsSchema>;

/**
 * Response of `GET /api/board`: the items matching every filter, most relevant to the caller first
 * (domain targeting: followed topics, own team, language, persona, freshness), newest first among
 * equals. `counts` apply every filter but the category (so category tabs can show how many each
 * would list); `languages`, `topics` and `teams` list what the whole live board offers (so a
 * filter never offers an empty choice).
 */
export const BoardResponseSchema = z.object({
  items: z.array(BoardItemSchema),
  counts: BoardCountsSchema,
  languages: z.array(z.enum(SUPPORTED_LANGUAGES)),
  /** Topic id -> display name in the caller's language, for the topics of the live board. */
  topicNames: z.record(z.string(), z.string()).default({}),
  /** Topic ids on the live board, by display name. */
  topics: z.array(z.string()).default([]),
  /** Teams some live item targets, sorted. */
  teams: z.array(z.string()).default([]),
});
export type BoardResponse = z.infer<typeof BoardResponseSchema>;

export { ApiErrorBodySchema, type ApiErrorBody } from './api-errors.js';
