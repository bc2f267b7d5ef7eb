import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bot as botCatalogs } from '../../../src/shared/i18n/catalogs/bot/index.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'help' });
});
afterAll(() => harness.stop());
beforeEach(() => harness.connector.reset());

describe('help reply in the Teams locale', () => {
  it.each([
    { locale: 'ja-JP', catalog: botCatalogs.ja },
    { locale: 'th-TH', catalog: botCatalogs.th },
    { locale: 'it-IT', catalog: botCatalogs.it },
    { locale: 'pt-BR', catalog: botCatalogs.en },
  ])('$locale: the reply reaches the connector in the catalog language', async ({ locale, catalog }) => {
    const chat = harness.chat({ locale });
    const result = await harness.send(chat.message('help'));

    expect(result.status).toBe(200);
    const sent = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
    expect(sent.kind).toBe('reply');
    expect(sent.activity.type).toBe('message');
    const text = String(sent.activity.text);
    expect(text).toContain(catalog.help.intro);
    expect(text).toContain(catalog.help.commands.help);
    expect(text).toContain('**language**');
    expect(sent.activity.conversation).toMatchObject({ id: chat.conversation.id });
  });

  it('answers any other message with help too, and lists only commands that exist', async () => {
    const chat = harness.chat({ locale: 'en-US' });
    await harness.send(chat.message('what can you do?'));

    const sent = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
    const text = String(sent.activity.text);
    expect(text).toContain(botCatalogs.en.help.intro);
    expect(text).not.toContain(botCatalogs.en.help.commands.myScore);
    expect(text.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2);
  });
});
