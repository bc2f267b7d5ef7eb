/**
 * Training API on Azurite with the real services and the real campaign pipeline behind the push:
 * role checks (an employee cannot create modules or read others' progress), refusal of untargeted
 * modules, lifecycle, push selection with the repeat rules and the training cap, a person's own
 * Start/Done/Not now with the win counted once, progress per persona and who is stuck.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { registerTrainingRoutes } from '../../../src/bot/http/training.routes.js';
import { createCampaignService } from '../../../src/bot/services/campaign.service.js';
import { createAppServices, type AppServices } from '../../../src/bot/services/create-services.js';
import { createTrainingDispatcher } from '../../../src/bot/services/training-dispatch.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import type { Role } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';

const TENANT = 'training-api';
const NOW = new Date('2026-12-03T09:00:00.000Z');
let app: FastifyInstance;
let repos: TableRepositories;
let services: AppServices;

const audit = (style: 'video' | 'reading' | 'hands-on' | 'live') => ({ audience: { linkedin: 900 }, postsPerMonth: 1, goals: [], learningStyle: style, wantsToGrow: true, auditedAt: '2026-11-01T00:00:00.000Z' });

beforeAll(async () => {
  repos = await createTestRepositories('trainapi');
  const hours = { workingDays: [0, 1, 2, 3, 4, 5, 6] as const, workingHours: { start: 0, end: 24 } };
  await repos.employees.upsertMany([
    makeEmployee({ id: 'trainer', tenantId: TENANT, roles: ['trainer', 'employee'] }),
    makeEmployee({ id: 'net-ja', tenantId: TENANT, persona: 'networker', language: 'ja', audit: audit('reading'), ...hours, workingDays: [...hours.workingDays] }),
    makeEmployee({ id: 'net-ja-2', tenantId: TENANT, persona: 'networker', language: 'ja', audit: audit('video'), ...hours, workingDays: [...hours.workingDays] }),
    makeEmployee({ id: 'net-it', tenantId: TENANT, persona: 'networker', language: 'it', ...hours, workingDays: [...hours.workingDays] }),
    makeEmployee({ id: 'obs-ja', tenantId: TENANT, persona: 'observer', language: 'ja', ...hours, workingDays: [...hours.workingDays] }),
  ]);
  services = createAppServices(repos, { publicBaseUrl: 'http://localhost', clock: () => NOW });
  let n = 0;
  const campaigns = createCampaignService({ stores: repos.campaigns, employees: repos.employees, now: () => NOW, newId: () => `tc${(n += 1)}` });
  services.trainingPush.attachDispatcher(createTrainingDispatcher(campaigns));
  app = Fastify();
  registerErrorHandling(app);
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'];
    const user = request.headers['x-test-user'];
    if (typeof role === 'string') request.identity = { tenantId: TENANT, employeeId: typeof user === 'string' ? user : 'trainer', displayName: 'T', roles: [role as Role] };
  });
  registerTrainingRoutes(app, { training: services.training, pushes: services.trainingPush });
  await app.ready();
});
afterAll(() => app?.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: { role?: string; user?: string } = {}, payload?: object) =>
  app.inject({ method, url, headers: { ...(who.role ? { 'x-test-role': who.role } : {}), ...(who.user ? { 'x-test-user': who.user } : {}) }, ...(payload ? { payload } : {}) });

const trainer = { role: 'trainer' };
const moduleBody = {
  title: 'ネットワーカーのための投稿のコツ',
  format: 'article',
  learningStyle: 'reading',
  durationMinutes: 7,
  languages: ['ja'],
  body: '# 手順\n- 自分の言葉で書く',
  targetPersonas: ['networker'],
};

describe('training API', () => {
  let moduleId: string;

  it('answers 401 without a caller and 403 to an employee on trainer routes', async () => {
    expect((await call('GET', '/api/training/modules')).statusCode).toBe(401);
    const employee = { role: 'employee', user: 'net-ja' };
    expect((await call('POST', '/api/training/modules', employee, moduleBody)).statusCode).toBe(403);
    expect((await call('GET', '/api/training/modules', employee)).statusCode).toBe(403);
    expect((await call('GET', '/api/training/progress', employee)).statusCode).toBe(403);
    expect((await call('GET', '/api/training/progress/net-it', employee)).statusCode).toBe(403);
    expect((await call('POST', '/api/training/modules/x/push', employee, {})).statusCode).toBe(403);
  });

  it('refuses a module with no target, and one with neither body nor link, with a clear error', async () => {
    const untargeted = await call('POST', '/api/training/modules', trainer, { ...moduleBody, targetPersonas: [] });
    expect(untargeted.statusCode).toBe(400);
    expect(untargeted.json<{ error: { details: string } }>().error.details).toContain('at least one target persona or topic role');
    const empty = await call('POST', '/api/training/modules', trainer, { ...moduleBody, body: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { details: string } }>().error.details).toContain('body or a link');
    expect((await call('POST', '/api/training/modules', trainer, { ...moduleBody, link: 'javascript:alert(1)' })).statusCode).toBe(400);
    expect((await call('GET', '/api/training/modules', trainer)).json<{ modules: unknown[] }>().modules).toEqual([]);
  });

  it('creates a draft, refuses to push it, publishes, filters, edits', async () => {
    const created = await call('POST', '/api/training/modules', trainer, moduleBody);
    expect(created.statusCode).toBe(201);
    const module = created.json<{ id: string; state: string; createdBy: string }>();
    expect(module).toMatchObject({ state: 'draft', createdBy: 'trainer' });
    moduleId = module.id;
    expect((await call('POST', `/api/training/modules/${moduleId}/push`, trainer, {})).statusCode).toBe(400);
    expect((await call('POST', `/api/training/modules/${moduleId}/retire`, trainer)).statusCode).toBe(409);
    expect((await call('POST', `/api/training/modules/${moduleId}/publish`, trainer)).json()).toMatchObject({ state: 'published', publishedAt: NOW.toISOString() });
    expect((await call('GET', '/api/training/modules?persona=networker&language=ja', trainer)).json<{ modules: { id: string }[] }>().modules.map((m) => m.id)).toEqual([moduleId]);
    expect((await call('GET', '/api/training/modules?persona=observer', trainer)).json<{ modules: unknown[] }>().modules).toEqual([]);
    expect((await call('GET', '/api/training/modules?persona=wizard', trainer)).statusCode).toBe(400);
    const edited = await call('PUT', `/api/training/modules/${moduleId}`, trainer, { ...moduleBody, durationMinutes: 9 });
    expect(edited.json()).toMatchObject({ durationMinutes: 9, state: 'published' });
  });

  it('pushes to the networkers it fits (language, style), plans them in the pipeline, and caps a second push', async () => {
    const pushed = await call('POST', `/api/training/modules/${moduleId}/push`, trainer, { audience: { personas: ['networker'] } });
    expect(pushed.statusCode).toBe(201);
    const result = pushed.json<{ recipients: number; excluded: Record<string, number>; push: { dispatchIds: string[]; state: string } }>();
    expect(result.recipients).toBe(2);
    expect(result.excluded).toEqual({ 'outside-audience': 2, language: 1 });
    expect(result.push.state).toBe('done');
    const deliveries = await repos.campaigns.deliveries.listByCampaign(TENANT, result.push.dispatchIds[0]!);
    expect(deliveries.map((d) => [d.employeeId, d.kind, d.subjectId, d.status]).sort()).toEqual([
      ['net-ja', 'training', moduleId, 'planned'],
      ['net-ja-2', 'training', moduleId, 'planned'],
    ]);
    const again = (await call('POST', `/api/training/modules/${moduleId}/push`, trainer, { audience: { personas: ['networker'], learningStyles: ['reading'] } })).json<{ recipients: number; excluded: Record<string, number> }>();
    expect(again.recipients).toBe(0);
    expect(again.excluded).toMatchObject({ 'recently-nudged': 1, 'learning-style': 2 }); // net-it took no audit: no known style
  });

  it('lets a person start and finish their own module; Done counts one win; others cannot be read', async () => {
    const me = { role: 'employee', user: 'net-ja' };
    expect((await call('POST', `/api/training/me/modules/${moduleId}/start`, me)).json()).toMatchObject({ status: 'started', startedAt: NOW.toISOString() });
    expect((await call('POST', `/api/training/me/modules/${moduleId}/done`, me)).json()).toMatchObject({ status: 'completed' });
    expect((await call('POST', `/api/training/me/modules/${moduleId}/done`, me)).json()).toMatchObject({ status: 'completed' });
    const wins = (await services.wins.listWins(TENANT, 'net-ja')).filter((w) => w.kind === 'training-completed');
    expect(wins.map((w) => w.detail)).toEqual([moduleId]);
    const mine = (await call('GET', '/api/training/me', me)).json<{ completed: number; items: { moduleId: string; status: string }[] }>();
    expect(mine.completed).toBe(1);
    expect(mine.items).toMatchObject([{ moduleId, status: 'completed' }]);
    expect((await call('POST', `/api/training/me/modules/${moduleId}/finish`, me)).statusCode).toBe(400);
    expect((await call('GET', '/api/training/me/modules/nope', me)).statusCode).toBe(404);
  });

  it('three Not-nows and the module is never pushed to that person again', async () => {
    const other = { role: 'employee', user: 'net-ja-2' };
    for (let i = 0; i < 3; i++) expect((await call('POST', `/api/training/me/modules/${moduleId}/not-now`, other)).json()).toMatchObject({ notNows: i + 1 });
    const pushed = (await call('POST', `/api/training/modules/${moduleId}/push`, trainer, { audience: { personas: ['networker'] }, gapDays: 0 })).json<{ recipients: number; excluded: Record<string, number> }>();
    expect(pushed.recipients).toBe(0);
    expect(pushed.excluded).toMatchObject({ completed: 1, declined: 1 });
  });

  it('shows completion per persona and module, and who is stuck', async () => {
    await repos.training.progress.put(TENANT, { employeeId: 'obs-ja', moduleId, status: 'started', nudges: 0, notNows: 0, startedAt: '2026-11-10T09:00:00.000Z', updatedAt: '2026-11-10T09:00:00.000Z' });
    const progress = (await call('GET', '/api/training/progress?stuckAfterDays=14', trainer)).json<{
      byPersona: { persona: string; completed: number; people: number; completionPercent: number | null }[];
      byModule: { reached: number; completed: number; declined: number }[];
      stuck: { employeeId: string; days: number }[];
      totals: { completed: number; started: number };
    }>();
    expect(progress.byPersona.find((r) => r.persona === 'networker')).toMatchObject({ people: 3, completed: 1, completionPercent: 33.3 });
    expect((progress as unknown as { overall: { persona: string; people: number; completed: number }[] }).overall.find((r) => r.persona === 'networker')).toMatchObject({ people: 3, completed: 1 });
    expect(progress.byModule).toEqual([{ moduleId, reached: 3, started: 1, completed: 1, declined: 1, completionPercent: 33.3 }]);
    expect(progress.stuck).toMatchObject([{ employeeId: 'obs-ja', days: 23 }]);
    expect((await call('GET', '/api/training/progress?stuckAfterDays=30', trainer)).json<{ stuck: unknown[] }>().stuck).toEqual([]);
    expect((await call('GET', '/api/training/progress/net-ja', trainer)).json<{ records: { status: string }[] }>().records).toMatchObject([{ status: 'completed' }]);
  });

  it('retires a module: no more pushes, and a cadence push stops', async () => {
    const cadence = (await call('POST', `/api/training/modules/${moduleId}/push`, trainer, { audience: {}, cadence: { everyDays: 7 } })).json<{ push: { id: string; state: string; nextRunAt: string } }>();
    expect(cadence.push).toMatchObject({ state: 'active', nextRunAt: '2026-12-10T09:00:00.000Z' });
    expect((await call('POST', `/api/training/pushes/${cadence.push.id}/stop`, trainer)).json()).toMatchObject({ state: 'stopped' });
    expect((await call('POST', `/api/training/modules/${moduleId}/viva/publish`, trainer)).statusCode).toBe(404); // VIVA_LEARNING off
    expect((await call('POST', `/api/training/modules/${moduleId}/viva/publish`, { role: 'employee', user: 'net-ja' })).statusCode).toBe(403);
    expect((await call('POST', `/api/training/modules/${moduleId}/retire`, trainer)).json()).toMatchObject({ state: 'retired' });
    expect((await call('POST', `/api/training/modules/${moduleId}/push`, trainer, {})).statusCode).toBe(400);
  });
});
