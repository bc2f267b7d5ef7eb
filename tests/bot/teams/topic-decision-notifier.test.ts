/**
 * A decided topic-role proposal reaches the person's chat, on the whole app (Azurite, real
 * services and routes) with Teams replaced by the local connector: accepted -> one card in their
 * personal conversation, in their language, with the new role, the hub and a link to it; two
 * decisions on one proposal at the same moment -> one wins, one card; two people decided at the
 * same moment -> one card each, each in their own chat; accepted after a promotion meanwhile ->
 * the card names the higher role they hold; a person without a conversation
 * reference -> the decision is stored and answered 200, and nothing is sent anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { cardTexts, checkAdaptiveCard } from '../../support/cards.js';
import { startConnectorServer, type ConnectorServer } from '../../support/connector-server.js';
import { makeEmployee } from '../../support/fixtures.js';
import { topics as topicsCatalogs } from '../../../src/shared/i18n/catalogs/topics/index.js';

let test: TestApp;
let connector: ConnectorServer;
let tenant: string;
const HUB = 'social-selling';
const PEOPLE = [
  { id: 'td-ja', language: 'ja', chat: true },
  { id: 'td-it', language: 'it', chat: true },
  { id: 'td-ru', language: 'ru', chat: true },
  { id: 'td-none', language: 'en', chat: false },
] as const;

beforeAll(async () => {
  connector = await startConnectorServer({ rateLimits: false });
  test = await startTestApp();
  tenant = test.app.config.auth.mode === 'dev' ? test.app.config.auth.tenantId : '';
  const repos = test.app.repositories;
  await repos.employees.upsertMany(PEOPLE.map((p) => makeEmployee({ id: p.id, tenantId: tenant, displayName: `Person ${p.id}`, language: p.language, roles: ['employee'], topics: [], policyVersionAcknowledged: 1 })));
  for (const p of PEOPLE.filter((x) => x.chat)) {
    await repos.conversationReferences.upsert({
      tenantId: tenant,
      employeeId: p.id,
      reference: JSON.stringify({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: `a:${p.id}`, conversationType: 'personal', tenantId: tenant }, user: { id: `29:${p.id}`, aadObjectId: p.id }, bot: { id: '28:bot', name: 'Advocacy Hub' } }),
      updatedAt: new Date().toISOString(),
    });
  }
}, 120_000);

afterAll(async () => {
  await test?.close();
  await connector?.stop();
});

async function call(as: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
  const res = await fetch(`${test.baseUrl}${path}`, {
    method,
    headers: { 'x-dev-user': as, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function propose(who: string, role: string): Promise<string> {
  const res = await call(who, 'POST', `/api/topics/${HUB}/proposals`, { role });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** The cards the connector received in one person's conversation. */
const cardsIn = (conversationId: string) =>
  connector.sent
    .filter((s) => s.conversationId === conversationId && s.activity.type === 'message')
    .flatMap((s) => ((s.activity.attachments as Array<{ contentType: string; content: unknown }> | undefined) ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));

describe('topic decisions reach the person in chat', () => {
  it('accepted: one card in their conversation, their language, the new role, the hub and its link', async () => {
    const id = await propose('td-ja', 'social-mind');
    const res = await call('demo-admin', 'POST', `/api/admin/topics/proposals/${id}/accept`);
    expect(res.status).toBe(200);
    const cards = cardsIn('a:td-ja');
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(checkAdaptiveCard(card).errors).toEqual([]);
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain('ソーシャルセリング のソーシャルマインドになりました');
    expect(JSON.stringify(card)).toContain(`/tab/#/topics/${HUB}`);
    expect(connector.sent.filter((s) => s.conversationId !== 'a:td-ja' && s.conversationId.startsWith('a:td-'))).toEqual([]);
  });

  it('two decisions on one proposal at the same moment: one is stored, one card', async () => {
    const id = await propose('td-it', 'social-mind');
    const [accept, decline] = await Promise.all([
      call('demo-admin', 'POST', `/api/admin/topics/proposals/${id}/accept`),
      call('demo-admin', 'POST', `/api/admin/topics/proposals/${id}/decline`, { reason: 'Una volta sola, per favore.' }),
    ]);
    expect([accept.status, decline.status].sort()).toEqual([200, 409]);
    const cards = cardsIn('a:td-it');
    expect(cards).toHaveLength(1);
    const texts = cardTexts(cards[0]).join('\n');
    if (accept.status === 200) expect(texts).toContain('Ora sei');
    else expect(texts).toContain('Una volta sola, per favore.');
  });

  it('two people decided at the same moment: one card each, each in their own chat', async () => {
    const [ru, ja] = await Promise.all([propose('td-ru', 'subject-matter-expert'), propose('td-ja', 'thought-leader')]);
    const before = { ru: cardsIn('a:td-ru').length, ja: cardsIn('a:td-ja').length };
    const [a, b] = await Promise.all([
      call('demo-admin', 'POST', `/api/admin/topics/proposals/${ru}/decline`, { reason: 'Сначала выступите на внутренней встрече.' }),
      call('demo-admin', 'POST', `/api/admin/topics/proposals/${ja}/accept`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(cardsIn('a:td-ru').length - before.ru).toBe(1);
    expect(cardsIn('a:td-ja').length - before.ja).toBe(1);
    expect(cardTexts(cardsIn('a:td-ru').at(-1)).join('\n')).toContain('Сначала выступите на внутренней встрече.');
    expect(cardTexts(cardsIn('a:td-ja').at(-1)).join('\n')).toContain('ソーシャルセリング のソートリーダーになりました');
  });

  it('accepted after a promotion meanwhile: the card names the role they now hold', async () => {
    const id = await propose('td-ru', 'social-mind');
    expect((await call('demo-admin', 'PUT', `/api/admin/topics/${HUB}/roles/td-ru`, { role: 'spokesperson' })).status).toBe(200);
    const before = cardsIn('a:td-ru').length;
    expect((await call('demo-admin', 'POST', `/api/admin/topics/proposals/${id}/accept`)).status).toBe(200);
    expect(cardsIn('a:td-ru').length - before).toBe(1);
    expect(JSON.stringify(cardsIn('a:td-ru').at(-1))).toContain(`"value":"${topicsCatalogs.ru.role.spokesperson}"`);
  });

  it('a person without a chat with the bot: the decision is stored, nothing is sent, nothing fails', async () => {
    const sentBefore = connector.sent.length;
    const id = await propose('td-none', 'social-mind');
    const res = await call('demo-admin', 'POST', `/api/admin/topics/proposals/${id}/decline`, { reason: 'Not this quarter.' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('declined');
    expect(connector.sent.length).toBe(sentBefore);
    const mine = await call('td-none', 'GET', '/api/topics/proposals/mine');
    expect(JSON.stringify(mine.body)).toContain('Not this quarter.');
  });
});
