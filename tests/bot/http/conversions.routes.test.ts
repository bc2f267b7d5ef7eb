/**
 * The conversions webhook over HTTP on Azurite: signature, tolerance, validation, attribution,
 * idempotency on the external id, scoring, and that only this path skips Teams SSO.
 */
import { createHmac } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuth } from '../../../src/bot/http/auth.js';
import { registerConversionRoutes } from '../../../src/bot/http/conversions.routes.js';
import { registerErrorHandling } from '../../../src/bot/http/errors.js';
import { createMeasurementServices } from '../../../src/bot/services/measurement.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { createTestRepositories } from '../../support/azurite.js';
import { aContest, aLink, TENANT } from '../services/measurement-fixtures.js';

const KEY = 'test-conversions-key-0123456789abcdef';
const NOW = new Date('2026-12-03T09:30:00.000Z');
const T = Math.floor(NOW.getTime() / 1000);
let repos: TableRepositories;
let app: FastifyInstance;

function sign(body: string, t = T, key = KEY): string {
  return `t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
}

function post(payload: unknown, options: { t?: number; key?: string; header?: string; raw?: string } = {}) {
  const body = options.raw ?? JSON.stringify(payload);
  return app.inject({
    method: 'POST',
    url: '/api/conversions',
    headers: { 'content-type': 'application/json', ...(options.header !== '' ? { 'advocacy-signature': options.header ?? sign(body, options.t, options.key) } : {}) },
    payload: body,
  });
}

const deal = { kind: 'deal', externalId: 'crm-deal-1', occurredAt: '2026-12-02T15:00:00Z', linkCode: 'Lnk0001', amount: '1234.5', currency: 'EUR' };

beforeAll(async () => {
  repos = await createTestRepositories('conv');
  await repos.contests.upsert(TENANT, aContest({ weights: { uniqueClick: 1, share: 0, conversion: 25 } }));
  await repos.trackedLinks.create(aLink('Lnk0001', 'ana'));
  await repos.trackedLinks.create(aLink('Lnk0002', 'ben', { campaignId: undefined, network: 'x' }));
  const services = createMeasurementServices(repos, { contestCacheMs: 0 });
  app = Fastify({ logger: false });
  registerErrorHandling(app);
  registerAuth(app, { config: { mode: 'entra', clientId: '00000000-0000-0000-0000-000000000001' }, employees: repos.employees, verifyToken: async () => { throw new Error('no SSO in this test'); } });
  await registerConversionRoutes(app, { conversions: services.conversions, secretKey: KEY, now: () => NOW });
  app.get('/api/conversions/other', async () => ({ reached: true }));
  await app.ready();
});

afterAll(() => app.close());

describe('POST /api/conversions', () => {
  it('records a deal attributed to share, person, content, campaign and network, in exact minor units, and scores it', async () => {
    const res = await post(deal);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      duplicate: false,
      conversion: {
        externalId: 'crm-deal-1', kind: 'deal', amountMinor: 123450, currency: 'EUR', linkCode: 'Lnk0001', shareId: 'share-Lnk0001',
        employeeId: 'ana', contentId: 'content-1', campaignId: 'launch', network: 'linkedin', occurredAt: '2026-12-02T15:00:00.000Z', receivedAt: NOW.toISOString(),
      },
    });
    expect(await repos.conversions.listByTenant(TENANT)).toHaveLength(1);
    expect(await repos.tallies.getScore(TENANT, 'q4', 'ana')).toMatchObject({ points: 25, conversions: 1 });
  });

  it('records a replayed webhook once: 200 with duplicate true and the stored conversion', async () => {
    const res = await post({ ...deal, amount: '9.99' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ duplicate: true, conversion: { externalId: 'crm-deal-1', amountMinor: 123450 } });
    expect(await repos.conversions.listByTenant(TENANT)).toHaveLength(1);
    expect((await repos.tallies.getScore(TENANT, 'q4', 'ana'))?.points).toBe(25);
  });

  it('finds the link by utm_content and accepts a lead without a value or campaign', async () => {
    const res = await post({ kind: 'lead', externalId: 'hs-contact-7', occurredAt: '2026-12-02T16:00:00+09:00', utmContent: 'Lnk0002' });
    expect(res.statusCode).toBe(201);
    const { conversion } = res.json();
    expect(conversion).toMatchObject({ kind: 'lead', employeeId: 'ben', network: 'x', occurredAt: '2026-12-02T07:00:00.000Z' });
    expect(conversion).not.toHaveProperty('amountMinor');
    expect(conversion).not.toHaveProperty('campaignId');
  });

  it.each([
    ['no header', { header: '' }, 'missing or malformed'],
    ['a wrong key', { key: 'another-key-0123456789abcdef0123456789' }, 'signature does not match'],
    ['a stale timestamp (6 min old), correctly signed', { t: T - 360 }, 'timestamp outside'],
    ['a timestamp 6 min in the future', { t: T + 360 }, 'timestamp outside'],
  ])('refuses %s with 401', async (_label, options, reason) => {
    const res = await post({ ...deal, externalId: 'never-stored' }, options);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details).toContain(reason);
  });

  it('refuses a body changed after signing with 401', async () => {
    const header = sign(JSON.stringify({ ...deal, externalId: 'signed' }));
    const res = await post({ ...deal, externalId: 'tampered' }, { header });
    expect(res.statusCode).toBe(401);
    expect((await repos.conversions.listByTenant(TENANT)).map((c) => c.externalId)).not.toContain('tampered');
  });

  it.each([
    ['not JSON', { raw: '{kind: deal' }, 'not valid JSON'],
    ['an unknown kind', { payload: { ...deal, kind: 'opportunity' } }, 'kind'],
    ['no link code', { payload: { ...deal, linkCode: undefined } }, 'linkCode or utmContent is required'],
    ['an amount without currency', { payload: { ...deal, currency: undefined } }, 'currency: is required with an amount'],
    ['amount and amountMinor', { payload: { ...deal, amountMinor: 5 } }, 'not both'],
    ['too many decimals', { payload: { ...deal, amount: '10.123' } }, 'EUR has 2 decimal places'],
    ['a bad date', { payload: { ...deal, occurredAt: 'yesterday' } }, 'occurredAt'],
  ])('refuses %s with 400 and the reason', async (_label, input, reason) => {
    const res = 'raw' in input ? await post(undefined, { raw: input.raw }) : await post(input.payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContain(reason);
  });

  it('answers 404 with a clear message for an unknown link code', async () => {
    const res = await post({ ...deal, externalId: 'crm-x', linkCode: 'NoSuchCode' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toBe('unknown link code "NoSuchCode": no tracked link has this code');
  });

  it('skips Teams SSO for exactly this path: anything beneath it still needs a token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/conversions/other' })).statusCode).toBe(401);
  });
});
