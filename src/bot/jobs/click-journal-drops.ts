/**
 * Clicks the journal could not keep (full, closed, or the disk failed): counted, and reported in
 * an error log line at most every 10 s with how many since the last line, so a flood of dropped
 * clicks is visible without flooding the log.
 */
import type { ClickLogger } from './click-journal.js';

const LOG_INTERVAL_MS = 10_000;

export type DropReason = 'full' | 'closed' | 'disk';

/** The journal's dropped-click tally; `context` adds the journal's fill level to the log line. */
export class DroppedClicks {
  total = 0;
  private sinceLog = 0;
  private lastLog = 0;

  constructor(
    private readonly logger: ClickLogger,
    private readonly now: () => number,
    private readonly context: () => { backlogBytes: number; maxBytes: number },
  ) {}

  record(count: number, reason: DropReason): 'dropped' {
    this.total += count;
    this.sinceLog += count;
    const now = this.now();
    if (now - this.lastLog >= LOG_INTERVAL_MS) {
      this.logger.error(
        { reason, dropped: this.sinceLog, droppedTotal: this.total, ...this.context() },
        reason === 'full'
          ? 'click journal full: clicks are still redirected but NOT counted until storage catches up'
          : 'click journal could not keep clicks: they are redirected but NOT counted',
      );
      this.lastLog = now;
      this.sinceLog = 0;
    }
    return 'dropped';
  }
}
