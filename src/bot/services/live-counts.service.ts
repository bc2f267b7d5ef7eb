/**
 * Live click counts per share (tracked link) for the refreshed share card, the tab and the bot.
 * A count is the number of rows in the link's Clicks partition (a key-only single-partition read,
 * one request up to 1,000 clicks), kept for `ttlMs` (default 5 s) so a card refreshed by many
 * viewers costs one read per link per window. Counts only grow; a cached one is at most `ttlMs` old.
 */
import { mapLimit } from '../util/map-limit.js';
import type { ClickRepository } from './ports.js';

export interface LiveCountsService {
  clicksForShare(linkCode: string): Promise<number>;
  /** Counts for several links, read in parallel (bounded). */
  clicksForShares(linkCodes: readonly string[]): Promise<Record<string, number>>;
}

export function createLiveCountsService(deps: { clicks: Pick<ClickRepository, 'countByCode'>; ttlMs?: number; now?: () => number }): LiveCountsService {
  const ttl = deps.ttlMs ?? 5_000;
  const now = deps.now ?? (() => Date.now());
  const cache = new Map<string, { at: number; count: Promise<number> }>();

  function clicksForShare(linkCode: string): Promise<number> {
    const hit = cache.get(linkCode);
    if (hit && now() - hit.at < ttl) return hit.count;
    const count = deps.clicks.countByCode(linkCode);
    cache.set(linkCode, { at: now(), count });
    count.catch(() => cache.delete(linkCode));
    if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
    return count;
  }

  return {
    clicksForShare,
    async clicksForShares(linkCodes) {
      const unique = [...new Set(linkCodes)];
      const counts = await mapLimit(unique, 8, clicksForShare);
      return Object.fromEntries(unique.map((code, i) => [code, counts[i] as number]));
    },
  };
}
