/**
 * "Suggest content": an enrolled person proposes a link for the board (`POST /api/suggestions`);
 * it waits as `pending` for an admin's decision. `GET /api/suggestions/mine` lists the caller's own.
 */
import { z } from 'zod';

export const SUGGESTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** An absolute http(s) URL without credentials, at most 2,048 characters (as a tracked link target). */
export function isSuggestableUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Body of `POST /api/suggestions`. */
export const SuggestContentSchema = z
  .object({
    url: z.string().trim().refine(isSuggestableUrl, { message: 'must be an http(s) URL' }),
    why: z.string().trim().min(1).max(1000),
    /** A topic id of the topic hub, or empty when none fits. */
    topic: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().min(1).max(128).optional()),
  })
  .strict();
export type SuggestContent = z.infer<typeof SuggestContentSchema>;

/** A stored suggestion as its author sees it. */
export const SuggestionSchema = z.object({
  id: z.string(),
  url: z.string(),
  why: z.string(),
  topic: z.string().optional(),
  status: z.enum(SUGGESTION_STATUSES),
  suggestedBy: z.string(),
  suggestedAt: z.string(),
  /** When an admin decided (later issue). */
  decidedAt: z.string().optional(),
  /** Who decided (admin or coordinator id). */
  decidedBy: z.string().optional(),
  /** Why it was rejected, as the person is told. */
  decisionReason: z.string().optional(),
  /** The draft content item made from an approved suggestion. */
  contentId: z.string().optional(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const MySuggestionsSchema = z.object({ suggestions: z.array(SuggestionSchema) });
export type MySuggestions = z.infer<typeof MySuggestionsSchema>;
