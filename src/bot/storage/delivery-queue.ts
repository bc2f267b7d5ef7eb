/**
 * The delivery queue on Azure Storage Queues: each recipient's delivery is invisible until its
 * planned time. A queue hides a message for at most 7 days, so a later time is reached in hops:
 * the message carries its planned instant and a worker that receives it early enqueues it again.
 *
 * Deliveries of one campaign planned within the same second (`groupWindowMs`) and enqueued
 * together (within `coalesceMs`, as a launch does) share one physical message of up to
 * `maxGroup` recipients, visible at the earliest of their times. Each recipient still comes out
 * of `receive` as its own `ReceivedDelivery`; the physical message is deleted once every
 * recipient received from it is deleted or postponed (a postponed one moves to a message of its
 * own). A worker that dies leaves the message to reappear after its visibility timeout with all
 * its recipients, exactly like a one-recipient message: the records decide (final: deleted,
 * `sending`: `unknown`, `planned`: sent). Queue requests per delivery fall by the group size, and
 * so does the queue's depth, which the storage emulator scans on every receive and delete.
 */
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { DeliveryMessage, DeliveryQueue, ReceivedDelivery } from '../services/campaigns.ports.js';
import { translateError } from './errors.js';

/** The service's visibility limit is 7 days; stay a minute below it. */
export const MAX_VISIBILITY_MS = 7 * 86_400_000 - 60_000;

const messageSchema = z.object({ tenantId: z.string().min(1), campaignId: z.string().min(1), employeeId: z.string().min(1), at: z.string().datetime() });
const groupSchema = z.object({ v: z.literal(2), tenantId: z.string().min(1), campaignId: z.string().min(1), items: z.array(z.tuple([z.string().min(1), z.string().datetime()])).min(1) });

const seconds = (ms: number) => Math.max(0, Math.min(Math.ceil(ms / 1000), Math.floor(MAX_VISIBILITY_MS / 1000)));

export interface DeliveryQueueOptions {
  /** Most recipients per physical message; default 32 (1 = one message per recipient). */
  maxGroup?: number;
  /** Recipients share a message only when planned within the same window of this length; default 1,000 ms. */
  groupWindowMs?: number;
  /** How long an enqueue waits for others of its group; default 5 ms. */
  coalesceMs?: number;
  now?: () => number;
}

/** Physical queue requests made so far (benchmarks print them per delivery). */
export interface DeliveryQueueRequests {
  send: number;
  receive: number;
  delete: number;
  update: number;
}

interface PendingGroup {
  tenantId: string;
  campaignId: string;
  items: Array<{ employeeId: string; at: string; dueAtMs: number; resolve(): void; reject(err: unknown): void }>;
  timer?: NodeJS.Timeout;
}

interface InFlight {
  popReceipt: string;
  /** Recipients received from this message and not yet deleted or postponed. */
  open: Set<string>;
  size: number;
  expiresAtMs: number;
}

/** DeliveryQueue on a storage queue client; malformed messages are deleted and skipped. */
export function createStorageDeliveryQueue(client: QueueClient, options: DeliveryQueueOptions = {}): DeliveryQueue & { requests: DeliveryQueueRequests } {
  const now = options.now ?? Date.now;
  const maxGroup = Math.max(1, Math.min(options.maxGroup ?? 32, 256));
  const windowMs = options.groupWindowMs ?? 1_000;
  const coalesceMs = options.coalesceMs ?? 5;
  const requests: DeliveryQueueRequests = { send: 0, receive: 0, delete: 0, update: 0 };
  const pending = new Map<string, PendingGroup>();
  const inFlight = new Map<string, InFlight>();
  /** Recipients per received message lately (so a receive asks for about as many recipients as there is room for). */
  let perMessage = maxGroup;

  async function sendGroup(group: PendingGroup): Promise<void> {
    const dueAtMs = Math.min(...group.items.map((i) => i.dueAtMs));
    const text =
      group.items.length === 1
        ? JSON.stringify({ tenantId: group.tenantId, campaignId: group.campaignId, employeeId: group.items[0]!.employeeId, at: group.items[0]!.at })
        : JSON.stringify({ v: 2, tenantId: group.tenantId, campaignId: group.campaignId, items: group.items.map((i) => [i.employeeId, i.at]) });
    try {
      requests.send += 1;
      await client.sendMessage(text, { visibilityTimeout: seconds(dueAtMs - now()), messageTimeToLive: -1 });
      for (const item of group.items) item.resolve();
    } catch (err) {
      const typed = translateError(err, 'enqueue delivery');
      for (const item of group.items) item.reject(typed);
    }
  }

  function flush(key: string): void {
    const group = pending.get(key);
    if (!group) return;
    pending.delete(key);
    if (group.timer) clearTimeout(group.timer);
    void sendGroup(group);
  }

  function enqueue(message: DeliveryMessage, delayMs: number): Promise<void> {
    let parsed: DeliveryMessage;
    try {
      parsed = messageSchema.parse(message);
    } catch (err) {
      return Promise.reject(translateError(err, 'enqueue delivery'));
    }
    const dueAtMs = now() + delayMs;
    const key = `${parsed.tenantId}|${parsed.campaignId}|${Math.floor(Date.parse(parsed.at) / windowMs)}|${Math.floor(dueAtMs / windowMs)}`;
    return new Promise<void>((resolve, reject) => {
      let group = pending.get(key);
      if (!group) {
        group = { tenantId: parsed.tenantId, campaignId: parsed.campaignId, items: [] };
        pending.set(key, group);
        group.timer = setTimeout(() => flush(key), coalesceMs);
      }
      group.items.push({ employeeId: parsed.employeeId, at: parsed.at, dueAtMs, resolve, reject });
      if (group.items.length >= maxGroup) flush(key);
    });
  }

  async function deletePhysical(messageId: string, popReceipt: string): Promise<void> {
    try {
      requests.delete += 1;
      await client.deleteMessage(messageId, popReceipt);
    } catch (err) {
      const typed = translateError(err, 'delete delivery message');
      if (typed.statusCode !== 404) throw typed;
    }
  }

  /** One recipient of a received message is done with it; the message goes when all are. */
  async function release(received: ReceivedDelivery): Promise<void> {
    const entry = inFlight.get(received.messageId);
    if (!entry || entry.popReceipt !== received.popReceipt) {
      // Not received here (a test or another process's receipt): delete it as a message of its own.
      await deletePhysical(received.messageId, received.popReceipt);
      return;
    }
    entry.open.delete(received.message.employeeId);
    if (entry.open.size > 0) return;
    inFlight.delete(received.messageId);
    await deletePhysical(received.messageId, received.popReceipt);
  }

  return {
    requests,
    enqueue,
    async receive(max, visibilityMs) {
      const t = now();
      for (const [id, entry] of inFlight) if (entry.expiresAtMs < t) inFlight.delete(id);
      const count = Math.min(32, Math.max(1, Math.ceil(Math.max(1, max) / Math.max(1, perMessage))));
      let items;
      try {
        requests.receive += 1;
        items = (await client.receiveMessages({ numberOfMessages: count, visibilityTimeout: Math.max(1, seconds(visibilityMs)) })).receivedMessageItems;
      } catch (err) {
        throw translateError(err, 'receive deliveries');
      }
      const received: ReceivedDelivery[] = [];
      for (const item of items) {
        let messages: DeliveryMessage[];
        try {
          const json: unknown = JSON.parse(item.messageText);
          const group = groupSchema.safeParse(json);
          messages = group.success ? group.data.items.map(([employeeId, at]) => ({ tenantId: group.data.tenantId, campaignId: group.data.campaignId, employeeId, at })) : [messageSchema.parse(json)];
        } catch {
          requests.delete += 1;
          await client.deleteMessage(item.messageId, item.popReceipt).catch(() => undefined);
          continue;
        }
        perMessage = perMessage * 0.8 + messages.length * 0.2;
        const open = new Set(messages.map((m) => m.employeeId));
        inFlight.set(item.messageId, { popReceipt: item.popReceipt, open, size: open.size, expiresAtMs: t + visibilityMs });
        for (const message of messages) received.push({ message, messageId: item.messageId, popReceipt: item.popReceipt, dequeueCount: item.dequeueCount });
      }
      return received;
    },
    delete: release,
    async postpone(received, delayMs) {
      const entry = inFlight.get(received.messageId);
      if (!entry || entry.size === 1 || entry.popReceipt !== received.popReceipt) {
        try {
          requests.update += 1;
          const res = await client.updateMessage(received.messageId, received.popReceipt, undefined, seconds(delayMs));
          if (entry) inFlight.delete(received.messageId);
          return { ...received, popReceipt: res.popReceipt ?? received.popReceipt };
        } catch (err) {
          throw translateError(err, 'postpone delivery message');
        }
      }
      // One recipient of a shared message: it moves to a message of its own (grouped with others
      // postponed together), then leaves the shared one. A crash in between leaves it in both:
      // the record's ETag claim still sends it once.
      await enqueue(received.message, delayMs);
      await release(received);
      return received;
    },
  };
}
