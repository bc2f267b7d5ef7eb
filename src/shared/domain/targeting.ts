/**
 * Which board items a person is offered, and in what order. Grounded in seed 002 (give people a
 * CHOICE of what they share; don't make everyone share everything) and seed 003 (filters so each
 * team sees content relevant to its work; three content categories).
 */
import type {
  ContentCategory,
  ContentItem,
  ContentResponse,
  Employee,
  IsoInstant,
} from './types.js';

/** The parts of a person that targeting looks at. */
export type TargetingPerson = Pick<Employee, 'id' | 'team' | 'language' | 'persona' | 'topics'>;

/** Tunable weights and limits; every field has a default in `DEFAULT_TARGETING_OPTIONS`. */
export interface TargetingOptions {
  /** Offer at most this many items (top N). */
  limit: number;
  /** Offer at most this fraction of the live board (rounded up), so nobody is offered everything. */
  maxBoardFraction: number;
  /** Restrict to these categories (the person's board filter); empty = all. */
  categories: ContentCategory[];
  /** A snooze without `until` hides the item for this many hours. */
  defaultSnoozeHours: number;
  /** Freshness halves every this many days after publication. */
  freshnessHalfLifeDays: number;
  /** Share-worthiness weight per category (seed 003: team-relevant personal-interest content was the breakthrough). */
  categoryWeights: Record<ContentCategory, number>;
  /** Engagement signal per content id in [0, 1] (e.g. normalised clicks per share so far). */
  engagement: Record<string, number>;
  weights: { topic: number; team: number; language: number; persona: number; freshness: number; engagement: number };
}

export const DEFAULT_TARGETING_OPTIONS: Readonly<TargetingOptions> = Object.freeze({
  limit: 5,
  maxBoardFraction: 0.5,
  categories: [],
  defaultSnoozeHours: 24,
  freshnessHalfLifeDays: 7,
  categoryWeights: { company: 1, industry: 1, 'personal-interest': 1.25 },
  engagement: {},
  weights: { topic: 3, team: 2, language: 1, persona: 1, freshness: 2, engagement: 1 },
});

/** Why an item ranked where it did; the UI can show "because you follow <topic>". */
export type OfferReasonCode =
  | 'topic-match'
  | 'team-match'
  | 'language-match'
  | 'persona-match'
  | 'fresh'
  | 'category'
  | 'engagement';

export interface OfferReason {
  code: OfferReasonCode;
  points: number;
}

export interface RankedOffer {
  item: ContentItem;
  score: number;
  reasons: OfferReason[];
}

export interface TargetingResult {
  offers: RankedOffer[];
  /** Effective cap: min(limit, ceil(maxBoardFraction x live board)). */
  cap: number;
  /** Items published and live now (before any per-person filter). */
  boardSize: number;
  /** Items this person could be offered before the cap. */
  eligibleCount: number;
}

/** Published, past `publishAt` and before `expiresAt` (expiry is exclusive). */
export function isLive(item: Pick<ContentItem, 'status' | 'publishAt' | 'expiresAt'>, now: IsoInstant): boolean {
  if (item.status !== 'published') return false;
  const t = Date.parse(now);
  if (item.publishAt !== undefined && Date.parse(item.publishAt) > t) return false;
  if (item.expiresAt !== undefined && Date.parse(item.expiresAt) <= t) return false;
  return true;
}

/**
 * Whether a person's own responses hide an item: a share or a "not for me" hides it for good
 * (seed 002: respect choice); a snooze hides it until `until` (or the default snooze length).
 * Responses of other people are ignored.
 */
export function isHiddenByResponses(
  personId: string,
  contentId: string,
  responses: readonly ContentResponse[],
  now: IsoInstant,
  defaultSnoozeHours: number = DEFAULT_TARGETING_OPTIONS.defaultSnoozeHours,
): boolean {
  const t = Date.parse(now);
  for (const r of responses) {
    if (r.employeeId !== personId || r.contentId !== contentId) continue;
    if (r.kind === 'shared' || r.kind === 'skipped') return true;
    const until = r.until !== undefined ? Date.parse(r.until) : Date.parse(r.at) + defaultSnoozeHours * 3_600_000;
    if (t < until) return true;
  }
  return false;
}

/**
 * Audience rules of an item: an empty target list means "not restricted on that dimension".
 * Topics are not a filter (most people hold no topic); they rank instead.
 */
export function matchesAudience(item: ContentItem, person: TargetingPerson): boolean {
  if (item.targetTeams.length > 0 && !item.targetTeams.includes(person.team)) return false;
  if (item.targetPersonas.length > 0 && !item.targetPersonas.includes(person.persona)) return false;
  if (item.targetLanguages.length > 0 && !item.targetLanguages.includes(person.language)) return false;
  return true;
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/**
 * Scores an item for a person: relevance (topic overlap share, explicit team, language, explicit
 * persona), freshness decaying by half-life from `publishAt` (or `createdAt`), and share-worthiness
 * (category weight, engagement signal). Additive so each reason shows its points.
 */
export function scoreOffer(
  item: ContentItem,
  person: TargetingPerson,
  now: IsoInstant,
  options: TargetingOptions = DEFAULT_TARGETING_OPTIONS,
): RankedOffer {
  const w = options.weights;
  const reasons: OfferReason[] = [];
  const personTopics = new Set(person.topics.map((t) => t.topicId));
  const itemTopics = new Set(item.topics);
  if (itemTopics.size > 0) {
    const overlap = [...itemTopics].filter((t) => personTopics.has(t)).length;
    if (overlap > 0) reasons.push({ code: 'topic-match', points: round4((w.topic * overlap) / itemTopics.size) });
  }
  if (item.targetTeams.includes(person.team)) reasons.push({ code: 'team-match', points: w.team });
  const languageMatch =
    item.language === person.language || item.suggestedTexts.some((s) => s.language === person.language);
  if (languageMatch) reasons.push({ code: 'language-match', points: w.language });
  if (item.targetPersonas.includes(person.persona)) reasons.push({ code: 'persona-match', points: w.persona });
  const publishedAt = Date.parse(item.publishAt ?? item.createdAt);
  const ageDays = Math.max(0, (Date.parse(now) - publishedAt) / 86_400_000);
  const halfLife = options.freshnessHalfLifeDays > 0 ? options.freshnessHalfLifeDays : 1;
  reasons.push({ code: 'fresh', points: round4(w.freshness * 0.5 ** (ageDays / halfLife)) });
  reasons.push({ code: 'category', points: options.categoryWeights[item.category] });
  const signal = options.engagement[item.id];
  if (signal !== undefined && Number.isFinite(signal) && signal > 0) {
    reasons.push({ code: 'engagement', points: round4(w.engagement * Math.min(1, signal)) });
  }
  const score = round4(reasons.reduce((sum, r) => sum + r.points, 0));
  return { item, score, reasons };
}

function publishedMs(item: ContentItem): number {
  return Date.parse(item.publishAt ?? item.createdAt);
}

/**
 * Picks and ranks what a person is offered: live published items, in their audience, in the
 * chosen categories, not shared, never "not for me", not snoozed; ranked by `scoreOffer` (ties:
 * newer first, then id) and capped at min(limit, ceil(maxBoardFraction x live board)) so no one is
 * offered the whole board (seed 002: choice, and organic spread instead of one blast).
 */
export function selectOffers(
  person: TargetingPerson,
  items: readonly ContentItem[],
  responses: readonly ContentResponse[],
  now: IsoInstant,
  overrides: Partial<TargetingOptions> = {},
): TargetingResult {
  const options: TargetingOptions = { ...DEFAULT_TARGETING_OPTIONS, ...overrides };
  const live = items.filter((item) => isLive(item, now));
  const boardSize = live.length;
  const eligible = live.filter(
    (item) =>
      matchesAudience(item, person) &&
      (options.categories.length === 0 || options.categories.includes(item.category)) &&
      !isHiddenByResponses(person.id, item.id, responses, now, options.defaultSnoozeHours),
  );
  const fraction = Math.min(1, Math.max(0, options.maxBoardFraction));
  const cap = Math.max(0, Math.min(Math.floor(options.limit), Math.ceil(fraction * boardSize)));
  const ranked = eligible
    .map((item) => scoreOffer(item, person, now, options))
    .sort(
      (a, b) =>
        b.score - a.score ||
        publishedMs(b.item) - publishedMs(a.item) ||
        (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    );
  return { offers: ranked.slice(0, cap), cap, boardSize, eligibleCount: eligible.length };
}
