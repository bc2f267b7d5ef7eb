/** The tab's API client: headers it sends, contract parsing, error mapping (no browser needed). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, createApiClient, filenameOf } from '../../src/tab/api/client.js';
import { parseHash } from '../../src/tab/app/router.js';
import { toThemeName } from '../../src/tab/teams/host.js';

const board = {
  items: [
    {
      id: 'a',
      title: '社内のインフルエンサー',
      url: 'https://example.com/a',
      summary: 's',
      language: 'ja',
      category: 'industry',
      topics: [],
      publishedAt: '2026-05-20T00:00:00.000Z',
    },
  ],
  counts: { all: 1, company: 0, industry: 1, 'personal-interest': 0 },
  languages: ['ja'],
};

function fakeFetch(status: number, body: unknown, seen: { url?: string; headers?: Record<string, string> } = {}) {
  return (async (input: URL | RequestInfo, init?: RequestInit) => {
    seen.url = String(input);
    seen.headers = init?.headers as Record<string, string>;
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('createApiClient', () => {
  it('sends the token, the dev user and the language, and parses the board', async () => {
    const seen: { url?: string; headers?: Record<string, string> } = {};
    const api = createApiClient({
      getAuthToken: async () => 'tok',
      devUser: 'demo-employee',
      language: 'ja-JP',
      baseUrl: 'http://app.test',
      fetch: fakeFetch(200, board, seen),
    });
    const res = await api.getBoard({ category: 'industry' });
    expect(res.items[0]?.title).toBe('社内のインフルエンサー');
    expect(seen.url).toBe('http://app.test/api/board?category=industry');
    expect(seen.headers).toMatchObject({ authorization: 'Bearer tok', 'x-dev-user': 'demo-employee', 'accept-language': 'ja-JP' });
  });

  it('sends no authorization header standalone', async () => {
    const seen: { headers?: Record<string, string> } = {};
    const api = createApiClient({ getAuthToken: async () => undefined, language: 'en', baseUrl: 'http://app.test', fetch: fakeFetch(200, board, seen) });
    await api.getBoard({});
    expect(seen.headers).not.toHaveProperty('authorization');
    expect(seen.headers).not.toHaveProperty('x-dev-user');
  });

  it.each([
    [400, { error: { code: 'badRequest', message: 'x', details: 'category: bad' } }, 'badRequest', 'category: bad'],
    [401, { error: { code: 'unauthenticated', message: 'x' } }, 'unauthenticated', undefined],
    [403, 'not json', 'forbidden', undefined],
    [500, { error: { code: 'weird', message: 'x' } }, 'generic', undefined],
  ])('maps HTTP %i to an ApiError', async (status, body, code, details) => {
    const api = createApiClient({ getAuthToken: async () => undefined, language: 'en', baseUrl: 'http://app.test', fetch: fakeFetch(status, body) });
    const err = await api.getBoard({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code, status, details });
  });

  it('refuses a response that breaks the contract', async () => {
    const api = createApiClient({ getAuthToken: async () => undefined, language: 'en', baseUrl: 'http://app.test', fetch: fakeFetch(200, { items: 'nope' }) });
    await expect(api.getBoard({})).rejects.toMatchObject({ code: 'generic' });
  });

  it('turns a network failure into a generic error', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const api = createApiClient({ getAuthToken: async () => undefined, language: 'en', baseUrl: 'http://app.test', fetch: failing });
    await expect(api.getBoard({})).rejects.toMatchObject({ code: 'generic', status: 0 });
  });
});

describe('tab helpers', () => {
  it.each([
    ['', 'board'],
    ['#', 'board'],
    ['#/board', 'board'],
    ['#/board?item=a', 'board'],
    ['#/nope', undefined],
  ])('parseHash(%j) -> %s', (hash, route) => {
    expect(parseHash(hash)).toBe(route);
  });

  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    ['glass', 'light'],
    [undefined, 'light'],
  ])('toThemeName(%s) -> %s', (teams, ours) => {
    expect(toThemeName(teams)).toBe(ours);
  });
});

describe('files through the API client', () => {
  it('downloads with the same authentication, keeps the bytes (BOM included) and takes the server\'s file name', async () => {
    const seen: { url?: string; headers?: Record<string, string> } = {};
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name\n佐藤\n')]);
    const api = createApiClient({
      getAuthToken: async () => 'tok',
      language: 'ja',
      baseUrl: 'http://app.test',
      fetch: (async (input: URL | RequestInfo, init?: RequestInit) => {
        seen.url = String(input);
        seen.headers = init?.headers as Record<string, string>;
        return new Response(bytes, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="audit-log.csv"' } });
      }) as typeof fetch,
    });
    const file = await api.download('/api/admin/audit', { query: { format: 'csv' } });
    expect(seen.url).toBe('http://app.test/api/admin/audit?format=csv');
    expect(seen.headers?.authorization).toBe('Bearer tok');
    expect(file.filename).toBe('audit-log.csv');
    expect(file.blob.type).toBe('text/csv; charset=utf-8');
    expect([...new Uint8Array(await file.blob.arrayBuffer())]).toEqual([...bytes]);
  });

  it('turns a refused download into an ApiError with the server\'s code', async () => {
    const api = createApiClient({ getAuthToken: async () => undefined, language: 'en', baseUrl: 'http://app.test', fetch: fakeFetch(403, { error: { code: 'forbidden', message: 'no' } }) });
    await expect(api.download('/api/admin/audit')).rejects.toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('uploads text with its own content type and parses the JSON answer', async () => {
    const seen: { init?: RequestInit } = {};
    const api = createApiClient({
      getAuthToken: async () => undefined,
      language: 'en',
      baseUrl: 'http://app.test',
      fetch: (async (_input: URL | RequestInfo, init?: RequestInit) => {
        seen.init = init;
        return new Response(JSON.stringify({ job: { id: 'j1' } }), { status: 202, headers: { 'content-type': 'application/json' } });
      }) as typeof fetch,
    });
    const answer = await api.upload('POST', '/api/admin/people/import', 'text/csv', 'a,b\n1,2', z.object({ job: z.object({ id: z.string() }) }));
    expect(answer.job.id).toBe('j1');
    expect((seen.init?.headers as Record<string, string>)['content-type']).toBe('text/csv');
    expect(seen.init?.body).toBe('a,b\n1,2');
  });

  it('reads file names from Content-Disposition without any path', () => {
    expect(filenameOf('attachment; filename="report.csv"')).toBe('report.csv');
    expect(filenameOf("attachment; filename*=UTF-8''%E5%A0%B1%E5%91%8A.csv")).toBe('報告.csv');
    expect(filenameOf('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameOf('attachment; filename=plain.json')).toBe('plain.json');
    expect(filenameOf('inline')).toBeUndefined();
    expect(filenameOf(null)).toBeUndefined();
  });
});
