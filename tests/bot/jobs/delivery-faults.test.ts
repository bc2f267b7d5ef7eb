/**
 * The delivery worker under the connector's latency and dropped-connection faults (Azurite, real
 * CloudAdapter): slow answers do not serialise sends; a connection that ends without an answer
 * after the request went out is `unknown` (it may have arrived) and never resent, whether the
 * connector had accepted it or not; a refused connection (nothing sent) is retried.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BuildMessage } from '../../../src/bot/jobs/message-builders.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { startTestDeliveryWorker, testCampaignService, waitForDeliveries } from '../../support/delivery.js';
import { makeEmployee } from '../../support/fixtures.js';

let harness: BotHarness;
let seq = 0;
const card: BuildMessage = async ({ employeeId }) => ({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `hello ${employeeId}` }] } }] });

beforeAll(async () => {
  harness = await startBotHarness({ label: 'dlvfaults', connector: { rateLimits: false } });
});
afterAll(() => harness.stop());
beforeEach(() => harness.connector.reset());

const reference = (tenantId: string, id: string, serviceUrl = harness.connector.serviceUrl) =>
  ({ tenantId, employeeId: id, reference: JSON.stringify({ serviceUrl, channelId: 'msteams', conversation: { id: `conv-${tenantId}-${id}` }, user: { id: `u-${id}` }, bot: { id: 'bot' } }), updatedAt: new Date().toISOString() });

async function launch(n: number) {
  const tenantId = `faults${(seq += 1)}`;
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  await harness.repositories.employees.upsertMany(ids.map((id) => makeEmployee({ id, tenantId, timeZone: 'UTC', workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 0, end: 24 }, weeklyPromptCap: 5 })));
  for (const id of ids) await harness.repositories.conversationReferences.upsert(reference(tenantId, id));
  const campaigns = testCampaignService(harness);
  const start = new Date(Date.now() - 60_000);
  const campaign = await campaigns.create(tenantId, 'admin', { kind: 'training', subjectId: 'm1', audience: { personas: [], teams: [], topicIds: [], languages: [], employeeIds: [] }, window: { start: start.toISOString(), end: new Date(start.getTime() + 120_000).toISOString() }, slotMinutes: 1 });
  await campaigns.launch(tenantId, campaign.id);
  return { tenantId, campaignId: campaign.id, campaigns };
}

const conv = (tenantId: string, id: string) => `conv-${tenantId}-${id}`;

describe('delivery worker under connector faults', () => {
  it('slow answers (400 ms each) overlap: 12 sends finish in far less than 12 x 400 ms, each once', async () => {
    const { tenantId, campaignId } = await launch(12);
    harness.connector.injectLatency(400, { match: (r) => (r.conversationId ?? '').startsWith(`conv-${tenantId}-`) });
    const started = Date.now();
    const worker = startTestDeliveryWorker(harness, { training: card }, { concurrency: 8 });
    try {
      await waitForDeliveries(harness, tenantId, campaignId, (s) => s === 'sent');
    } finally {
      await worker.stop();
    }
    expect(Date.now() - started).toBeLessThan(12 * 400);
    expect(harness.connector.counters).toMatchObject({ delayed: 12, accepted: 12, dropped: 0 });
    expect(new Set(harness.connector.sent.map((s) => s.conversationId)).size).toBe(12);
    expect(harness.connector.sent).toHaveLength(12);
  }, 30_000);

  it('a connection dropped without an answer is unknown and never resent, whether or not the connector accepted it', async () => {
    const { tenantId, campaignId, campaigns } = await launch(4);
    harness.connector.dropConnections({ count: 1, match: (r) => r.conversationId === conv(tenantId, 'p0') });
    harness.connector.dropConnections({ count: 1, afterAccept: true, match: (r) => r.conversationId === conv(tenantId, 'p1') });
    const worker = startTestDeliveryWorker(harness, { training: card });
    try {
      await waitForDeliveries(harness, tenantId, campaignId);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await worker.stop();
    }
    expect(harness.connector.counters).toMatchObject({ dropped: 2, droppedAfterAccept: 1, accepted: 3 });
    const p0 = await campaigns.delivery(tenantId, campaignId, 'p0');
    const p1 = await campaigns.delivery(tenantId, campaignId, 'p1');
    expect(p0).toMatchObject({ status: 'unknown', attempts: 1, reason: expect.stringContaining('may have arrived') });
    expect(p1).toMatchObject({ status: 'unknown', attempts: 1 });
    const requests = (id: string) => harness.connector.requests.filter((r) => r.conversationId === conv(tenantId, id)).map((r) => r.status);
    expect(requests('p0')).toEqual([0]);
    expect(requests('p1')).toEqual([0]);
    // p1's message did arrive once (the answer was lost); p0's never did; nobody got two.
    expect(harness.connector.sent.filter((s) => s.conversationId === conv(tenantId, 'p1'))).toHaveLength(1);
    expect(harness.connector.sent.filter((s) => s.conversationId === conv(tenantId, 'p0'))).toHaveLength(0);
    expect((await campaigns.status(tenantId, campaignId)).counts).toMatchObject({ sent: 2, unknown: 2 });
  }, 30_000);

  it('a refused connection (nothing sent) is retried and then delivered once', async () => {
    const { tenantId, campaignId, campaigns } = await launch(1);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await harness.repositories.conversationReferences.upsert(reference(tenantId, 'p0', `http://127.0.0.1:${port}/`));
    const worker = startTestDeliveryWorker(harness, { training: card }, { maxAttempts: 5 });
    try {
      const deadline = Date.now() + 10_000;
      while (!((await campaigns.delivery(tenantId, campaignId, 'p0'))?.reason ?? '').includes('no answer') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await campaigns.delivery(tenantId, campaignId, 'p0')).toMatchObject({ status: 'planned', reason: expect.stringContaining('no answer') });
      await harness.repositories.conversationReferences.upsert(reference(tenantId, 'p0'));
      await waitForDeliveries(harness, tenantId, campaignId);
    } finally {
      await worker.stop();
    }
    expect(await campaigns.delivery(tenantId, campaignId, 'p0')).toMatchObject({ status: 'sent' });
    expect(harness.connector.sent.filter((s) => s.conversationId === conv(tenantId, 'p0'))).toHaveLength(1);
  }, 30_000);
});
