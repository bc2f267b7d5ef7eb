/**
 * The Admin API on the whole app (dev-mode auth, real services, Azurite, the local connector for
 * the bot's messages): every admin route refused to employees, trainers and executives; a
 * coordinator only on content and suggestions; content lifecycle; the suggestions queue with
 * blocked phrases flagged and the rejection told to the person; settings with before/after;
 * the webhook key shown once; roles; a new policy version asked again through the bot; and every
 * admin write found in the audit log.
 */
import { createHmac } from 'node:crypto';
import { createLinkCodes } from '../../../src/bot/services/link-codes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminContentItemSchema, AdminSettingsSchema, AdminSuggestionListSchema, AdminPolicyViewSchema } from '../../../src/shared/contracts/admin.js';
import { MySuggestionsSchema } from '../../../src/shared/contracts/suggestions.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { startConnectorServer, type ConnectorServer } from '../../support/connector-server.js';
import { makeEmployee } from '../../support/fixtures.js';
import { cardsOf } from '../../support/replies.js';
import { cardTexts } from '../../support/cards.js';

let test: TestApp;
let connector: ConnectorServer;
let tenant: string;

beforeAll(async () => {
  connector = await startConnectorServer();
  test = await startTestApp();
  tenant = test.app.config.auth.mode === 'dev' ? test.app.config.auth.tenantId : '';
  const repos = test.app.repositories;
  await repos.employees.upsertMany([
    makeEmployee({ id: 'adm-coord', tenantId: tenant, displayName: 'Cora Coordinator', roles: ['coordinator', 'employee'] }),
    makeEmployee({ id: 'adm-suggester', tenantId: tenant, displayName: 'Sam Suggester', language: 'ja', roles: ['employee'], policyVersionAcknowledged: 1 }),
  ]);
  await repos.conversationReferences.upsert({
    tenantId: tenant,
    employeeId: 'adm-suggester',
    reference: JSON.stringify({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: 'a:adm-suggester', conversationType: 'personal', tenantId: tenant }, user: { id: '29:adm-suggester', aadObjectId: 'adm-suggester' }, bot: { id: '28:bot', name: 'Advocacy Hub' } }),
    updatedAt: new Date().toISOString(),
  });
}, 120_000);

afterAll(async () => {
  await test?.close();
  await connector?.stop();
});

function call(as: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown) {
  return fetch(`${test.baseUrl}${path}`, {
    method,
    headers: { 'x-dev-user': as, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const CONTENT = {
  url: 'https://news.contoso.example/admin-test',
  title: 'Admin test article',
  summary: 'A summary',
  language: 'en',
  category: 'company',
  topics: ['employee-advocacy'],
  suggestedTexts: [{ network: 'linkedin', language: 'en', variants: ['Worth reading. Uganda Telegram data inside!'] }],
};
const SETTINGS = { quietHours: { start: 21, end: 7 }, weeklyPromptCap: 4, defaultWorkingDays: [1, 2, 3, 4, 5], disclosureLine: 'I work at Contoso.', blockedPhrases: ['Uganda Telegram data', '乌干达电报数据', 'guaranteed clicks'], aiHelp: true };

const COORDINATOR_ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/api/admin/content'],
  ['POST', '/api/admin/content', CONTENT],
  ['PUT', '/api/admin/content/c-none', CONTENT],
  ['POST', '/api/admin/content/c-none/transition', { action: 'approve' }],
  ['GET', '/api/admin/suggestions'],
  ['POST', '/api/admin/suggestions/none/approve'],
  ['POST', '/api/admin/suggestions/none/reject', { reason: 'no' }],
];
const ADMIN_ONLY_ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/api/admin/settings'],
  ['PUT', '/api/admin/settings', SETTINGS],
  ['POST', '/api/admin/settings/webhook-secret'],
  ['GET', '/api/admin/people'],
  ['PUT', '/api/admin/people/demo-employee/roles', { roles: ['employee'] }],
  ['GET', '/api/admin/policy'],
  ['POST', '/api/admin/policy/versions', { title: 'x', summary: 'y', body: 'z' }],
  ['GET', '/api/admin/audit'],
  ['GET', '/api/admin/people/demo-employee/export'],
  ['GET', '/api/admin/audit?format=csv'],
];

describe('roles', () => {
  it.each(['demo-employee', 'demo-trainer', 'demo-exec'])('refuses every admin route to %s', async (who) => {
    for (const [method, path, body] of [...COORDINATOR_ROUTES, ...ADMIN_ONLY_ROUTES]) {
      const res = await call(who, method as 'GET', path, body);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
    }
  });

  it('lets a coordinator use content and suggestions only', async () => {
    for (const [method, path, body] of COORDINATOR_ROUTES) {
      const res = await call('adm-coord', method as 'GET', path, body);
      expect(res.status, `${method} ${path}`).not.toBe(403);
    }
    for (const [method, path, body] of ADMIN_ONLY_ROUTES) {
      const res = await call('adm-coord', method as 'GET', path, body);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
    }
  });
});

describe('content', () => {
  it('creates a draft, flags a blocked phrase, edits and walks the lifecycle', async () => {
    const created = await call('demo-admin', 'POST', '/api/admin/content', CONTENT);
    expect(created.status).toBe(201);
    const item = AdminContentItemSchema.parse(await created.json());
    expect(item.status).toBe('draft');
    expect(item.flaggedPhrases).toEqual(['Uganda Telegram data']);
    expect(item.actions).toEqual(['approve']);

    expect((await call('demo-admin', 'POST', `/api/admin/content/${item.id}/transition`, { action: 'publish' })).status).toBe(409);
    const edited = await call('demo-admin', 'PUT', `/api/admin/content/${item.id}`, { ...CONTENT, suggestedTexts: [{ network: 'x', language: 'en', variants: ['Clean text now'] }] });
    expect(AdminContentItemSchema.parse(await edited.json()).flaggedPhrases).toEqual([]);
    for (const [action, status] of [['approve', 'approved'], ['publish', 'published'], ['expire', 'expired']] as const) {
      const res = await call('adm-coord', 'POST', `/api/admin/content/${item.id}/transition`, { action });
      expect(res.status).toBe(200);
      expect(AdminContentItemSchema.parse(await res.json()).status).toBe(status);
    }
    expect((await call('demo-admin', 'PUT', `/api/admin/content/${item.id}`, CONTENT)).status).toBe(409);

    const list = await call('demo-admin', 'GET', '/api/admin/content?status=expired&q=admin%20test');
    expect(((await list.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual([item.id]);
  });

  it('refuses bad input with a clear error', async () => {
    const res = await call('demo-admin', 'POST', '/api/admin/content', { ...CONTENT, url: 'javascript:alert(1)', expiresAt: 'soon' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/url/);
    expect((await call('demo-admin', 'POST', '/api/admin/content', { ...CONTENT, extra: 1 })).status).toBe(400);
  });
});

describe('suggestions queue', () => {
  it('flags blocked phrases (also CJK), rejects with a reason told to the person, approves into a draft', async () => {
    const spam = await call('adm-suggester', 'POST', '/api/suggestions', { url: 'https://spam.example/x', why: '便宜的乌干达电报数据，快来' });
    const good = await call('adm-suggester', 'POST', '/api/suggestions', { url: 'https://news.example/good', why: 'Great piece on advocacy' });
    const spamId = ((await spam.json()) as { id: string }).id;
    const goodId = ((await good.json()) as { id: string }).id;

    const queue = AdminSuggestionListSchema.parse(await (await call('adm-coord', 'GET', '/api/admin/suggestions')).json());
    const flagged = queue.suggestions.find((s) => s.id === spamId);
    expect(flagged?.flaggedPhrases).toEqual(['乌干达电报数据']);
    expect(flagged?.suggesterName).toBe('Sam Suggester');
    expect(queue.suggestions.find((s) => s.id === goodId)?.flaggedPhrases).toEqual([]);

    expect((await call('adm-coord', 'POST', `/api/admin/suggestions/${spamId}/reject`, { reason: '' })).status).toBe(400);
    const rejected = await call('adm-coord', 'POST', `/api/admin/suggestions/${spamId}/reject`, { reason: 'Spam phrase' });
    expect(rejected.status).toBe(200);
    expect(((await rejected.json()) as { notified: string }).notified).toBe('sent');
    const message = await connector.waitFor((s) => s.conversationId === 'a:adm-suggester' && typeof s.activity.text === 'string' && s.activity.text.includes('Spam phrase'));
    expect(message.activity.text).toContain('https://spam.example/x');
    expect(message.activity.text).not.toContain('notice.rejected');
    expect((await call('adm-coord', 'POST', `/api/admin/suggestions/${spamId}/approve`)).status).toBe(409);

    const approved = await call('demo-admin', 'POST', `/api/admin/suggestions/${goodId}/approve`);
    const { contentId } = (await approved.json()) as { contentId: string };
    const draft = await test.app.repositories.content.get(tenant, contentId);
    expect(draft.value).toMatchObject({ status: 'draft', url: 'https://news.example/good', submittedBy: 'adm-suggester', language: 'ja' });

    const mine = MySuggestionsSchema.parse(await (await call('adm-suggester', 'GET', '/api/suggestions/mine')).json());
    expect(mine.suggestions.find((s) => s.id === spamId)).toMatchObject({ status: 'rejected', decisionReason: 'Spam phrase' });
    expect(mine.suggestions.find((s) => s.id === goodId)).toMatchObject({ status: 'approved', contentId });
  });
});

describe('settings, people and policy (admin)', () => {
  it('saves settings with before/after, cleans phrases, shows the webhook key once', async () => {
    const before = AdminSettingsSchema.parse(await (await call('demo-admin', 'GET', '/api/admin/settings')).json());
    expect(before.blockedPhrases).toEqual(expect.arrayContaining(['Uganda Telegram data', '乌干达电报数据']));
    expect((await call('demo-admin', 'PUT', '/api/admin/settings', { ...SETTINGS, weeklyPromptCap: 99 })).status).toBe(400);
    const saved = await call('demo-admin', 'PUT', '/api/admin/settings', { ...SETTINGS, blockedPhrases: [...SETTINGS.blockedPhrases, ' GUARANTEED clicks ', ''] });
    expect(saved.status).toBe(200);
    expect(AdminSettingsSchema.parse(await saved.json()).blockedPhrases).toEqual(SETTINGS.blockedPhrases);

    const rotated = (await (await call('demo-admin', 'POST', '/api/admin/settings/webhook-secret')).json()) as { secret: string };
    expect(rotated.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    const after = await (await call('demo-admin', 'GET', '/api/admin/settings')).text();
    expect(after).not.toContain(rotated.secret);
    expect(AdminSettingsSchema.parse(JSON.parse(after)).webhookSecretSet).toBe(true);

    // The conversions webhook accepts the tenant's rotated key (besides the server key) for that tenant's links only.
    // A real link code carries its tag (link-codes.ts): an unsigned body naming a made-up code costs no read.
    const admwh1 = createLinkCodes().sign('admwh100');
    await test.app.repositories.trackedLinks.create({ code: admwh1, tenantId: tenant, targetUrl: 'https://news.contoso.example/x', shareId: 'adm-share', employeeId: 'adm-suggester', contentId: 'adm-content', network: 'linkedin', createdAt: new Date().toISOString() });
    const webhook = (code: string, key: string) => {
      const body = JSON.stringify({ kind: 'lead', externalId: `adm-${code}-${key.length}`, occurredAt: new Date().toISOString(), linkCode: code });
      const t = Math.floor(Date.now() / 1000);
      const signature = `t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
      return fetch(`${test.baseUrl}/api/conversions`, { method: 'POST', headers: { 'content-type': 'application/json', 'advocacy-signature': signature }, body });
    };
    expect([200, 201]).toContain((await webhook(admwh1, rotated.secret)).status);
    expect((await webhook(admwh1, `${rotated.secret}x`)).status).toBe(401);
    expect((await webhook('unknown-code', rotated.secret)).status).toBe(401);

    const audit = await (await call('demo-admin', 'GET', '/api/admin/audit?limit=500')).text();
    expect(audit).not.toContain(rotated.secret);
    const entries = (JSON.parse(audit) as { entries: Array<{ action: string; status: number; before?: { weeklyPromptCap?: number }; after?: { weeklyPromptCap?: number } }> }).entries;
    const change = entries.find((e) => e.action === 'PUT /api/admin/settings' && e.status === 200);
    expect(change?.before?.weeklyPromptCap).toBe(before.weeklyPromptCap);
    expect(change?.after?.weeklyPromptCap).toBe(4);
  });

  it('exports one person\'s data as JSON', async () => {
    const res = await call('demo-admin', 'GET', '/api/admin/people/adm-suggester/export');
    expect(res.status).toBe(200);
    const data = (await res.json()) as { employee: { id: string }; botChat: { installed: boolean }; suggestions: Array<{ url: string }>; shares: unknown[]; goals: unknown[]; wins: unknown[]; training: unknown[]; policyAcknowledgements: unknown[] };
    expect(data.employee.id).toBe('adm-suggester');
    expect(data.botChat.installed).toBe(true);
    expect(JSON.stringify(data)).not.toContain(connector.serviceUrl);
    expect(data.suggestions.map((s) => s.url)).toEqual(expect.arrayContaining(['https://spam.example/x', 'https://news.example/good']));
    for (const key of ['shares', 'goals', 'wins', 'training', 'policyAcknowledgements'] as const) expect(Array.isArray(data[key])).toBe(true);
    expect((await call('demo-admin', 'GET', '/api/admin/people/nobody-here/export')).status).toBe(404);
  });

  it('edits roles, never the caller out of admin', async () => {
    expect((await call('demo-admin', 'PUT', '/api/admin/people/adm-suggester/roles', { roles: ['employee', 'trainer'] })).status).toBe(200);
    expect((await test.app.repositories.employees.get(tenant, 'adm-suggester')).value.roles).toEqual(['employee', 'trainer']);
    expect((await call('demo-admin', 'PUT', '/api/admin/people/adm-suggester/roles', { roles: ['boss'] })).status).toBe(400);
    expect((await call('demo-admin', 'PUT', '/api/admin/people/demo-admin/roles', { roles: ['employee'] })).status).toBe(409);
    expect((await call('demo-admin', 'PUT', '/api/admin/people/nobody-here/roles', { roles: ['employee'] })).status).toBe(404);
    await call('demo-admin', 'PUT', '/api/admin/people/adm-suggester/roles', { roles: ['employee'] });
  });

  it('publishes a new policy version and the bot asks again', async () => {
    const before = AdminPolicyViewSchema.parse(await (await call('demo-admin', 'GET', '/api/admin/policy')).json());
    const res = await call('demo-admin', 'POST', '/api/admin/policy/versions', { title: 'Social media policy', summary: 'Updated: disclose AI help.', body: '# Policy\n\nBe yourself. Disclose AI help.' });
    expect(res.status).toBe(201);
    const result = (await res.json()) as { version: number; asked: number };
    expect(result.version).toBe((before.current ?? 0) + 1);
    expect(result.asked).toBeGreaterThanOrEqual(1);
    const card = await connector.waitFor((s) => s.conversationId === 'a:adm-suggester' && cardsOf(s).some((c) => cardTexts(c).join(' ').includes('Updated: disclose AI help.')), 10_000);
    expect(cardsOf(card).length).toBe(1);
    const view = AdminPolicyViewSchema.parse(await (await call('demo-admin', 'GET', '/api/admin/policy')).json());
    expect(view.current).toBe(result.version);
    expect(view.versions[0]).toMatchObject({ version: result.version, acknowledged: 0 });
    expect(view.people.find((p) => p.id === 'adm-suggester')?.acknowledgedVersion).toBe(1);
  });

  it('publishes translations with a version: each person is asked in their language, English for the rest', async () => {
    const english = { title: 'Social media policy', summary: 'Version with translations.', body: '# Policy\n\nBe yourself.' };
    const bad = await call('demo-admin', 'POST', '/api/admin/policy/versions', { ...english, translations: { fr: english } });
    expect(bad.status).toBe(400);
    const res = await call('demo-admin', 'POST', '/api/admin/policy/versions', { ...english, translations: { ja: { title: 'ソーシャルメディアポリシー', summary: '翻訳付きの版です。', body: '# ポリシー\n\nあなたらしく。' } } });
    expect(res.status).toBe(201);
    const { version } = (await res.json()) as { version: number };
    const card = await connector.waitFor((s) => s.conversationId === 'a:adm-suggester' && cardsOf(s).some((c) => cardTexts(c).join(' ').includes('翻訳付きの版です。')), 10_000);
    expect(cardTexts(cardsOf(card)[0]!).join(' ')).not.toContain('Version with translations.');
    const stored = (await test.app.repositories.policies.list(tenant)).find((p) => p.version === version);
    expect(Object.keys(stored?.texts ?? {}).sort()).toEqual(['en', 'ja']);
  });
});

describe('audit', () => {
  it('records every admin write', async () => {
    const entries = ((await (await call('demo-admin', 'GET', '/api/admin/audit?limit=2000')).json()) as { entries: Array<{ action: string; actorId: string; status: number }> }).entries;
    const ok = new Set(entries.filter((e) => e.status < 300).map((e) => e.action));
    for (const action of [
      'POST /api/admin/content',
      'PUT /api/admin/content/:id',
      'POST /api/admin/content/:id/transition',
      'POST /api/admin/suggestions/:id/approve',
      'POST /api/admin/suggestions/:id/reject',
      'PUT /api/admin/settings',
      'POST /api/admin/settings/webhook-secret',
      'PUT /api/admin/people/:id/roles',
      'POST /api/admin/policy/versions',
    ]) expect(ok, action).toContain(action);
    expect(entries.some((e) => e.actorId === 'demo-employee' && e.status === 403 && e.action === 'PUT /api/admin/settings')).toBe(true);
  });
});
