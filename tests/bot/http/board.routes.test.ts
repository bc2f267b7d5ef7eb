/**
 * `GET /api/board` over the real table repository on the test run's Azurite. The auth hook is
 * stood in for by a hook that sets `request.identity` from a test header, as `auth.ts` would.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { registerBoardRoutes } from '../../../src/bot/http/board.routes.js';
import { createBoardService } from '../../../src/bot/services/board.service.js';
import { createTableRepositories } from '../../../src/bot/storage/index.js';
import { ApiErrorBodySchema, BoardResponseSchema } from '../../../src/shared/contracts/board.js';
import type { ContentItem } from '../../../src/shared/domain/types.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { makeContentItem } from '../../support/fixtures.js';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const TENANT = 'tenant-a';

/** A board item on the one topic the test names, created before every date in the window. */
function item(id: string, overrides: Partial<ContentItem> = {}): ContentItem {
  return makeContentItem(id, { topics: ['employee-advocacy'], createdAt: '2026-05-01T00:00:00.000Z', ...overrides });
}

const tenantItems: ContentItem[] = [
  item('old-company', { publishAt: '2026-05-02T00:00:00.000Z' }),
  item('new-industry-ja', {
    title: '社内のインフルエンサーを活用する方法',
    language: 'ja',
    category: 'industry',
    publishAt: '2026-05-20T00:00:00.000Z',
    imageUrl: 'https://example.com/a.png',
  }),
  item('mid-personal-th', { language: 'th', category: 'personal-interest', createdAt: '2026-05-10T00:00:00.000Z' }),
  item('draft', { status: 'draft' }),
  item('approved', { status: 'approved' }),
  item('expired-by-date', { expiresAt: '2026-05-31T00:00:00.000Z' }),
  item('scheduled', { publishAt: '2026-07-01T00:00:00.000Z' }),
  item('unsafe-link', { url: 'javascript:alert(1)' }),
];

let app: FastifyInstance;

beforeAll(async () => {
  const repos = await createTableRepositories({
    connectionString: inject('azuriteConnectionString'),
    tablePrefix: uniqueTablePrefix('tabapi'),
  });
  await repos.ensure();
  await repos.content.upsertMany(TENANT, tenantItems);
  await repos.content.upsertMany('tenant-b', [item('other-tenant', { createdAt: '2026-05-30T00:00:00.000Z' })]);
  await repos.topics.upsertMany(TENANT, [
    { id: 'employee-advocacy', name: { en: 'Employee advocacy', ja: '従業員アドボカシー' } },
    { id: 'unused-topic', name: { en: 'Unused' } },
  ]);

  app = Fastify();
  registerErrorHandling(app);
  app.addHook('onRequest', async (request) => {
    const tenantId = request.headers['x-test-tenant'];
    if (typeof tenantId === 'string') {
      request.identity = { tenantId, employeeId: 'emp-1', displayName: 'Test', roles: ['employee'] };
    }
  });
  registerBoardRoutes(app, { board: createBoardService(repos), now: () => NOW });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
});

const get = (url: string, headers: Record<string, string> = { 'x-test-tenant': TENANT }) =>
  app.inject({ method: 'GET', url, headers });

describe('GET /api/board', () => {
  it('lists the tenant’s published items in their window, newest first, in the contract shape', async () => {
    const res = await get('/api/board');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const body = BoardResponseSchema.parse(res.json());
    expect(body.items.map((i) => i.id)).toEqual(['new-industry-ja', 'mid-personal-th', 'old-company']);
    expect(body.counts).toEqual({ all: 3, company: 1, industry: 1, 'personal-interest': 1 });
    expect(body.languages).toEqual(['en', 'ja', 'th']);
    const ja = body.items[0];
    expect(ja?.title).toContain('インフルエンサー');
    expect(ja?.publishedAt).toBe('2026-05-20T00:00:00.000Z');
    expect(ja?.imageUrl).toBe('https://example.com/a.png');
    // Published at once: the creation time is the publication time.
    expect(body.items[1]?.publishedAt).toBe('2026-05-10T00:00:00.000Z');
    expect(JSON.stringify(body)).not.toContain('suggestedTexts');
  });

  it.each([
    ['category=industry', ['new-industry-ja']],
    ['language=th', ['mid-personal-th']],
    ['category=company&language=ja', []],
    ['category=&language=', ['new-industry-ja', 'mid-personal-th', 'old-company']],
  ])('filters by %s', async (query, ids) => {
    const res = await get(`/api/board?${query}`);
    expect(res.statusCode).toBe(200);
    expect(BoardResponseSchema.parse(res.json()).items.map((i) => i.id)).toEqual(ids);
  });

  it('counts categories within the language filter and keeps every board language', async () => {
    const body = BoardResponseSchema.parse((await get('/api/board?language=ja&category=company')).json());
    expect(body.counts).toEqual({ all: 1, company: 0, industry: 1, 'personal-interest': 0 });
    expect(body.languages).toEqual(['en', 'ja', 'th']);
  });

  it('names the topics the listed items use, in the caller’s language with English fallback', async () => {
    const ja = await app.inject({ url: '/api/board', headers: { 'x-test-tenant': TENANT, 'accept-language': 'ja-JP' } });
    expect(ja.json().topicNames).toEqual({ 'employee-advocacy': '従業員アドボカシー' });
    const th = await app.inject({ url: '/api/board', headers: { 'x-test-tenant': TENANT, 'accept-language': 'th' } });
    expect(th.json().topicNames).toEqual({ 'employee-advocacy': 'Employee advocacy' });
  });

  it('never shows another tenant’s items', async () => {
    const body = BoardResponseSchema.parse((await get('/api/board', { 'x-test-tenant': 'tenant-b' })).json());
    expect(body.items.map((i) => i.id)).toEqual(['other-tenant']);
  });

  it.each(['category=bogus', 'language=xx', 'sort=desc'])('answers 400 with a localized error on %s', async (query) => {
    const res = await get(`/api/board?${query}`, { 'x-test-tenant': TENANT, 'accept-language': 'ja-JP,ja;q=0.9' });
    expect(res.statusCode).toBe(400);
    const body = ApiErrorBodySchema.parse(res.json());
    expect(body.error.code).toBe('badRequest');
    expect(body.error.message).toContain('リクエストが正しくありません');
    expect(body.error.details).toBeTruthy();
  });

  it('answers 401 when no identity was set', async () => {
    const res = await get('/api/board', {});
    expect(res.statusCode).toBe(401);
    const body = ApiErrorBodySchema.parse(res.json());
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.message).toBe('Please sign in again.');
  });
});
