/** Weekly jobs run once per week across instances: two schedulers on one Azurite lease table. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createWeeklyScheduler, isoWeekOf } from '../../../src/bot/jobs/weekly-scheduler.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { createTestRepositories } from '../../support/azurite.js';

let repositories: TableRepositories;
beforeAll(async () => {
  repositories = await createTestRepositories('weekly');
});

describe('weekly scheduler', () => {
  it('two instances ticking at once run the job once for the week, and again next week', async () => {
    let nowMs = Date.parse('2026-12-03T10:00:00Z');
    const runs: string[] = [];
    const job = { name: 'contest-update', run: async (week: string) => void runs.push(week) };
    const a = createWeeklyScheduler({ leases: repositories.campaigns.leases, holder: 'a', now: () => nowMs }, [job]);
    const b = createWeeklyScheduler({ leases: repositories.campaigns.leases, holder: 'b', now: () => nowMs }, [job]);
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(runs).toEqual(['2026-W49']);
    nowMs += 7 * 86_400_000;
    await Promise.all([b.tick(), a.tick()]);
    expect(runs).toEqual(['2026-W49', '2026-W50']);
    expect(isoWeekOf(Date.parse('2027-01-01T00:00:00Z'))).toBe('2026-W53');
  });

  it('a holder that fails lets another instance run the job once its lease expires', async () => {
    let nowMs = Date.parse('2026-12-10T10:00:00Z');
    const runs: string[] = [];
    const failing = createWeeklyScheduler({ leases: repositories.campaigns.leases, holder: 'a', now: () => nowMs }, [{ name: 'digest', run: async () => { throw new Error('down'); } }], 60_000);
    const healthy = createWeeklyScheduler({ leases: repositories.campaigns.leases, holder: 'b', now: () => nowMs }, [{ name: 'digest', run: async (week) => void runs.push(week) }], 60_000);
    expect(await failing.tick()).toEqual([]);
    expect(await healthy.tick()).toEqual([]);
    nowMs += 61_000;
    expect(await healthy.tick()).toEqual(['digest']);
    expect(await failing.tick()).toEqual([]);
    expect(runs).toEqual(['2026-W50']);
  });
});
