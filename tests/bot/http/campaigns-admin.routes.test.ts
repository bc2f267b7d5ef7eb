/**
 * The campaign API as the Admin > Campaigns section uses it, on Azurite: the list (newest first,
 * delivery counts, one kind), the audience options (who is left out and why), answers parsed
 * with the shared contracts, employees refused, and every write (create, launch, pause, resume,
 * cancel) in the audit log with its before/after. The draft lifecycle: a draft is edited at the
 * version the admin saw (the preview follows; a second admin's stale edit is 409 `conflict` and
 * loses nothing), deleted with its version, launched only at the version previewed; a launched or
 * launching campaign refuses edits and deletes with 409 `campaignLocked` (translated); any campaign
 * duplicates into a new draft.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuditTrail } from '../../../src/bot/http/audit-trail.js';
import { registerCampaignRoutes } from '../../../src/bot/http/campaigns.routes.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { createCampaignService } from '../../../src/bot/services/campaign.service.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { AudienceOptionsSchema, CampaignListSchema, CampaignPreviewSchema, CampaignStatusSchema, CampaignVersionedSchema } from '../../../src/shared/contracts/campaigns.js';
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

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, role: string, payload?: object, lang = 'en') =>
  app.inject({ method, url, headers: { 'x-test-role': role, 'accept-language': lang }, ...(payload ? { payload } : {}) });
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

  it('edits a draft at its version (the preview follows), refuses a stale edit, deletes a draft, refuses to change a launched one', async () => {
    const id = (await call('POST', '/api/campaigns', 'admin', { contentId: 'item-1', audience: { teams: ['Ops'] }, window })).json<{ id: string }>().id;
    const status = CampaignStatusSchema.parse((await call('GET', `/api/campaigns/${id}`, 'coordinator')).json());
    // Ops is Olga only, opted out: nobody placed.
    expect(CampaignPreviewSchema.parse((await call('GET', `/api/campaigns/${id}/preview`, 'admin')).json()).recipients).toBe(0);

    const edit = { subjectId: 'item-3', audience: { personas: [], teams: ['Sales'], topicIds: [], languages: [], employeeIds: [] }, window: { start: '2026-12-08T00:00:00Z', end: '2026-12-10T00:00:00Z' }, slotMinutes: 60 };
    const first = await call('PUT', `/api/campaigns/${id}`, 'coordinator', { version: status.version, ...edit });
    expect(first.statusCode).toBe(200);
    const saved = CampaignVersionedSchema.parse(first.json());
    expect(saved.campaign).toMatchObject({ id, state: 'draft', subjectId: 'item-3', slotMinutes: 60, window: { start: '2026-12-08T00:00:00Z' }, createdBy: 'admin-1' });
    expect(saved.version).not.toBe(status.version);
    // The preview is recomputed from the edited audience: Priya placed, Marco (paused) not.
    const preview = CampaignPreviewSchema.parse((await call('GET', `/api/campaigns/${id}/preview`, 'admin')).json());
    expect([preview.recipients, preview.notPlaced]).toEqual([1, [{ employeeId: 'p2', reason: 'paused' }]]);

    // A second admin editing from the old version gets 409 `conflict`; the first edit stands.
    const stale = await call('PUT', `/api/campaigns/${id}`, 'admin', { version: status.version, ...edit, slotMinutes: 120 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'conflict']);
    expect((await repos.campaigns.campaigns.get(TENANT, id)).value.slotMinutes).toBe(60);
    // Bad bodies: unknown field, window backwards, no version.
    for (const body of [{ version: saved.version, ...edit, state: 'running' }, { version: saved.version, ...edit, window: { start: edit.window.end, end: edit.window.start } }, edit]) {
      expect((await call('PUT', `/api/campaigns/${id}`, 'admin', body)).statusCode).toBe(400);
    }
    // Launching from a stale preview is refused and plans nothing.
    const staleLaunch = await call('POST', `/api/campaigns/${id}/launch`, 'admin', { version: status.version });
    expect(staleLaunch.statusCode).toBe(409);
    expect(await repos.campaigns.deliveries.listByCampaign(TENANT, id)).toEqual([]);
    expect((await call('POST', `/api/campaigns/${id}/launch`, 'admin', { version: saved.version })).json()).toEqual({ planned: 1 });

    // Launched: content, audience, window and slot length are locked, and it is never deleted.
    const current = CampaignStatusSchema.parse((await call('GET', `/api/campaigns/${id}`, 'admin')).json());
    const locked = await call('PUT', `/api/campaigns/${id}`, 'admin', { version: current.version, ...edit, window: { start: edit.window.start, end: '2026-12-20T00:00:00Z' } }, 'ja');
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'campaignLocked', message: expect.stringContaining('キャンペーン') });
    expect((await call('POST', `/api/campaigns/${id}/pause`, 'admin')).statusCode).toBe(200);
    const paused = CampaignStatusSchema.parse((await call('GET', `/api/campaigns/${id}`, 'admin')).json());
    expect((await call('PUT', `/api/campaigns/${id}`, 'admin', { version: paused.version, ...edit, window: { start: edit.window.start, end: '2026-12-20T00:00:00Z' } })).json().error.code).toBe('campaignLocked');
    expect((await call('DELETE', `/api/campaigns/${id}`, 'admin', { version: paused.version })).json().error.code).toBe('campaignLocked');
    expect((await repos.campaigns.campaigns.get(TENANT, id)).value).toMatchObject({ state: 'paused', window: { end: '2026-12-10T00:00:00Z' } });
    expect(await repos.campaigns.deliveries.listByCampaign(TENANT, id)).toHaveLength(1);

    // Duplicate: a new draft with the same subject, audience and (future) window.
    const dup = await call('POST', `/api/campaigns/${id}/duplicate`, 'coordinator');
    expect(dup.statusCode).toBe(201);
    const copy = dup.json<{ id: string }>();
    expect(copy).toMatchObject({ state: 'draft', subjectId: 'item-3', audience: edit.audience, window: { start: '2026-12-08T00:00:00Z', end: '2026-12-10T00:00:00Z' }, slotMinutes: 60, createdBy: 'coordinator-1' });
    expect(copy.id).not.toBe(id);

    // Delete the draft copy: the stale version is refused, the current one deletes it.
    const copyStatus = CampaignStatusSchema.parse((await call('GET', `/api/campaigns/${copy.id}`, 'admin')).json());
    expect((await call('DELETE', `/api/campaigns/${copy.id}`, 'admin', { version: 'W/"datetime\'2020-01-01T00%3A00%3A00Z\'"' })).statusCode).toBe(409);
    expect((await call('DELETE', `/api/campaigns/${copy.id}`, 'employee', { version: copyStatus.version })).statusCode).toBe(403);
    const deleted = await call('DELETE', `/api/campaigns/${copy.id}`, 'admin', { version: copyStatus.version });
    expect([deleted.statusCode, deleted.json()]).toEqual([200, { id: copy.id, deleted: true }]);
    expect((await call('GET', `/api/campaigns/${copy.id}`, 'admin')).statusCode).toBe(404);

    // A draft whose launch has begun (marked, records on their way) is locked too.
    const half = (await call('POST', '/api/campaigns', 'admin', { contentId: 'item-1', audience: {}, window })).json<{ id: string }>().id;
    const stored = await repos.campaigns.campaigns.get(TENANT, half);
    const marked = await repos.campaigns.campaigns.update({ ...stored.value, launchingAt: '2026-12-03T10:00:00.000Z' }, stored.etag);
    expect((await call('PUT', `/api/campaigns/${half}`, 'admin', { version: marked.etag, ...edit })).json().error.code).toBe('campaignLocked');
    expect((await call('DELETE', `/api/campaigns/${half}`, 'admin', { version: marked.etag })).json().error.code).toBe('campaignLocked');

    const entries = await repos.auditLog.list(TENANT, { limit: 200 });
    const put = entries.find((e) => e.action === 'PUT /api/campaigns/:id' && e.target.id === id && e.status === 200);
    expect(put).toMatchObject({ actorId: 'coordinator-1', before: { subjectId: 'item-1', audience: { teams: ['Ops'] }, slotMinutes: 30 }, after: { subjectId: 'item-3', audience: { teams: ['Sales'] }, slotMinutes: 60 } });
    expect(entries.find((e) => e.action === 'DELETE /api/campaigns/:id' && e.target.id === copy.id && e.status === 200)).toMatchObject({ before: { id: copy.id, state: 'draft' } });
    expect(entries.some((e) => e.action === 'PUT /api/campaigns/:id' && e.status === 409)).toBe(true);
  });
});
