/**
 * Weekly jobs through the pipeline (Azurite, real bot and worker): the bot added to a team keeps
 * the channel's reference; two instances tick at once and the contest update is dispatched once
 * to the channel and the pilot digest once to each cohort member; the worker posts the cards,
 * once each, even when the jobs are run again. The jobs serve every tenant with a programme in
 * storage (a second tenant with only a contest and a channel gets its update too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWeeklyDispatch, previousWeekStart } from '../../../src/bot/jobs/weekly-jobs.js';
import { createWeeklyScheduler, isoWeekOf } from '../../../src/bot/jobs/weekly-scheduler.js';
import { CHANNEL_RECIPIENT_PREFIX } from '../../../src/bot/teams/team-channel.js';
import type { PilotDigestCardData } from '../../../src/bot/teams/cards/pilot-digest/pilot-digest.card.js';
import { installationUpdateAdd, TEST_TENANT_ID } from '../../support/activities.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { startTestDeliveryWorker, testCampaignService, waitForDeliveries } from '../../support/delivery.js';
import { makeEmployee } from '../../support/fixtures.js';

const TENANT = TEST_TENANT_ID;
let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'weeklyjobs', connector: { rateLimits: false } });
});
afterAll(() => harness.stop());

describe('weekly jobs', () => {
  it('post the contest update to the team channel and the digest to each cohort member, once across two instances', async () => {
    // The bot is added to a team: Teams sends installationUpdate in the team's General channel.
    await harness.send(installationUpdateAdd({ serviceUrl: harness.connector.serviceUrl, locale: 'ja-JP', conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: TENANT } }));
    const channels = (await harness.repositories.conversationReferences.listByTenant(TENANT)).filter((r) => r.employeeId.startsWith(CHANNEL_RECIPIENT_PREFIX));
    expect(channels).toHaveLength(1);
    expect(channels[0]).toMatchObject({ language: 'ja' });

    const now = new Date();
    await harness.repositories.contests.upsert(TENANT, { id: 'q4', name: 'Q4 sharing contest', startsAt: new Date(now.getTime() - 10 * 86_400_000).toISOString(), endsAt: new Date(now.getTime() + 20 * 86_400_000).toISOString(), weights: { uniqueClick: 1, share: 0, conversion: 0 }, prizes: [{ rank: 1, label: 'Headphones' }], excludedRoles: [], excludedEmployeeIds: [] });
    await harness.repositories.employees.upsertMany(['exec1', 'exec2'].map((id) => makeEmployee({ id, tenantId: TENANT, language: id === 'exec2' ? 'th' : 'en', timeZone: 'UTC', workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 0, end: 24 } })));
    for (const id of ['exec1', 'exec2']) {
      const reference = { serviceUrl: harness.connector.serviceUrl, channelId: 'msteams', conversation: { id: `conv-${id}` }, user: { id: `u-${id}` }, bot: { id: 'bot' } };
      await harness.repositories.conversationReferences.upsert({ tenantId: TENANT, employeeId: id, reference: JSON.stringify(reference), updatedAt: now.toISOString() });
    }
    await harness.repositories.pilots.upsert(TENANT, { id: 'pilot-1', name: 'Leadership pilot', cohort: ['exec1', 'exec2'], phase: 'maintenance', startedAt: now.toISOString() });

    // A second tenant that is not the configured one: a contest and a team channel in storage.
    const OTHER = 'weekly-other-tenant';
    await harness.repositories.contests.upsert(OTHER, { id: 'spring', name: 'Spring contest', startsAt: new Date(now.getTime() - 86_400_000).toISOString(), endsAt: new Date(now.getTime() + 86_400_000).toISOString(), weights: { uniqueClick: 1, share: 0, conversion: 0 }, prizes: [], excludedRoles: [], excludedEmployeeIds: [] });
    const otherChannel = { serviceUrl: harness.connector.serviceUrl, channelId: 'msteams', conversation: { id: '19:other@thread.tacv2', conversationType: 'channel', tenantId: OTHER }, bot: { id: 'bot' } };
    await harness.repositories.conversationReferences.upsert({ tenantId: OTHER, employeeId: `${CHANNEL_RECIPIENT_PREFIX}19:other@thread.tacv2`, reference: JSON.stringify(otherChannel), language: 'it', updatedAt: now.toISOString() });
    const tenants = await harness.repositories.tenants.withProgramme();
    expect(tenants).toEqual(expect.arrayContaining([TENANT, OTHER]));

    const digests: string[] = [];
    const digestFor = async (_tenantId: string, employeeId: string, weekStart: Date): Promise<PilotDigestCardData> => {
      digests.push(`${employeeId}@${weekStart.toISOString().slice(0, 10)}`);
      return { pilotName: 'Leadership pilot', phase: 'maintenance', week: { from: weekStart.toISOString(), to: new Date(weekStart.getTime() + 7 * 86_400_000).toISOString() }, me: { persona: 'sharer', shares: 2, clicks: 9, reach: 800 }, cohort: { size: 2, shares: 3, clicks: 12, activeLeaders: 2 }, readinessPercent: 50, unmetItems: ['cohort-clicks'] };
    };
    const campaigns = testCampaignService(harness);
    const weekly = () =>
      createWeeklyDispatch({ tenants: () => harness.repositories.tenants.withProgramme(), references: harness.repositories.conversationReferences, contests: harness.repositories.contests, pilots: harness.repositories.pilots, employees: harness.repositories.employees, campaigns: () => campaigns, weeklyUpdate: harness.services.weeklyUpdate, digestFor, now: () => new Date() });
    const a = createWeeklyScheduler({ leases: harness.repositories.campaigns.leases, holder: 'instance-a' }, weekly().jobs);
    const b = createWeeklyScheduler({ leases: harness.repositories.campaigns.leases, holder: 'instance-b' }, weekly().jobs);
    const ran = (await Promise.all([a.tick(), b.tick(), a.tick()])).flat().sort();
    expect(ran).toEqual(['pilot-digest', 'weekly-contest-update']);

    const worker = startTestDeliveryWorker(harness, weekly().builders);
    const week = isoWeekOf(Date.now());
    const list = await harness.repositories.campaigns.campaigns.list(TENANT);
    const ours = list.filter((c) => c.id.includes(week));
    expect(ours.map((c) => c.kind).sort()).toEqual(['pilot-digest', 'pilot-digest', 'weekly-update']);
    const otherCampaigns = (await harness.repositories.campaigns.campaigns.list(OTHER)).filter((c) => c.id.includes(week));
    expect(otherCampaigns.map((c) => c.kind)).toEqual(['weekly-update']);
    try {
      for (const c of ours) await waitForDeliveries(harness, TENANT, c.id, (s) => s === 'sent');
      await waitForDeliveries(harness, OTHER, otherCampaigns[0]!.id, (s) => s === 'sent');
      // Running the jobs again (e.g. after a crash before the lease was completed) dispatches nothing new.
      for (const job of weekly().jobs) await job.run(week);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await worker.stop();
    }
    expect((await harness.repositories.campaigns.campaigns.list(TENANT)).filter((c) => c.id.includes(week))).toHaveLength(3);
    const toChannel = harness.connector.sent.filter((s) => s.conversationId === '19:general@thread.tacv2' && JSON.stringify(s.activity).includes('Q4 sharing contest'));
    expect(toChannel).toHaveLength(1);
    const toOther = harness.connector.sent.filter((s) => s.conversationId === '19:other@thread.tacv2');
    expect(toOther).toHaveLength(1);
    expect(JSON.stringify(toOther[0]!.activity)).toContain('Spring contest');
    expect(JSON.stringify(toChannel[0]!.activity)).toContain('今週のコンテスト速報');
    expect(JSON.stringify(toChannel[0]!.activity)).toContain('Headphones');
    const exec2 = harness.connector.sent.filter((s) => s.conversationId === 'conv-exec2');
    expect(exec2).toHaveLength(1);
    expect(JSON.stringify(exec2[0]!.activity)).toContain('สรุปประจำสัปดาห์ของคุณ');
    expect(harness.connector.sent.filter((s) => s.conversationId === 'conv-exec1')).toHaveLength(1);
    const reported = previousWeekStart(new Date()).toISOString().slice(0, 10);
    expect(digests.sort()).toEqual([`exec1@${reported}`, `exec2@${reported}`]);
  }, 40_000);
});
