/**
 * Weekly jobs (the contest update card, the pilot digest) run once per ISO week across all
 * instances: each instance checks periodically, and only the one that acquires the week's lease
 * in storage runs the job; it marks the week done, so a restart or another instance skips it. A
 * holder that dies lets the lease expire and another instance takes over.
 */
import { getIsoWeek } from '../../shared/domain/time-zones.js';
import type { JobLeaseStore } from '../services/campaigns.ports.js';

export interface WeeklySchedulerDeps {
  leases: JobLeaseStore;
  /** This instance's name in the lease. */
  holder: string;
  now?: () => number;
  logger?: { warn(details: object, message: string): void };
}

export interface WeeklyJob {
  name: string;
  run(week: string): Promise<void>;
}

/** The latest first check after start. */
const FIRST_CHECK_MS = 30_000;

/** The ISO week of an instant in UTC, e.g. `2026-W49`. */
export function isoWeekOf(ms: number): string {
  const d = new Date(ms);
  const { key } = getIsoWeek(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return `${Math.floor(key / 100)}-W${String(key % 100).padStart(2, '0')}`;
}

/** Runs each job at most once per week across instances; `tick()` is what the timer calls. */
export function createWeeklyScheduler(deps: WeeklySchedulerDeps, jobs: readonly WeeklyJob[], leaseMs = 15 * 60_000) {
  const now = deps.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  let ticking = false;
  /** One pass over the jobs; a pass while another is still running here returns [] (the lease is re-entrant for its holder). */
  async function tick(): Promise<string[]> {
    if (ticking) return [];
    ticking = true;
    try {
      return await pass();
    } finally {
      ticking = false;
    }
  }
  async function pass(): Promise<string[]> {
    const ran: string[] = [];
    const week = isoWeekOf(now());
    for (const job of jobs) {
      if (!(await deps.leases.acquire(job.name, week, deps.holder, now(), now() + leaseMs))) continue;
      try {
        await job.run(week);
        await deps.leases.complete(job.name, week, deps.holder);
        ran.push(job.name);
      } catch (err) {
        deps.logger?.warn({ job: job.name, err: err instanceof Error ? err.message : String(err) }, 'weekly job failed; retried after the lease expires');
      }
    }
    return ran;
  }
  return {
    tick,
    /**
     * Check every `intervalMs`; the first check comes after `min(intervalMs, 30 s)`, so a week that
     * began while no instance ran (a deploy, a scale-out) is served soon after start.
     */
    start(intervalMs = 5 * 60_000) {
      if (timer || first) return;
      first = setTimeout(() => {
        first = undefined;
        void tick();
        timer = setInterval(() => void tick(), intervalMs);
        timer.unref();
      }, Math.min(intervalMs, FIRST_CHECK_MS));
      first.unref();
    },
    stop() {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      first = undefined;
      timer = undefined;
    },
  };
}
