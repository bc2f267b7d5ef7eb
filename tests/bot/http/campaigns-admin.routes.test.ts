/**
 * The campaign API as the Admin > Campaigns section uses it, on Azurite: the list (newest first,
 * delivery counts, one kind), the audience options (who is left out and why), answers parsed
 * with the shared contracts, employees refused, and every write (create, launch, pause, resume,
 * cancel) in the audit log with its before/after.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuditTrail } from '../../../src/bot/http/audit-trail.js';
import { registerCampaignRoutes } from '../../../src/bot/http/campaigns.routes.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { createCampaignService } from '../../../src/bot/services/campaign.service.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { AudienceOptionsSchema, CampaignListSchema, CampaignPreviewSchema, CampaignStatusSchema } from '../../../src/shared/contracts/campaigns.js';
import type { Role } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';

const TENANT = 'campaign-admin';
let app: FastifyInstance;
let repos: TableRepositories;
let clock = Date.parse('2026-12-03T09:00:00Z');

beforeAll(async () => {
  repos = await createTestRepositories('campadm');
  const base = { tenantId: TENANT, workingDays: [1, 2, 3, 4, 5] as (0 | 1 | 2 | 3 | 4 | 5 | 6)[], workingHours: { start: 9, end: 17 }, weeklyPromptCap: 3, promptsPaused: false };
  await repos.employees.upsertMany([
    makeEmployee({ ...base, id: 'p1', displayName: 'Priya', team: 'Sales', timeZone: 'Asia/Kolkata', topics: [{ topicId: 'social-selling', role: 'social-mind' }] }),
    makeEmployee({ ...base, id: 'p2', displayName: 'Marco', team: 'Sales', timeZone: 'Europe/Rome', promptsPaused: true }),
    makeEmployee({ ...base, id: 'p3', displayName: 'Olga', team: 'Ops', timeZone: 'Europe/Moscow', weeklyPromptCap: 0 }),
  ]);
  await repos.topics.upsertMany(TENANT, [{ id: 'social-selling', name: { en: 'Social selling', ja: 'ソーシャルセリング' } }]);
  app = Fastify();
  registerErrorHandling(app);
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'];
    if (typeof role === 'string') request.identity = { tenantId: TENANT, employeeId: `${role}-1`, displayName: `The ${role}`, roles: [role as Role] };
  });
  registerAuditTrail(app, { auditLog: repos.auditLog });
  let n = 0;
  const now = () => new Date((clock += 1_000));
  registerCampaignRoutes(app, { campaigns: createCampaignService({ stores: repos.campaigns, employees: repos.employees, topics: repos.topics, now, newId: () => `cadm${(n += 1)}` }) });
  await app.ready();
});
afterAll(() => app?.close());

const call = (method: 'GET' | 'POST', url: string, role: string, payload?: object) =>
  app.inject({ method, url, headers: { 'x-test-role': role }, ...(payload ? { payload } : {}) });
const window = { start: '2026-12-07T00:00:00Z', end: '2026-12-09T00:00:00Z' };

describe('campaign routes for the Admin section', () => {
  it('refuses employees on every route, reads and writes alike', async () => {
    for (const [method, url] of [['GET', '/api/campaigns'], ['GET', '/api/campaigns/audience'], ['POST', '/api/campaigns'], ['GET', '/api/campaigns/x/preview'], ['GET', '/api/campaigns/x'], ['POST', '/api/campaigns/x/launch'], ['POST', '/api/campaigns/x/cancel']] as const) {
      expect((await call(method, url, 'employee', method === 'POST' ? { contentId: 'c', window } : undefined)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await call('GET', '/api/campaigns?kind=nope', 'admin')).statusCode).toBe(400);
    expect((await call('GET', '/api/campaigns?limit=0', 'admin')).statusCode).toBe(400);
    expect((await call('GET', '/api/campaigns/audience?x=1', 'admin')).statusCode).toBe(400);
    expect((await call('POST', '/api/campaigns', 'admin', { contentId: 'c', window: { start: window.end, end: window.start } })).statusCode).toBe(400);
  });

  it('audience options name teams and topics and say who is left out and why', async () => {
    const res = await call('GET', '/api/campaigns/audience', 'coordinator');
    expect(res.statusCode).toBe(200);
    const options = AudienceOptionsSchema.parse(res.json());
    expect(options.teams).toEqual(['Ops', 'Sales']);
    expect(options.topics).toEqual([{ id: 'social-selling', name: { en: 'Social selling', ja: 'ソーシャルセリング' } }]);
    expect(options.people.map((p) => [p.name, p.excluded ?? null])).toEqual([['Marco', 'paused'], ['Olga', 'opted-out'], ['Priya', null]]);
  });

  it('lists campaigns newest first with live delivery counts; writes are audited with before/after', async () => {
    const first = (await call('POST', '/api/campaigns', 'admin', { contentId: 'item-1', audience: { teams: ['Sales'] }, window })).json<{ id: string }>().id;
    const second = (await call('POST', '/api/campaigns', 'coordinator', { contentId: 'item-2', audience: {}, window })).json<{ id: string }>().id;
    await call('POST', '/api/campaigns', 'admin', { kind: 'training', subjectId: 'module-1', window });

    const preview = CampaignPreviewSchema.parse((await call('GET', `/api/campaigns/${first}/preview`, 'admin')).json());
    expect(preview.recipients).toBe(1);
    expect(preview.notPlaced).toEqual([{ employeeId: 'p2', reason: 'paused' }]);
    expect((await call('POST', `/api/campaigns/${first}/launch`, 'admin')).json()).toEqual({ planned: 1 });
    expect((await call('POST', `/api/campaigns/${first}/pause`, 'admin')).statusCode).toBe(200);
    expect((await call('POST', `/api/campaigns/${first}/resume`, 'admin')).statusCode).toBe(200);
    expect((await call('POST', `/api/campaigns/${second}/cancel`, 'coordinator')).statusCode).toBe(200);

    const list = CampaignListSchema.parse((await call('GET', '/api/campaigns', 'coordinator')).json());
    expect(list.items.map((i) => [i.campaign.id, i.campaign.state])).toEqual([[second, 'cancelled'], [first, 'running']]);
    expect(list.items[1]!.counts).toMatchObject({ planned: 1, sent: 0 });
    expect(list.items[0]!.counts.planned).toBe(0);
    expect(list.more).toBe(0);
    const limited = CampaignListSchema.parse((await call('GET', '/api/campaigns?limit=1', 'admin')).json());
    expect([limited.items.length, limited.more]).toEqual([1, 1]);
    const training = CampaignListSchema.parse((await call('GET', '/api/campaigns?kind=training', 'admin')).json());
    expect(training.items.map((i) => i.campaign.subjectId)).toEqual(['module-1']);
    expect(CampaignStatusSchema.parse((await call('GET', `/api/campaigns/${first}`, 'admin')).json()).counts.planned).toBe(1);

    const entries = await repos.auditLog.list(TENANT, { limit: 100 });
    const ours = (action: string, target?: string) => entries.filter((e) => e.action === action && (target === undefined || e.target.id === target));
    expect(ours('POST /api/campaigns').filter((e) => e.status === 201)).toHaveLength(3);
    expect(ours('POST /api/campaigns').find((e) => (e.after as { id?: string } | undefined)?.id === first)).toMatchObject({ actorId: 'admin-1', after: { subjectId: 'item-1', state: 'draft' } });
    const actions = ours('POST /api/campaigns/:id/:action').filter((e) => e.status === 200).map((e) => [e.target.action, e.before ?? null, e.after]);
    expect(actions).toEqual(expect.arrayContaining([
      ['launch', { state: 'draft' }, { state: 'running', planned: 1 }],
      ['pause', { state: 'running' }, { state: 'paused' }],
      ['resume', { state: 'paused' }, { state: 'running' }],
      ['cancel', null, { state: 'cancelled' }],
    ]));
    // The employee's refused writes are in the log too.
    expect(entries.some((e) => e.actorRoles.includes('employee') && e.status === 403 && e.action === 'POST /api/campaigns')).toBe(true);
  });
});
