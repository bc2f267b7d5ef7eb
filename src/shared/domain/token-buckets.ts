/**
 * Token buckets for Teams' bot limits (per conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s,
 * 1,800 per hour): a send may go when every bucket has a token. Pure: time comes in as `nowMs`.
 */

export interface BucketLimit {
  /** Requests allowed per `perMs`. */
  limit: number;
  perMs: number;
}

/** Teams' documented per-conversation limits for a bot. */
export const TEAMS_CONVERSATION_LIMITS: readonly BucketLimit[] = [
  { limit: 7, perMs: 1_000 },
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
  { limit: 1_800, perMs: 3_600_000 },
];

/** Token levels of one key's buckets, refilled continuously. */
export interface BucketState {
  tokens: number[];
  atMs: number;
}

/** A full set of buckets. */
export function createBucketState(limits: readonly BucketLimit[], nowMs: number): BucketState {
  return { tokens: limits.map((l) => l.limit), atMs: nowMs };
}

function refill(state: BucketState, limits: readonly BucketLimit[], nowMs: number): void {
  const elapsed = Math.max(0, nowMs - state.atMs);
  state.tokens = state.tokens.map((t, i) => {
    const l = limits[i];
    return l ? Math.min(l.limit, t + (elapsed * l.limit) / l.perMs) : t;
  });
  state.atMs = Math.max(state.atMs, nowMs);
}

/**
 * Takes a token from every bucket and returns 0, or takes nothing and returns how many ms to wait
 * until every bucket has one.
 */
export function tryTake(state: BucketState, limits: readonly BucketLimit[], nowMs: number): number {
  refill(state, limits, nowMs);
  let wait = 0;
  state.tokens.forEach((t, i) => {
    const l = limits[i];
    if (l && t < 1) wait = Math.max(wait, Math.ceil(((1 - t) * l.perMs) / l.limit));
  });
  if (wait > 0) return wait;
  state.tokens = state.tokens.map((t) => t - 1);
  return 0;
}
