/**
 * My impact, goals, leaderboard and policy routes over the real table repositories on the test
 * run's Azurite, behind the real auth hook in dev identity mode (`x-dev-user`), so roles come from
 * the stored Employee records: an unenrolled caller gets 403, each person sees only their own
 * figures and goals, exclusions are sent as rules, and acknowledging checks the version.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAuth } from '../../../src/bot/http/auth.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { registerImpactRoutes } from '../../../src/bot/http/impact.routes.js';
import { registerLeaderboardRoutes } from '../../../src/bot/http/leaderboard.routes.js';
import { registerPolicyApiRoutes } from '../../../src/bot/http/policy-api.routes.js';
import { createAppServices, type AppServices } from '../../../src/bot/services/create-services.js';
import { createTabPageServices } from '../../../src/bot/services/tab-pages.js';
import { createTableRepositories, type TableRepositories } from '../../../src/bot/storage/index.js';
import { ApiErrorBodySchema } from '../../../src/shared/contracts/api-errors.js';
import { GoalsResponseSchema, ImpactResponseSchema } from '../../../src/shared/contracts/impact.js';
import { LeaderboardResponseSchema } from '../../../src/shared/contracts/leaderboard.js';
import { AcknowledgePolicyResponseSchema, PolicyResponseSchema, PolicyTextSchema } from '../../../src/shared/contracts/policy.js';
import { defaultContest } from '../../../src/shared/domain/contests.js';
import type { Click, Share } from '../../../src/shared/domain/types.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { makeEmployee } from '../../support/fixtures.js';

const TENANT = 'tenant-pages';
const NOW = new Date('2026-06-15T12:00:00.000Z');

let app: FastifyInstance;
let repos: TableRepositories;
let services: AppServices;

function share(id: string, employeeId: string, linkCode: string, sharedAt: string): Share {
  return { id, employeeId, contentId: 'post-1', network: 'linkedin', linkCode, text: 'Worth a read', sharedAt };
}

function click(code: string, employeeId: string, visitor: string, at: string): Click {
  return { code, tenantId: TENANT, visitorKey: visitor, day: at.slice(0, 10), at, employeeId, contentId: 'post-1', network: 'linkedin' };
}

/** emp-a's clicks: 3 on one link, 2 on the other, one of them in May (outside "this month"). */
const CLICKS_A = [
  click('link-a1', 'emp-a', 'v1', '2026-06-10T09:00:00.000Z'),
  click('link-a1', 'emp-a', 'v2', '2026-06-10T10:00:00.000Z'),
  click('link-a1', 'emp-a', 'v3', '2026-06-12T10:00:00.000Z'),
  click('link-a2', 'emp-a', 'v1', '2026-06-14T08:00:00.000Z'),
  click('link-a2', 'emp-a', 'v4', '2026-05-31T08:00:00.000Z'),
];

beforeAll(async () => {
  repos = await createTableRepositories({ connectionString: inject('azuriteConnectionString'), tablePrefix: uniqueTablePrefix('pages') });
  await repos.ensure();
  const base = { tenantId: TENANT, timeZone: 'UTC' };
  await repos.employees.upsertMany([
    makeEmployee({ ...base, id: 'emp-a', displayName: 'Ana Alves', audit: { audience: { linkedin: 800 }, postsPerMonth: 2, goals: [], learningStyle: 'reading', wantsToGrow: true, auditedAt: '2026-05-01T00:00:00.000Z' }, persona: 'networker' }),
    makeEmployee({ ...base, id: 'emp-b', displayName: 'Ben Brown' }),
    makeEmployee({ ...base, id: 'exec-1', displayName: 'Erin Exec', roles: ['executive'] }),
    makeEmployee({ ...base, id: 'set-aside', displayName: 'Secret Person' }),
  ]);
  await repos.contests.upsert(TENANT, { ...defaultContest({ id: 'c-q2', name: 'Q2 click contest', startsAt: '2026-06-01T00:00:00.000Z' }), excludedEmployeeIds: ['set-aside'] });
  await Promise.all([
    repos.shares.record(TENANT, share('s-a1', 'emp-a', 'link-a1', '2026-06-09T08:00:00.000Z')),
    repos.shares.record(TENANT, share('s-a2', 'emp-a', 'link-a2', '2026-05-30T08:00:00.000Z')),
    repos.shares.record(TENANT, share('s-x1', 'exec-1', 'link-x1', '2026-06-09T08:00:00.000Z')),
    repos.shares.record(TENANT, share('s-s1', 'set-aside', 'link-s1', '2026-06-09T08:00:00.000Z')),
  ]);
  await repos.clicks.recordMany([...CLICKS_A, click('link-x1', 'exec-1', 'v9', '2026-06-11T08:00:00.000Z'), click('link-s1', 'set-aside', 'v9', '2026-06-11T08:00:00.000Z')]);
  const text = (title: string) => ({ title, summary: `${title} summary`, body: `# ${title}\n\nBe kind.` });
  await repos.policies.upsert(TENANT, { version: 1, publishedAt: '2026-01-01T00:00:00.000Z', texts: { en: text('Policy one'), ja: text('ポリシー 1') }, createdAt: '2026-01-01T00:00:00.000Z' });
  await repos.policies.upsert(TENANT, { version: 2, publishedAt: '2026-05-01T00:00:00.000Z', texts: { en: text('Policy two') }, createdAt: '2026-05-01T00:00:00.000Z' });
  await repos.policies.upsert(TENANT, { version: 3, texts: { en: text('Draft three') }, createdAt: '2026-06-01T00:00:00.000Z' });

  services = createAppServices(repos, { publicBaseUrl: 'https://hub.example.com', clock: () => NOW });
  await services.scoring.rebuildTenant(TENANT);
  const pages = createTabPageServices({ repositories: repos, leaderboard: services.leaderboard, policy: services.policy, clock: () => NOW });

  app = Fastify();
  registerErrorHandling(app);
  registerAuth(app, { config: { mode: 'dev', tenantId: TENANT, userId: 'emp-a' }, employees: repos.employees });
  registerImpactRoutes(app, pages);
  registerLeaderboardRoutes(app, pages);
  registerPolicyApiRoutes(app, pages);
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const call = (method: 'GET' | 'PUT' | 'POST', url: string, as: string, payload?: unknown) =>
  app.inject({ method, url, headers: { 'x-dev-user': as, 'accept-language': 'en' }, ...(payload !== undefined ? { payload: payload as object } : {}) });

describe('role checks', () => {
  it.each([
    ['GET', '/api/me/impact'],
    ['GET', '/api/me/goals'],
    ['PUT', '/api/me/goals'],
    ['GET', '/api/leaderboard'],
    ['GET', '/api/policy'],
    ['GET', '/api/policy/versions/1'],
    ['POST', '/api/policy/acknowledge'],
  ] as const)('%s %s refuses a caller who is not enrolled (403)', async (method, url) => {
    const res = await call(method, url, 'stranger', method === 'GET' ? undefined : { goals: [], version: 2 });
    expect(res.statusCode).toBe(403);
    expect(ApiErrorBodySchema.parse(res.json()).error.code).toBe('forbidden');
  });
});

describe('GET /api/me/impact', () => {
  it('gives the caller’s totals, rank, series, persona and next step from stored events', async () => {
    const res = await call('GET', '/api/me/impact', 'emp-a');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const body = ImpactResponseSchema.parse(res.json());
    expect(body.employeeId).toBe('emp-a');
    expect(body.totals).toMatchObject({ clicks: 5, shares: 2, conversions: 0 });
    // Four clicks fall in the contest (from June 1): score 4, ranked first of the eligible.
    expect(body.contest).toMatchObject({ id: 'c-q2', score: 4, status: 'ranked', rank: 1, rankedCount: 1, daysLeft: 76 });
    expect(body.clicksByDay).toHaveLength(30);
    expect(body.clicksByDay.find((p) => p.start === '2026-06-10')?.count).toBe(2);
    expect(body.clicksByDay.reduce((n, p) => n + p.count, 0)).toBe(5);
    expect(body.clicksByWeek).toHaveLength(12);
    expect(body.clicksByWeek.at(-1)).toEqual({ start: '2026-06-15', count: 0 });
    expect(body.persona).toMatchObject({ current: 'networker', next: { key: 'persona.next.networker.post-more', params: { postsNeeded: 2 } } });
  });

  it('answers for the caller only: another employee sees their own (empty) figures, whatever the query says', async () => {
    const res = await call('GET', '/api/me/impact?employeeId=emp-a', 'emp-b');
    expect(res.statusCode).toBe(200);
    const body = ImpactResponseSchema.parse(res.json());
    expect(body.employeeId).toBe('emp-b');
    expect(body.totals).toEqual({ clicks: 0, clicksThisWeek: 0, shares: 0, conversions: 0 });
    expect(body.contest?.status).toBe('unranked');
    expect(JSON.stringify(body)).not.toContain('emp-a');
  });

  it('tells an excluded executive why they are not ranked', async () => {
    const body = ImpactResponseSchema.parse((await call('GET', '/api/me/impact', 'exec-1')).json());
    expect(body.contest).toMatchObject({ status: 'excluded', excludedReason: 'excluded-role', rank: null, score: 1 });
  });
});

describe('GET/PUT /api/me/goals', () => {
  it.each([
    ['a duplicate kind', { goals: [{ kind: 'audience', target: 900 }, { kind: 'audience', target: 1000 }] }],
    ['a zero target', { goals: [{ kind: 'shares-per-month', target: 0 }] }],
    ['a fractional target', { goals: [{ kind: 'shares-per-month', target: 2.5 }] }],
    ['a target above the kind’s maximum', { goals: [{ kind: 'shares-per-month', target: 501 }] }],
    ['an unknown kind', { goals: [{ kind: 'followers', target: 5 }] }],
    ['an extra property', { goals: [{ kind: 'audience', target: 5, employeeId: 'emp-b' }] }],
    ['no goals array', { kind: 'audience', target: 5 }],
  ])('refuses %s with 400 and stores nothing', async (_case, body) => {
    const res = await call('PUT', '/api/me/goals', 'emp-b', body);
    expect(res.statusCode).toBe(400);
    expect(ApiErrorBodySchema.parse(res.json()).error.code).toBe('badRequest');
    const after = GoalsResponseSchema.parse((await call('GET', '/api/me/goals', 'emp-b')).json());
    expect(after.goals).toEqual([]);
  });

  it('stores the caller’s goals and computes progress from their shares, clicks this month and audit', async () => {
    const res = await call('PUT', '/api/me/goals', 'emp-a', {
      goals: [
        { kind: 'audience', target: 1000 },
        { kind: 'clicks-per-month', target: 4 },
        { kind: 'shares-per-month', target: 3 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const { goals } = GoalsResponseSchema.parse(res.json());
    expect(goals.map((g) => [g.kind, g.current, g.target, g.reached])).toEqual([
      ['shares-per-month', 1, 3, false],
      ['clicks-per-month', 4, 4, true],
      ['audience', 800, 1000, false],
    ]);
    expect(goals[2]?.ratio).toBeCloseTo(0.8);
    expect(GoalsResponseSchema.parse((await call('GET', '/api/me/goals', 'emp-a')).json()).goals).toEqual(goals);
    // Someone else's goals stay their own.
    expect(GoalsResponseSchema.parse((await call('GET', '/api/me/goals', 'emp-b')).json()).goals).toEqual([]);
    expect(ImpactResponseSchema.parse((await call('GET', '/api/me/impact', 'emp-a')).json()).goals).toEqual(goals);

    const cleared = await call('PUT', '/api/me/goals', 'emp-a', { goals: [{ kind: 'audience', target: 1000 }] });
    expect(GoalsResponseSchema.parse(cleared.json()).goals.map((g) => g.kind)).toEqual(['audience']);
    expect(await repos.goals.list(TENANT, 'emp-a')).toHaveLength(1);
  });
});

describe('GET /api/leaderboard', () => {
  it('shows the contest rules, prizes, days left and the top N, with my rank, and exclusions as rules', async () => {
    const res = await call('GET', '/api/leaderboard', 'emp-b');
    expect(res.statusCode).toBe(200);
    const body = LeaderboardResponseSchema.parse(res.json());
    expect(body.contest).toMatchObject({ id: 'c-q2', daysLeft: 76, open: true, weights: { uniqueClick: 1, share: 0, conversion: 0 }, excludedRoles: ['executive', 'coordinator'], excludedPeopleCount: 1 });
    expect(body.contest?.prizes.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(body.entries).toEqual([{ rank: 1, displayName: 'Ana Alves', points: 4, prize: expect.objectContaining({ rank: 1 }), isMe: false }]);
    expect(body.me).toMatchObject({ status: 'unranked', rank: null, points: 0 });
    // Excluded people are a count, never a name or an id.
    expect(res.body).not.toContain('Secret Person');
    expect(res.body).not.toContain('set-aside');
    expect(res.body).not.toContain('Erin Exec');
  });

  it('marks my own row and, for an excluded role, says why', async () => {
    const mine = LeaderboardResponseSchema.parse((await call('GET', '/api/leaderboard', 'emp-a')).json());
    expect(mine.entries[0]?.isMe).toBe(true);
    expect(mine.me).toMatchObject({ status: 'ranked', rank: 1, points: 4, gapToNext: null });
    const exec = LeaderboardResponseSchema.parse((await call('GET', '/api/leaderboard', 'exec-1')).json());
    expect(exec.me).toMatchObject({ status: 'excluded', excludedReason: 'excluded-role' });
  });

  it('leaves everything personal out of the channel view', async () => {
    const body = LeaderboardResponseSchema.parse((await call('GET', '/api/leaderboard?view=channel&top=5', 'emp-a')).json());
    expect(body.me).toBeUndefined();
    expect(body.entries.every((e) => !e.isMe)).toBe(true);
  });

  it.each(['top=0', 'top=101', 'top=ten', 'view=team', 'employeeId=emp-a'])('refuses ?%s with 400', async (query) => {
    expect((await call('GET', `/api/leaderboard?${query}`, 'emp-a')).statusCode).toBe(400);
  });
});

describe('policy API', () => {
  it('shows the version in force, the published history (no drafts) and the caller’s agreements', async () => {
    const body = PolicyResponseSchema.parse((await call('GET', '/api/policy', 'emp-b')).json());
    expect(body.current).toMatchObject({ version: 2, title: 'Policy two', current: true, language: 'en' });
    expect(body.current?.body).toContain('Be kind.');
    expect(body.acknowledgedAt).toBeUndefined();
    expect(body.versions.map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('opens an older published version read-only, in the caller’s language when translated', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/policy/versions/1', headers: { 'x-dev-user': 'emp-b', 'accept-language': 'ja-JP' } });
    expect(res.statusCode).toBe(200);
    expect(PolicyTextSchema.parse(res.json())).toMatchObject({ version: 1, title: 'ポリシー 1', language: 'ja', current: false });
    expect((await call('GET', '/api/policy/versions/3', 'emp-b')).statusCode).toBe(404);
    expect((await call('GET', '/api/policy/versions/99', 'emp-b')).statusCode).toBe(404);
    expect((await call('GET', '/api/policy/versions/abc', 'emp-b')).statusCode).toBe(400);
  });

  it.each([
    ['no version', {}],
    ['a version as text', { version: '2' }],
    ['a negative version', { version: -1 }],
    ['an extra property', { version: 2, employeeId: 'emp-a' }],
  ])('refuses an acknowledgement with %s (400)', async (_case, body) => {
    const res = await call('POST', '/api/policy/acknowledge', 'emp-b', body);
    expect(res.statusCode).toBe(400);
    expect(await services.policy.hasAcknowledged(TENANT, 'emp-b')).toBe(false);
  });

  it('refuses agreeing to an older version with a 409 that names the current one', async () => {
    const res = await call('POST', '/api/policy/acknowledge', 'emp-b', { version: 1 });
    expect(res.statusCode).toBe(409);
    const error = ApiErrorBodySchema.parse(res.json()).error;
    expect(error.code).toBe('conflict');
    expect(error.details).toContain('not the current one (2)');
    expect(await services.policy.hasAcknowledged(TENANT, 'emp-b')).toBe(false);
  });

  it('records "I agree" for the current version through the policy gate; the API then says when', async () => {
    const res = await call('POST', '/api/policy/acknowledge', 'emp-b', { version: 2 });
    expect(res.statusCode).toBe(200);
    const ack = AcknowledgePolicyResponseSchema.parse(res.json());
    expect(ack).toEqual({ version: 2, acknowledgedAt: NOW.toISOString() });
    expect(await services.policy.hasAcknowledged(TENANT, 'emp-b')).toBe(true);
    const body = PolicyResponseSchema.parse((await call('GET', '/api/policy', 'emp-b')).json());
    expect(body.acknowledgedAt).toBe(NOW.toISOString());
    expect(body.versions[0]?.acknowledgedAt).toBe(NOW.toISOString());
    // Someone else has not agreed.
    expect(PolicyResponseSchema.parse((await call('GET', '/api/policy', 'emp-a')).json()).acknowledgedAt).toBeUndefined();
  });
});
