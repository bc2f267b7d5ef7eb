/**
 * The delivery queue's grouping on Azurite: deliveries of one campaign planned in the same second
 * and enqueued together share one queue message; each still comes out as its own delivery; the
 * message goes only when every delivery received from it is deleted or postponed, so a worker
 * that stops midway leaves the message to come back whole; a postponed one moves to a message of
 * its own.
 */
import { QueueClient } from '@azure/storage-queue';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createStorageDeliveryQueue } from '../../../src/bot/storage/delivery-queue.js';
import { uniqueTablePrefix } from '../../support/azurite.js';

async function freshQueue(): Promise<QueueClient> {
  const client = new QueueClient(inject('azuriteConnectionString'), `${uniqueTablePrefix('dq').toLowerCase().replace(/[^a-z0-9]/g, '')}-deliveries`);
  await client.create();
  return client;
}

describe('delivery queue grouping', () => {
  it('shares messages within a campaign and second, releases a message only when all its deliveries are done, moves a postponed one out', async () => {
    const client = await freshQueue();
    const queue = createStorageDeliveryQueue(client);
    const at = new Date(Date.now() - 1_000).toISOString();
    const later = new Date(Date.now() + 60_000).toISOString();
    // 40 of campaign c1 due now (two messages: 32 + 8), 3 of c2 due now, 2 of c1 planned a minute later.
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => queue.enqueue({ tenantId: 't', campaignId: 'c1', employeeId: `p${i}`, at }, 0)),
      ...Array.from({ length: 3 }, (_, i) => queue.enqueue({ tenantId: 't', campaignId: 'c2', employeeId: `q${i}`, at }, 0)),
      ...Array.from({ length: 2 }, (_, i) => queue.enqueue({ tenantId: 't', campaignId: 'c1', employeeId: `l${i}`, at: later }, 60_000)),
    ]);
    expect(queue.requests.send).toBe(4);
    expect((await client.getProperties()).approximateMessagesCount).toBe(4);

    const first = await queue.receive(200, 1_000);
    expect(first.map((d) => d.message.employeeId).sort()).toEqual([...Array.from({ length: 40 }, (_, i) => `p${i}`), 'q0', 'q1', 'q2'].sort());
    expect(new Set(first.map((d) => d.messageId)).size).toBe(3);
    expect(first.every((d) => d.message.at === at)).toBe(true);

    // Delete all but p0 and p1; postpone p1 (a retry) by 30 s: it moves to a message of its own.
    const byId = new Map(first.map((d) => [d.message.employeeId, d]));
    for (const d of first) if (d.message.employeeId !== 'p0' && d.message.employeeId !== 'p1') await queue.delete(d);
    await queue.postpone(byId.get('p1')!, 30_000);
    // p0's message (and only it) is still there: c2's message and the other c1 message are gone.
    expect((await client.getProperties()).approximateMessagesCount).toBe(3); // p0's message, p1 moved, the later pair
    // The worker "stops" without deleting p0: the message reappears with all its deliveries after
    // the visibility timeout; the records decide what each one means (tested in delivery.worker.test.ts).
    await new Promise((r) => setTimeout(r, 1_500));
    // It comes back whole (p1 included: it is also in its own message, hidden 30 s; the ETag claim
    // sends it once); c2's message, deleted once its three were done, does not.
    const again = await queue.receive(200, 30_000);
    const p0Message = first.find((d) => d.message.employeeId === 'p0')!.messageId;
    expect(again.map((d) => d.message.employeeId).sort()).toEqual(first.filter((d) => d.messageId === p0Message).map((d) => d.message.employeeId).sort());
    expect(again.map((d) => d.message.employeeId)).toContain('p1');
    expect(again.some((d) => d.message.campaignId === 'c2' || d.message.employeeId.startsWith('l'))).toBe(false);
    await client.delete();
  });
});
