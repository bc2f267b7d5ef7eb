/**
 * Waits for permission to send: a token from the person's conversation buckets (Teams' limits,
 * in this process) and a token of the tenant's global budget, shared by every worker in every
 * instance through `SendBudgetStore` in short windows (a worker takes a slice of a window's
 * quota, ahead of time, and spends it locally inside that window; a spent window means waiting
 * for the next one).
 */
import { createBucketState, tryTake, TEAMS_CONVERSATION_LIMITS, type BucketState } from '../../shared/domain/token-buckets.js';
import type { SendBudgetStore } from '../services/campaigns.ports.js';

export interface SendThrottleOptions {
  budget: SendBudgetStore;
  /** Sends per second per tenant across all instances (Teams: 50 per app per tenant). */
  perSecond: number;
  /** Window length in ms; the budget is `perSecond * windowMs / 1000` per window. Default 1,000. */
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendThrottle {
  /** Resolves when `conversationKey` of `tenantId` may send one message now. */
  acquire(tenantId: string, conversationKey: string): Promise<void>;
  /** Hold every send of the tenant for `ms` (a 429 said so). */
  pause(tenantId: string, ms: number): void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface TenantState {
  /** Tokens this process holds per window start. */
  grants: Map<number, number>;
  /** Takes in flight per window start. */
  taking: Map<number, Promise<void>>;
  /** Windows whose quota is spent (a take returned 0). */
  spent: Set<number>;
  pausedUntil: number;
  /** Earliest time of this process's next send (pacing). */
  nextSendAt: number;
  chain: Promise<void>;
}

/**
 * Create a throttle for one worker process. A slice of a window's quota is taken ahead of time
 * for the next `aheadWindows` windows, so the storage round trips of a take overlap the sends of
 * the current window instead of eating into it; tokens are only ever spent inside their window.
 */
export function createSendThrottle(options: SendThrottleOptions & { aheadWindows?: number }): SendThrottle {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const windowMs = options.windowMs ?? 1_000;
  // One process never sends faster than the tenant's rate, so workers together burst at most a
  // few times the rate for part of a window instead of the whole quota at once.
  const spacingMs = 1_000 / options.perSecond;
  const ahead = options.aheadWindows ?? 2;
  const perWindow = Math.max(1, Math.floor((options.perSecond * windowMs) / 1000));
  const slice = Math.max(1, Math.ceil(perWindow / 3));
  const conversations = new Map<string, BucketState>();
  const tenants = new Map<string, TenantState>();

  const stateOf = (tenantId: string): TenantState => {
    let state = tenants.get(tenantId);
    if (!state) {
      state = { grants: new Map(), taking: new Map(), spent: new Set(), pausedUntil: 0, nextSendAt: 0, chain: Promise.resolve() };
      tenants.set(tenantId, state);
    }
    return state;
  };

  /** Take a slice of `window` (once at a time per window); the result lands in `grants` or `spent`. */
  function take(tenantId: string, state: TenantState, window: number): Promise<void> {
    const inFlight = state.taking.get(window);
    if (inFlight) return inFlight;
    const promise = options.budget
      .take(tenantId, window, perWindow, slice)
      .then((granted) => {
        if (granted > 0) state.grants.set(window, (state.grants.get(window) ?? 0) + granted);
        else state.spent.add(window);
      })
      .finally(() => state.taking.delete(window));
    state.taking.set(window, promise);
    return promise;
  }

  /** Ask for the next windows' slices in the background while this one is being spent. */
  function prefetch(tenantId: string, state: TenantState, window: number): void {
    for (let k = 1; k <= ahead; k += 1) {
      const next = window + k * windowMs;
      if ((state.grants.get(next) ?? 0) > 0 || state.spent.has(next) || state.taking.has(next)) continue;
      take(tenantId, state, next).catch(() => undefined);
    }
  }

  async function takeGlobal(tenantId: string): Promise<void> {
    const state = stateOf(tenantId);
    for (;;) {
      const t = now();
      if (state.pausedUntil > t) {
        await sleep(state.pausedUntil - t);
        continue;
      }
      if (state.nextSendAt > t) {
        await sleep(state.nextSendAt - t);
        continue;
      }
      const window = Math.floor(t / windowMs) * windowMs;
      for (const w of state.grants.keys()) if (w < window) state.grants.delete(w);
      for (const w of state.spent) if (w < window) state.spent.delete(w);
      const tokens = state.grants.get(window) ?? 0;
      if (tokens > 0) {
        state.grants.set(window, tokens - 1);
        state.nextSendAt = t + spacingMs;
        if (tokens - 1 < slice / 2) prefetch(tenantId, state, window);
        return;
      }
      if (!state.spent.has(window)) {
        try {
          await take(tenantId, state, window);
        } catch {
          // Storage hiccup: nothing was granted; look again shortly (never send without a token).
          await sleep(Math.min(200, Math.max(1, window + windowMs - now())));
          continue;
        }
        if ((state.grants.get(window) ?? 0) > 0 && Math.floor(now() / windowMs) * windowMs === window) continue;
        // Granted for a window that has passed, or spent: try again in the window we are in now.
        if (Math.floor(now() / windowMs) * windowMs !== window) continue;
      }
      prefetch(tenantId, state, window);
      await sleep(Math.max(1, window + windowMs - now()));
    }
  }

  return {
    async acquire(tenantId, conversationKey) {
      const key = `${tenantId}|${conversationKey}`;
      let bucket = conversations.get(key);
      if (!bucket) {
        bucket = createBucketState(TEAMS_CONVERSATION_LIMITS, now());
        conversations.set(key, bucket);
      }
      for (let wait = tryTake(bucket, TEAMS_CONVERSATION_LIMITS, now()); wait > 0; wait = tryTake(bucket, TEAMS_CONVERSATION_LIMITS, now())) await sleep(wait);
      // Global tokens are handed out one at a time per tenant, so concurrent sends never overdraw a slice.
      const state = stateOf(tenantId);
      const turn = state.chain.then(() => takeGlobal(tenantId));
      state.chain = turn.catch(() => undefined);
      await turn;
      if (conversations.size > 100_000) conversations.clear();
    },
    pause(tenantId, ms) {
      const state = stateOf(tenantId);
      state.pausedUntil = Math.max(state.pausedUntil, now() + ms);
    },
  };
}
