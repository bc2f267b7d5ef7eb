/**
 * Moves journaled clicks into the Clicks table: reads a batch from the journal, stores it through
 * the ClickRepository port (idempotent keys, batch transactions per link code), hands every click
 * of the batch to the optional `onClicksFlushed` hook (scoring), then advances the journal's
 * durable checkpoint. A failure anywhere leaves the checkpoint where it was: the same batch is
 * retried with backoff, and since storing and the hook are idempotent on click identity
 * (`code|visitorKey|day`), a retry or a replay after a crash counts nothing twice.
 */
import type { Click } from '../../shared/domain/types.js';
import { ValidationError } from '../services/errors.js';
import type { ClickRepository } from '../services/ports.js';
import type { ClickJournal, ClickLogger, JournalBatch } from './click-journal.js';

export interface ClickFlusherOptions {
  journal: Pick<ClickJournal, 'readBatch' | 'commit' | 'onDurable' | 'stats'>;
  clicks: Pick<ClickRepository, 'recordMany'>;
  logger: ClickLogger;
  /**
   * Called after each stored batch with EVERY click of the batch (new or already stored: a retry
   * or replay hands the same clicks again, so the receiver must be idempotent on click identity).
   * A rejection keeps the batch in the journal and retries it.
   */
  onClicksFlushed?: (clicks: Click[]) => Promise<void>;
  /**
   * Clicks per journal batch. Default 1,000: decoding and validating a batch runs on the event loop
   * that also answers redirects, so a batch stays a few milliseconds of work.
   */
  batchSize?: number;
  /** Pause between flushes while clicks trickle in, so table writes stay batched. Default 50 ms. */
  minIntervalMs?: number;
  /** Poll period when nothing signals new clicks. Default 1 s. */
  idleMs?: number;
  /** Backoff after a failure, doubling up to the max. Default 250 ms .. 5 s. */
  retryMinMs?: number;
  retryMaxMs?: number;
}

export interface ClickFlusherStats {
  /** Clicks stored (new or repeats) since start. */
  flushed: number;
  /** Of those, rows that did not exist yet. */
  newClicks: number;
  batches: number;
  /** Message of the last failure while storage is failing; cleared by the next success. */
  lastFlushError?: string;
}

const FAILURE_LOG_INTERVAL_MS = 30_000;
const DEFAULT_BATCH = 1_000;

function describe(err: unknown): { error: string; code?: string; statusCode?: number } {
  const e = err as { message?: unknown; code?: unknown; statusCode?: unknown };
  return {
    error: typeof e?.message === 'string' ? e.message.split('\n')[0]! : String(err),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(typeof e?.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
  };
}

/** The background job; `start()` once storage is ready, `stop()` on shutdown. */
export class ClickFlusher {
  private running: Promise<void> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopping = false;
  private abandoned = false;
  private wakeOnDurable: (() => void) | undefined;
  private wakeOnStop: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private failingSince: number | undefined;
  private lastFailureLog = 0;
  private readonly counters: ClickFlusherStats = { flushed: 0, newClicks: 0, batches: 0 };

  constructor(private readonly options: ClickFlusherOptions) {}

  start(): void {
    if (this.running) return;
    this.unsubscribe = this.options.journal.onDurable(() => this.wakeOnDurable?.());
    this.running = this.loop();
  }

  /**
   * Stop the loop, then flush what is left until `deadlineMs` (storage may be down: what is not
   * flushed stays in the journal for the next start). Never throws.
   */
  async stop(options: { deadlineMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.deadlineMs ?? 3_000);
    this.stopping = true;
    this.wakeOnStop?.();
    this.unsubscribe?.();
    const drain = async () => {
      await this.running;
      while (!this.abandoned && Date.now() < deadline) {
        try {
          if ((await this.flushOnce()) === undefined) return;
        } catch (err) {
          this.noteFailure(err);
          return;
        }
      }
    };
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drain(), new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))))]);
    clearTimeout(timer);
    // A write still in flight past the deadline must not move the checkpoint of a closing journal.
    this.abandoned = true;
    const left = this.options.journal.stats().backlog;
    if (left > 0) this.options.logger.warn({ backlog: left }, 'click flusher stopped with clicks left in the journal; they are stored at the next start');
  }

  /**
   * Store one journal batch; the number of clicks handled, or undefined when the journal is flushed.
   * Calls are serialised (the loop and a caller never read the same batch twice).
   */
  flushOnce(): Promise<number | undefined> {
    const run = this.queue.then(() => this.flushBatch());
    this.queue = run.then(() => undefined, () => undefined);
    return run;
  }

  /** Flush until the journal is empty (tests, tools); throws on a storage failure. */
  async flushAll(): Promise<void> {
    while ((await this.flushOnce()) !== undefined);
  }

  private async flushBatch(): Promise<number | undefined> {
    const batch = await this.options.journal.readBatch(this.options.batchSize ?? DEFAULT_BATCH);
    if (!batch) return undefined;
    if (batch.clicks.length > 0) {
      const created = await this.store(batch);
      if (this.abandoned) return batch.clicks.length;
      await this.options.onClicksFlushed?.(batch.clicks);
      this.counters.newClicks += created;
    }
    if (this.abandoned) return batch.clicks.length;
    await this.options.journal.commit(batch);
    this.counters.flushed += batch.clicks.length;
    this.counters.batches += 1;
    return batch.clicks.length;
  }

  stats(): ClickFlusherStats {
    return { ...this.counters };
  }

  private async loop(): Promise<void> {
    let backoff = this.options.retryMinMs ?? 250;
    while (!this.stopping) {
      const started = Date.now();
      let handled: number | undefined;
      try {
        handled = await this.flushOnce();
        this.noteSuccess();
        backoff = this.options.retryMinMs ?? 250;
      } catch (err) {
        this.noteFailure(err);
        await this.pause(backoff);
        backoff = Math.min(backoff * 2, this.options.retryMaxMs ?? 5_000);
        continue;
      }
      if (handled === undefined) await this.pause(this.options.idleMs ?? 1_000, true);
      else if (handled < (this.options.batchSize ?? DEFAULT_BATCH)) await this.pause(Math.max(0, (this.options.minIntervalMs ?? 50) - (Date.now() - started)));
    }
  }

  /** Sleep `ms`, or less when stopping (and, if `wakeable`, when new clicks are durable). */
  private pause(ms: number, wakeable = false): Promise<void> {
    if (this.stopping || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeOnDurable = undefined;
        this.wakeOnStop = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      timer.unref();
      this.wakeOnDurable = wakeable ? finish : undefined;
      this.wakeOnStop = finish;
    });
  }

  /**
   * recordMany; a ValidationError (a click the table refuses, which no retry can fix) must not block
   * the journal forever: then each click is stored on its own and the refused ones are logged and
   * skipped.
   */
  private async store(batch: JournalBatch): Promise<number> {
    try {
      return await this.options.clicks.recordMany(batch.clicks);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
    }
    let created = 0;
    for (const click of batch.clicks) {
      try {
        created += await this.options.clicks.recordMany([click]);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        this.options.logger.error({ code: click.code, day: click.day, ...describe(err) }, 'click refused by storage, skipped');
      }
    }
    return created;
  }

  private noteFailure(err: unknown): void {
    const now = Date.now();
    this.counters.lastFlushError = describe(err).error;
    const stats = this.options.journal.stats();
    if (this.failingSince === undefined || now - this.lastFailureLog >= FAILURE_LOG_INTERVAL_MS) {
      this.options.logger.error(
        { ...describe(err), backlog: stats.backlog, backlogBytes: stats.backlogBytes, oldestUnflushedAgeMs: stats.oldestUnflushedAgeMs, failingForMs: this.failingSince === undefined ? 0 : now - this.failingSince },
        'click flush failed: clicks stay in the journal and are retried (storage unreachable?)',
      );
      this.lastFailureLog = now;
    }
    this.failingSince ??= now;
  }

  private noteSuccess(): void {
    if (this.failingSince === undefined) return;
    const stats = this.options.journal.stats();
    this.options.logger.info({ failedForMs: Date.now() - this.failingSince, backlog: stats.backlog }, 'click flush recovered: storage reachable again');
    this.failingSince = undefined;
    delete this.counters.lastFlushError;
  }
}
