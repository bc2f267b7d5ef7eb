/**
 * Training pushes on a cadence, on Azurite with the real campaign pipeline behind them: a run
 * comes back every N days, reaches the person again only while the repeat rules allow it, two
 * instances ticking at once run it once (the push is claimed with its ETag), and a stopped push
 * never runs again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCampaignService } from '../../../src/bot/services/campaign.service.js';
import { createAppServices, type AppServices } from '../../../src/bot/services/create-services.js';
import { createTrainingDispatcher } from '../../../src/bot/services/training-dispatch.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';

const TENANT = 'cadence';
const DAY = 86_400_000;
let now = new Date('2026-12-07T09:00:00.000Z');
let repos: TableRepositories;
let services: AppServices;
let moduleId: string;

beforeAll(async () => {
  repos = await createTestRepositories('cadence');
  await repos.employees.upsertMany([makeEmployee({ id: 'p', tenantId: TENANT, persona: 'sharer', workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 0, end: 24 }, weeklyPromptCap: 5 })]);
  services = createAppServices(repos, { publicBaseUrl: 'http://localhost', clock: () => now });
  let n = 0;
  services.trainingPush.attachDispatcher(createTrainingDispatcher(createCampaignService({ stores: repos.campaigns, employees: repos.employees, now: () => now, newId: () => `cd${(n += 1)}` })));
  const module = await services.training.createModule(TENANT, 'trainer', { title: 'Grow your network', format: 'article', learningStyle: 'reading', durationMinutes: 8, languages: ['en'], body: '- Connect with three people', targetPersonas: ['sharer'], targetTopicRoles: [] });
  moduleId = (await services.training.publish(TENANT, module.id)).id;
});

describe('cadence pushes', () => {
  it('runs every N days while the repeat rules allow, once across instances, and stops', async () => {
    const first = await services.trainingPush.push(TENANT, 'trainer', moduleId, { audience: { personas: [], topicRoles: [], teams: [], learningStyles: [] }, cadence: { everyDays: 7 } });
    expect(first.recipients).toBe(1);
    expect(first.push).toMatchObject({ runs: 1, state: 'active', nextRunAt: '2026-12-14T09:00:00.000Z' });

    now = new Date(now.getTime() + DAY);
    expect(await services.trainingPush.runDue()).toBe(0);

    now = new Date(now.getTime() + 6 * DAY);
    const [a, b] = await Promise.all([services.trainingPush.runDue(), services.trainingPush.runDue()]);
    expect(a + b).toBe(1); // two instances, one run
    let push = (await services.trainingPush.list(TENANT))[0]!;
    expect(push).toMatchObject({ runs: 2, lastRecipients: 1, nextRunAt: '2026-12-21T09:00:00.000Z' });
    expect(push.dispatchIds).toHaveLength(2);
    expect((await services.training.personProgress(TENANT, 'p'))[0]).toMatchObject({ nudges: 2 });

    await services.training.respond(TENANT, 'p', moduleId, 'done');
    now = new Date(now.getTime() + 7 * DAY);
    expect(await services.trainingPush.runDue()).toBe(1);
    push = (await services.trainingPush.list(TENANT))[0]!;
    expect(push).toMatchObject({ runs: 3, lastRecipients: 0 }); // done: never the same module again

    await services.trainingPush.stop(TENANT, push.id);
    now = new Date(now.getTime() + 30 * DAY);
    expect(await services.trainingPush.runDue()).toBe(0);
    expect((await services.trainingPush.list(TENANT))[0]).toMatchObject({ state: 'stopped', runs: 3 });
  });
});
