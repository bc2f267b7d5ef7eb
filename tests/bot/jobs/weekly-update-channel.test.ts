/**
 * The weekly contest update goes to the contest's own channel when an admin picked one, and to
 * every team channel the bot is in when none is picked or the picked one is gone (the bot was
 * removed from that team).
 */
import { describe, expect, it } from 'vitest';
import { createWeeklyContestUpdateJob } from '../../../src/bot/jobs/weekly-jobs.js';
import type { Contest } from '../../../src/shared/domain/types.js';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const CONTEST: Contest = { id: 'q4', name: 'Q4', startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z', weights: { uniqueClick: 1, share: 0, conversion: 0 }, prizes: [], excludedRoles: [], excludedEmployeeIds: [] };
const refs = ['channel:a', 'channel:b', 'person-1'].map((employeeId) => ({ tenantId: 't1', employeeId, reference: '{}', updatedAt: NOW.toISOString() }));

async function recipients(contest: Contest): Promise<string[]> {
  const sent: string[] = [];
  const job = createWeeklyContestUpdateJob({
    tenants: async () => ['t1'],
    references: { listByTenant: async () => refs },
    contests: { list: async () => [contest] },
    pilots: { list: async () => [] },
    employees: { find: async () => undefined },
    campaigns: () => ({ dispatchOne: async (d: { recipientId: string }) => { sent.push(d.recipientId); return undefined as never; } }) as never,
    now: () => NOW,
  });
  await job.run('2026-W49');
  return sent.sort();
}

describe('weekly update channel', () => {
  it('posts to every team channel when none is picked', async () => {
    expect(await recipients(CONTEST)).toEqual(['channel:a', 'channel:b']);
  });
  it('posts only to the picked channel', async () => {
    expect(await recipients({ ...CONTEST, updateChannelId: 'channel:b' })).toEqual(['channel:b']);
  });
  it('falls back to every channel when the picked one is gone', async () => {
    expect(await recipients({ ...CONTEST, updateChannelId: 'channel:removed' })).toEqual(['channel:a', 'channel:b']);
  });
});
