/**
 * The delivery queue on Azure Storage Queues: one message per recipient, invisible until its
 * planned time. A queue hides a message for at most 7 days, so a later time is reached in hops:
 * the message carries its planned instant and a worker that receives it early enqueues it again.
 */
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { DeliveryMessage, DeliveryQueue, ReceivedDelivery } from '../services/campaigns.ports.js';
import { translateError } from './errors.js';

/** The service's visibility limit is 7 days; stay a minute below it. */
export const MAX_VISIBILITY_MS = 7 * 86_400_000 - 60_000;

const messageSchema = z.object({ tenantId: z.string().min(1), campaignId: z.string().min(1), employeeId: z.string().min(1), at: z.string().datetime() });

const seconds = (ms: number) => Math.max(0, Math.min(Math.ceil(ms / 1000), Math.floor(MAX_VISIBILITY_MS / 1000)));

/** DeliveryQueue on a storage queue client; malformed messages are deleted and skipped. */
export function createStorageDeliveryQueue(client: QueueClient): DeliveryQueue {
  return {
    async enqueue(message, delayMs) {
      try {
        await client.sendMessage(JSON.stringify(messageSchema.parse(message)), { visibilityTimeout: seconds(delayMs), messageTimeToLive: -1 });
      } catch (err) {
        throw translateError(err, 'enqueue delivery');
      }
    },
    async receive(max, visibilityMs) {
      let items;
      try {
        items = (await client.receiveMessages({ numberOfMessages: Math.min(32, Math.max(1, max)), visibilityTimeout: Math.max(1, seconds(visibilityMs)) })).receivedMessageItems;
      } catch (err) {
        throw translateError(err, 'receive deliveries');
      }
      const received: ReceivedDelivery[] = [];
      for (const item of items) {
        let parsed: DeliveryMessage | undefined;
        try {
          parsed = messageSchema.parse(JSON.parse(item.messageText));
        } catch {
          await client.deleteMessage(item.messageId, item.popReceipt).catch(() => undefined);
          continue;
        }
        received.push({ message: parsed, messageId: item.messageId, popReceipt: item.popReceipt, dequeueCount: item.dequeueCount });
      }
      return received;
    },
    async delete(received) {
      try {
        await client.deleteMessage(received.messageId, received.popReceipt);
      } catch (err) {
        const typed = translateError(err, 'delete delivery message');
        if (typed.statusCode !== 404) throw typed;
      }
    },
    async postpone(received, delayMs) {
      try {
        const res = await client.updateMessage(received.messageId, received.popReceipt, undefined, seconds(delayMs));
        return { ...received, popReceipt: res.popReceipt ?? received.popReceipt };
      } catch (err) {
        throw translateError(err, 'postpone delivery message');
      }
    },
  };
}
