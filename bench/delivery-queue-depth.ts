/**
 * Probe (issue 9): how long one queue receive / delete / update and one delivery-record point read
 * / conditional update take on the emulator as the number of messages in the queue (and rows in
 * the partition) grows. Run: `npx tsx bench/delivery-queue-depth.ts [--persisted]`.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { QueueServiceClient } from '@azure/storage-queue';
import { TableClient } from '@azure/data-tables';
import { freePort, startAzuriteProcess, stopChild } from './support/clicks-harness.js';

const { values } = parseArgs({ options: { persisted: { type: 'boolean', default: false }, depths: { type: 'string', default: '0,1000,5000,10000,20000' } } });
const azurite = await startAzuriteProcess(values.persisted ? await mkdtemp(join(tmpdir(), 'azq-')) : undefined, await freePort(), await freePort());
const queue = QueueServiceClient.fromConnectionString(azurite.connectionString).getQueueClient('probe');
await queue.createIfNotExists();
const table = TableClient.fromConnectionString(azurite.connectionString, 'probe', { allowInsecureConnection: true });
await table.createTable().catch(() => undefined);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
async function timed(n: number, op: () => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await op();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

let depth = 0;
let rows = 0;
console.log('hidden messages | rows | send ms | receive(32) ms | delete ms | update ms | row read ms | row update ms');
for (const target of values.depths.split(',').map(Number)) {
  while (depth < target) {
    const batch = Math.min(200, target - depth);
    await Promise.all(Array.from({ length: batch }, () => queue.sendMessage('{"x":1}', { visibilityTimeout: 3600 })));
    await Promise.all(Array.from({ length: batch }, (_, i) => table.createEntity({ partitionKey: 'p', rowKey: `r${rows + i}`, status: 'planned' })));
    depth += batch;
    rows += batch;
  }
  // Visible messages to receive: 32 per receive, received with a long visibility (they stay hidden after).
  const visible = 20 * 32;
  await Promise.all(Array.from({ length: visible }, () => queue.sendMessage('{"x":2}')));
  const sendMs = await timed(20, () => queue.sendMessage('{"x":3}', { visibilityTimeout: 3600 }));
  const received: Array<{ messageId: string; popReceipt: string }> = [];
  const receiveMs = await timed(20, async () => received.push(...(await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 3600 })).receivedMessageItems));
  let k = 0;
  const updateMs = await timed(40, async () => {
    const m = received[k]!;
    const res = await queue.updateMessage(m.messageId, m.popReceipt, undefined, 3600);
    received[k] = { messageId: m.messageId, popReceipt: res.popReceipt! };
    k += 1;
  });
  k = 0;
  const deleteMs = await timed(received.length, async () => {
    const m = received[k++]!;
    await queue.deleteMessage(m.messageId, m.popReceipt);
  });
  const readMs = await timed(40, () => table.getEntity('p', `r${Math.floor(Math.random() * Math.max(1, rows))}`).catch(() => undefined));
  const updMs = await timed(40, () => table.updateEntity({ partitionKey: 'p', rowKey: `r${Math.floor(Math.random() * Math.max(1, rows))}`, status: 'sent' }, 'Merge').catch(() => undefined));
  depth += 20; // the sends above stay hidden
  console.log(`${depth} | ${rows} | ${sendMs.toFixed(2)} | ${receiveMs.toFixed(2)} | ${deleteMs.toFixed(2)} | ${updateMs.toFixed(2)} | ${readMs.toFixed(2)} | ${updMs.toFixed(2)}`);
}
await stopChild(azurite);
