/**
 * Waits for permission to send: a token from the person's conversation buckets (Teams' limits,
 * in this process) and a token of the tenant's global budget, shared by every worker in every
 * instance through `SendBudgetStore` in short windows (a worker takes a slice of a window's
 * quota and spends it locally; a spent window means waiting for the next one).
 */
import { createBucketState, tryTake, TEAMS_CONVERSATION_LIMITS, type BucketState } from '../../shared/domain/token-buckets.js';
import type { SendBudgetStore } from '../services/campaigns.ports.js';

export interface SendThrottleOptions {
  budget: SendBudgetStore;
  /** Sends per second per tenant across all instances (Teams: 50 per app per tenant). */
  perSecond: number;
  /** Window length in ms; the budget is `perSecond * windowMs / 1000` per window. Default 250. */
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

/** Create a throttle for one worker process. */
export function createSendThrottle(options: SendThrottleOptions): SendThrottle {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const windowMs = options.windowMs ?? 250;
  const perWindow = Math.max(1, Math.floor((options.perSecond * windowMs) / 1000));
  const slice = Math.max(1, Math.ceil(perWindow / 4));
  const conversations = new Map<string, BucketState>();
  const tenants = new Map<string, { window: number; tokens: number; pausedUntil: number; chain: Promise<void> }>();

  async function takeGlobal(tenantId: string): Promise<void> {
    const state = tenants.get(tenantId) ?? { window: -1, tokens: 0, pausedUntil: 0, chain: Promise.resolve() };
    tenants.set(tenantId, state);
    for (;;) {
      const t = now();
      if (state.pausedUntil > t) {
        await sleep(state.pausedUntil - t);
        continue;
      }
      const window = Math.floor(t / windowMs) * windowMs;
      if (state.window !== window) {
        state.window = window;
        state.tokens = 0;
      }
      if (state.tokens > 0) {
        state.tokens -= 1;
        return;
      }
      const granted = await options.budget.take(tenantId, window, perWindow, slice);
      if (state.window === window && granted > 0) {
        state.tokens += granted - 1;
        return;
      }
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
      const state = tenants.get(tenantId) ?? { window: -1, tokens: 0, pausedUntil: 0, chain: Promise.resolve() };
      tenants.set(tenantId, state);
      const turn = state.chain.then(() => takeGlobal(tenantId));
      state.chain = turn.catch(() => undefined);
      await turn;
      if (conversations.size > 100_000) conversations.clear();
    },
    pause(tenantId, ms) {
      const state = tenants.get(tenantId) ?? { window: -1, tokens: 0, pausedUntil: 0, chain: Promise.resolve() };
      state.pausedUntil = Math.max(state.pausedUntil, now() + ms);
      tenants.set(tenantId, state);
    },
  };
}
