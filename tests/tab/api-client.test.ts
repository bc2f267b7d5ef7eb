/** The tab's API client: headers it sends, contract parsing, error mapping (no browser needed). */
import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../../src/tab/api/client.js';
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
