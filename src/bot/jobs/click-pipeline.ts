/**
 * The click pipeline of one instance, assembled for the composition root: the journal in this
 * instance's directory, the hot-path service behind `GET /l/:code`, and the flusher that moves
 * journaled clicks into the Clicks table. See docs/clicks.md.
 */
import { isbot } from 'isbot';
import type { ClickConfig } from '../config.js';
import { ClickRedirectService, type ClickOutcome } from '../services/click-redirect.service.js';
import type { ClickRepository, TrackedLinkRepository } from '../services/ports.js';
import type { Click } from '../../shared/domain/types.js';
import { ClickFlusher, type ClickFlusherOptions } from './click-flusher.js';
import { ClickJournal, type ClickLogger } from './click-journal.js';

export interface ClickPipelineDeps {
  config: ClickConfig;
  links: Pick<TrackedLinkRepository, 'find'>;
  clicks: Pick<ClickRepository, 'recordMany'>;
  logger: ClickLogger;
  /** Scoring hook: every click of each stored batch (see ClickFlusherOptions.onClicksFlushed). */
  onClicksFlushed?: (clicks: Click[]) => Promise<void>;
  now?: () => Date;
  /** Tuning for tests and the benchmark. */
  flusher?: Pick<ClickFlusherOptions, 'batchSize' | 'minIntervalMs' | 'idleMs' | 'retryMinMs' | 'retryMaxMs'>;
  groupCommitMs?: number;
}

/** What `/healthz` shows of the pipeline (docs/clicks.md). */
export interface ClickPipelineHealth {
  journalBacklog: number;
  oldestUnflushedAgeMs: number;
  dropped: number;
  lastFlushError?: string;
}

export interface ClickPipeline {
  journal: ClickJournal;
  flusher: ClickFlusher;
  click(code: string, ip: string, userAgent: string | undefined): Promise<ClickOutcome>;
  health(): ClickPipelineHealth;
  /** Start flushing (storage must be ready). */
  start(): void;
  /** Stop flushing, flush what can be flushed within `deadlineMs`, close the journal. */
  close(options?: { deadlineMs?: number }): Promise<void>;
}

/** Open the journal (replaying what a previous run left) and build the service and the flusher. */
export async function openClickPipeline(deps: ClickPipelineDeps): Promise<ClickPipeline> {
  const journal = await ClickJournal.open({
    dir: deps.config.journalDir,
    maxBytes: deps.config.journalMaxBytes,
    logger: deps.logger,
    ...(deps.groupCommitMs !== undefined ? { groupCommitMs: deps.groupCommitMs } : {}),
  });
  const service = new ClickRedirectService({ links: deps.links, journal, secretKey: deps.config.secretKey, isBotLibrary: isbot, now: deps.now });
  const flusher = new ClickFlusher({ journal, clicks: deps.clicks, logger: deps.logger, onClicksFlushed: deps.onClicksFlushed, ...deps.flusher });
  let closing: Promise<void> | undefined;
  return {
    journal,
    flusher,
    click: (code, ip, userAgent) => service.click(code, ip, userAgent),
    health() {
      const stats = journal.stats();
      const { lastFlushError } = flusher.stats();
      return {
        journalBacklog: stats.backlog,
        oldestUnflushedAgeMs: stats.oldestUnflushedAgeMs,
        dropped: stats.dropped,
        ...(lastFlushError ? { lastFlushError } : {}),
      };
    },
    start: () => flusher.start(),
    close: (options = {}) =>
      (closing ??= (async () => {
        await flusher.stop({ deadlineMs: options.deadlineMs ?? 3_000 });
        // Nothing left to replay: the directory goes (the next start makes a fresh one).
        await journal.close({ removeIfFlushed: true });
      })()),
  };
}
