/**
 * Production mode on `/api/messages`: the configuration a production App Service gets (parsed by
 * `loadConfig`, so dev identity mode and a missing bot id are refused at start) builds a bot whose
 * CloudAdapter validates the Bot Framework token of every request. An unsigned activity, or one
 * with a token that is not a JWT, gets 401 through the real Fastify route, and nothing runs.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/bot/config.js';
import { registerBotRoute } from '../../../src/bot/http/bot-route.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { createBotApp } from '../../../src/bot/teams/app.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_MODE: 'entra',
  AAD_APP_CLIENT_ID: '11111111-1111-4111-8111-111111111111',
  STORAGE_ACCOUNT_NAME: 'advocacyhubprod',
  SECRET_CLICK_KEY: 'k'.repeat(32),
  SECRET_LINK_CODE_KEY: 'l'.repeat(32), SETTINGS_ENCRYPTION_KEY: 's'.repeat(32),
  BOT_ID: '4f7b2d0e-1c9a-4b8e-9a51-2f0c3d6e7a81',
  SECRET_BOT_PASSWORD: 'not-a-real-secret',
  BOT_TENANT_ID: 'contoso.onmicrosoft.com',
};

let harness: BotHarness;
let fastify: FastifyInstance;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'prodauth' });
  const config = loadConfig(PRODUCTION);
  const bot = createBotApp({ repositories: harness.repositories, services: harness.services, config: config.bot, logger: { info: () => {}, warn: () => {}, error: () => {} } });
  fastify = Fastify();
  registerErrorHandling(fastify);
  registerBotRoute(fastify, bot);
  await fastify.ready();
});
afterAll(async () => {
  await fastify.close();
  await harness.stop();
});

describe('production /api/messages', () => {
  it('refuses to configure production without a bot id or with dev identity mode', () => {
    const { BOT_ID: _id, ...withoutBot } = PRODUCTION;
    expect(() => loadConfig(withoutBot)).toThrow(/BOT_ID: is required in production/);
    expect(() => loadConfig({ ...PRODUCTION, AUTH_MODE: 'dev' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...PRODUCTION, AUTH_MODE: 'dev' })).toThrow(/AUTH_MODE: must be "entra" in production/);
  });

  it.each([
    ['no Authorization header', {}],
    ['a token that is not a JWT', { authorization: 'Bearer not-a-jwt' }],
  ])('answers 401 for an activity with %s, and the bot does not run', async (_name, headers) => {
    harness.connector.reset();
    const chat = harness.chat();
    const response = await fastify.inject({ method: 'POST', url: '/api/messages', payload: chat.message('help'), headers: { 'content-type': 'application/json', ...headers } });
    expect(response.statusCode).toBe(401);
    expect(harness.connector.requests).toEqual([]);
    expect(await harness.repositories.employees.find(chat.tenantId, chat.user.aadObjectId)).toBeUndefined();
  });
});
