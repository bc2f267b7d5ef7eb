/**
 * The board's API on the whole app (real auth in dev identity mode, real services, Azurite):
 * relevance ranking and filters, the share panel (same prompt, texts, door and policy gate as the
 * card), "Not for me", suggestions; role checks (unenrolled 403) and a person acting only for
 * themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src/bot/services/ports.js';
import { measureSharePost, SharePanelSchema } from '../../../src/shared/contracts/board-share.js';
import { AdminSettingsSchema } from '../../../src/shared/contracts/admin.js';
import { BoardResponseSchema } from '../../../src/shared/contracts/board.js';
import { MySuggestionsSchema, SuggestionSchema } from '../../../src/shared/contracts/suggestions.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

const TENANT = 'local-tenant';
const CREATED = new Date(Date.now() - 3 * 86_400_000).toISOString();

let test: TestApp;
let repos: Repositories;

beforeAll(async () => {
  test = await startTestApp();
  repos = test.app.repositories;
  await repos.content.upsertMany(TENANT, [
    makeContentItem('bs-quantum', {
      title: 'Quantum sensing for logistics',
      topics: ['bs-quantum-topic'],
      createdAt: CREATED,
      suggestedTexts: [
        { network: 'x', language: 'ja', variants: ['量子センシングが物流を変えます。ぜひご覧ください。'] },
        { network: 'linkedin', language: 'ja', variants: ['量子センシングについての記事です。'] },
        { network: 'x', language: 'en', variants: ['Quantum sensing is changing logistics.'] },
      ],
    }),
    makeContentItem('bs-teamonly', { title: 'Only for the Finance bs team', targetTeams: ['BS Finance'], createdAt: CREATED }),
    makeContentItem('bs-draft', { status: 'draft', createdAt: CREATED }),
  ]);
  await repos.topics.upsertMany(TENANT, [{ id: 'bs-quantum-topic', name: { en: 'Quantum bs', ja: '量子' } }]);
  await repos.employees.upsertMany([
    makeEmployee({ id: 'bs-amy', tenantId: TENANT, team: 'BS Finance', policyVersionAcknowledged: 1, topics: [{ topicId: 'bs-quantum-topic', role: 'social-mind' }] }),
    makeEmployee({ id: 'bs-ken', tenantId: TENANT, language: 'ja', policyVersionAcknowledged: 1 }),
    makeEmployee({ id: 'bs-new', tenantId: TENANT }),
    makeEmployee({ id: 'bs-none', tenantId: TENANT, roles: [] }),
  ]);
}, 90_000);

afterAll(async () => {
  await test?.close();
});

function call(as: string, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) {
  return fetch(`${test.baseUrl}${path}`, {
    method,
    redirect: 'manual',
    headers: { 'x-dev-user': as, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}
const json = async (res: Response) => (await res.json()) as unknown;

describe('GET /api/board', () => {
  it('ranks what the reader follows and their team first, and marks nothing shared yet', async () => {
    const res = await call('bs-amy', 'GET', '/api/board');
    expect(res.status).toBe(200);
    const body = BoardResponseSchema.parse(await json(res));
    const ids = body.items.map((i) => i.id);
    expect(ids.slice(0, 2)).toEqual(['bs-quantum', 'bs-teamonly']);
    expect(ids).not.toContain('bs-draft');
    expect(body.teams).toContain('BS Finance');
    expect(body.topics).toContain('bs-quantum-topic');
    expect(body.items[0]?.sharedOn).toEqual([]);
  });

  it('filters by topic, team and free text', async () => {
    const byTopic = BoardResponseSchema.parse(await json(await call('bs-ken', 'GET', '/api/board?topic=bs-quantum-topic')));
    expect(byTopic.items.map((i) => i.id)).toEqual(['bs-quantum']);
    const byTeam = BoardResponseSchema.parse(await json(await call('bs-ken', 'GET', '/api/board?team=Sales')));
    expect(byTeam.items.map((i) => i.id)).not.toContain('bs-teamonly');
    expect(byTeam.items.map((i) => i.id)).toContain('bs-quantum');
    const bySearch = BoardResponseSchema.parse(await json(await call('bs-ken', 'GET', `/api/board?q=${encodeURIComponent('量子 logistics')}`)));
    expect(bySearch.items.map((i) => i.id)).toEqual(['bs-quantum']);
  });

  it('refuses unknown parameters (400) and someone not enrolled (403)', async () => {
    expect((await call('bs-amy', 'GET', '/api/board?employee=bs-ken')).status).toBe(400);
    expect((await call('bs-none', 'GET', '/api/board')).status).toBe(403);
    expect((await call('bs-none', 'GET', '/api/board/items/bs-quantum/share')).status).toBe(403);
  });
});

describe('share panel', () => {
  it('offers the suggested text in the person’s language, counted as each network counts it', async () => {
    const res = await call('bs-ken', 'GET', '/api/board/items/bs-quantum/share');
    expect(res.status).toBe(200);
    const panel = SharePanelSchema.parse(await json(res));
    expect(panel.language).toBe('ja');
    expect(panel.policyAcknowledged).toBe(true);
    const x = panel.networks.find((n) => n.network === 'x')!;
    expect(x.text).toContain('量子センシング');
    expect(x.limit).toBe(280);
    expect(x.intentPath).toMatch(/^\/s\/[0-9A-Za-z]{12}\/x$/);
    // The tab's live counter gives the server's figure for the same words (X: CJK x2, URL = 23).
    const measured = measureSharePost(x.text, 'x', x.linkUrl, x.disclosure);
    expect(measured.length).toBe(x.length);
    expect(x.length).toBeGreaterThan(x.text.length + 23);
    expect(panel.history).toEqual([]);
  });

  it('saves an edit, refuses an empty or too long one, and accepts no one else’s fields', async () => {
    const saved = SharePanelSchema.parse(await json(await call('bs-amy', 'PUT', '/api/board/items/bs-quantum/share/x', { text: 'My own words on quantum.' })));
    expect(saved.networks.find((n) => n.network === 'x')?.text).toBe('My own words on quantum.');
    const again = SharePanelSchema.parse(await json(await call('bs-amy', 'GET', '/api/board/items/bs-quantum/share')));
    expect(again.networks.find((n) => n.network === 'x')?.text).toBe('My own words on quantum.');
    expect((await call('bs-amy', 'PUT', '/api/board/items/bs-quantum/share/x', { text: '   ' })).status).toBe(400);
    expect((await call('bs-amy', 'PUT', '/api/board/items/bs-quantum/share/x', { text: '語'.repeat(140) })).status).toBe(400);
    expect((await call('bs-amy', 'PUT', '/api/board/items/bs-quantum/share/x', { text: 'hi', employeeId: 'bs-ken' })).status).toBe(400);
    expect((await call('bs-amy', 'PUT', '/api/board/items/bs-quantum/share/mastodon', { text: 'hi' })).status).toBe(400);
    // Ken's text is untouched by Amy's edit.
    const ken = SharePanelSchema.parse(await json(await call('bs-ken', 'GET', '/api/board/items/bs-quantum/share')));
    expect(ken.networks.find((n) => n.network === 'x')?.text).toContain('量子');
  });

  it('404s for an item that is not on the board', async () => {
    expect((await call('bs-amy', 'GET', '/api/board/items/bs-draft/share')).status).toBe(404);
    expect((await call('bs-amy', 'GET', '/api/board/items/no-such-item/share')).status).toBe(404);
    expect((await call('bs-amy', 'GET', '/api/board/items/bad%20id/share')).status).toBe(400);
  });

  it('shares through the card’s door: tracked, shown in the person’s own history only', async () => {
    const panel = SharePanelSchema.parse(await json(await call('bs-amy', 'GET', '/api/board/items/bs-quantum/share')));
    const x = panel.networks.find((n) => n.network === 'x')!;
    const door = await fetch(`${test.baseUrl}${x.intentPath}`, { redirect: 'manual' });
    expect(door.status).toBe(302);
    const composer = new URL(door.headers.get('location')!);
    expect(composer.origin).toBe('https://x.com');
    expect(composer.searchParams.get('url')).toBe(x.linkUrl);
    expect(composer.searchParams.get('text')).toContain('My own words on quantum.');

    const after = SharePanelSchema.parse(await json(await call('bs-amy', 'GET', '/api/board/items/bs-quantum/share')));
    expect(after.state).toBe('shared');
    expect(after.history).toEqual([{ network: 'x', at: expect.any(String), clicks: 0 }]);
    expect(after.networks.find((n) => n.network === 'x')?.shared).toMatchObject({ clicks: 0 });
    const board = BoardResponseSchema.parse(await json(await call('bs-amy', 'GET', '/api/board?q=quantum')));
    expect(board.items[0]?.sharedOn).toEqual(['x']);

    const ken = SharePanelSchema.parse(await json(await call('bs-ken', 'GET', '/api/board/items/bs-quantum/share')));
    expect(ken.history).toEqual([]);
    expect(ken.state).toBe('open');
  });

  it('tells a person who has not agreed to the policy, and the door refuses them', async () => {
    const panel = SharePanelSchema.parse(await json(await call('bs-new', 'GET', '/api/board/items/bs-quantum/share')));
    expect(panel.policyAcknowledged).toBe(false);
    const door = await fetch(`${test.baseUrl}${panel.networks[0]!.intentPath}`, { redirect: 'manual' });
    expect(door.status).toBe(403);
    expect((await repos.shares.listByEmployee(TENANT, 'bs-new')).length).toBe(0);
  });

  it('"Not for me" with a reason goes through the sharing service', async () => {
    const res = await call('bs-ken', 'POST', '/api/board/items/bs-teamonly/not-for-me', { reason: 'not-relevant' });
    expect(res.status).toBe(200);
    expect(SharePanelSchema.parse(await json(res)).state).toBe('skipped');
    const responses = await repos.contentResponses.listByEmployee(TENANT, 'bs-ken');
    expect(responses.find((r) => r.contentId === 'bs-teamonly')?.kind).toBe('skipped');
    expect((await call('bs-ken', 'POST', '/api/board/items/bs-teamonly/not-for-me', { reason: 'boring' })).status).toBe(400);
  });

  it('never offers "Help me rewrite" without a model (AZURE_OPENAI_* unset), even with AI writing help on', async () => {
    const settings = AdminSettingsSchema.parse(await json(await call('demo-admin', 'GET', '/api/admin/settings')));
    expect(settings.aiModelConfigured).toBe(false);
    const { webhookSecretSet: _set, webhookSecretRotatedAt: _at, aiModelConfigured: _model, ...input } = settings;
    expect((await call('demo-admin', 'PUT', '/api/admin/settings', { ...input, aiHelp: true })).status).toBe(200);
    expect(SharePanelSchema.parse(await json(await call('bs-amy', 'GET', '/api/board/items/bs-quantum/share'))).aiWriting).toBe(false);
    const res = await call('bs-amy', 'POST', '/api/board/items/bs-quantum/rewrite', { network: 'x', text: 'Mine.' });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ error: { code: 'aiWritingOff', details: 'no-model' } });
  });
});

describe('suggestions', () => {
  it('stores a pending suggestion by the caller and lists only their own', async () => {
    const res = await call('bs-amy', 'POST', '/api/suggestions', { url: 'https://example.org/quantum', why: 'Our customers ask about it.', topic: 'bs-quantum-topic' });
    expect(res.status).toBe(201);
    const stored = SuggestionSchema.parse(await json(res));
    expect(stored).toMatchObject({ status: 'pending', suggestedBy: 'bs-amy', url: 'https://example.org/quantum', topic: 'bs-quantum-topic' });

    const mine = MySuggestionsSchema.parse(await json(await call('bs-amy', 'GET', '/api/suggestions/mine')));
    expect(mine.suggestions.map((s) => s.id)).toEqual([stored.id]);
    const kens = MySuggestionsSchema.parse(await json(await call('bs-ken', 'GET', '/api/suggestions/mine')));
    expect(kens.suggestions).toEqual([]);
  });

  it.each([
    [{ url: 'javascript:alert(1)', why: 'x' }],
    [{ url: 'ftp://example.org/file', why: 'x' }],
    [{ url: 'https://user:pw@example.org/', why: 'x' }],
    [{ url: 'https://example.org/', why: '' }],
    [{ url: 'https://example.org/', why: 'x', suggestedBy: 'bs-ken' }],
  ])('refuses %j with 400', async (body) => {
    expect((await call('bs-amy', 'POST', '/api/suggestions', body)).status).toBe(400);
  });

  it('refuses someone not enrolled (403)', async () => {
    expect((await call('bs-none', 'POST', '/api/suggestions', { url: 'https://example.org/', why: 'x' })).status).toBe(403);
    expect((await call('bs-none', 'GET', '/api/suggestions/mine')).status).toBe(403);
  });
});
