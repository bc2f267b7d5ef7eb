/**
 * The delivery worker (issue 9): takes campaign deliveries off the queue when they become
 * visible, claims each record with its ETag (`planned` -> `sending`), sends it through the
 * DeliverySender inside the send throttle, marks it `sent` and deletes the message. Exactly
 * once: a record found `sending` (a worker died between claim and mark) becomes `unknown` and is
 * never sent again automatically, and so does a send whose connection ended without an answer
 * after the request went out (it may have arrived); a duplicate message finds the record already done. 403/404 make
 * the person `unreachable`; 429 waits `Retry-After`; 412, 408 and 5xx back off exponentially with
 * jitter; after `maxAttempts` the record is `failed` with the reason. Any number of workers may
 * share one queue.
 */
import type { Activity } from 'botbuilder';
import { classifySendFailure, retryDelayMs, type Campaign, type Delivery } from '../../shared/domain/campaigns.js';
import type { CampaignStores, ReceivedDelivery } from '../services/campaigns.ports.js';
import { ConflictError } from '../services/errors.js';
import type { ConversationReferenceRepository, Versioned } from '../services/ports.js';
import type { DeliverySender } from '../teams/delivery-sender.js';
import type { MessageBuilders } from './message-builders.js';
import type { SendThrottle } from './send-throttle.js';

/** Told once a delivery reached a final status (`sent`, `unreachable`, `failed`, `unknown`, `cancelled`). */
export type DeliveryListener = (delivery: Delivery) => Promise<void> | void;

export interface DeliveryWorkerDeps {
  stores: CampaignStores;
  conversationReferences: Pick<ConversationReferenceRepository, 'find'>;
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
  /** Sends in flight at once; default 16. */
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
}

export type DeliveryOutcome = 'sent' | 'unreachable' | 'failed' | 'unknown' | 'retry' | 'rescheduled' | 'paused' | 'cancelled' | 'skipped';

export interface DeliveryWorker {
  /** Handle one received message (exposed for tests and benchmarks). */
  process(received: ReceivedDelivery): Promise<DeliveryOutcome>;
  /** Poll the queue until `stop()`. */
  start(): void;
  /** Stop polling and wait for sends in flight. */
  stop(): Promise<void>;
}

const FINAL: ReadonlySet<Delivery['status']> = new Set(['sent', 'unreachable', 'failed', 'unknown', 'cancelled']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Create a worker. */
export function createDeliveryWorker(deps: DeliveryWorkerDeps, options: DeliveryWorkerOptions = {}): DeliveryWorker {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const concurrency = options.concurrency ?? 16;
  const maxAttempts = options.maxAttempts ?? 5;
  const { stores } = deps;
  const campaignCache = new Map<string, { campaign: Campaign; atMs: number }>();
  let running = false;
  let loop: Promise<void> | undefined;

  async function campaignOf(tenantId: string, id: string): Promise<Campaign | undefined> {
    const key = `${tenantId}|${id}`;
    const cached = campaignCache.get(key);
    if (cached && now() - cached.atMs < 2_000) return cached.campaign;
    try {
      const campaign = (await stores.campaigns.get(tenantId, id)).value;
      campaignCache.set(key, { campaign, atMs: now() });
      return campaign;
    } catch {
      return undefined;
    }
  }

  async function mark(record: Versioned<Delivery>, change: Partial<Delivery>): Promise<Versioned<Delivery> | undefined> {
    let marked: Versioned<Delivery>;
    try {
      marked = await stores.deliveries.update({ ...record.value, ...change, updatedAt: new Date(now()).toISOString() }, record.etag);
    } catch (err) {
      if (err instanceof ConflictError) return undefined;
      throw err;
    }
    if (deps.onOutcome && FINAL.has(marked.value.status)) {
      try {
        await deps.onOutcome(marked.value);
      } catch (err) {
        deps.logger?.warn({ err: err instanceof Error ? err.message : String(err), campaignId: marked.value.campaignId }, 'delivery outcome listener failed');
      }
    }
    return marked;
  }

  async function process(received: ReceivedDelivery): Promise<DeliveryOutcome> {
    const { message } = received;
    const dueIn = Date.parse(message.at) - now();
    if (dueIn > (options.earlyMs ?? 2_000)) {
      await stores.queue.enqueue(message, dueIn);
      await stores.queue.delete(received);
      return 'rescheduled';
    }
    const campaign = await campaignOf(message.tenantId, message.campaignId);
    const record = await stores.deliveries.get(message.tenantId, message.campaignId, message.employeeId);
    if (!campaign || !record) {
      await stores.queue.delete(received);
      return 'skipped';
    }
    if (record.value.status === 'sending') {
      await mark(record, { status: 'unknown', reason: 'worker stopped between claim and confirmation; not resent' });
      await stores.queue.delete(received);
      return 'unknown';
    }
    if (record.value.status !== 'planned') {
      await stores.queue.delete(received);
      return 'skipped';
    }
    if (campaign.state === 'cancelled') {
      await mark(record, { status: 'cancelled' });
      await stores.queue.delete(received);
      return 'cancelled';
    }
    if (campaign.state === 'paused' || campaign.state === 'draft') {
      await stores.queue.postpone(received, options.pausedRecheckMs ?? 60_000);
      return 'paused';
    }
    const attempt = record.value.attempts + 1;
    const claimed = await mark(record, { status: 'sending', attempts: attempt });
    if (!claimed) return 'skipped';
    const reference = await deps.conversationReferences.find(message.tenantId, message.employeeId);
    if (!reference) {
      await mark(claimed, { status: 'unreachable', reason: 'no conversation reference (app not installed)' });
      await stores.queue.delete(received);
      return 'unreachable';
    }
    const { kind, subjectId } = record.value;
    const build = deps.builders[kind];
    let activity: Partial<Activity> | undefined;
    try {
      if (!build) throw new Error(`no message builder for kind ${kind}`);
      activity = await build({ tenantId: message.tenantId, campaignId: message.campaignId, employeeId: message.employeeId, kind, subjectId });
    } catch (err) {
      await mark(claimed, { status: 'failed', reason: `message could not be built: ${err instanceof Error ? err.message.slice(0, 200) : 'error'}` });
      await stores.queue.delete(received);
      return 'failed';
    }
    if (!activity) {
      await mark(claimed, { status: 'cancelled', reason: 'nothing to send' });
      await stores.queue.delete(received);
      return 'cancelled';
    }
    await deps.throttle.acquire(message.tenantId, message.employeeId);
    const result = await deps.sender.send(reference.reference, activity);
    if (result.ok) {
      await mark(claimed, { status: 'sent', sentAt: new Date(now()).toISOString(), reason: undefined });
      await stores.queue.delete(received);
      return 'sent';
    }
    const failure = classifySendFailure(result.status);
    const reason = `HTTP ${result.status || 'no answer'}: ${result.message}`;
    if (result.maybeDelivered) {
      // The connection ended after the request went out: it may have arrived. Never resend it.
      await mark(claimed, { status: 'unknown', reason: `${reason}; it may have arrived, not resent` });
      await stores.queue.delete(received);
      return 'unknown';
    }
    if (failure === 'unreachable') {
      await mark(claimed, { status: 'unreachable', reason });
      await stores.queue.delete(received);
      return 'unreachable';
    }
    if (failure === 'fail' || attempt >= maxAttempts) {
      await mark(claimed, { status: 'failed', reason: failure === 'fail' ? reason : `${reason} (after ${attempt} tries)` });
      await stores.queue.delete(received);
      return 'failed';
    }
    if (result.status === 429) deps.throttle.pause(message.tenantId, result.retryAfterMs ?? 1_000);
    const delay = retryDelayMs(attempt, result.status === 429 ? (result.retryAfterMs ?? 1_000) : undefined, random());
    const back = await mark(claimed, { status: 'planned', reason });
    if (back) await stores.queue.postpone(received, delay);
    return 'retry';
  }

  async function run(): Promise<void> {
    const inFlight = new Set<Promise<unknown>>();
    while (running) {
      const room = concurrency - inFlight.size;
      let batch: ReceivedDelivery[] = [];
      if (room > 0) {
        try {
          batch = await stores.queue.receive(Math.min(32, room), options.visibilityMs ?? 300_000);
        } catch (err) {
          deps.logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'delivery queue receive failed');
        }
      }
      for (const received of batch) {
        const task: Promise<unknown> = process(received)
          .catch((err: unknown) => deps.logger?.warn({ err: err instanceof Error ? err.message : String(err), campaignId: received.message.campaignId }, 'delivery failed; the message returns to the queue'))
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
      else if (batch.length === 0) await Promise.race([sleep(options.pollMs ?? 1_000), ...(inFlight.size > 0 ? [Promise.race(inFlight)] : [])]);
    }
    await Promise.all(inFlight);
  }

  return {
    process,
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
