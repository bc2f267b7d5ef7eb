/**
 * Per-visitor rate-limit counts shared by every instance of a deployment, as a store for
 * @fastify/rate-limit. The hot path never waits on storage: a request is counted in memory and
 * compared with its own count plus what the other instances last published for the same visitor.
 * About once a second an instance with traffic publishes its counts of the current window (one
 * row per instance, overwritten) and reads the others' rows, so N instances hold a visitor to the
 * limit, not to N times it. The cost is two storage calls per busy instance per second, whatever
 * the traffic; an idle instance makes none.
 *
 * An instance counts a visitor's own requests in a window that starts at the visitor's first
 * request (as the plugin's in-memory store does); what instances exchange is counted in windows
 * aligned on the clock, which every instance agrees on. The sharing lags by up to one sync interval: in that second each instance may let through up to the limit minus what
 * it knew, so a visitor spreading a burst over N instances within one second can pass by at most
 * (N - 1) x its rate over that second. If storage fails, each instance keeps limiting on its own
 * counts (never fewer than before sharing existed) and says so once a minute in the log.
 *
 * The keys are keyed hashes of the visitor's address block (rate-limits.ts), never an address.
 */
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { RateCountsBoard } from '../services/rate-sharing.ports.js';

export interface SharedRateCountsOptions {
  /** Where instances meet; absent: counts stay in this process (tests, a single instance). */
  board?: RateCountsBoard;
  instanceId: string;
  /** Window of every limit (all limited routes use the same one). */
  windowMs: number;
  /** Publish and read interval while there is traffic. Default 1,000 ms. */
  syncMs?: number;
  /** Another instance's row older than this is removed (it stopped without saying so). Default 5 min. */
  staleMs?: number;
  /** Keys published per sync, the busiest first (bounds the row size). Default 500. */
  maxPublishedKeys?: number;
  /** Keys counted per window in memory; beyond, new visitors are not limited until the next window. Default 200,000. */
  maxLocalKeys?: number;
  now?: () => number;
  /** A sync failed (storage down): the limiter goes on with local counts. */
  onSyncError?: (err: unknown) => void;
}

/** Counts of one window; see the module comment. */
export class SharedRateCounts {
  /** This instance's requests per key, in a window that starts at the key's first request (as the plugin's own store). */
  private visits = new Map<string, { n: number; startMs: number }>();
  /** Start of the clock-aligned window the shared counts below belong to. */
  private windowStartMs = Number.NaN;
  /** This instance's requests per key in the aligned window (what it publishes). */
  private local = new Map<string, number>();
  /** The other instances' requests per key in the aligned window (what they published). */
  private remote = new Map<string, number>();
  private dirty = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SharedRateCountsOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Count one request of `key`: its total (this instance's count in the key's own window, plus the
   * others' in the aligned window) and the ms left in the key's window.
   */
  incr(key: string): { current: number; ttl: number } {
    const now = this.now();
    this.roll(now);
    let visit = this.visits.get(key);
    if (!visit || visit.startMs + this.options.windowMs <= now) {
      if (!visit && this.visits.size >= (this.options.maxLocalKeys ?? 200_000)) return { current: 1, ttl: this.options.windowMs };
      visit = { n: 0, startMs: now };
      this.visits.set(key, visit);
    }
    visit.n += 1;
    this.local.set(key, (this.local.get(key) ?? 0) + 1);
    this.dirty = true;
    return { current: visit.n + (this.remote.get(key) ?? 0), ttl: visit.startMs + this.options.windowMs - now };
  }

  /**
   * Publish this instance's counts and read the others'. Calls never overlap (a second caller gets
   * the running sync); nothing happens without traffic in the current window.
   */
  sync(): Promise<void> {
    this.running ??= this.syncOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Sync every `syncMs` until {@link stop}; errors go to `onSyncError`. */
  start(): void {
    if (this.timer || !this.options.board) return;
    this.timer = setInterval(() => void this.sync().catch((err: unknown) => this.options.onSyncError?.(err)), this.options.syncMs ?? 1_000);
    this.timer.unref();
  }

  /** Stop syncing and remove this instance's row (best effort: storage may be down at stop). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.options.board?.remove(this.options.instanceId).catch(() => undefined);
  }

  /** A store class for the plugin's `store` option; each limited route counts under its own URL. */
  storeClass(): new () => FastifyRateLimitStore {
    const incr = (key: string) => this.incr(key);
    const storeFor = (route: string): FastifyRateLimitStore => ({
      incr: (key, callback) => callback(null, incr(`${route}|${key}`)),
      // The plugin hands each limited route its merged options with the route under `routeInfo`.
      child: (routeOptions) => storeFor((routeOptions as { routeInfo?: { url?: string } }).routeInfo?.url ?? '*'),
    });
    return class {
      constructor() {
        return storeFor('*');
      }
    } as unknown as new () => FastifyRateLimitStore;
  }

  private roll(now: number): void {
    const start = now - (now % this.options.windowMs);
    if (start === this.windowStartMs) return;
    this.windowStartMs = start;
    this.local = new Map();
    this.remote = new Map();
    this.dirty = false;
    for (const [key, visit] of this.visits) if (visit.startMs + this.options.windowMs <= now) this.visits.delete(key);
  }

  private async syncOnce(): Promise<void> {
    const board = this.options.board;
    if (!board) return;
    const now = this.now();
    this.roll(now);
    if (this.local.size === 0) return;
    const window = this.windowStartMs;
    if (this.dirty) {
      this.dirty = false;
      const busiest = [...this.local].sort((a, b) => b[1] - a[1]).slice(0, this.options.maxPublishedKeys ?? 500);
      await board.publish({ instanceId: this.options.instanceId, windowStartMs: window, counts: Object.fromEntries(busiest), updatedAtMs: now });
    }
    const rows = await board.list();
    const others = new Map<string, number>();
    for (const row of rows) {
      if (row.instanceId === this.options.instanceId) continue;
      if (row.windowStartMs === window) {
        for (const [key, n] of Object.entries(row.counts)) others.set(key, (others.get(key) ?? 0) + n);
      } else if (now - row.updatedAtMs > (this.options.staleMs ?? 300_000)) {
        await board.remove(row.instanceId);
      }
    }
    if (this.windowStartMs === window) this.remote = others;
  }
}

/** `report`, called at most once a minute (a sync failing every second says so once). */
export function onceAMinute(report: (err: unknown) => void, now: () => number = Date.now): (err: unknown) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (err) => {
    if (now() - last < 60_000) return;
    last = now();
    report(err);
  };
}
