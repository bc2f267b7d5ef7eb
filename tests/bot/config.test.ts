import { describe, expect, it } from 'vitest';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEV_ONLY_CLICK_KEY, loadConfig } from '../../src/bot/config.js';

describe('loadConfig', () => {
  it('needs nothing locally: Azurite, dev identity, seed and Playground on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.storage).toMatchObject({ kind: 'azurite', location: '.data/azurite' });
    expect(config.auth).toEqual({ mode: 'dev', tenantId: 'local-tenant', userId: 'demo-admin' });
    expect(config.seedDemo).toBe(true);
    expect(config.playground.enabled).toBe(true);
    expect(config.publicBaseUrl).toBe('http://localhost:3978');
  });

  it('PORT and PLAYGROUND change what starts', () => {
    const config = loadConfig({ PORT: '4000', PLAYGROUND: 'false' });
    expect(config.port).toBe(4000);
    expect(config.playground.enabled).toBe(false);
    expect(config.publicBaseUrl).toBe('http://localhost:4000');
  });

  it('uses the account endpoint (managed identity) when a storage account is named', () => {
    const config = loadConfig({
      NODE_ENV: 'production', STORAGE_ACCOUNT_NAME: 'advocacyhubprod', AUTH_MODE: 'entra',
      AAD_APP_CLIENT_ID: '11111111-1111-4111-8111-111111111111',
      SECRET_CLICK_KEY: 'k'.repeat(32),
      BOT_ID: '22222222-2222-4222-8222-222222222222',
      SECRET_LINK_CODE_KEY: 'l'.repeat(32), SETTINGS_ENCRYPTION_KEY: 's'.repeat(32),
    });
    expect(config.storage).toEqual({ kind: 'account', accountName: 'advocacyhubprod' });
    expect(config.seedDemo).toBe(false);
    expect(config.playground.enabled).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ NODE_ENV: 'production' }, /AUTH_MODE: must be "entra" in production/],
    [{ NODE_ENV: 'production', AUTH_MODE: 'entra', AAD_APP_CLIENT_ID: '11111111-1111-4111-8111-111111111111', STORAGE_ACCOUNT_NAME: 'advocacyhubprod', SECRET_CLICK_KEY: 'k'.repeat(32) }, /BOT_ID: is required in production/],
    [{ AUTH_MODE: 'entra' }, /AAD_APP_CLIENT_ID: is required/],
    [{ STORAGE_ACCOUNT_NAME: 'Bad_Name' }, /STORAGE_ACCOUNT_NAME/],
    [{ PLAYGROUND: 'maybe' }, /PLAYGROUND/],
    [{ NODE_ENV: 'production', AUTH_MODE: 'entra', AAD_APP_CLIENT_ID: '11111111-1111-4111-8111-111111111111', SECRET_CLICK_KEY: 'k'.repeat(32), BOT_ID: '22222222-2222-4222-8222-222222222222', SECRET_LINK_CODE_KEY: 'l'.repeat(32), SETTINGS_ENCRYPTION_KEY: 's'.repeat(32) }, /STORAGE_ACCOUNT_NAME: is required in production/],
    [{ NODE_ENV: 'production', AUTH_MODE: 'entra', AAD_APP_CLIENT_ID: '11111111-1111-4111-8111-111111111111', STORAGE_ACCOUNT_NAME: 'advocacyhubprod' }, /SECRET_CLICK_KEY: is required in production/],
    [{ SECRET_CLICK_KEY: 'short' }, /SECRET_CLICK_KEY: must be at least 32 characters/],
    [{ NODE_ENV: 'production', AUTH_MODE: 'entra', AAD_APP_CLIENT_ID: '11111111-1111-4111-8111-111111111111', STORAGE_ACCOUNT_NAME: 'advocacyhubprod', SECRET_CLICK_KEY: 'k'.repeat(32) }, /SECRET_LINK_CODE_KEY: is required in production/],
    [{ NODE_ENV: 'production', AUTH_MODE: 'entra', AAD_APP_CLIENT_ID: '11111111-1111-4111-8111-111111111111', STORAGE_ACCOUNT_NAME: 'advocacyhubprod', SECRET_CLICK_KEY: 'k'.repeat(32), BOT_ID: '22222222-2222-4222-8222-222222222222', SECRET_LINK_CODE_KEY: 'l'.repeat(32) }, /SETTINGS_ENCRYPTION_KEY: is required in production/],
    [{ SETTINGS_ENCRYPTION_KEY: 'short' }, /SETTINGS_ENCRYPTION_KEY: must be at least 32 characters/],
    [{ RATE_LIMIT_LINKS_PER_MINUTE: '0' }, /RATE_LIMIT_LINKS_PER_MINUTE/],
    [{ CLICK_JOURNAL_MAX_BYTES: '1000' }, /CLICK_JOURNAL_MAX_BYTES/],
  ])('fails fast with a readable message for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).issues).toHaveLength(2);
    }
  });

  it('click journal: one directory per instance, the dev key only outside production', () => {
    const local = loadConfig({ PORT: '4000' });
    expect(local.clicks.secretKey).toBe(DEV_ONLY_CLICK_KEY);
    expect(local.clicks.journalDir).toBe(join('.data', 'click-journal', `${hostname()}-4000`));
    expect(local.clicks).toMatchObject({ journalMaxBytes: 256 * 1024 * 1024, ephemeralJournal: false });
    const azure = loadConfig({ WEBSITE_INSTANCE_ID: 'abc123/x', SECRET_CLICK_KEY: 's'.repeat(40), CLICK_JOURNAL_MAX_BYTES: '2097152' });
    expect(azure.clicks).toMatchObject({ instanceId: 'abc123_x', secretKey: 's'.repeat(40), journalMaxBytes: 2097152 });
    expect(azure.clicks.journalDir).toBe(join('.data', 'click-journal', 'abc123_x'));
    expect(loadConfig({ CLICK_JOURNAL_DIR: '/var/journal' }).clicks.journalDir).toBe('/var/journal');
    const [a, b] = [loadConfig({ PORT: '0' }), loadConfig({ PORT: '0' })];
    expect(a.clicks.ephemeralJournal).toBe(true);
    expect(a.clicks.journalDir.startsWith(tmpdir())).toBe(true);
    expect(a.clicks.journalDir).not.toBe(b.clicks.journalDir);
  });
});

describe('loadConfig: AI writing help (AZURE_OPENAI_*)', () => {
  it('has no model unless the endpoint and the deployment are set, and defaults to a GA version and 5 a minute', () => {
    expect(loadConfig({}).aiWriting).toEqual({ perMinute: 5 });
    const config = loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://contoso-ai.openai.azure.com/', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' });
    expect(config.aiWriting).toEqual({ model: { endpoint: 'https://contoso-ai.openai.azure.com', deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', timeoutMs: 20_000 }, perMinute: 5 });
    expect(loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://a.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'd', AZURE_OPENAI_API_KEY: 'key', AI_WRITING_PER_MINUTE: '2' }).aiWriting).toMatchObject({ model: { apiKey: 'key' }, perMinute: 2 });
  });

  it.each([
    [{ AZURE_OPENAI_ENDPOINT: 'https://a.openai.azure.com' }, /AZURE_OPENAI_DEPLOYMENT: AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT go together/],
    [{ AZURE_OPENAI_DEPLOYMENT: 'gpt' }, /AZURE_OPENAI_ENDPOINT: AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT go together/],
    [{ AZURE_OPENAI_ENDPOINT: 'not a url', AZURE_OPENAI_DEPLOYMENT: 'gpt' }, /AZURE_OPENAI_ENDPOINT/],
    [{ AZURE_OPENAI_ENDPOINT: 'https://a.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: '../x' }, /AZURE_OPENAI_DEPLOYMENT/],
    [{ AZURE_OPENAI_API_VERSION: 'latest' }, /AZURE_OPENAI_API_VERSION/],
    [{ AI_WRITING_PER_MINUTE: '0' }, /AI_WRITING_PER_MINUTE/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never puts the key in the error message', () => {
    expect(() => loadConfig({ AZURE_OPENAI_API_KEY: 'sk-very-secret', AZURE_OPENAI_DEPLOYMENT: 'gpt' })).toThrow(ConfigError);
    try {
      loadConfig({ AZURE_OPENAI_API_KEY: 'sk-very-secret', AZURE_OPENAI_DEPLOYMENT: 'gpt' });
    } catch (err) {
      expect((err as Error).message).not.toContain('sk-very-secret');
    }
  });
});
