import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHAT_COMMAND_ORDER, CHAT_COMMANDS, parseCommand } from '../../../src/bot/teams/commands.js';
import { bot as botCatalogs } from '../../../src/shared/i18n/catalogs/bot/index.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { checkAdaptiveCard } from '../../support/cards.js';
import { actionsOf, cardsOf, readText } from '../../support/replies.js';

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'help' });
});
afterAll(() => harness.stop());
beforeEach(() => harness.connector.reset());

describe('help card in the Teams locale', () => {
  it.each([
    { locale: 'ja-JP', catalog: botCatalogs.ja },
    { locale: 'th-TH', catalog: botCatalogs.th },
    { locale: 'it-IT', catalog: botCatalogs.it },
    { locale: 'pt-BR', catalog: botCatalogs.en },
  ])('$locale: the help card reaches the connector in the catalog language', async ({ locale, catalog }) => {
    const chat = harness.chat({ locale });
    const result = await harness.send(chat.message('help'));

    expect(result.status).toBe(200);
    const sent = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
    expect(sent.kind).toBe('reply');
    expect(sent.activity.locale).toBe(locale.slice(0, 2) === 'pt' ? 'en' : locale.slice(0, 2));
    const text = readText(sent);
    expect(text).toContain(catalog.help.intro);
    expect(text).toContain(catalog.help.commands.audit);
    expect(checkAdaptiveCard(cardsOf(sent)[0]).errors).toEqual([]);
  });

  it('lists every chat command once, in menu order, with buttons that type a command', async () => {
    const chat = harness.chat({ locale: 'en-US' });
    await harness.send(chat.message('HELP'));
    const sent = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
    const text = readText(sent);
    const keywords: string[] = CHAT_COMMAND_ORDER.map((c) => CHAT_COMMANDS[c].keyword);
    const listed = text.split('\n').filter((line) => keywords.includes(line));
    expect(listed).toEqual(keywords);
    const values = actionsOf(cardsOf(sent)[0]).map((a) => (a.data as { msteams: { value: string } }).msteams.value);
    expect(values.every((v) => keywords.includes(v))).toBe(true);
  });

  it('unknown input gets the help card quoting it (never silence, never a trace)', async () => {
    const chat = harness.chat({ locale: 'en-US' });
    await harness.send(chat.message('what can **you** do?'));
    const sent = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
    expect(readText(sent)).toContain('I did not understand "what can you do?". Here is what I can do:');
    expect(harness.connector.sent.filter((s) => s.conversationId === chat.conversation.id)).toHaveLength(1);
    expect(harness.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('parseCommand', () => {
  it.each([
    ['help', 'help', ''],
    ['  My   Score! ', 'myScore', ''],
    ['/board', 'board', ''],
    ['language ja', 'language', 'ja'],
    ['Language 日本語', 'language', '日本語'],
    ['pause.', 'pause', ''],
    ['resume', 'resume', ''],
    ['audit', 'audit', ''],
    ['leaderboard', 'leaderboard', ''],
  ])('%s -> %s', (text, command, argument) => {
    expect(parseCommand(text)).toEqual({ command, argument });
  });

  it.each(['', 'hello', 'my', 'scoreboard', 'languages'])('%s is not a command', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });
});
