/**
 * Content lifecycle: draft -> approved -> published -> expired. Pure rules (no clock of their
 * own: `now` is passed in). An admin or coordinator moves an item with an action; what is allowed
 * from each status is one table, so the API, the tab buttons and the tests read the same rules.
 */
import type { ContentItem, ContentStatus, IsoInstant } from './types.js';

/** What an admin can do to an item. */
export const CONTENT_ACTIONS = ['approve', 'publish', 'expire', 'reopen'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

/** The one transition table: `from` status + action -> `to` status. Missing = refused. */
export const CONTENT_TRANSITIONS: Readonly<Record<ContentStatus, Partial<Record<ContentAction, ContentStatus>>>> = Object.freeze({
  draft: { approve: 'approved' },
  approved: { publish: 'published', reopen: 'draft' },
  published: { expire: 'expired' },
  expired: { reopen: 'draft' },
});

/** Why a transition is refused. */
export type LifecycleRefusal = 'not-allowed' | 'expiry-passed' | 'expiry-before-publish' | 'missing-suggested-text';

export type LifecycleResult = { ok: true; status: ContentStatus; publishAt?: IsoInstant } | { ok: false; reason: LifecycleRefusal };

/** Actions offered for an item in `status` (buttons in the tab). */
export function allowedContentActions(status: ContentStatus): ContentAction[] {
  return CONTENT_ACTIONS.filter((action) => CONTENT_TRANSITIONS[status][action] !== undefined);
}

/**
 * Apply `action` to `item` at `now`. Publishing needs at least one suggested text and an expiry
 * (when set) still ahead and after the publish date; it keeps a future `publishAt` (the board
 * shows the item from then) and otherwise stamps `now`.
 */
export function transitionContent(item: Pick<ContentItem, 'status' | 'publishAt' | 'expiresAt' | 'suggestedTexts'>, action: ContentAction, now: IsoInstant): LifecycleResult {
  const to = CONTENT_TRANSITIONS[item.status][action];
  if (to === undefined) return { ok: false, reason: 'not-allowed' };
  if (action === 'publish') {
    if (!item.suggestedTexts.some((s) => s.variants.some((v) => v.trim() !== ''))) return { ok: false, reason: 'missing-suggested-text' };
    if (item.expiresAt !== undefined && item.expiresAt <= now) return { ok: false, reason: 'expiry-passed' };
    const publishAt = item.publishAt !== undefined && item.publishAt > now ? item.publishAt : now;
    if (item.expiresAt !== undefined && item.expiresAt <= publishAt) return { ok: false, reason: 'expiry-before-publish' };
    return { ok: true, status: to, publishAt };
  }
  return { ok: true, status: to };
}

/** The status a reader sees at `now`: a published item past its expiry counts as expired. */
export function effectiveContentStatus(item: Pick<ContentItem, 'status' | 'expiresAt'>, now: IsoInstant): ContentStatus {
  if (item.status === 'published' && item.expiresAt !== undefined && item.expiresAt <= now) return 'expired';
  return item.status;
}

/** Whether the item's fields may still be edited (an expired item is reopened first). */
export function isContentEditable(status: ContentStatus): boolean {
  return status !== 'expired';
}

/** Dates of an item are consistent: expiry after publish date when both are set. */
export function checkContentDates(item: Pick<ContentItem, 'publishAt' | 'expiresAt'>): boolean {
  return item.publishAt === undefined || item.expiresAt === undefined || item.expiresAt > item.publishAt;
}
