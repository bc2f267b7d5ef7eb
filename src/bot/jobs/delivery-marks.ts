/**
 * Batched status changes of delivery records: changes to records of one campaign (one table
 * partition) that arrive within a few milliseconds go out as one ETag-checked transaction instead
 * of one request each. A transaction is all or nothing, so when it fails (a record changed
 * meanwhile, or any error) each change is retried alone, and a record that changed resolves as
 * `undefined` exactly as a single conditional update would.
 */
import type { Delivery } from '../../shared/domain/campaigns.js';
import type { DeliveryRepository } from '../services/campaigns.ports.js';
import { ConflictError } from '../services/errors.js';
import type { Versioned } from '../services/ports.js';

interface Pending {
  delivery: Delivery;
  etag: string;
  resolve(value: Versioned<Delivery> | undefined): void;
  reject(error: unknown): void;
}

/** Queues conditional updates and writes them per campaign in transactions. */
export interface MarkBatcher {
  /** Replace the record with `next` only at `etag`; undefined when it changed meanwhile. */
  mark(next: Delivery, etag: string): Promise<Versioned<Delivery> | undefined>;
}

/** `delayMs`: how long a change waits for others of its campaign (default 20 ms); at most 100 per transaction. */
export function createMarkBatcher(deliveries: Pick<DeliveryRepository, 'update' | 'updateMany'>, delayMs = 20): MarkBatcher {
  const pending = new Map<string, Pending[]>();

  async function one(item: Pending): Promise<void> {
    try {
      item.resolve(await deliveries.update(item.delivery, item.etag));
    } catch (err) {
      if (err instanceof ConflictError) item.resolve(undefined);
      else item.reject(err);
    }
  }

  async function flush(key: string): Promise<void> {
    const items = pending.get(key) ?? [];
    pending.delete(key);
    for (let i = 0; i < items.length; i += 100) {
      const chunk = items.slice(i, i + 100);
      if (chunk.length === 1) {
        await one(chunk[0]!);
        continue;
      }
      try {
        const done = await deliveries.updateMany(chunk.map((p) => ({ delivery: p.delivery, etag: p.etag })));
        chunk.forEach((p, j) => p.resolve(done[j]));
      } catch {
        await Promise.all(chunk.map(one));
      }
    }
  }

  return {
    mark(next, etag) {
      const key = `${next.tenantId}|${next.campaignId}`;
      return new Promise((resolve, reject) => {
        let list = pending.get(key);
        if (!list) {
          list = [];
          pending.set(key, list);
          setTimeout(() => void flush(key), delayMs);
        }
        list.push({ delivery: next, etag, resolve, reject });
      });
    },
  };
}
