/**
 * The Viva Learning connector against a local server that speaks the Graph v1.0 endpoints and
 * validates their request shapes (tests/support/graph-server.ts), with the real training service
 * on Azurite: publish a module as learning content, assign it per persona (idempotent), Done here
 * completes the Viva activity, completion in Viva becomes Done here with its win, exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/bot/services/create-services.js';
import { createVivaLearningClient, createVivaLearningSync, fetchGraphHttp, GraphError, type VivaLearningSync } from '../../../src/bot/services/viva-learning.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';
import { startGraphServer, type GraphServer } from '../../support/graph-server.js';

const TENANT = 'viva';
const NOW = new Date('2026-12-03T09:00:00.000Z');
let repos: TableRepositories;
let services: AppServices;
let graph: GraphServer;
let sync: VivaLearningSync;
let moduleId: string;

beforeAll(async () => {
  repos = await createTestRepositories('viva');
  graph = await startGraphServer();
  await repos.employees.upsertMany([
    makeEmployee({ id: 'net-1', tenantId: TENANT, persona: 'networker', language: 'ja' }),
    makeEmployee({ id: 'net-2', tenantId: TENANT, persona: 'networker', language: 'ja' }),
    makeEmployee({ id: 'obs-1', tenantId: TENANT, persona: 'observer' }),
  ]);
  services = createAppServices(repos, { publicBaseUrl: 'http://localhost', clock: () => NOW });
  const module = await services.training.createModule(TENANT, 'trainer', { title: 'ネットワーカーの投稿術', summary: '週に一度のコツ', format: 'article', learningStyle: 'reading', durationMinutes: 7, languages: ['ja'], body: '- 自分の言葉で', targetPersonas: ['networker'], targetTopicRoles: [] });
  moduleId = (await services.training.publish(TENANT, module.id)).id;
  const client = createVivaLearningClient(fetchGraphHttp(graph.baseUrl, async () => 'test-token'), graph.providerId);
  sync = createVivaLearningSync({ client, training: services.training, employees: repos.employees, contentUrl: (m) => `https://advocacy.example/tab/#/training?module=${m.id}`, clock: () => NOW });
  services.training.attachCompletionHook((tenantId, employeeId, module, at) => sync.onCompleted(tenantId, employeeId, module, at));
});
afterAll(() => graph?.stop());

describe('Viva Learning connector', () => {
  it('publishes a module as learning content with the documented shape', async () => {
    const contentId = await sync.publish(TENANT, moduleId);
    const stored = graph.contents.get(moduleId);
    expect(stored).toMatchObject({ id: contentId, externalId: moduleId, title: 'ネットワーカーの投稿術', description: '週に一度のコツ', languageTag: 'ja-jp', duration: 'PT7M', format: 'Article', isActive: true, sourceName: 'Advocacy Hub' });
    expect(stored?.contentWebUrl).toBe(`https://advocacy.example/tab/#/training?module=${moduleId}`);
    expect(graph.requests.every((r) => r.authorization === 'Bearer test-token' && r.status < 400)).toBe(true);
    expect(graph.requests[0]).toMatchObject({ method: 'PATCH', path: `/v1.0/employeeExperience/learningProviders/${graph.providerId}/learningContents(externalId='${moduleId}')` });
  });

  it('assigns it to the people of a persona it targets, once', async () => {
    expect(await sync.assignToPersona(TENANT, moduleId, 'trainer', 'networker')).toEqual({ assigned: 2, existing: 0 });
    expect(await sync.assignToPersona(TENANT, moduleId, 'trainer', 'observer')).toEqual({ assigned: 0, existing: 0 }); // not a target
    expect(await sync.assignToPersona(TENANT, moduleId, 'trainer')).toEqual({ assigned: 0, existing: 2 });
    const activities = [...graph.activities.values()];
    expect(activities.map((a) => [a.learnerUserId, a.externalCourseActivityId, a.status, a.assignmentType]).sort()).toEqual([
      ['net-1', `${moduleId}:net-1`, 'notStarted', 'recommended'],
      ['net-2', `${moduleId}:net-2`, 'notStarted', 'recommended'],
    ]);
    // Only the look-ups before each first assignment found nothing (404); nothing was refused.
    expect(graph.requests.filter((r) => r.status >= 400).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 404', 'GET 404']);
  });

  it('Done in the app completes the Viva activity', async () => {
    await services.training.respond(TENANT, 'net-1', moduleId, 'done');
    const activity = [...graph.activities.values()].find((a) => a.learnerUserId === 'net-1');
    expect(activity).toMatchObject({ status: 'completed', completedDateTime: NOW.toISOString(), completionPercentage: 100 });
  });

  it('completion in Viva Learning becomes Done here with one win, once', async () => {
    graph.completeInViva(`${moduleId}:net-2`, NOW);
    expect(await sync.syncCompletions(TENANT, moduleId)).toBe(1);
    expect(await sync.syncCompletions(TENANT, moduleId)).toBe(0);
    expect((await services.training.personProgress(TENANT, 'net-2')).find((r) => r.moduleId === moduleId)?.status).toBe('completed');
    expect((await services.wins.listWins(TENANT, 'net-2')).filter((w) => w.kind === 'training-completed')).toHaveLength(1);
  });

  it('surfaces Graph refusals as GraphError (wrong provider, bad shape)', async () => {
    const wrong = createVivaLearningClient(fetchGraphHttp(graph.baseUrl, async () => 'test-token'), 'not-registered');
    await expect(wrong.findActivity('x')).rejects.toMatchObject({ name: 'GraphError', status: 400 });
    const client = createVivaLearningClient(fetchGraphHttp(graph.baseUrl, async () => 'test-token'), graph.providerId);
    await expect(client.assign({ contentId: 'no-such-content', learnerUserId: 'net-1', externalCourseActivityId: 'z', at: NOW })).rejects.toBeInstanceOf(GraphError);
    const raw = await fetch(`${graph.baseUrl}/employeeExperience/learningProviders/${graph.providerId}/learningCourseActivities(externalCourseActivityId=x)`);
    expect(raw.status).toBe(401);
  });
});
