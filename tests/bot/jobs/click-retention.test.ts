/**
 * Click retention on Azurite: events older than the setting go, newer ones stay, people's totals
 * (Tallies) stay; two instances checking at once run it once a day (the shared job lease).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { retentionCutoffDay, runClickRetentionOnce } from '../../../src/bot/jobs/click-retention.job.js';
import { createMeasurementServices } from '../../../src/bot/services/measurement.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import type { Click } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';

const NOW = new Date('2026-12-03T03:00:00.000Z');
const DAY = 86_400_000;
let repos: TableRepositories;

const click = (code: string, daysAgo: number, visitor: string): Click => {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  return { code, tenantId: 'ret', visitorKey: visitor, day: at.toISOString().slice(0, 10), at: at.toISOString(), employeeId: 'ret-person', contentId: 'c1', network: 'linkedin' };
};

beforeAll(async () => {
  repos = await createTestRepositories('retention');
}, 60_000);

describe('click retention', () => {
  it('deletes events older than the setting in every link, keeps newer ones and the totals; runs once a day across instances', async () => {
    const old = [...Array.from({ length: 150 }, (_, i) => click('RetainA00001', 401 + (i % 30), `old-a-${i}`)), click('RetainB00001', 800, 'old-b')];
    const kept = [click('RetainA00001', 399, 'new-a'), click('RetainB00001', 1, 'new-b'), click('RetainC00001', 0, 'new-c')];
    expect(await repos.clicks.recordMany([...old, ...kept])).toBe(154);
    const scoring = createMeasurementServices(repos, { now: () => NOW }).scoring;
    await scoring.onClicksFlushed([...old, ...kept]);
    expect((await repos.tallies.getTotals('ret', 'ret-person'))?.clicks).toBe(154);

    const deps = (holder: string) => ({ clicks: repos.clicks, leases: repos.campaigns.leases, retentionDays: 400, holder, now: () => NOW });
    const [a, b] = await Promise.all([runClickRetentionOnce(deps('instance-a')), runClickRetentionOnce(deps('instance-b'))]);
    const runs = [a, b].filter((r) => r.ran);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toEqual({ ran: true, cutoffDay: retentionCutoffDay(NOW, 400), deleted: 151 });
    expect(retentionCutoffDay(NOW, 400)).toBe('2025-10-29');

    expect((await repos.clicks.listByCode('RetainA00001')).map((c) => c.visitorKey)).toEqual(['new-a']);
    expect((await repos.clicks.listByCode('RetainB00001')).map((c) => c.visitorKey)).toEqual(['new-b']);
    expect(await repos.clicks.countByCode('RetainC00001')).toBe(1);
    // Aggregates are kept: the person's totals do not move.
    expect((await repos.tallies.getTotals('ret', 'ret-person'))?.clicks).toBe(154);
    // Done for the day: a later check (any instance) does nothing; the next day runs again.
    expect(await runClickRetentionOnce(deps('instance-b'))).toEqual({ ran: false });
    const tomorrow = await runClickRetentionOnce({ ...deps('instance-b'), now: () => new Date(NOW.getTime() + DAY) });
    expect(tomorrow).toEqual({ ran: true, cutoffDay: '2025-10-30', deleted: 0 });
  });
});
