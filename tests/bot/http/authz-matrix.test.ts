/**
 * Authorisation, proved from one table (authz-matrix.table.ts): every route the running app serves
 * x every kind of caller (anonymous, each programme role, a signed-in person who is not enrolled,
 * and tokens that are from another tenant, expired, for another audience, forged or from a wrong
 * issuer) gets exactly the status the table derives. The app runs in `entra` auth mode with the
 * real token verifier over a local JWKS. Then ownership: a person reads and changes only their own
 * share prompts, goals, impact, suggestions, policy agreement and training progress whatever ids
 * they put in the path, query or body; and an admin of one tenant reaches nothing of another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../../../src/shared/domain/types.js';
import { CALLER_IDS, CALLERS, ENTRA_TENANT, OTHER_TENANT, listRoutes, startEntraTestApp, type Caller, type EntraTestApp } from '../../support/entra-app.js';
import { makeContentItem } from '../../support/fixtures.js';
import { createChat, testUser, type TeamsConversation } from '../../support/activities.js';
import { cardTexts } from '../../support/cards.js';
import { startConnectorServer, type ConnectorServer } from '../../support/connector-server.js';
import { CARD_VERBS } from '../../../src/bot/teams/verbs.js';
import { bot as botCatalogs } from '../../../src/shared/i18n/catalogs/bot/index.js';
import { AUTHZ_TABLE, type AuthzRow } from './authz-matrix.table.js';

let entra: EntraTestApp;
let connector: ConnectorServer;
let served: Array<{ method: string; url: string }>;

beforeAll(async () => {
  connector = await startConnectorServer();
  entra = await startEntraTestApp();
  served = listRoutes(entra.app.server.printRoutes({ commonPrefix: false }));
  await entra.app.repositories.content.upsertMany(ENTRA_TENANT, [makeContentItem('sec-item', { suggestedTexts: [{ network: 'linkedin', language: 'en', variants: ['Suggested words.'] }] })]);
  await entra.app.repositories.content.upsertMany(OTHER_TENANT, [makeContentItem('foreign-item')]);
}, 120_000);
afterAll(async () => {
  await entra?.close();
  await connector?.stop();
});

const ROLE_OF: Partial<Record<Caller, Role>> = { employee: 'employee', trainer: 'trainer', executive: 'executive', coordinator: 'coordinator', admin: 'admin' };
const BAD_TOKEN: readonly Caller[] = ['anonymous', 'expired', 'otherAudience', 'forged', 'wrongIssuer', 'otherTenant'];

/** The status `caller` must get on `row`. */
export function expectedStatus(row: AuthzRow, caller: Caller): number {
  if (row.allow === 'public') return row.ok;
  if (BAD_TOKEN.includes(caller)) return 401;
  if (row.allow === 'signed-in') return row.ok;
  const role = ROLE_OF[caller];
  if (!role) return 403; // signed in, not enrolled
  const allowed = row.allow === 'enrolled' ? ROLES : row.allow;
  return allowed.includes(role) ? row.ok : 403;
}

function send(row: AuthzRow, token: string | undefined, url = row.request.url) {
  const [method] = row.route.split(' ');
  const options: InjectOptions = { method: method as InjectOptions['method'], url, headers: { ...entra.bearer(token), ...row.request.headers } };
  if (row.request.payload !== undefined) options.payload = row.request.payload as InjectOptions['payload'];
  return entra.app.server.inject(options);
}

describe('authorisation matrix', () => {
  it('has exactly one row for every route the app serves (add a row to authz-matrix.table.ts for a new route)', () => {
    const keys = served.map((r) => `${r.method} ${r.url}`);
    const rows = AUTHZ_TABLE.map((r) => r.route);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter((k) => !rows.includes(k)), 'routes without a row').toEqual([]);
    expect(rows.filter((r) => !keys.includes(r)), 'rows for routes that no longer exist').toEqual([]);
    expect(rows.filter((r, i) => rows.indexOf(r) !== i), 'duplicate rows').toEqual([]);
  });

  it('every route x every caller gets exactly the status the table says', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const row of AUTHZ_TABLE) {
      const results = await Promise.all(CALLERS.map(async (caller) => [caller, (await send(row, entra.tokens[caller])).statusCode] as const));
      for (const [caller, status] of results) {
        cells += 1;
        const expected = expectedStatus(row, caller);
        if (status !== expected) failures.push(`${row.route} as ${caller}: ${status}, expected ${expected}`);
      }
    }
    expect(failures, `${failures.length} of ${cells} cells wrong`).toEqual([]);
    expect(cells).toBe(AUTHZ_TABLE.length * CALLERS.length);
    console.info(`authz matrix: ${AUTHZ_TABLE.length} routes x ${CALLERS.length} callers = ${cells} cells`);
  });

  it('no route answers an allowed caller with a 5xx, and refusals carry the error shape without data', async () => {
    const failures: string[] = [];
    for (const row of AUTHZ_TABLE.filter((r) => r.allow !== 'public')) {
      const refused = await send(row, entra.tokens.forged);
      const body = refused.json() as { error?: { code?: string } };
      if (body.error?.code !== 'unauthenticated' || Object.keys(body).length !== 1) failures.push(`${row.route}: ${refused.body.slice(0, 80)}`);
      if (refused.headers['cache-control'] !== 'no-store') failures.push(`${row.route}: refusal is cacheable`);
    }
    expect(failures).toEqual([]);
  });

  it('path tricks do not slip past authentication (encoded, doubled or upper-case prefixes)', async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const row of AUTHZ_TABLE.filter((r) => r.allow !== 'public')) {
      const url = row.request.url;
      const variants = [url.replace('/api/', '/%61pi/'), url.replace('/api/', '/api%2F'), url.replace('/api/', '//api/'), url.replace('/api/', '/API/'), url.replace('/api/', '/api/./'), `${url}/`, url.replace(/\/([^/?]+)/, '/$1%2e')];
      for (const variant of variants) {
        tried += 1;
        const status = (await send(row, undefined, variant)).statusCode;
        if (![400, 401, 404].includes(status)) failures.push(`${row.route} via ${variant}: ${status}`);
      }
    }
    expect(failures, `${failures.length} of ${tried}`).toEqual([]);
  });
});

describe('ownership: a person reaches only their own data', () => {
  const as = (who: 'employee' | 'other', method: InjectOptions['method'], url: string, payload?: unknown) =>
    entra.app.server.inject({ method, url, headers: entra.bearer(entra.tokens[who]), ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}) });

  it('share prompts: each person gets their own prompt for an item; ids in query or body name nobody else', async () => {
    const mine = await as('other', 'PUT', '/api/board/items/sec-item/share/linkedin', { text: 'Words of the other person.' });
    expect(mine.statusCode).toBe(200);
    const theirs = await as('employee', 'GET', `/api/board/items/sec-item/share?employeeId=${CALLER_IDS.other}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain('Words of the other person.');
    // A body naming someone else is refused by the strict schema; the query is not an identity.
    expect((await as('employee', 'PUT', '/api/board/items/sec-item/share/linkedin', { text: 'hijack', employeeId: CALLER_IDS.other })).statusCode).toBe(400);
    expect((await as('employee', 'PUT', `/api/board/items/sec-item/share/linkedin?employeeId=${CALLER_IDS.other}`, { text: 'My own words.' })).statusCode).toBe(200);
    expect((await as('employee', 'POST', `/api/board/items/sec-item/not-for-me?employeeId=${CALLER_IDS.other}`, {})).statusCode).toBe(200);
    const after = await as('other', 'GET', '/api/board/items/sec-item/share');
    expect(after.body).toContain('Words of the other person.');
    expect(after.body).not.toContain('My own words.');
    const otherResponses = await entra.app.repositories.contentResponses.listByEmployee(ENTRA_TENANT, CALLER_IDS.other);
    expect(otherResponses).toEqual([]);
  });

  it('goals, impact, suggestions and policy agreement answer for the caller only', async () => {
    expect((await as('other', 'PUT', '/api/me/goals', { goals: [{ kind: 'shares-per-month', target: 7 }] })).statusCode).toBe(200);
    const goals = await as('employee', 'GET', `/api/me/goals?employeeId=${CALLER_IDS.other}`);
    expect(JSON.stringify(goals.json())).not.toContain('"target":7');
    expect((await as('employee', 'PUT', '/api/me/goals', { goals: [], employeeId: CALLER_IDS.other })).statusCode).toBe(400);
    expect(JSON.stringify((await as('other', 'GET', '/api/me/goals')).json())).toContain('"target":7');

    const own = await as('employee', 'GET', '/api/me/impact');
    const spoof = await as('employee', 'GET', `/api/me/impact?employeeId=${CALLER_IDS.other}`);
    expect(spoof.json()).toEqual(own.json());

    expect((await as('other', 'POST', '/api/suggestions', { url: 'https://example.com/other-story', why: 'Worth a read.' })).statusCode).toBe(201);
    expect((await as('employee', 'POST', '/api/suggestions', { url: 'https://example.com/x', why: 'x', suggestedBy: CALLER_IDS.other })).statusCode).toBe(400);
    expect((await as('employee', 'GET', `/api/suggestions/mine?employeeId=${CALLER_IDS.other}`)).body).not.toContain('other-story');

    expect((await as('employee', 'POST', '/api/policy/acknowledge', { version: 1, employeeId: CALLER_IDS.other })).statusCode).toBe(400);
    expect(await entra.app.repositories.policies.listAcknowledgements(ENTRA_TENANT, CALLER_IDS.other)).toEqual([]);
  });

  it('training progress: a learner reads and changes only their own; other people\'s progress is for trainers', async () => {
    const trainer = { authorization: `Bearer ${entra.tokens.trainer}` };
    const created = await entra.app.server.inject({
      method: 'POST',
      url: '/api/training/modules',
      headers: trainer,
      payload: { title: 'Write in your own words', format: 'article', learningStyle: 'reading', durationMinutes: 5, languages: ['en'], body: 'Body', targetPersonas: ['observer'], targetTopicRoles: [] },
    });
    expect(created.statusCode).toBe(201);
    const moduleId = (created.json() as { id: string }).id;
    expect((await entra.app.server.inject({ method: 'POST', url: `/api/training/modules/${moduleId}/publish`, headers: trainer })).statusCode).toBe(200);

    expect((await as('other', 'POST', `/api/training/me/modules/${moduleId}/start`)).statusCode).toBe(200);
    expect((await as('employee', 'POST', `/api/training/me/modules/${moduleId}/done?employeeId=${CALLER_IDS.other}`, { employeeId: CALLER_IDS.other })).statusCode).toBe(200);
    const otherRecord = await entra.tables.training.progress.get(ENTRA_TENANT, moduleId, CALLER_IDS.other);
    expect(otherRecord?.value.status).toBe('started');
    expect((await as('employee', 'GET', `/api/training/progress/${CALLER_IDS.other}`)).statusCode).toBe(403);
    const progress = await entra.app.server.inject({ url: `/api/training/progress/${CALLER_IDS.other}`, headers: trainer });
    expect(progress.statusCode).toBe(200);
    expect(JSON.stringify(progress.json())).toContain('started');
  });

  it('tenants are apart: with no AAD_APP_TENANT_ID (a multi-tenant deployment) an admin of another tenant sees and changes nothing of this one', async () => {
    const auth = entra.app.config.auth as { tenantId?: string };
    const pinned = auth.tenantId;
    auth.tenantId = undefined;
    try {
      const foreign = { authorization: `Bearer ${entra.tokens.otherTenant}` };
      const get = (url: string) => entra.app.server.inject({ url, headers: foreign });
      expect((await get('/api/me')).json()).toMatchObject({ employeeId: CALLER_IDS.otherTenant, roles: ['admin'] });
      expect((await get('/api/admin/people')).body).not.toContain(CALLER_IDS.employee);
      expect((await get(`/api/admin/people/${CALLER_IDS.other}/export`)).body).not.toContain('Words of the other person.');
      expect((await get('/api/admin/content')).body).not.toContain('sec-item');
      expect((await get('/api/board/items/sec-item/share')).statusCode).toBe(404);
      const roles = await entra.app.server.inject({ method: 'PUT', url: `/api/admin/people/${CALLER_IDS.employee}/roles`, headers: foreign, payload: { roles: ['admin'] } });
      expect(roles.statusCode).toBe(404);
      expect((await entra.app.repositories.employees.get(ENTRA_TENANT, CALLER_IDS.employee)).value.roles).toEqual(['employee']);
    } finally {
      auth.tenantId = pinned;
    }
  });
});

describe('card actions check the same rules as the API', () => {
  const NOTICE = Object.values(botCatalogs.en.notice);
  /** Press a card button as `aadObjectId` of `tenantId`, in their personal chat or `conversation`; the card answered. */
  async function press(who: { aadObjectId: string; tenantId?: string; conversation?: TeamsConversation }, verb: string, data: Record<string, unknown>): Promise<string[]> {
    const chat = createChat({ serviceUrl: connector.serviceUrl, tenantId: who.tenantId ?? ENTRA_TENANT, user: testUser({ aadObjectId: who.aadObjectId }), ...(who.conversation ? { conversation: who.conversation } : {}) });
    const res = await entra.app.server.inject({ method: 'POST', url: '/api/messages', payload: chat.cardAction(verb, data) });
    expect(res.statusCode, verb).toBe(200);
    return cardTexts((res.json() as { value: unknown }).value);
  }
  const isNotice = (texts: string[]) => texts.some((t) => NOTICE.some((n) => t.includes(n.replace(/\*\*/g, '').split('.')[0]!)));

  it("another person's prompt, from this tenant or the same object id in another tenant, gets a notice and writes nothing", async () => {
    const prompt = await entra.app.services.sharing.preparePrompt({ tenantId: ENTRA_TENANT, employeeId: CALLER_IDS.other, contentId: 'sec-item', now: new Date() });
    const before = await entra.app.services.sharing.getPrompt(ENTRA_TENANT, CALLER_IDS.other, prompt.promptCode);
    const intruders = [{ aadObjectId: CALLER_IDS.employee }, { aadObjectId: CALLER_IDS.other, tenantId: OTHER_TENANT }, { aadObjectId: CALLER_IDS.unenrolled }];
    const attempts: Array<[string, Record<string, unknown>]> = [
      [CARD_VERBS.shareEdit, { promptCode: prompt.promptCode, stage: 'ready', network: 'linkedin' }],
      [CARD_VERBS.shareRefresh, { promptCode: prompt.promptCode }],
      [CARD_VERBS.sharePrepare, { promptCode: prompt.promptCode, network: 'linkedin', shownNetwork: 'linkedin', text: 'Hijacked words' }],
      [CARD_VERBS.shareSkip, { promptCode: prompt.promptCode, reason: 'other' }],
      [CARD_VERBS.shareLater, { promptCode: prompt.promptCode }],
    ];
    for (const who of intruders) {
      for (const [verb, data] of attempts) {
        const texts = await press(who, verb, data);
        expect(isNotice(texts), `${verb} by ${who.aadObjectId}@${who.tenantId ?? 'this tenant'}: ${texts.join(' | ').slice(0, 120)}`).toBe(true);
        expect(texts.join(' ')).not.toContain('Suggested words.');
      }
    }
    expect(await entra.app.services.sharing.getPrompt(ENTRA_TENANT, CALLER_IDS.other, prompt.promptCode)).toEqual(before);
  });

  // In their personal chat the bot enrols a new person on first contact (installing it is joining);
  // elsewhere, and for training at all, an unknown person is refused like the API's 403.
  it('someone not enrolled cannot agree to the policy or start a share outside their chat, nor start training; the audit is personal-chat only', async () => {
    const trainer = { authorization: `Bearer ${entra.tokens.trainer}` };
    const created = await entra.app.server.inject({ method: 'POST', url: '/api/training/modules', headers: trainer, payload: { title: 'Card rules', format: 'article', learningStyle: 'reading', durationMinutes: 5, languages: ['en'], body: 'Body', targetPersonas: ['observer'], targetTopicRoles: [] } });
    const moduleId = (created.json() as { id: string }).id;
    await entra.app.server.inject({ method: 'POST', url: `/api/training/modules/${moduleId}/publish`, headers: trainer });
    await entra.app.services.policy.publish(ENTRA_TENANT, { version: 1, publishedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', texts: { en: { title: 'Policy', summary: 'Be yourself.', body: '# Policy' } } });
    const channel: TeamsConversation = { id: '19:sec-channel@thread.tacv2', conversationType: 'channel', tenantId: ENTRA_TENANT };
    const group: TeamsConversation = { id: '19:sec-group@thread.v2', conversationType: 'groupChat', tenantId: ENTRA_TENANT };
    const stranger: { aadObjectId: string; conversation?: TeamsConversation } = { aadObjectId: CALLER_IDS.unenrolled };
    for (const [who, verb, data] of [
      [{ ...stranger, conversation: channel }, CARD_VERBS.policyAccept, { version: 1 }],
      [{ ...stranger, conversation: group }, CARD_VERBS.shareStart, { contentId: 'sec-item' }],
      [{ ...stranger, conversation: channel }, CARD_VERBS.shareStart, { contentId: 'sec-item' }],
      [stranger, CARD_VERBS.trainingStart, { moduleId }],
      [stranger, CARD_VERBS.trainingComplete, { moduleId }],
      [{ ...stranger, conversation: channel }, CARD_VERBS.trainingLater, { moduleId }],
    ] as const) {
      expect(isNotice(await press(who, verb, data)), `${verb} in ${who.conversation?.conversationType ?? 'personal chat'}`).toBe(true);
    }
    const audit = { audience_linkedin: '10', postsPerMonth: '2', goals: 'visibility', learningStyle: 'video', topics: '', wantsToGrow: 'true', noPrompts: 'true' };
    expect(isNotice(await press({ aadObjectId: CALLER_IDS.employee, conversation: channel }, CARD_VERBS.auditSubmit, audit))).toBe(true);

    expect(await entra.app.repositories.policies.listAcknowledgements(ENTRA_TENANT, CALLER_IDS.unenrolled)).toEqual([]);
    expect(await entra.tables.training.progress.get(ENTRA_TENANT, moduleId, CALLER_IDS.unenrolled)).toBeUndefined();
    expect(await entra.app.repositories.employees.find(ENTRA_TENANT, CALLER_IDS.unenrolled)).toBeUndefined();
    expect((await entra.app.repositories.employees.get(ENTRA_TENANT, CALLER_IDS.employee)).value.audit).toBeUndefined();
  });
});
