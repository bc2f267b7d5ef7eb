/**
 * Token buckets for the test connector's throttling: each key (a conversation, or the bot) has one
 * bucket per limit; a request passes only when every bucket of its key holds a token. Buckets
 * refill continuously (`capacity` tokens per `windowMs`) and start full.
 */

/** At most `capacity` requests per `windowMs`, with bursts up to `capacity`. */
export interface TokenBucketLimit {
  capacity: number;
  windowMs: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets for any number of keys under the same limits. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket[]>();

  constructor(
    private readonly limits: readonly TokenBucketLimit[],
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Milliseconds until every bucket of `key` holds a token (0: a request may pass now). */
  waitTime(key: string): number {
    const buckets = this.refill(key);
    let wait = 0;
    this.limits.forEach((limit, i) => {
      const tokens = buckets[i]?.tokens ?? limit.capacity;
      if (tokens < 1) wait = Math.max(wait, ((1 - tokens) * limit.windowMs) / limit.capacity);
    });
    return wait;
  }

  /** Take one token from every bucket of `key` (call after {@link waitTime} returned 0). */
  consume(key: string): void {
    for (const bucket of this.refill(key)) bucket.tokens -= 1;
  }

  /** Forget every key (all buckets full again). */
  clear(): void {
    this.buckets.clear();
  }

  private refill(key: string): Bucket[] {
    const now = this.now();
    let buckets = this.buckets.get(key);
    if (!buckets) {
      buckets = this.limits.map((limit) => ({ tokens: limit.capacity, updatedAt: now }));
      this.buckets.set(key, buckets);
      return buckets;
    }
    this.limits.forEach((limit, i) => {
      const bucket = buckets[i];
      if (!bucket) return;
      bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((now - bucket.updatedAt) * limit.capacity) / limit.windowMs);
      bucket.updatedAt = now;
    });
    return buckets;
  }
}
