/**
 * The delivery worker (issue 9): takes campaign deliveries off the queue when they become
 * visible, claims each record with its ETag (`planned` -> `sending`), sends it through the
 * DeliverySender inside the send throttle, marks it `sent` and deletes the message. Exactly
 * once: a record found `sending` (a worker died between claim and mark) becomes `unknown` and is
 * never sent again automatically, and so does a send whose connection ended without an answer
 * after the request went out (it may have arrived); a duplicate message finds the record already
 * done. 403/404 make the person `unreachable`; 429 waits `Retry-After`; 412, 408 and 5xx back off
 * exponentially with jitter; after `maxAttempts` the record is `failed` with the reason. Any
 * number of workers may share one queue.
 *
 * Storage work is batched per received batch and campaign: the records and the people's
 * references are read with a few queries, the claims go out as one ETag-checked transaction and
 * the final statuses are grouped into transactions (`delivery-marks.ts`); only the queue message
 * deletes stay one request each. A message is deleted only after its record's final status is
 * stored, so a crash in between leaves a `sending` record and its message (reported `unknown`).
 */
import type { Activity } from 'botbuilder';
import { classifySendFailure, retryDelayMs, type Campaign, type Delivery } from '../../shared/domain/campaigns.js';
import type { CampaignStores, ReceivedDelivery } from '../services/campaigns.ports.js';
import { NotFoundError } from '../services/errors.js';
import type { Versioned } from '../services/ports.js';
import type { DeliverySender } from '../teams/delivery-sender.js';
import { createMarkBatcher } from './delivery-marks.js';
import type { MessageBuilders } from './message-builders.js';
import type { SendThrottle } from './send-throttle.js';

/** Told once a delivery reached a final status (`sent`, `unreachable`, `failed`, `unknown`, `cancelled`). */
export type DeliveryListener = (delivery: Delivery) => Promise<void> | void;

export interface DeliveryWorkerDeps {
  stores: CampaignStores;
  sender: DeliverySender;
  throttle: SendThrottle;
  /** The message builder of each dispatch kind. */
  builders: MessageBuilders;
  /** Called after each final status (errors are logged, never undo the status). */
  onOutcome?: DeliveryListener;
  now?: () => number;
  random?: () => number;
  logger?: { warn(details: object, message: string): void };
}

export interface DeliveryWorkerOptions {
  /** Messages in flight at once; default 32. */
  concurrency?: number;
  /** Tries per delivery before `failed`; default 5. */
  maxAttempts?: number;
  /** Idle poll interval; default 1,000 ms. */
  pollMs?: number;
  /** How long a received message stays hidden while processed; default 300,000 ms. */
  visibilityMs?: number;
  /** A message received this much before its planned time is put back; default 2,000 ms. */
  earlyMs?: number;
  /** How long a paused campaign's messages wait before being looked at again; default 60,000 ms. */
  pausedRecheckMs?: number;
  /** How long a status change waits to share a transaction with others; default 20 ms. */
  markDelayMs?: number;
}

export type DeliveryOutcome = 'sent' | 'unreachable' | 'failed' | 'unknown' | 'retry' | 'rescheduled' | 'paused' | 'cancelled' | 'skipped';

export interface DeliveryWorker {
  /** Handle one received message (exposed for tests and benchmarks). */
  process(received: ReceivedDelivery): Promise<DeliveryOutcome>;
  /** Handle a received batch together (what the polling loop does). */
  processBatch(batch: readonly ReceivedDelivery[]): Promise<DeliveryOutcome[]>;
  /** Poll the queue until `stop()`. */
  start(): void;
  /** Stop polling and wait for sends in flight. */
  stop(): Promise<void>;
}

const FINAL: ReadonlySet<Delivery['status']> = new Set(['sent', 'unreachable', 'failed', 'unknown', 'cancelled']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Create a worker. */
export function createDeliveryWorker(deps: DeliveryWorkerDeps, options: DeliveryWorkerOptions = {}): DeliveryWorker {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const concurrency = options.concurrency ?? 32;
  const maxAttempts = options.maxAttempts ?? 5;
  const { stores } = deps;
  const marks = createMarkBatcher(stores.deliveries, options.markDelayMs ?? 20);
  const campaignCache = new Map<string, { campaign: Campaign | undefined; atMs: number }>();
  let running = false;
  let loop: Promise<void> | undefined;

  /** The campaign (cached 2 s); undefined only when it does not exist (a storage error throws: the message comes back). */
  async function campaignOf(tenantId: string, id: string): Promise<Campaign | undefined> {
    const key = `${tenantId}|${id}`;
    const cached = campaignCache.get(key);
    if (cached && now() - cached.atMs < 2_000) return cached.campaign;
    let campaign: Campaign | undefined;
    try {
      campaign = (await stores.campaigns.get(tenantId, id)).value;
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
    campaignCache.set(key, { campaign, atMs: now() });
    if (campaignCache.size > 10_000) campaignCache.delete(campaignCache.keys().next().value as string);
    return campaign;
  }

  /** A conditional status change (batched); undefined when the record changed meanwhile. */
  async function mark(record: Versioned<Delivery>, change: Partial<Delivery>): Promise<Versioned<Delivery> | undefined> {
    const marked = await marks.mark({ ...record.value, ...change, updatedAt: new Date(now()).toISOString() }, record.etag);
    if (marked && deps.onOutcome && FINAL.has(marked.value.status)) {
      try {
        await deps.onOutcome(marked.value);
      } catch (err) {
        deps.logger?.warn({ err: errorText(err), campaignId: marked.value.campaignId }, 'delivery outcome listener failed');
      }
    }
    return marked;
  }

  /** Store a final status, then delete the message. */
  async function finish(received: ReceivedDelivery, record: Versioned<Delivery>, change: Partial<Delivery>, outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
    await mark(record, change);
    await stores.queue.delete(received);
    return outcome;
  }

  /** Claims `planned` records: one transaction for the batch; one by one when it fails (someone else claimed one). */
  async function claimAll(items: Array<{ record: Versioned<Delivery> }>): Promise<Array<Versioned<Delivery> | undefined>> {
    const at = new Date(now()).toISOString();
    const next = items.map(({ record }) => ({ delivery: { ...record.value, status: 'sending' as const, attempts: record.value.attempts + 1, updatedAt: at }, etag: record.etag }));
    const chunks: Array<Promise<Array<Versioned<Delivery> | undefined>>> = [];
    for (let i = 0; i < next.length; i += 100) {
      const chunk = next.slice(i, i + 100);
      chunks.push(
        (async () => {
          if (chunk.length > 1) {
            try {
              return await stores.deliveries.updateMany(chunk);
            } catch {
              // fall through: claim one by one, losers get undefined
            }
          }
          return Promise.all(chunk.map((n) => marks.mark(n.delivery, n.etag)));
        })(),
      );
    }
    return (await Promise.all(chunks)).flat();
  }

  async function send(received: ReceivedDelivery, claimed: Versioned<Delivery>, reference: string | undefined): Promise<DeliveryOutcome> {
    const { message } = received;
    const attempt = claimed.value.attempts;
    if (!reference) return finish(received, claimed, { status: 'unreachable', reason: 'no conversation reference (app not installed)' }, 'unreachable');
    const { kind, subjectId } = claimed.value;
    const build = deps.builders[kind];
    let activity: Partial<Activity> | undefined;
    try {
      if (!build) throw new Error(`no message builder for kind ${kind}`);
      activity = await build({ tenantId: message.tenantId, campaignId: message.campaignId, employeeId: message.employeeId, kind, subjectId });
    } catch (err) {
      return finish(received, claimed, { status: 'failed', reason: `message could not be built: ${errorText(err).slice(0, 200)}` }, 'failed');
    }
    if (!activity) return finish(received, claimed, { status: 'cancelled', reason: 'nothing to send' }, 'cancelled');
    await deps.throttle.acquire(message.tenantId, message.employeeId);
    const result = await deps.sender.send(reference, activity);
    if (result.ok) return finish(received, claimed, { status: 'sent', sentAt: new Date(now()).toISOString(), reason: undefined }, 'sent');
    const failure = classifySendFailure(result.status);
    const reason = `HTTP ${result.status || 'no answer'}: ${result.message}`;
    // The connection ended after the request went out: it may have arrived. Never resend it.
    if (result.maybeDelivered) return finish(received, claimed, { status: 'unknown', reason: `${reason}; it may have arrived, not resent` }, 'unknown');
    if (failure === 'unreachable') return finish(received, claimed, { status: 'unreachable', reason }, 'unreachable');
    if (failure === 'fail' || attempt >= maxAttempts) return finish(received, claimed, { status: 'failed', reason: failure === 'fail' ? reason : `${reason} (after ${attempt} tries)` }, 'failed');
    if (result.status === 429) deps.throttle.pause(message.tenantId, result.retryAfterMs ?? 1_000);
    const delay = retryDelayMs(attempt, result.status === 429 ? (result.retryAfterMs ?? 1_000) : undefined, random());
    const back = await mark(claimed, { status: 'planned', reason });
    if (back) await stores.queue.postpone(received, delay);
    return 'retry';
  }

  /** One campaign's messages of a batch: read the records together, sort them out, claim together, send each. */
  async function processCampaign(items: ReceivedDelivery[]): Promise<DeliveryOutcome[]> {
    const { tenantId, campaignId } = items[0]!.message;
    const campaign = await campaignOf(tenantId, campaignId);
    const records = campaign ? await stores.deliveries.getMany(tenantId, campaignId, items.map((i) => i.message.employeeId)) : new Map<string, Versioned<Delivery>>();
    const outcomes: Array<DeliveryOutcome | Promise<DeliveryOutcome>> = [];
    const toClaim: Array<{ index: number; received: ReceivedDelivery; record: Versioned<Delivery> }> = [];
    const seen = new Set<string>();
    items.forEach((received, index) => {
      const record = records.get(received.message.employeeId);
      const duplicate = seen.has(received.message.employeeId);
      seen.add(received.message.employeeId);
      if (!campaign || !record || duplicate) outcomes[index] = stores.queue.delete(received).then(() => 'skipped' as const);
      else if (record.value.status === 'sending') outcomes[index] = finish(received, record, { status: 'unknown', reason: 'worker stopped between claim and confirmation; not resent' }, 'unknown');
      else if (record.value.status !== 'planned') outcomes[index] = stores.queue.delete(received).then(() => 'skipped' as const);
      else if (campaign.state === 'cancelled') outcomes[index] = finish(received, record, { status: 'cancelled' }, 'cancelled');
      else if (campaign.state === 'paused' || campaign.state === 'draft') outcomes[index] = stores.queue.postpone(received, options.pausedRecheckMs ?? 60_000).then(() => 'paused' as const);
      else toClaim.push({ index, received, record });
    });
    if (toClaim.length > 0) {
      const [claims, references] = await Promise.all([claimAll(toClaim), stores.references.findMany(tenantId, toClaim.map((c) => c.received.message.employeeId))]);
      toClaim.forEach(({ index, received }, i) => {
        const claimed = claims[i];
        outcomes[index] = claimed ? send(received, claimed, references.get(received.message.employeeId)) : 'skipped';
      });
    }
    return Promise.all(outcomes);
  }

  async function processBatch(batch: readonly ReceivedDelivery[]): Promise<DeliveryOutcome[]> {
    const outcomes: Array<Promise<DeliveryOutcome>> = [];
    const groups = new Map<string, number[]>();
    batch.forEach((received, index) => {
      const dueIn = Date.parse(received.message.at) - now();
      if (dueIn > (options.earlyMs ?? 2_000)) {
        outcomes[index] = stores.queue.enqueue(received.message, dueIn).then(() => stores.queue.delete(received)).then(() => 'rescheduled' as const);
        return;
      }
      const key = `${received.message.tenantId}|${received.message.campaignId}`;
      groups.set(key, [...(groups.get(key) ?? []), index]);
    });
    for (const indexes of groups.values()) {
      const result = processCampaign(indexes.map((i) => batch[i]!));
      indexes.forEach((i, j) => (outcomes[i] = result.then((r) => r[j]!)));
    }
    return Promise.all(outcomes);
  }

  async function run(): Promise<void> {
    const inFlight = new Set<Promise<unknown>>();
    let messagesInFlight = 0;
    while (running) {
      const room = concurrency - messagesInFlight;
      let batch: ReceivedDelivery[] = [];
      if (room > 0) {
        try {
          // The queue may carry several deliveries per message: it is asked for about `room` deliveries.
          batch = await stores.queue.receive(room, options.visibilityMs ?? 300_000);
        } catch (err) {
          deps.logger?.warn({ err: errorText(err) }, 'delivery queue receive failed');
        }
      }
      if (batch.length > 0) {
        messagesInFlight += batch.length;
        const size = batch.length;
        const task: Promise<unknown> = processBatch(batch)
          .catch((err: unknown) => deps.logger?.warn({ err: errorText(err) }, 'delivery batch failed; its messages return to the queue'))
          .finally(() => {
            inFlight.delete(task);
            messagesInFlight -= size;
          });
        inFlight.add(task);
      }
      if (messagesInFlight >= concurrency) await Promise.race(inFlight);
      else if (batch.length === 0) await Promise.race([sleep(options.pollMs ?? 1_000), ...(inFlight.size > 0 ? [Promise.race(inFlight)] : [])]);
    }
    await Promise.all(inFlight);
  }

  return {
    process: async (received) => (await processBatch([received]))[0]!,
    processBatch,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}
