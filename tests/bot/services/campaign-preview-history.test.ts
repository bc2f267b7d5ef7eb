/**
 * Campaign preview with earlier prompts, on Azurite: prompts already given (the prompt index) and
 * share deliveries planned by another launched campaign count against the weekly cap of the
 * person's local week, and no second prompt is planned in a slot that already holds one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCampaignService, type CampaignService } from '../../../src/bot/services/campaign.service.js';
import { createPromptHistory } from '../../../src/bot/services/prompt-history.js';
import type { SharePrompt } from '../../../src/bot/services/sharing.ports.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';

const TENANT = 'preview-history';
const MON_FRI = [1, 2, 3, 4, 5] as const;
/** Monday 7 December 2026, 09:00-11:00 UTC: two one-hour slots. */
const WINDOW = { start: '2026-12-07T09:00:00Z', end: '2026-12-07T11:00:00Z' };
const AUDIENCE = { personas: [], teams: [], topicIds: [], languages: [] };

let repos: TableRepositories;
let service: CampaignService;
let withoutHistory: CampaignService;

function prompt(employeeId: string, createdAt: string, campaignId?: string): SharePrompt {
  const code = `${employeeId}-${createdAt.slice(0, 13)}`.replace(/[^A-Za-z0-9-]/g, '');
  return { code, tenantId: TENANT, employeeId, contentId: `item-${code}`, ...(campaignId ? { campaignId } : {}), linkCodes: { linkedin: `${code}l`, x: `${code}x`, facebook: `${code}f` }, texts: {}, createdAt, updatedAt: createdAt };
}

beforeAll(async () => {
  repos = await createTestRepositories('prevhist');
  const person = (id: string, weeklyPromptCap: number) => makeEmployee({ id, tenantId: TENANT, timeZone: 'UTC', workingDays: [...MON_FRI], workingHours: { start: 9, end: 17 }, promptsPaused: false, weeklyPromptCap });
  await repos.employees.upsertMany([person('capped', 1), person('last-week', 1), person('busy', 2)]);
  await repos.employees.upsertMany([{ ...person('tokyo', 1), timeZone: 'Asia/Tokyo', workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 0, end: 24 } }]);
  let n = 0;
  const deps = { stores: repos.campaigns, employees: repos.employees, now: () => new Date('2026-12-04T12:00:00Z'), newId: () => `c${(n += 1)}` };
  service = createCampaignService({ ...deps, history: createPromptHistory({ campaigns: repos.campaigns.campaigns, deliveries: repos.campaigns.deliveries, prompts: repos.prompts }) });
  withoutHistory = createCampaignService(deps);

  // Given this week (cap 1): no room left. Given last week: does not count.
  await repos.prompts.createOnce(prompt('capped', '2026-12-07T08:00:00.000Z'));
  await repos.prompts.createOnce(prompt('last-week', '2026-12-04T10:00:00.000Z'));
  // Sunday 6 Dec 16:00 UTC is already Monday 01:00 in Tokyo: it counts in Tokyo's week of the window.
  await repos.prompts.createOnce(prompt('tokyo', '2026-12-06T16:00:00.000Z'));
  // Another campaign planned `busy` at 09:00 and its prompt was created then (counted once, not twice).
  const other = await service.create(TENANT, 'admin', { contentId: 'other-item', audience: { ...AUDIENCE, employeeIds: ['busy'] }, window: { start: WINDOW.start, end: '2026-12-07T10:00:00Z' }, slotMinutes: 60 });
  expect(await service.launch(TENANT, other.id)).toEqual({ planned: 1 });
  await repos.prompts.createOnce(prompt('busy', '2026-12-07T09:00:00.000Z', other.id));
});

describe('campaign preview with earlier prompts', () => {
  it('finds the tenant\'s prompts of a period in one scan, with the person of each', async () => {
    const found = await repos.prompts.listCreatedBetween(TENANT, '2026-12-05T00:00:00.000Z', '2026-12-08T00:00:00.000Z');
    expect(found.map((p) => p.employeeId).sort()).toEqual(['busy', 'capped', 'tokyo']);
    expect(await repos.prompts.listCreatedBetween('another-tenant', '2026-12-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z')).toEqual([]);
  });

  it('leaves out people whose weekly cap is spent and keeps those prompted last week', async () => {
    const draft = await service.create(TENANT, 'admin', { contentId: 'new-item', audience: { ...AUDIENCE, employeeIds: ['capped', 'last-week', 'tokyo'] }, window: WINDOW, slotMinutes: 60 });
    const preview = await service.preview(TENANT, draft.id);
    expect(preview.notPlaced).toEqual([{ employeeId: 'capped', reason: 'weekly-cap-reached' }, { employeeId: 'tokyo', reason: 'weekly-cap-reached' }]);
    expect(preview.recipients).toBe(1);
    // The same campaign planned without the history would prompt all three.
    expect((await withoutHistory.preview(TENANT, draft.id)).recipients).toBe(3);
  });

  it('plans no second prompt at a time the person already has one from another campaign', async () => {
    const draft = await service.create(TENANT, 'admin', { contentId: 'new-item', audience: { ...AUDIENCE, employeeIds: ['busy'] }, window: WINDOW, slotMinutes: 60 });
    const preview = await service.preview(TENANT, draft.id);
    // Cap 2 with one earlier prompt (its delivery and its prompt row count once): one left, not at 09:00.
    expect(preview.notPlaced).toEqual([]);
    expect(preview.perHour).toEqual({ '2026-12-07T10:00Z': 1 });
    expect(await service.launch(TENANT, draft.id)).toEqual({ planned: 1 });
    expect((await service.delivery(TENANT, draft.id, 'busy'))?.at).toBe('2026-12-07T10:00:00.000Z');
  });
});
