/** Campaign API: roles, validation, create -> preview -> launch -> pause/resume -> status on Azurite. */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCampaignRoutes } from '../../../src/bot/http/campaigns.routes.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { createCampaignService } from '../../../src/bot/services/campaign.service.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import type { Role } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';

const TENANT = 'campaign-api';
let app: FastifyInstance;
let repos: TableRepositories;

beforeAll(async () => {
  repos = await createTestRepositories('campapi');
  await repos.employees.upsertMany([
    makeEmployee({ id: 'a', tenantId: TENANT, persona: 'sharer', team: 'sales', timeZone: 'Asia/Kolkata', workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 }, promptsPaused: false, weeklyPromptCap: 3 }),
    makeEmployee({ id: 'b', tenantId: TENANT, persona: 'sharer', team: 'sales', timeZone: 'Europe/Rome', workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 }, promptsPaused: true, weeklyPromptCap: 3 }),
    makeEmployee({ id: 'c', tenantId: TENANT, persona: 'observer', team: 'ops', timeZone: 'Europe/Rome', workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 }, promptsPaused: false, weeklyPromptCap: 3 }),
  ]);
  app = Fastify();
  registerErrorHandling(app);
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'];
    if (typeof role === 'string') request.identity = { tenantId: TENANT, employeeId: 'admin-1', displayName: 'Admin', roles: [role as Role] };
  });
  let n = 0;
  registerCampaignRoutes(app, { campaigns: createCampaignService({ stores: repos.campaigns, employees: repos.employees, now: () => new Date('2026-12-03T09:00:00Z'), newId: () => `camp${(n += 1)}` }) });
  await app.ready();
});
afterAll(() => app?.close());

const call = (method: 'GET' | 'POST', url: string, role: string | undefined, payload?: object) =>
  app.inject({ method, url, ...(role ? { headers: { 'x-test-role': role } } : {}), ...(payload ? { payload } : {}) });

describe('campaign routes', () => {
  it('only admins and coordinators; invalid bodies are 400', async () => {
    expect((await call('POST', '/api/campaigns', undefined, {})).statusCode).toBe(401);
    expect((await call('POST', '/api/campaigns', 'employee', {})).statusCode).toBe(403);
    expect((await call('POST', '/api/campaigns', 'coordinator', { contentId: 'x', window: { start: 'soon', end: 'later' } })).statusCode).toBe(400);
  });

  it('create, preview (per day, hour, zone, who cannot be placed and why), launch, pause, resume, status', async () => {
    const created = await call('POST', '/api/campaigns', 'admin', { contentId: 'item-1', audience: { personas: ['sharer'] }, window: { start: '2026-12-07T00:00:00Z', end: '2026-12-09T00:00:00Z' }, slotMinutes: 30 });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const preview = (await call('GET', `/api/campaigns/${id}/preview`, 'admin')).json<{ recipients: number; perTimeZone: Record<string, number>; notPlaced: unknown[]; perDay: Record<string, number> }>();
    expect(preview.recipients).toBe(1);
    expect(preview.perTimeZone).toEqual({ 'Asia/Kolkata': 1 });
    expect(preview.notPlaced).toEqual([{ employeeId: 'b', reason: 'paused' }]);
    expect(Object.values(preview.perDay).reduce((a, b) => a + b, 0)).toBe(1);
    expect((await call('POST', `/api/campaigns/${id}/launch`, 'admin')).json()).toEqual({ planned: 1 });
    expect((await call('POST', `/api/campaigns/${id}/launch`, 'admin')).statusCode).toBe(409);
    expect((await call('POST', `/api/campaigns/${id}/pause`, 'coordinator')).json()).toMatchObject({ state: 'paused' });
    expect((await call('POST', `/api/campaigns/${id}/resume`, 'coordinator')).json()).toMatchObject({ state: 'running' });
    const status = (await call('GET', `/api/campaigns/${id}`, 'admin')).json<{ counts: Record<string, number> }>();
    expect(status.counts).toMatchObject({ planned: 1, sent: 0, failed: 0, unreachable: 0, unknown: 0 });
    expect((await call('GET', '/api/campaigns/nope', 'admin')).statusCode).toBe(404);
    expect((await call('POST', `/api/campaigns/${id}/explode`, 'admin')).statusCode).toBe(400);
  });

  it('creates a training dispatch (kind + subjectId) through the same API; contentId belongs to share campaigns', async () => {
    const window = { start: '2026-12-07T00:00:00Z', end: '2026-12-09T00:00:00Z' };
    const created = await call('POST', '/api/campaigns', 'admin', { kind: 'training', subjectId: 'module-1', audience: { teams: ['sales'] }, window });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'training', subjectId: 'module-1', state: 'draft' });
    expect((await call('GET', `/api/campaigns/${created.json<{ id: string }>().id}/preview`, 'admin')).json()).toMatchObject({ recipients: 1 });
    expect((await call('POST', '/api/campaigns', 'admin', { contentId: 'item-1', audience: {}, window })).json()).toMatchObject({ kind: 'share', subjectId: 'item-1' });
    expect((await call('POST', '/api/campaigns', 'admin', { kind: 'training', contentId: 'item-1', window })).statusCode).toBe(400);
    expect((await call('POST', '/api/campaigns', 'admin', { kind: 'reoffer', subjectId: 'x', window })).statusCode).toBe(400);
    expect((await call('POST', '/api/campaigns', 'admin', { window })).statusCode).toBe(400);
  });
});
