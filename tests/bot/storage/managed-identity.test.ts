/**
 * Storage with a managed identity (Azure): no connection string, an account URL and a token
 * credential (`DefaultAzureCredential` in Azure). Every table and queue request must carry an
 * Entra bearer token for Azure Storage and never a shared key, since the Bicep template disables
 * shared-key access. A local HTTPS endpoint (self-signed, this process only) stands in for the
 * account and records what the SDK clients send when the app creates its tables and queues.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/bot/config.js';
import { createTableRepositories } from '../../../src/bot/storage/index.js';

interface Seen {
  method: string;
  url: string;
  authorization: string;
}

const seen: Seen[] = [];
const scopes: string[] = [];
let server: Server;
let dir: string;
let accountUrl: string;
const previousTls = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

const credential: TokenCredential = {
  async getToken(scope: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    scopes.push(...(Array.isArray(scope) ? scope : [scope]));
    return { token: 'managed-identity-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  },
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mi-storage-'));
  const openssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { encoding: 'utf8' });
  expect(openssl.status, openssl.stderr).toBe(0);
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: String(req.headers.authorization ?? '') });
    req.resume();
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-ms-request-id': 'test', 'x-ms-version': '2019-02-02' });
      res.end(req.method === 'POST' ? JSON.stringify({ TableName: 'x' }) : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // IP-style URLs carry the account in the path, as for the emulator.
  accountUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/advocacyhubprod`;
  // The self-signed certificate of the stand-in endpoint (this worker process only).
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
});
afterAll(async () => {
  if (previousTls === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousTls;
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('storage with a managed identity', () => {
  it('production config names the account and no connection string', () => {
    const config = loadConfig({
      NODE_ENV: 'production', AUTH_MODE: 'entra', AAD_APP_CLIENT_ID: '11111111-1111-4111-8111-111111111111',
      STORAGE_ACCOUNT_NAME: 'advocacyhubprod', SECRET_CLICK_KEY: 'k'.repeat(32), SECRET_LINK_CODE_KEY: 'l'.repeat(32), SETTINGS_ENCRYPTION_KEY: 's'.repeat(32),
      BOT_ID: '22222222-2222-4222-8222-222222222222', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    });
    // The account wins over a stray connection string: Azure never falls back to keys.
    expect(config.storage).toEqual({ kind: 'account', accountName: 'advocacyhubprod' });
  });

  it('creates tables and queues with Entra bearer tokens for Azure Storage, never a shared key', async () => {
    const repositories = await createTableRepositories({ accountUrl, credential, tablePrefix: 'mi' });
    await repositories.ensure();
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.some((r) => r.method === 'POST' && r.url.startsWith('/advocacyhubprod/Tables'))).toBe(true);
    expect(seen.some((r) => r.method === 'PUT' && r.url.startsWith('/advocacyhubprod/mi-'))).toBe(true);
    for (const request of seen) {
      expect(request.authorization, `${request.method} ${request.url}`).toBe('Bearer managed-identity-token');
      expect(request.authorization).not.toMatch(/SharedKey/i);
    }
    expect(new Set(scopes)).toEqual(new Set(['https://storage.azure.com/.default']));
  });
});
