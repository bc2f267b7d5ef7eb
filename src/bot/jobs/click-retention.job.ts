/**
 * Click retention (docs/privacy.md): once per UTC day across every instance, delete the click
 * events (Clicks rows, one per link, visitor key and day) older than the retention setting
 * (CLICK_RETENTION_DAYS, default 400 days). The day's run is claimed with the shared job lease
 * (`JobLeases`, job `click-retention`, period = the UTC day), so with several instances it runs
 * once; an instance that dies mid-run leaves the lease to expire and another finishes (deleting is
 * idempotent). Aggregates are other tables and stay: the people's totals and contest scores
 * (Tallies), the analytics cells, shares and conversions.
 */
import type { JobLeaseStore } from '../services/campaigns.ports.js';
import type { ClickRepository } from '../services/ports.js';

export const CLICK_RETENTION_JOB = 'click-retention';
const DAY_MS = 86_400_000;

export interface ClickRetentionDeps {
  clicks: Pick<ClickRepository, 'deleteBefore'>;
  leases: JobLeaseStore;
  /** Days of click events kept (config `protection.clickRetentionDays`). */
  retentionDays: number;
  /** This instance, as the lease holder. */
  holder: string;
  now?: () => Date;
  logger?: { info(details: object, message: string): void; warn(details: object, message: string): void };
  /** How often an instance checks whether today's run is still to do. Default 1 hour. */
  checkEveryMs?: number;
  /** How long a claim lasts before another instance may take over. Default 1 hour. */
  leaseMs?: number;
}

/** The first day kept: events of days before it are deleted. */
export function retentionCutoffDay(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString().slice(0, 10);
}

export type RetentionRun = { ran: false } | { ran: true; cutoffDay: string; deleted: number };

/** One check: runs today's retention when this instance wins the day's lease. */
export async function runClickRetentionOnce(deps: ClickRetentionDeps): Promise<RetentionRun> {
  const now = (deps.now ?? (() => new Date()))();
  const period = now.toISOString().slice(0, 10);
  const nowMs = now.getTime();
  if (!(await deps.leases.acquire(CLICK_RETENTION_JOB, period, deps.holder, nowMs, nowMs + (deps.leaseMs ?? 3_600_000)))) return { ran: false };
  const cutoffDay = retentionCutoffDay(now, deps.retentionDays);
  const deleted = await deps.clicks.deleteBefore(cutoffDay);
  await deps.leases.complete(CLICK_RETENTION_JOB, period, deps.holder);
  deps.logger?.info({ cutoffDay, deleted, retentionDays: deps.retentionDays }, 'click retention applied');
  return { ran: true, cutoffDay, deleted };
}

/** Checks at start and then every `checkEveryMs`; `stop()` waits for a run in progress. */
export function startClickRetention(deps: ClickRetentionDeps): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = runClickRetentionOnce(deps).catch((err: unknown) =>
      deps.logger?.warn({ error: err instanceof Error ? err.message.split('\n')[0] : String(err) }, 'click retention failed; retried at the next check'),
    );
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, deps.checkEveryMs ?? 3_600_000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
