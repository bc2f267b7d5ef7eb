/** The test connector itself (tests/support/connector-server.ts): the bot tests rely on it. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startConnectorServer, type ConnectorRateLimits, type ConnectorServer } from '../../support/connector-server.js';

const SMALL_LIMITS: ConnectorRateLimits = {
  perConversation: [{ capacity: 2, windowMs: 1_000 }],
  global: [{ capacity: 3, windowMs: 1_000 }],
};
let connector: ConnectorServer;

beforeAll(async () => {
  connector = await startConnectorServer({ rateLimits: SMALL_LIMITS });
});
afterAll(() => connector.stop());
beforeEach(() => {
  connector.reset();
  connector.setRateLimits(SMALL_LIMITS);
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${connector.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json: (await response.json()) as Record<string, unknown> };
}

const message = (text: string) => ({ type: 'message', text });

describe('connector server', () => {
  it('records sends, replies, updates and deletes with the conversation id decoded', async () => {
    connector.setRateLimits(false);
    const sent = await call('POST', `/v3/conversations/${encodeURIComponent('a:1xyz')}/activities`, message('one'));
    expect(sent.status).toBe(201);
    const id = String(sent.json.id);
    expect((await call('POST', `/v3/conversations/a%3A1xyz/activities/${id}`, message('two'))).status).toBe(201);
    expect((await call('PUT', `/v3/conversations/a%3A1xyz/activities/${id}`, message('one, edited'))).json).toEqual({ id });
    expect((await call('DELETE', `/v3/conversations/a%3A1xyz/activities/${id}`)).status).toBe(200);

    expect(connector.sent.map((s) => [s.kind, s.conversationId, s.activity.text ?? null])).toEqual([
      ['send', 'a:1xyz', 'one'],
      ['reply', 'a:1xyz', 'two'],
      ['update', 'a:1xyz', 'one, edited'],
      ['delete', 'a:1xyz', null],
    ]);
    expect(connector.sent[1]?.replyToId).toBe(id);
    expect(connector.sent[2]?.activityId).toBe(id);
  });

  it('creates a personal conversation (same id for the same person) and sends its first activity', async () => {
    connector.setRateLimits(false);
    const parameters = { bot: { id: '28:bot' }, members: [{ id: '29:aiko' }], tenantId: 't1', activity: message('hello') };
    const first = await call('POST', '/v3/conversations', parameters);
    const second = await call('POST', '/v3/conversations', { ...parameters, activity: undefined });

    expect(first.status).toBe(201);
    expect(first.json.id).toBe(second.json.id);
    expect(typeof first.json.activityId).toBe('string');
    expect(second.json.activityId).toBeUndefined();
    expect(connector.sent).toMatchObject([{ kind: 'create', conversationId: first.json.id, activity: { text: 'hello' } }]);
    expect(connector.conversations).toHaveLength(2);
  });

  it.each([
    ['garbage', '{not json', 'body is not valid JSON'],
    ['an array', '[]', 'body: Expected object, received array'],
    ['no type', '{"text":"x"}', 'type: Required'],
  ])('answers 400 to %s', async (_name, body, message) => {
    const result = await call('POST', '/v3/conversations/c1/activities', body);
    expect(result).toMatchObject({ status: 400, json: { error: { code: 'BadSyntax', message } } });
    expect(connector.sent).toEqual([]);
  });

  it('answers 400 to a conversation without members or channel, 404 to unknown routes, 413 to oversized bodies', async () => {
    expect((await call('POST', '/v3/conversations', { bot: { id: '28:bot' } })).status).toBe(400);
    expect((await call('GET', '/v3/attachments/x')).status).toBe(404);
    const big = await call('POST', '/v3/conversations/c1/activities', { type: 'message', text: 'x'.repeat(29 * 1024) });
    expect(big).toMatchObject({ status: 413, json: { error: { code: 'MessageSizeTooBig' } } });
  });

  it('throttles per conversation, then globally, with Retry-After; buckets refill', async () => {
    expect((await call('POST', '/v3/conversations/c1/activities', message('1'))).status).toBe(201);
    expect((await call('POST', '/v3/conversations/c1/activities', message('2'))).status).toBe(201);
    const perConversation = await call('POST', '/v3/conversations/c1/activities', message('3'));
    expect(perConversation).toMatchObject({ status: 429, retryAfter: '1', json: { error: { code: 'ThrottledRequest' } } });

    expect((await call('POST', '/v3/conversations/c2/activities', message('4'))).status).toBe(201);
    expect((await call('POST', '/v3/conversations/c3/activities', message('5'))).status).toBe(429);
    expect(connector.sent).toHaveLength(3);

    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await call('POST', '/v3/conversations/c3/activities', message('6'))).status).toBe(201);
  });

  it('injects faults for the next matching requests only', async () => {
    connector.failNext(2, 403, { match: (r) => r.conversationId === 'gone' });
    connector.failNext(1, 503, { retryAfterSeconds: 7 });

    expect((await call('POST', '/v3/conversations/gone/activities', message('a'))).json).toMatchObject({
      error: { code: 'BotNotInConversationRoster' },
    });
    expect(await call('POST', '/v3/conversations/other/activities', message('b'))).toMatchObject({ status: 503, retryAfter: '7' });
    expect((await call('POST', '/v3/conversations/gone/activities', message('c'))).status).toBe(403);
    expect((await call('POST', '/v3/conversations/gone/activities', message('d'))).status).toBe(201);
    expect(connector.requests.map((r) => r.status)).toEqual([403, 503, 403, 201]);
  });

  it('waitFor resolves on arrival and rejects after its timeout', async () => {
    const waiting = connector.waitFor((s) => s.activity.text === 'later', 2_000);
    await call('POST', '/v3/conversations/c9/activities', message('later'));
    await expect(waiting).resolves.toMatchObject({ conversationId: 'c9' });
    await expect(connector.waitFor(() => false, 50)).rejects.toThrow(/not met within 50 ms/);
  });
});
