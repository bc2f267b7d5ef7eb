import { TurnContext, type ConversationReference } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bot as botCatalogs } from '../../../src/shared/i18n/catalogs/bot/index.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { cardTexts, checkAdaptiveCard, TEAMS_CARD_SIZE_LIMIT } from '../../support/cards.js';

const NOW = new Date('2026-03-02T09:00:00.000Z');
let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'welcome', clock: () => NOW });
});
afterAll(() => harness.stop());
beforeEach(() => harness.connector.reset());

const cardsSentTo = (conversationId: string) =>
  harness.connector.sent.filter(
    (s) => s.conversationId === conversationId && Array.isArray(s.activity.attachments) && s.activity.attachments.length > 0,
  );

describe('install', () => {
  it('Teams install (conversationUpdate + installationUpdate): one welcome card, then the audit; reference stored, person enrolled', async () => {
    const chat = harness.chat({ locale: 'ja-JP' });
    expect((await harness.send(chat.membersAdded())).status).toBe(200);
    expect((await harness.send(chat.installationUpdate('add'))).status).toBe(200);

    const cards = cardsSentTo(chat.conversation.id);
    expect(cards).toHaveLength(2);
    expect(cardTexts((cards[1]?.activity.attachments as Array<{ content: unknown }>)[0]?.content)[0]).toBe(botCatalogs.ja.audit.title);
    const attachment = (cards[0]?.activity.attachments as Array<{ contentType: string; content: unknown }>)[0];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const check = checkAdaptiveCard(attachment?.content);
    expect(check.errors).toEqual([]);
    expect(check.unexpanded).toBe(false);
    expect(check.version).toBe('1.5');
    expect(check.bytes).toBeLessThan(TEAMS_CARD_SIZE_LIMIT);
    const texts = cardTexts(attachment?.content);
    expect(texts).toContain(botCatalogs.ja.welcome.title);
    expect(texts).toContain(botCatalogs.ja.welcome.points.impact);

    const stored = await harness.repositories.conversationReferences.find(chat.tenantId, chat.user.aadObjectId);
    expect(stored?.updatedAt).toBe(NOW.toISOString());
    const reference = JSON.parse(stored?.reference ?? '{}') as Partial<ConversationReference>;
    expect(reference.conversation?.id).toBe(chat.conversation.id);
    expect(reference.serviceUrl).toBe(harness.connector.serviceUrl);
    expect(reference.channelId).toBe('msteams');
    expect(reference.user?.aadObjectId).toBe(chat.user.aadObjectId);
    expect(stored?.language).toBeUndefined();

    const employee = await harness.repositories.employees.get(chat.tenantId, chat.user.aadObjectId);
    expect(employee.value).toMatchObject({ language: 'ja', displayName: chat.user.name, persona: 'observer', joinedAt: NOW.toISOString() });
    expect(employee.value.audit).toBeUndefined();
  });

  it('keeps the time zone Teams reports (clientInfo) on the enrolled person', async () => {
    const chat = harness.chat({ locale: 'th-TH' });
    const install = chat.installationUpdate('add');
    (install.entities as Array<Record<string, unknown>>)[0]!.timezone = 'Asia/Bangkok';
    await harness.send(install);
    const employee = await harness.repositories.employees.get(chat.tenantId, chat.user.aadObjectId);
    expect(employee.value).toMatchObject({ timeZone: 'Asia/Bangkok', language: 'th' });
    // A later message from another zone (travel) updates it.
    await harness.send({ ...chat.message('help'), localTimezone: 'Europe/Rome' });
    expect((await harness.repositories.employees.get(chat.tenantId, chat.user.aadObjectId)).value.timeZone).toBe('Europe/Rome');
  });

  it('the stored reference is enough for a proactive send to the same chat', async () => {
    const chat = harness.chat();
    await harness.send(chat.installationUpdate('add'));
    const stored = await harness.repositories.conversationReferences.find(chat.tenantId, chat.user.aadObjectId);
    const reference = JSON.parse(stored?.reference ?? '{}') as Partial<ConversationReference>;

    await harness.bot.adapter.continueConversationAsync('', reference, async (context: TurnContext) => {
      await context.sendActivity('proactive hello');
    });

    const sent = await harness.connector.waitFor((s) => s.activity.text === 'proactive hello');
    // botbuilder sends proactive messages as a reply to the random id of its continuation event.
    expect(sent).toMatchObject({ kind: 'reply', conversationId: chat.conversation.id });
    expect(harness.connector.sent.some((s) => s.activityId === sent.replyToId)).toBe(false);
  });

  it('a client without installationUpdate (Emulator) is welcomed on conversationUpdate', async () => {
    const chat = harness.chat();
    const activity = { ...chat.membersAdded(), channelId: 'emulator' };
    await harness.send(activity);
    expect(cardsSentTo(chat.conversation.id)).toHaveLength(2);
  });

  it('no locale on install (Agents Playground) welcomes in English; an app upgrade sends no card', async () => {
    const chat = harness.chat();
    await harness.send(chat.installationUpdate('add'));
    await harness.send(chat.installationUpdate('add-upgrade'));
    const cards = cardsSentTo(chat.conversation.id);
    expect(cards).toHaveLength(2);
    const content = (cards[0]?.activity.attachments as Array<{ content: unknown }>)[0]?.content;
    expect(cardTexts(content)).toContain(botCatalogs.en.welcome.title);
  });

  it('a user added to a conversation (not the bot) gets no welcome', async () => {
    const chat = harness.chat();
    await harness.send(chat.membersAdded({}));
    await harness.send({ ...chat.membersAdded(), membersAdded: [{ id: chat.user.id }] });
    expect(cardsSentTo(chat.conversation.id)).toHaveLength(0);
  });

  it('a channel install welcomes the channel without overwriting the installer\'s personal reference', async () => {
    const chat = harness.chat();
    await harness.send(chat.installationUpdate('add'));
    const channel = { id: '19:general@thread.tacv2', conversationType: 'channel' as const, tenantId: chat.tenantId };
    await harness.send(chat.installationUpdate('add', { conversation: channel }));

    expect(cardsSentTo(channel.id)).toHaveLength(1);
    const content = (cardsSentTo(channel.id)[0]?.activity.attachments as Array<{ content: unknown }>)[0]?.content;
    expect(cardTexts(content)).not.toContain(botCatalogs.en.welcome.greeting.replace('{{name}}', chat.user.name));
    const stored = await harness.repositories.conversationReferences.find(chat.tenantId, chat.user.aadObjectId);
    expect(JSON.parse(stored?.reference ?? '{}')).toMatchObject({ conversation: { id: chat.conversation.id } });
  });
});
