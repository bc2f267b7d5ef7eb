/**
 * The whole loop through the real teams-ai Application, Azurite and the local connector: install
 * -> audit -> policy -> first prompt delivered proactively -> edit -> share (the intent's composer
 * URL carries the edited words) -> refreshed card with the share and its clicks; "not for me",
 * "later", pause/resume, the message extension, the policy gate (and a new version), and forged
 * or stale payloads that get a notice and write nothing. State is read back from the tables.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CARD_VERBS } from '../../../src/bot/teams/verbs.js';
import type { StoredPolicy } from '../../../src/bot/services/sharing.ports.js';
import { bot as botCatalogs } from '../../../src/shared/i18n/catalogs/bot/index.js';
import { messageExtensionQuery, type TestChat } from '../../support/activities.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { checkAdaptiveCard } from '../../support/cards.js';
import { makeContentItem } from '../../support/fixtures.js';
import { actionsOf, cardsOf, readText } from '../../support/replies.js';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const TENANT = 'share-flow-tenant';
let harness: BotHarness;

const policy = (version: number): StoredPolicy => ({
  version,
  publishedAt: '2026-11-01T00:00:00.000Z',
  createdAt: '2026-11-01T00:00:00.000Z',
  texts: {
    en: { title: 'Social media policy', summary: `Version ${version}: be yourself, never share confidential information.`, body: '# Policy' },
    ja: { title: 'ソーシャルメディアポリシー', summary: `第${version}版: 自分らしく。機密情報は共有しない。`, body: '# ポリシー' },
  },
});

const ITEMS = ['sustainability-report', 'community-day', 'careers'].map((id, i) =>
  makeContentItem(id, {
    title: ['Our sustainability report: 41% less travel emissions', 'Community Day: 600 volunteers', 'We are hiring 40 engineers'][i],
    summary: 'Summary of the story.',
    topics: ['sustainability'],
    createdAt: `2026-12-0${i + 1}T08:00:00.000Z`,
    suggestedTexts: [
      { network: 'linkedin', language: 'en', variants: [`Suggested LinkedIn text for ${id}.`] },
      { network: 'x', language: 'en', variants: [`Suggested X text for ${id}.`] },
    ],
  }),
);

beforeAll(async () => {
  harness = await startBotHarness({ label: 'shareflow', clock: () => NOW, connector: { rateLimits: false } });
  await harness.repositories.topics.upsertMany(TENANT, [{ id: 'sustainability', name: { en: 'Sustainability', ja: 'サステナビリティ' } }]);
  await harness.repositories.content.upsertMany(TENANT, ITEMS);
  await harness.services.policy.publish(TENANT, policy(1));
});
afterAll(() => harness.stop());
beforeEach(() => harness.connector.reset());

/** Run an Action.Execute and return the card the invoke answered with. */
async function press(chat: TestChat, verb: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await harness.send(chat.cardAction(verb, data, { replyToId: 'card-activity-1' }));
  expect(result.status).toBe(200);
  const body = result.body as { statusCode: number; type: string; value: Record<string, unknown> };
  expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(checkAdaptiveCard(body.value).errors).toEqual([]);
  return body.value;
}

const texts = (card: unknown) => readText({ activity: { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } });
const sentTo = (chat: TestChat) => harness.connector.sent.filter((s) => s.conversationId === chat.conversation.id);

const AUDIT = {
  audience_linkedin: '350', audience_x: '', audience_facebook: '120', postsPerMonth: '2',
  goals: 'visibility,build-skills', learningStyle: 'video', topics: 'sustainability', wantsToGrow: 'true', noPrompts: 'false',
};

/** A new person installed, audited and agreed to the policy; returns the first prompt card. */
async function onboard(chat: TestChat): Promise<{ card: Record<string, unknown>; promptCode: string }> {
  await harness.send(chat.installationUpdate('add'));
  await press(chat, CARD_VERBS.auditSubmit, AUDIT);
  harness.connector.reset();
  const current = await harness.services.policy.current(TENANT, 'en');
  await press(chat, CARD_VERBS.policyAccept, { version: current?.version ?? 1 });
  const delivered = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id && cardsOf(s).length > 0);
  const card = cardsOf(delivered)[0]!;
  const promptCode = String((actionsOf(card).find((a) => a.verb === CARD_VERBS.sharePrepare)?.data as { promptCode: string }).promptCode);
  return { card, promptCode };
}

describe('first run: install -> audit -> policy -> first prompt, no command to learn', () => {
  it('walks a new person through and delivers a real prompt proactively', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    await harness.send(chat.installationUpdate('add'));
    const first = sentTo(chat).flatMap((s) => cardsOf(s)).map((c) => texts(c).split('\n')[0]);
    expect(first).toEqual([botCatalogs.en.welcome.greeting.replace('{{name}}', chat.user.name), botCatalogs.en.audit.title]);

    harness.connector.reset();
    const persona = await press(chat, CARD_VERBS.auditSubmit, AUDIT);
    expect(texts(persona)).toContain('Your persona: Observer');
    expect(texts(persona)).toContain(botCatalogs.en.persona.you);
    const employee = (await harness.repositories.employees.get(TENANT, chat.user.aadObjectId)).value;
    expect(employee.audit).toMatchObject({ audience: { linkedin: 350, facebook: 120 }, postsPerMonth: 2, goals: ['visibility', 'build-skills'], learningStyle: 'video', wantsToGrow: true });
    expect(employee.topics).toEqual([{ topicId: 'sustainability', role: 'social-mind' }]);
    expect(employee.personaHistory.at(-1)).toMatchObject({ persona: 'observer', since: NOW.toISOString() });
    // The policy card came right after the audit (as a new message).
    const policyCard = cardsOf(sentTo(chat)[0])[0];
    expect(texts(policyCard)).toContain('Version 1: be yourself, never share confidential information.');

    harness.connector.reset();
    const agreed = await press(chat, CARD_VERBS.policyAccept, { version: 1 });
    expect(texts(agreed)).toContain('Thank you. You agreed to version 1 on December 3, 2026.');
    expect((await harness.repositories.policies.listAcknowledgements(TENANT, chat.user.aadObjectId))).toEqual([
      { tenantId: TENANT, employeeId: chat.user.aadObjectId, version: 1, at: NOW.toISOString() },
    ]);

    const delivered = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id && cardsOf(s).length > 0);
    expect(delivered.kind).toBe('reply'); // botbuilder's proactive send: a reply to its continuation event
    const prompt = cardsOf(delivered)[0]!;
    expect(texts(prompt)).toContain(ITEMS[2]!.title); // newest item first
    expect(prompt.refresh).toMatchObject({ userIds: [chat.user.id], action: { verb: CARD_VERBS.shareRefresh } });
    expect(checkAdaptiveCard(prompt).errors).toEqual([]);
  });

  it('"I don\'t want prompts" in the audit pauses prompts and sends no policy or prompt', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    await harness.send(chat.installationUpdate('add'));
    harness.connector.reset();
    const persona = await press(chat, CARD_VERBS.auditSubmit, { ...AUDIT, noPrompts: 'true', wantsToGrow: 'false' });
    expect(texts(persona)).toContain(botCatalogs.en.persona.promptsPaused);
    expect(sentTo(chat)).toEqual([]);
    expect((await harness.repositories.employees.get(TENANT, chat.user.aadObjectId)).value.promptsPaused).toBe(true);
    expect(await harness.services.sharing.nextOffer(TENANT, chat.user.aadObjectId, NOW)).toBeUndefined();
  });
});

describe('share prompt card', () => {
  it('edit + share on each network: two clicks to the composer with the edited words; refreshed card shows the share and its clicks', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    const { promptCode } = await onboard(chat);

    const words = { linkedin: 'My own words about our 41% cut in travel emissions', x: 'Short words for X', facebook: 'Words for Facebook friends' };
    for (const network of ['linkedin', 'x', 'facebook'] as const) {
      // Click 1: save the edited text; the card turns to "Open <network>".
      const ready = await press(chat, CARD_VERBS.sharePrepare, { promptCode, network, shownNetwork: 'linkedin', text: words[network] });
      const open = actionsOf(ready).find((a) => a.type === 'Action.OpenUrl' && a.style === 'positive');
      expect(open?.url).toBe(`http://localhost:3978/s/${promptCode}/${network}`);
      expect(texts(ready)).toContain(words[network]);
      // Click 2: the intent door records the share and answers with the composer.
      const outcome = await harness.services.sharing.openIntent(promptCode, network, NOW);
      if (network === 'facebook') {
        expect(outcome).toMatchObject({ kind: 'copy-then-continue', text: expect.stringContaining(words.facebook) });
        expect(outcome.kind === 'copy-then-continue' && outcome.location).toMatch(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/);
      } else {
        expect(outcome.kind).toBe('redirect');
        const location = outcome.kind === 'redirect' ? outcome.location : '';
        expect(location).toMatch(network === 'linkedin' ? /^https:\/\/www\.linkedin\.com\/feed\/\?shareActive=true&text=/ : /^https:\/\/x\.com\/intent\/post\?text=/);
        expect(new URL(location).searchParams.get('text')).toContain(words[network]);
      }
    }
    const shares = await harness.repositories.shares.listByEmployee(TENANT, chat.user.aadObjectId);
    expect(shares.map((s) => [s.network, s.text.startsWith(words[s.network])]).sort()).toEqual([['facebook', true], ['linkedin', true], ['x', true]]);

    const refreshed = await press(chat, CARD_VERBS.shareRefresh, { promptCode });
    expect(texts(refreshed)).toEqual(expect.stringContaining('✅ Shared on LinkedIn'));
    expect(texts(refreshed)).toEqual(expect.stringContaining('Clicks so far: 0'));
    expect(actionsOf(refreshed).some((a) => a.verb === CARD_VERBS.sharePrepare)).toBe(false);
  });

  it('unchanged suggested text of another network is not copied over; too long for X keeps the person\'s words with a message', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    const { card, promptCode } = await onboard(chat);
    const shownText = String(JSON.stringify(card).match(/"id":"text"[^}]*"value":"([^"]*)"/)?.[1]);
    const ready = await press(chat, CARD_VERBS.sharePrepare, { promptCode, network: 'x', shownNetwork: 'linkedin', text: shownText });
    expect(texts(ready)).toContain(botCatalogs.en.share.readyTitle.replace('{{network}}', 'X'));
    const view = await harness.services.sharing.getPrompt(TENANT, chat.user.aadObjectId, promptCode);
    expect(view.networks.find((n) => n.network === 'x')?.text).not.toBe(shownText);

    const long = 'word '.repeat(80).trim();
    const refused = await press(chat, CARD_VERBS.sharePrepare, { promptCode, network: 'x', shownNetwork: 'x', text: long });
    expect(texts(refused)).toMatch(/Too long for X: \d+ \/ 280 characters/);
    expect(JSON.stringify(refused)).toContain(long);
    const after = await harness.services.sharing.getPrompt(TENANT, chat.user.aadObjectId, promptCode);
    expect(after.networks.find((n) => n.network === 'x')?.text).toBe(view.networks.find((n) => n.network === 'x')?.text);
  });

  it('"Not for me" with a reason is stored and the item is never offered again; "Remind me later" snoozes', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    const { promptCode } = await onboard(chat);
    const skipped = await press(chat, CARD_VERBS.shareSkip, { promptCode, reason: 'not-relevant', text: 'ignored input' });
    expect(texts(skipped)).toContain(botCatalogs.en.share.skipped);
    const responses = await harness.repositories.contentResponses.listByEmployee(TENANT, chat.user.aadObjectId);
    expect(responses).toEqual([expect.objectContaining({ contentId: ITEMS[2]!.id, kind: 'skipped' })]);
    const next = await harness.services.sharing.nextOffer(TENANT, chat.user.aadObjectId, NOW);
    expect(next?.id).not.toBe(ITEMS[2]!.id);

    const second = await harness.services.sharing.preparePrompt({ tenantId: TENANT, employeeId: chat.user.aadObjectId, contentId: ITEMS[1]!.id, now: NOW });
    const snoozed = await press(chat, CARD_VERBS.shareLater, { promptCode: second.promptCode });
    expect(texts(snoozed)).toContain(botCatalogs.en.share.snoozed);
    expect((await harness.services.sharing.getPrompt(TENANT, chat.user.aadObjectId, second.promptCode)).state).toBe('snoozed');
  });

  it('forged or stale payloads get a notice card and write nothing', async () => {
    const owner = harness.chat({ tenantId: TENANT });
    const { promptCode } = await onboard(owner);
    const before = await harness.services.sharing.getPrompt(TENANT, owner.user.aadObjectId, promptCode);
    const intruder = harness.chat({ tenantId: TENANT });
    await harness.send(intruder.installationUpdate('add'));

    const attempts: Array<[string, Record<string, unknown>]> = [
      [CARD_VERBS.sharePrepare, { promptCode, network: 'linkedin', shownNetwork: 'linkedin', text: 'hijacked' }],
      [CARD_VERBS.shareSkip, { promptCode }],
      [CARD_VERBS.shareLater, { promptCode }],
      [CARD_VERBS.shareRefresh, { promptCode }],
      [CARD_VERBS.sharePrepare, { promptCode: 'zzzzzzzzzzzzzzzz', network: 'x', shownNetwork: 'x', text: 'x' }],
      [CARD_VERBS.sharePrepare, { promptCode: '../../etc', network: 'myspace', text: 5 }],
      [CARD_VERBS.shareStart, { contentId: 'no-such-item' }],
      [CARD_VERBS.policyAccept, { version: 'one' }],
      [CARD_VERBS.auditSubmit, { postsPerMonth: '-3', learningStyle: 'telepathy' }],
    ];
    for (const [verb, data] of attempts) {
      const card = await press(intruder, verb, data);
      const text = texts(card);
      expect(text, verb).toMatch(new RegExp([botCatalogs.en.notice.staleTitle, botCatalogs.en.audit.invalid.split('(')[0]!.trim()].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')));
    }
    const after = await harness.services.sharing.getPrompt(TENANT, owner.user.aadObjectId, promptCode);
    expect(after).toEqual(before);
    expect(await harness.repositories.contentResponses.listByEmployee(TENANT, owner.user.aadObjectId)).toEqual([]);
    expect((await harness.repositories.employees.get(TENANT, intruder.user.aadObjectId)).value.audit).toBeUndefined();
    expect(harness.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('commands', () => {
  it('pause and resume stop and restart prompts', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    await onboard(chat);
    harness.connector.reset();
    await harness.send(chat.message('pause'));
    expect(readText(sentTo(chat)[0])).toBe(botCatalogs.en.prompts.paused);
    expect((await harness.repositories.employees.get(TENANT, chat.user.aadObjectId)).value.promptsPaused).toBe(true);
    expect(await harness.services.sharing.nextOffer(TENANT, chat.user.aadObjectId, NOW)).toBeUndefined();
    await harness.send(chat.message('resume'));
    expect(readText(sentTo(chat)[1])).toBe(botCatalogs.en.prompts.resumed);
    expect((await harness.repositories.employees.get(TENANT, chat.user.aadObjectId)).value.promptsPaused).toBe(false);
  });

  it('`board` lists the newest items with a Share button each; Share opens the person\'s prompt', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    await onboard(chat);
    harness.connector.reset();
    await harness.send(chat.message('board'));
    const card = cardsOf(sentTo(chat)[0])[0]!;
    expect(texts(card)).toContain(ITEMS[0]!.title);
    const start = actionsOf(card).filter((a) => a.verb === CARD_VERBS.shareStart);
    expect(start.map((a) => (a.data as { contentId: string }).contentId)).toEqual([ITEMS[2]!.id, ITEMS[1]!.id, ITEMS[0]!.id]);
    const prompt = await press(chat, CARD_VERBS.shareStart, { contentId: ITEMS[0]!.id });
    expect(texts(prompt)).toContain(ITEMS[0]!.title);
    expect(actionsOf(prompt).some((a) => a.verb === CARD_VERBS.sharePrepare)).toBe(true);
  });

  it('`audit` sends the audit card again with the previous answers', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    await onboard(chat);
    harness.connector.reset();
    await harness.send(chat.message('audit'));
    const card = cardsOf(sentTo(chat)[0])[0]!;
    expect(JSON.stringify(card)).toMatch(/"id":"audience_linkedin"[^}]*"value":350/);
  });
});

describe('message extension and the policy gate', () => {
  it('searches the board by topic and language from a compose box; the inserted card starts a prompt for whoever clicks, behind the policy', async () => {
    const installer = harness.chat({ tenantId: TENANT });
    await onboard(installer);
    const groupChat = { id: '19:group@thread.v2', conversationType: 'groupChat' as const, tenantId: TENANT };
    const result = await harness.send(
      messageExtensionQuery('searchBoard', [{ name: 'query', value: 'sustainability English' }], { serviceUrl: harness.connector.serviceUrl, user: installer.user, tenantId: TENANT, conversation: groupChat }),
    );
    expect(result.status).toBe(200);
    const extension = (result.body as { composeExtension: { type: string; attachments: Array<{ content: Record<string, unknown>; preview: { content: { title: string } } }> } }).composeExtension;
    expect(extension.type).toBe('result');
    expect(extension.attachments.map((a) => a.preview.content.title)).toEqual(ITEMS.map((i) => i.title).reverse());
    const inserted = extension.attachments[0]!.content;
    expect(checkAdaptiveCard(inserted).errors).toEqual([]);
    const share = actionsOf(inserted).find((a) => a.verb === CARD_VERBS.shareStart);
    expect(share?.data).toEqual({ contentId: ITEMS[2]!.id });

    const none = await harness.send(messageExtensionQuery('searchBoard', [{ name: 'query', value: 'ja' }], { serviceUrl: harness.connector.serviceUrl, user: installer.user, tenantId: TENANT }));
    expect((none.body as { composeExtension: { attachments: unknown[] } }).composeExtension.attachments).toEqual([]);

    // A colleague in the group chat who never agreed to the policy clicks Share: policy first.
    const colleague = harness.chat({ tenantId: TENANT });
    await harness.send(colleague.installationUpdate('add'));
    const inGroup = { ...colleague.cardAction(CARD_VERBS.shareStart, share?.data as Record<string, unknown>, { replyToId: 'm1' }), conversation: groupChat };
    const gated = (await harness.send(inGroup)).body as { value: Record<string, unknown> };
    expect(texts(gated.value)).toContain(botCatalogs.en.policy.title);
    const accept = actionsOf(gated.value).find((a) => a.verb === CARD_VERBS.policyAccept);
    expect(accept?.data).toEqual({ version: 1, then: { contentId: ITEMS[2]!.id } });
    const afterAccept = (await harness.send({ ...colleague.cardAction(CARD_VERBS.policyAccept, accept?.data as Record<string, unknown>, { replyToId: 'm1' }), conversation: groupChat })).body as { value: Record<string, unknown> };
    expect(texts(afterAccept.value)).toContain(ITEMS[2]!.title);
    expect(afterAccept.value.refresh).toBeUndefined(); // a group chat card never refreshes for everyone
    expect(actionsOf(afterAccept.value).some((a) => a.verb === CARD_VERBS.sharePrepare)).toBe(true);
  });

  it('a new policy version asks again before the next share', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    const { promptCode } = await onboard(chat);
    await harness.services.policy.publish(TENANT, policy(2));
    const card = await press(chat, CARD_VERBS.sharePrepare, { promptCode, network: 'linkedin', shownNetwork: 'linkedin', text: 'new words' });
    expect(texts(card)).toContain(botCatalogs.en.policy.changed.replace('{{version}}', '2'));
    const stale = await press(chat, CARD_VERBS.policyAccept, { version: 1 });
    expect(texts(stale)).toContain(botCatalogs.en.policy.stale);
    const view = await harness.services.sharing.getPrompt(TENANT, chat.user.aadObjectId, promptCode);
    expect(view.networks.find((n) => n.network === 'linkedin')?.text).not.toBe('new words');
  });
});

describe('audit re-take', () => {
  it('changes the answers without pushing another prompt', async () => {
    const chat = harness.chat({ tenantId: TENANT });
    await onboard(chat);
    harness.connector.reset();
    const persona = await press(chat, CARD_VERBS.auditSubmit, { ...AUDIT, audience_linkedin: '900', postsPerMonth: '8' });
    expect(texts(persona)).toContain('Your persona: Influencer');
    expect(texts(persona)).toContain('Up from Observer. Well done!');
    expect(sentTo(chat)).toEqual([]);
    const employee = (await harness.repositories.employees.get(TENANT, chat.user.aadObjectId)).value;
    expect(employee.personaHistory.map((h) => h.persona)).toEqual(['observer', 'influencer']);
  });
});
