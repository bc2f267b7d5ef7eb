/**
 * Bad input gets a clear 4xx (or a clear notice card) and loses or writes nothing. Every path
 * parameter, query value and body of every API route (the routes of authz-matrix.table.ts, sent by
 * an admin so authorisation never hides a crash), the signed conversions webhook and every card
 * action verb are fed malformed JSON, oversized bodies, wrong types, unicode edges (RTL marks,
 * emoji, NUL, lone surrogates, 8 KB strings), script and OData-injection values. Then fast-check
 * properties over arbitrary values. "No write" is checked on the table service: entity counts of
 * every table of the app before and after, the audit log holding only the refused attempts.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_VERBS } from '../../../src/bot/teams/verbs.js';
import type { StoredPolicy } from '../../../src/bot/services/sharing.ports.js';
import { createChat, testUser, type TestChat } from '../../support/activities.js';
import { startConnectorServer, type ConnectorServer } from '../../support/connector-server.js';
import { CALLER_IDS, ENTRA_TENANT, startEntraTestApp, type EntraTestApp } from '../../support/entra-app.js';
import { makeContentItem } from '../../support/fixtures.js';
import { EIGHT_KB, HOSTILE_STRINGS, HOSTILE_VALUES, MALFORMED_BODIES, WRONG_TYPES } from '../../support/hostile-inputs.js';
import { countTables, diffCounts } from '../../support/table-snapshot.js';
import { AUTHZ_TABLE, type AuthzRow } from './authz-matrix.table.js';

let entra: EntraTestApp;
let connector: ConnectorServer;
let chat: TestChat;
let admin: Record<string, string>;
const figures = { api: 0, webhook: 0, cards: 0, fields: 0, pages: 0 };

/** Query keys the routes read (any other is ignored or refused by a strict schema). */
const QUERY_KEYS = ['lang', 'q', 'status', 'period', 'from', 'to', 'table', 'format', 'limit', 'since', 'top', 'view', 'kind', 'category', 'topic', 'team', 'language', 'stuckAfterDays', 'flagged', 'tenant', 'employeeId'];
/** Rows whose request writes when it passes (no input to refuse): left out of the no-write checks. */
const WRITES_WITHOUT_INPUT = new Set(['POST /api/admin/settings/webhook-secret']);
const API_ROWS = AUTHZ_TABLE.filter((r) => r.allow !== 'public' && !WRITES_WITHOUT_INPUT.has(r.route));

const methodOf = (row: AuthzRow) => row.route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'DELETE';
const isWrite = (row: AuthzRow) => methodOf(row) !== 'GET';

beforeAll(async () => {
  connector = await startConnectorServer();
  entra = await startEntraTestApp();
  admin = entra.bearer(entra.tokens.admin);
  const repos = entra.app.repositories;
  await repos.content.upsertMany(ENTRA_TENANT, [makeContentItem('bad-item', { suggestedTexts: [{ network: 'linkedin', language: 'en', variants: ['Suggested words.'] }] })]);
  const policy: StoredPolicy = { version: 1, publishedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', texts: { en: { title: 'Policy', summary: 'Be yourself.', body: '# Policy' } } };
  await entra.app.services.policy.publish(ENTRA_TENANT, policy);
  chat = createChat({ serviceUrl: connector.serviceUrl, tenantId: ENTRA_TENANT, user: testUser({ aadObjectId: CALLER_IDS.employee, name: 'Person sec-employee' }) });
  // Reads that record something once (a board session) happen before the snapshots
  // (the analytics read model is built and kept on the first report).
  await entra.app.server.inject({ url: '/api/board', headers: admin });
  await entra.app.server.inject({ url: '/api/analytics', headers: admin });
  await entra.app.server.inject({ method: 'POST', url: '/api/messages', payload: chat.message('hello') });
}, 120_000);
afterAll(async () => {
  await entra?.close();
  await connector?.stop();
});

async function inject(options: InjectOptions): Promise<LightMyRequestResponse | undefined> {
  try {
    return await entra.app.server.inject(options);
  } catch {
    return undefined; // refused by light-my-request itself (not a valid request): nothing reached the app
  }
}

/** Problems with one answer of the API to bad input; `mayRead` allows a 2xx for reads that ignore or search for the value. */
function problemsOf(label: string, res: LightMyRequestResponse | undefined, mayRead: boolean): string[] {
  if (!res) return [];
  if (res.statusCode >= 500) return [`${label}: ${res.statusCode} ${res.body.slice(0, 120)}`];
  if (res.statusCode < 400) return mayRead ? [] : [`${label}: accepted (${res.statusCode})`];
  const body = (() => {
    try {
      return res.json() as { error?: { code?: unknown; message?: unknown } };
    } catch {
      return {};
    }
  })();
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string' || body.error.message === '') return [`${label}: ${res.statusCode} without a clear reason: ${res.body.slice(0, 80)}`];
  return [];
}

/**
 * Percent-encode anything, lone surrogates included (as the invalid UTF-8 bytes a hostile client
 * can send, where `encodeURIComponent` throws).
 */
export function encodeAny(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(char);
  }
  return out;
}

/** The row's URL with segment `index` of its path replaced by `value` (encoded). */
function withSegment(row: AuthzRow, index: number, value: string): string {
  const [path, query] = row.request.url.split('?');
  const segments = (path ?? '').split('/');
  segments[index] = encodeAny(value);
  return `${segments.join('/')}${query ? `?${query}` : ''}`;
}

/** Indexes of the `:param` segments of a route pattern. */
const paramIndexes = (row: AuthzRow) => (row.route.split(' ')[1] ?? '').split('/').flatMap((s, i) => (s.startsWith(':') ? [i] : []));

/** Values tried in each field of a valid body: every kind of hostile value once. */
const FIELD_VALUES: readonly unknown[] = [...HOSTILE_STRINGS.filter((_, i) => [2, 3, 4, 5, 6, 8, 10, 11].includes(i)), -1, true, null, [], { $ne: null }];

/** Whole bodies of the wrong shape (field-level values are the property tests' job). */
const WHOLE_BODIES: readonly unknown[] = [null, [], 42, 'text', true, { $ne: null }, { __proto__: { roles: ['admin'] } }, EIGHT_KB];

/** Every bad request tried on one route. */
function badRequests(row: AuthzRow): Array<{ label: string; options: InjectOptions }> {
  const method = methodOf(row);
  const base = (url: string, extra: Partial<InjectOptions> = {}): InjectOptions => ({
    method,
    url,
    headers: { ...admin },
    ...(row.request.payload !== undefined ? { payload: row.request.payload as InjectOptions['payload'] } : {}),
    ...extra,
  });
  const out: Array<{ label: string; options: InjectOptions }> = [];
  for (const index of paramIndexes(row)) {
    for (const value of HOSTILE_STRINGS) out.push({ label: `${row.route} param ${index}=${JSON.stringify(value.slice(0, 20))}`, options: base(withSegment(row, index, value)) });
  }
  const join = row.request.url.includes('?') ? '&' : '?';
  // Every query key at once with each hostile value (reads), or a few (writes ignore queries)...
  for (const value of isWrite(row) ? HOSTILE_STRINGS.slice(9, 12) : HOSTILE_STRINGS.filter((_, i) => i % 2 === 0 || i === 11 || i === 5)) {
    const all = QUERY_KEYS.map((key) => `${key}=${encodeAny(value)}`).join('&');
    out.push({ label: `${row.route} every query key=${JSON.stringify(value.slice(0, 20))}`, options: base(`${row.request.url}${join}${all}`) });
  }
  // ...and on reads each key alone (one hostile value each, in turn), repeated as an array.
  if (!isWrite(row)) {
    QUERY_KEYS.forEach((key, i) => {
      const value = HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]!;
      out.push({ label: `${row.route} ?${key}=${JSON.stringify(value.slice(0, 20))}`, options: base(`${row.request.url}${join}${key}=${encodeAny(value)}&${key}=2`) });
    });
  }
  if (isWrite(row)) {
    for (const body of MALFORMED_BODIES) out.push({ label: `${row.route} body ${body.label}`, options: base(row.request.url, { payload: body.payload, headers: { ...admin, 'content-type': body.contentType } }) });
    for (const value of WHOLE_BODIES) out.push({ label: `${row.route} body ${JSON.stringify(value)?.slice(0, 20)}`, options: base(row.request.url, { payload: JSON.stringify(value), headers: { ...admin, 'content-type': 'application/json' } }) });
  }
  return out;
}

/**
 * Counts without the tables the app writes on its own while the test runs (the leases of its
 * background jobs, the rate-limit counts each instance shares every second while limited routes
 * see traffic) and, where given, the audit log (checked entry by entry instead).
 */
function withoutBookkeeping(counts: Record<string, number>, ...also: string[]): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([name]) => !name.endsWith('JobLeases') && !name.endsWith('RateCounts') && !also.includes(name)));
}

/** Audit entries written since `since` that are not refusals. */
async function acceptedAuditEntries(since: string): Promise<string[]> {
  const entries = await entra.tables.auditLog.list(ENTRA_TENANT, { limit: 5_000, since });
  return entries.filter((e) => e.status < 400).map((e) => `${e.action} ${e.status}`);
}

describe('bad input to the API', () => {
  it('every path parameter, query value and body of every route: a clear 4xx, never a 5xx, nothing written', { timeout: 120_000 }, async () => {
    const prefix = entra.app.config.tablePrefix;
    const before = await countTables(prefix);
    const since = new Date().toISOString();
    const failures: string[] = [];
    for (const row of API_ROWS) {
      const requests = badRequests(row);
      const answers = await Promise.all(requests.map((r) => inject(r.options)));
      answers.forEach((res, i) => failures.push(...problemsOf(requests[i]!.label, res, !isWrite(row))));
      figures.api += requests.length;
    }
    expect(failures, `${failures.length} of ${figures.api}`).toEqual([]);
    const after = await countTables(prefix);
    const auditTable = `${prefix}AuditLog`;
    expect(diffCounts(withoutBookkeeping(before, auditTable), withoutBookkeeping(after, auditTable)), 'tables written').toEqual([]);
    expect(await acceptedAuditEntries(since)).toEqual([]);
    console.info(`bad input: ${figures.api} requests over ${API_ROWS.length} API routes`);
  });
});

/** Valid bodies of the routes that take text: every leaf is then replaced by hostile values. */
const VALID_BODIES: ReadonlyArray<{ method: 'POST' | 'PUT'; url: string; body: Record<string, unknown> }> = [
  { method: 'POST', url: '/api/admin/content', body: { url: 'https://news.example.com/a', title: 'A story', summary: 'Summary', language: 'en', category: 'company', topics: ['quantum'], targetTeams: ['Sales'], targetPersonas: ['observer'], targetLanguages: ['en'], suggestedTexts: [{ network: 'linkedin', language: 'en', variants: ['Words'] }] } },
  { method: 'POST', url: '/api/suggestions', body: { url: 'https://news.example.com/s', why: 'Worth reading', topic: 'quantum' } },
  { method: 'PUT', url: '/api/board/items/bad-item/share/linkedin', body: { text: 'My own words' } },
  { method: 'POST', url: '/api/board/items/bad-item/not-for-me', body: { reason: 'other' } },
  { method: 'PUT', url: '/api/me/goals', body: { goals: [{ kind: 'shares-per-month', target: 4 }] } },
  { method: 'PUT', url: '/api/admin/settings', body: { quietHours: { start: 20, end: 7 }, weeklyPromptCap: 3, defaultWorkingDays: [1, 2, 3, 4, 5], disclosureLine: 'I work here', blockedPhrases: ['secret'], aiHelp: false } },
  { method: 'POST', url: '/api/admin/policy/versions', body: { title: 'Policy', summary: 'Be yourself.', body: '# Policy\n\nBe kind.' } },
  { method: 'PUT', url: `/api/admin/people/${CALLER_IDS.other}/roles`, body: { roles: ['employee'] } },
  { method: 'POST', url: '/api/training/modules', body: { title: 'Module', summary: 'Short', format: 'article', learningStyle: 'reading', durationMinutes: 5, languages: ['en'], body: 'Body', targetPersonas: ['observer'], targetTopicRoles: [] } },
  { method: 'POST', url: '/api/admin/contests', body: { name: 'Spring', startsAt: '2027-03-01T00:00:00Z', endsAt: '2027-05-31T00:00:00Z', weights: { uniqueClick: 1, share: 2, conversion: 5 }, prizes: [{ rank: 1, label: 'Lunch' }], excludedRoles: [], excludedEmployeeIds: [], updateChannelId: null } },
  { method: 'POST', url: '/api/campaigns', body: { contentId: 'bad-item', audience: { personas: ['observer'], teams: ['Sales'], topicIds: [], languages: ['en'], employeeIds: [] }, window: { start: '2027-01-04T09:00:00Z', end: '2027-01-08T17:00:00Z' }, slotMinutes: 30 } },
];

/** Paths of every leaf of a JSON value. */
function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** A deep copy of `value` with the leaf at `path` replaced. */
function replaced(value: unknown, path: Array<string | number>, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = replaced(copy[path[0]!], path.slice(1), next);
  return copy;
}

describe('hostile values in every field of valid bodies', () => {
  it('each valid body is accepted as it is (so each mutation below reaches its field)', async () => {
    const statuses = await Promise.all(VALID_BODIES.map(async (b) => `${b.method} ${b.url} ${(await inject({ method: b.method, url: b.url, headers: admin, payload: b.body }))?.statusCode}`));
    expect(statuses.filter((s) => !/ 20[01]$/.test(s))).toEqual([]);
  });

  it('every leaf replaced by each hostile value: a 2xx that stores it or a clear 4xx, never a 5xx; refusals write nothing', { timeout: 120_000 }, async () => {
    const since = new Date().toISOString();
    const failures: string[] = [];
    let tried = 0;
    let accepted = 0;
    for (const sample of VALID_BODIES) {
      const mutations = leaves(sample.body).flatMap((path) => FIELD_VALUES.map((value) => ({ path, value })));
      for (let i = 0; i < mutations.length; i += 8) {
        const batch = mutations.slice(i, i + 8);
        const answers = await Promise.all(batch.map(({ path, value }) => inject({ method: sample.method, url: sample.url, headers: { ...admin, 'content-type': 'application/json' }, payload: JSON.stringify(replaced(sample.body, path, value)) ?? 'null' })));
        answers.forEach((res, j) => {
          const { path, value } = batch[j]!;
          failures.push(...problemsOf(`${sample.method} ${sample.url} ${path.join('.')}=${JSON.stringify(value)?.slice(0, 20)}`, res, true));
          if (res && res.statusCode < 300) accepted += 1;
        });
        tried += batch.length;
      }
    }
    figures.fields = tried;
    expect(failures, `${failures.length} of ${tried}`).toEqual([]);
    // The audit trail records every write with its status: the accepted ones are exactly the 2xx answers.
    const entries = await entra.tables.auditLog.list(ENTRA_TENANT, { limit: 5_000, since });
    expect(entries.filter((e) => e.status < 400)).toHaveLength(accepted);
    // Valid text in odd shapes (emoji, RTL, 8 KB where allowed) is accepted, so the fields were reached.
    expect(accepted).toBeGreaterThan(50);
    expect(entries.filter((e) => e.status >= 400).length).toBeGreaterThan(tried / 2);
    console.info(`bad input: ${tried} field mutations of ${VALID_BODIES.length} valid bodies (${accepted} accepted as valid text)`);
  });
});

describe('bad input to the public pages', () => {
  it('/policy, /l/, /s/ and the tab with hostile queries and paths: no 5xx, nothing reflected as markup', async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const value of HOSTILE_STRINGS) {
      const v = encodeAny(value);
      for (const url of [`/policy?tenant=${v}&lang=${v}`, `/policy?tenant=${ENTRA_TENANT}&lang=${v}`, `/l/${v}?lang=${v}`, `/s/${v}/${v}`, `/s/AbCdEf123456/linkedin?lang=${v}`, `/tab/?lang=${v}`, `/healthz?${v}=${v}`]) {
        tried += 1;
        const res = await inject({ method: 'GET', url, remoteAddress: `10.9.${tried % 250}.${1 + (tried % 200)}`, headers: { 'accept-language': value.replace(/[^\x20-\x7e]/g, '') } });
        if (!res) continue;
        if (res.statusCode >= 500) failures.push(`${url.slice(0, 60)}: ${res.statusCode}`);
        if (res.body.includes('<script>alert(1)</script>') || res.body.includes('<img src=x onerror')) failures.push(`${url.slice(0, 60)}: reflected markup`);
      }
    }
    figures.pages = tried;
    expect(failures, `${failures.length} of ${tried}`).toEqual([]);
    console.info(`bad input: ${tried} requests to public pages`);
  });
});

describe('bad input to the conversions webhook', () => {
  const sign = (raw: string, at = Math.floor(Date.now() / 1000), key = entra.app.config.conversions.secretKey ?? '') =>
    `t=${at},v1=${createHmac('sha256', key).update(`${at}.${raw}`, 'utf8').digest('hex')}`;
  const post = (raw: string, signature: string | undefined, contentType = 'application/json') =>
    inject({ method: 'POST', url: '/api/conversions', payload: raw, headers: { 'content-type': contentType, ...(signature !== undefined ? { 'advocacy-signature': signature } : {}) } });
  const VALID = { kind: 'lead', externalId: 'crm-1', occurredAt: '2026-12-01T10:00:00Z', linkCode: 'NoSuchCode12', amount: '10.00', currency: 'EUR' };

  it('unsigned, badly signed, malformed and hostile payloads: 4xx with a reason, no conversion stored', async () => {
    const prefix = entra.app.config.tablePrefix;
    const before = await countTables(prefix);
    const failures: string[] = [];
    const raw = JSON.stringify(VALID);
    const attempts: Array<[string, Promise<LightMyRequestResponse | undefined>]> = [
      ['no signature', post(raw, undefined)],
      ['garbage signature', post(raw, 'nonsense')],
      ['wrong key', post(raw, sign(raw, undefined, 'not-the-key'))],
      ['stale timestamp', post(raw, sign(raw, Math.floor(Date.now() / 1000) - 3_600))],
      ['signature of another body', post(raw, sign('{}'))],
      ['odd hex', post(raw, 't=1,v1=zz')],
      ['over 64 KB', post(JSON.stringify({ ...VALID, externalId: 'x'.repeat(70_000) }), undefined)],
      ...MALFORMED_BODIES.filter((b) => b.payload.length < 60_000).map((b): [string, Promise<LightMyRequestResponse | undefined>] => [`signed ${b.label}`, post(b.payload, sign(b.payload), b.contentType)]),
    ];
    for (const field of Object.keys(VALID)) {
      for (const value of HOSTILE_VALUES) {
        const body = JSON.stringify({ ...VALID, [field]: value });
        attempts.push([`signed ${field}=${JSON.stringify(value)?.slice(0, 20)}`, post(body, sign(body))]);
      }
    }
    for (const [label, pending] of attempts) failures.push(...problemsOf(label, await pending, false));
    figures.webhook = attempts.length;
    expect(failures, `${failures.length} of ${attempts.length}`).toEqual([]);
    expect(diffCounts(withoutBookkeeping(before), withoutBookkeeping(await countTables(prefix))), 'tables written').toEqual([]);
    console.info(`bad input: ${attempts.length} webhook requests`);
  });
});

/** Run a card action as the enrolled employee; the invoke's answer. */
async function press(verb: string, data: unknown): Promise<{ status: number; card?: Record<string, unknown>; raw: string }> {
  const activity = chat.cardAction(verb, data as Record<string, unknown>);
  const res = await entra.app.server.inject({ method: 'POST', url: '/api/messages', payload: activity });
  const body = (() => {
    try {
      return res.json() as { statusCode?: number; type?: string; value?: Record<string, unknown> };
    } catch {
      return {};
    }
  })();
  return { status: res.statusCode, ...(body.type === 'application/vnd.microsoft.card.adaptive' && body.value ? { card: body.value } : {}), raw: res.body.slice(0, 160) };
}

const CARD_FIELDS: Record<string, Record<string, unknown>> = {
  [CARD_VERBS.sharePrepare]: { promptCode: 'AbCdEf123456', network: 'linkedin', shownNetwork: 'linkedin', text: 'words' },
  [CARD_VERBS.shareEdit]: { promptCode: 'AbCdEf123456', stage: 'open', network: 'x' },
  [CARD_VERBS.shareRefresh]: { promptCode: 'AbCdEf123456', stage: 'ready' },
  [CARD_VERBS.shareSkip]: { promptCode: 'AbCdEf123456', reason: 'other' },
  [CARD_VERBS.shareLater]: { promptCode: 'AbCdEf123456' },
  [CARD_VERBS.shareStart]: { contentId: 'no-such-item', campaignId: 'no-such-campaign' },
  [CARD_VERBS.policyAccept]: { version: 99, then: { contentId: 'no-such-item' } },
  [CARD_VERBS.trainingStart]: { moduleId: 'no-such-module' },
  [CARD_VERBS.trainingComplete]: { moduleId: 'no-such-module' },
  [CARD_VERBS.trainingLater]: { moduleId: 'no-such-module' },
  [CARD_VERBS.auditSubmit]: { audience_linkedin: '10', postsPerMonth: '2', goals: 'visibility', learningStyle: 'video', topics: '', wantsToGrow: 'true', noPrompts: 'true' },
};

/** A smaller set per card field (a card action is a whole bot turn): every kind of hostile value once. */
const CARD_VALUES: readonly unknown[] = [
  ...HOSTILE_STRINGS.filter((_, i) => [2, 3, 5, 6, 10, 12, 15].includes(i)),
  -1, true, null, { $ne: null },
];

describe('bad input to card actions', () => {
  it('every verb with forged or wrong-typed payloads: an Adaptive Card back (notice or the form again), nothing written', { timeout: 120_000 }, async () => {
    const prefix = entra.app.config.tablePrefix;
    const before = await countTables(prefix);
    const failures: string[] = [];
    let tried = 0;
    for (const verb of Object.values(CARD_VERBS)) {
      const fields = CARD_FIELDS[verb] ?? {};
      const payloads: unknown[] = [null, [], 'text', 42, {}, ...WRONG_TYPES];
      for (const field of Object.keys(fields)) {
        // The audit card's own answers are valid ones: only its fields are mutated, never all of it valid.
        for (const value of CARD_VALUES) payloads.push({ ...fields, [field]: value, ...(verb === CARD_VERBS.auditSubmit ? { postsPerMonth: '-3' } : {}) });
      }
      for (let i = 0; i < payloads.length; i += 6) {
        const batch = payloads.slice(i, i + 6);
        const answers = await Promise.all(batch.map((data) => press(verb, data)));
        answers.forEach((answer, j) => {
          if (answer.status !== 200 || !answer.card) failures.push(`${verb} ${JSON.stringify(batch[j])?.slice(0, 60)}: ${answer.status} ${answer.raw}`);
        });
        tried += batch.length;
      }
    }
    figures.cards = tried;
    expect(failures, `${failures.length} of ${tried}`).toEqual([]);
    expect(diffCounts(withoutBookkeeping(before), withoutBookkeeping(await countTables(prefix))), 'tables written').toEqual([]);
    console.info(`bad input: ${tried} card actions over ${Object.values(CARD_VERBS).length} verbs`);
  });
});

describe('properties (fast-check)', () => {
  const jsonish = fc.oneof(fc.jsonValue(), fc.constantFrom(...HOSTILE_VALUES), fc.string({ unit: 'binary', maxLength: 200 }));

  it('any path parameter, query and JSON body on any write route: never a 5xx, never accepted', { timeout: 120_000 }, async () => {
    const rows = API_ROWS.filter(isWrite);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...rows), fc.string({ unit: 'binary', maxLength: 60 }), fc.dictionary(fc.constantFrom(...QUERY_KEYS), fc.string({ unit: 'binary', maxLength: 40 }), { maxKeys: 3 }), jsonish, async (row, param, query, body) => {
        const indexes = paramIndexes(row);
        const url = indexes.length > 0 ? withSegment(row, indexes[0]!, param) : row.request.url;
        const qs = Object.entries(query).map(([k, v]) => `${k}=${encodeAny(v)}`).join('&');
        const res = await inject({ method: methodOf(row), url: `${url}${qs ? `${url.includes('?') ? '&' : '?'}${qs}` : ''}`, headers: { ...admin, 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });
        const problems = problemsOf(row.route, res, false);
        if (problems.length > 0) throw new Error(problems.join('; '));
      }),
      { numRuns: 150 },
    );
  });

  it('any value in any field of a valid card payload: an Adaptive Card back, never an error', async () => {
    const verbs = Object.keys(CARD_FIELDS);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...verbs), fc.nat(), jsonish, async (verb, pick, value) => {
        const fields = CARD_FIELDS[verb]!;
        const keys = Object.keys(fields);
        const field = keys[pick % keys.length]!;
        const answer = await press(verb, { ...fields, [field]: value, ...(verb === CARD_VERBS.auditSubmit ? { noPrompts: 'maybe' } : {}) });
        if (answer.status !== 200 || !answer.card) throw new Error(`${verb} ${field}: ${answer.status} ${answer.raw}`);
      }),
      { numRuns: 100 },
    );
  });
});
