import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Employee } from '../../../src/shared/domain/types.js';
import { bot as botCatalogs } from '../../../src/shared/i18n/catalogs/bot/index.js';
import { parseLanguageChoice } from '../../../src/bot/services/language.service.js';
import type { TestChat } from '../../support/activities.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { makeEmployee } from '../../support/fixtures.js';
import { readText } from '../../support/replies.js';

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'language' });
});
afterAll(() => harness.stop());
beforeEach(() => harness.connector.reset());

/** Send a message and return the text of the bot's reply in that chat. */
async function ask(chat: TestChat, text: string, locale = 'en-US'): Promise<string> {
  const before = harness.connector.sent.length;
  const result = await harness.send(chat.message(text, { locale }));
  expect(result.status).toBe(200);
  const sent = await harness.connector.waitFor(
    (s) => harness.connector.sent.indexOf(s) >= before && s.conversationId === chat.conversation.id,
  );
  return readText(sent);
}

/** The person behind a test chat, enrolled as an employee. */
function employeeOf(chat: TestChat, overrides: Partial<Employee> = {}): Employee {
  return makeEmployee({ id: chat.user.aadObjectId, tenantId: chat.tenantId, displayName: chat.user.name, ...overrides });
}

describe('language command', () => {
  it('first message `language ja` (Playground: always en-US): enrols the person in Japanese, and it sticks', async () => {
    const chat = harness.chat();
    expect(await ask(chat, 'language ja')).toBe(botCatalogs.ja.language.changed.replace('{{language}}', '日本語'));
    expect(await ask(chat, 'help')).toContain(botCatalogs.ja.help.intro);
    expect((await harness.repositories.employees.get(chat.tenantId, chat.user.aadObjectId)).value.language).toBe('ja');

    // An install event from a client without locale (Playground page load) keeps the choice.
    await harness.send(chat.installationUpdate('add'));
    expect(await ask(chat, 'help')).toContain(botCatalogs.ja.help.intro);
    const stored = await harness.repositories.conversationReferences.find(chat.tenantId, chat.user.aadObjectId);
    expect(JSON.parse(stored?.reference ?? '{}')).toMatchObject({ conversation: { id: chat.conversation.id } });
  });

  it('a language chosen on the conversation before enrolment becomes the new employee\'s language at install', async () => {
    const chat = harness.chat();
    await harness.repositories.conversationReferences.upsert({
      tenantId: chat.tenantId, employeeId: chat.user.aadObjectId, reference: '{}', language: 'th', updatedAt: '2026-01-01T00:00:00.000Z',
    });
    await harness.send(chat.installationUpdate('add'));
    expect((await harness.repositories.employees.get(chat.tenantId, chat.user.aadObjectId)).value.language).toBe('th');
    const stored = await harness.repositories.conversationReferences.find(chat.tenantId, chat.user.aadObjectId);
    expect(stored?.language).toBe('th');
    expect(JSON.parse(stored?.reference ?? '{}')).toMatchObject({ conversation: { id: chat.conversation.id } });
  });

  it('enrolled: the choice is stored on the employee and wins over the Teams locale', async () => {
    const chat = harness.chat();
    await harness.repositories.employees.create(employeeOf(chat, { language: 'en' }));

    expect(await ask(chat, 'Language 日本語', 'th-TH')).toContain('日本語');
    const employee = await harness.repositories.employees.get(chat.tenantId, chat.user.aadObjectId);
    expect(employee.value.language).toBe('ja');
    expect(await ask(chat, 'help', 'th-TH')).toContain(botCatalogs.ja.help.intro);
    expect(await harness.repositories.conversationReferences.find(chat.tenantId, chat.user.aadObjectId)).toBeUndefined();
  });

  it('`language` alone tells the current language; an unknown code is refused in the current language', async () => {
    const chat = harness.chat();
    expect(await ask(chat, 'language', 'it-IT')).toContain('Italiano');
    const refused = await ask(chat, 'language klingon', 'it-IT');
    expect(refused).toBe(
      botCatalogs.it.language.unknown.replace('{{input}}', 'klingon').replace('{{options}}', 'en, ja, th, ru, it, zh'),
    );
    expect(await ask(chat, 'help', 'it-IT')).toContain(botCatalogs.it.help.intro);
  });

  it('in a channel, a person who is not enrolled is sent to the personal chat', async () => {
    const chat = harness.chat();
    const channel = { id: '19:general@thread.tacv2', conversationType: 'channel' as const, tenantId: chat.tenantId };
    await harness.send(chat.message('language th', { conversation: channel }));
    const sent = await harness.connector.waitFor((s) => s.conversationId === channel.id);
    expect(sent.activity.text).toBe(botCatalogs.en.language.personalOnly.replace('{{code}}', 'th'));
    expect(await harness.repositories.conversationReferences.find(chat.tenantId, chat.user.aadObjectId)).toBeUndefined();
  });
});

describe('parseLanguageChoice', () => {
  it.each([
    ['ja', 'ja'], ['JA-jp', 'ja'], ['zh-Hans', 'zh'], ['ไทย', 'th'], ['Русский', 'ru'], ['italiano', 'it'],
    ['English', 'en'], ['pt', undefined], ['', undefined], ['日本', undefined],
  ])('%s -> %s', (input, expected) => {
    expect(parseLanguageChoice(input)).toBe(expected);
  });
});
