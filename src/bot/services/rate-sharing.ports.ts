/**
 * Port of the rate-limit counts shared by the instances of one deployment (http/shared-rate-store.ts):
 * each instance publishes, about once a second, how many requests each limited visitor made to it
 * in the current window; every instance adds the others' counts to its own. Keys are keyed hashes
 * (never an address), rows are overwritten in place and removed when their instance stops.
 */

/** One instance's counts in one window. */
export interface RateCountsRow {
  instanceId: string;
  /** Start of the fixed window the counts belong to (epoch ms). */
  windowStartMs: number;
  /** Requests per limiter key (`<route>|<visitor hash>`) in that window, at `updatedAtMs`. */
  counts: Record<string, number>;
  updatedAtMs: number;
}

/** Where the rows live (one small table, one row per running instance). */
export interface RateCountsBoard {
  /** Overwrite this instance's row. */
  publish(row: RateCountsRow): Promise<void>;
  /** Every instance's row (including this one's and stale ones). */
  list(): Promise<RateCountsRow[]>;
  /** Remove an instance's row (this one's at stop, a dead one's when long stale); absent is fine. */
  remove(instanceId: string): Promise<void>;
}
