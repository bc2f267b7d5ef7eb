import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerBotRoute } from '../../../src/bot/http/bot-route.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { createBotApp } from '../../../src/bot/teams/app.js';
import { bot as botCatalogs } from '../../../src/shared/i18n/catalogs/bot/index.js';
import { postActivity, sendActivity } from '../../support/bot-client.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { readText } from '../../support/replies.js';

let harness: BotHarness;
let fastify: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'route' });
  fastify = Fastify();
  registerErrorHandling(fastify);
  registerBotRoute(fastify, harness.bot);
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(fastify.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await fastify.close();
  await harness.stop();
});
beforeEach(() => harness.connector.reset());

describe('POST /api/messages', () => {
  it('runs a Teams message through the bot and answers 200 once the reply reached the connector', async () => {
    const chat = harness.chat({ locale: 'zh-CN' });
    const result = await postActivity(baseUrl, chat.message('help'));

    expect(result.status).toBe(200);
    expect(harness.connector.sent).toHaveLength(1);
    expect(readText(harness.connector.sent[0])).toContain(botCatalogs.zh.help.intro);
  });

  it.each([
    ['a JSON array', '[1,2]', 'activity value: Expected object, received array'],
    ['an object without type', '{"text":"hi"}', 'activity type: is required'],
    ['an empty type', '{"type":""}', 'activity type: String must contain at least 1 character(s)'],
  ])('answers 400 for %s', async (_name, body, details) => {
    const response = await fastify.inject({ method: 'POST', url: '/api/messages', payload: body, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'badRequest', details } });
    expect(harness.connector.requests).toEqual([]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await fastify.inject({ method: 'POST', url: '/api/messages', payload: '{oops', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'badRequest' } });
  });

  it('passes the adapter\'s invoke status through (no Action.Execute handler for the verb: 501)', async () => {
    const chat = harness.chat();
    const result = await postActivity(baseUrl, chat.cardAction('no.such-verb', { contentId: 'c1' }));
    expect(result.status).toBe(501);
  });
});

describe('production credentials', () => {
  it('refuses a request without a Bot Framework token (the adapter validates the JWT)', async () => {
    const bot = createBotApp({
      repositories: harness.repositories,
      services: harness.services,
      config: { id: '4f7b2d0e-1c9a-4b8e-9a51-2f0c3d6e7a81', password: 'not-a-real-secret', tenantId: 'contoso.onmicrosoft.com' },
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    const chat = harness.chat();
    const result = await sendActivity(bot, chat.message('help'));

    expect(result.status).toBe(401);
    expect(harness.connector.requests).toEqual([]);
  });
});
