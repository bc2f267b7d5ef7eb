/**
 * The manifest held against the app, both ways, from the app's own declarations (never a copied
 * list): every chat command, tab, compose-extension command and dashboard card the manifest
 * declares is handled by the real teams-ai Application (activities sent in-process), and
 * everything the app declares as handled (CHAT_COMMANDS, PAGES, MESSAGE_EXTENSION_COMMANDS, the
 * Viva card and its invokes) is in the manifest.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES_WITHOUT_STATIC_TAB, STATIC_TAB_PAGES } from '../../scripts/lib/manifest-parts.js';
import { checkGeneratedSections } from '../../scripts/package-app.js';
import { VIVA_DASHBOARD_CARD } from '../../src/bot/teams/cards/viva/viva-views.js';
import { CHAT_COMMAND_ORDER, CHAT_COMMANDS, parseCommand } from '../../src/bot/teams/commands.js';
import { MESSAGE_EXTENSION_COMMANDS } from '../../src/bot/teams/verbs.js';
import { VIVA_CARD_INVOKES } from '../../src/bot/teams/viva-card.handler.js';
import { PAGES } from '../../src/shared/contracts/me.js';
import { bot as botCatalogs } from '../../src/shared/i18n/catalogs/bot/index.js';
import { parseHashLocation } from '../../src/tab/app/router.js';
import { messageExtensionQuery, type ActivityJson, type TestChat } from '../support/activities.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { readText } from '../support/replies.js';

interface Manifest {
  bots: { botId: string; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  staticTabs: { entityId: string; contentUrl: string }[];
  configurableTabs: { configurationUrl: string }[];
  composeExtensions: { botId: string; commands: { id: string; type: string }[] }[];
  dashboardCards: { id: string; contentSource: { sourceType: string; botConfiguration: { botId: string } } }[];
}

const manifest = JSON.parse(readFileSync('appPackage/manifest.json', 'utf8')) as Manifest;
const TENANT = 'manifest-vs-app';
let harness: BotHarness;
let chat: TestChat;

beforeAll(async () => {
  harness = await startBotHarness({ label: 'manifestapp', connector: { rateLimits: false } });
  chat = harness.chat({ tenantId: TENANT });
  await harness.send(chat.installationUpdate('add'));
});
afterAll(() => harness.stop());

const hashOf = (url: string) => parseHashLocation(new URL(url.replace('${{BOT_DOMAIN}}', 'example.com')).hash);

describe('the manifest against the app', () => {
  it('keeps the generated sections in step with the declarations (committed files)', () => {
    expect(checkGeneratedSections('appPackage')).toEqual([]);
  });

  it('chat commands: each menu entry is a command the bot answers in that scope, and every command is in the menu', async () => {
    const unknown = botCatalogs.en.help.unknown.split('"')[0]!;
    for (const list of manifest.bots[0]!.commandLists) {
      for (const { title } of list.commands) {
        const parsed = parseCommand(title);
        expect(parsed, title).toBeDefined();
        expect(CHAT_COMMANDS[parsed!.command].scopes as readonly string[], title).toContain(list.scopes[0]);
        harness.connector.reset();
        await harness.send(chat.message(title));
        const reply = await harness.connector.waitFor((s) => s.conversationId === chat.conversation.id);
        expect(readText(reply), title).not.toContain(unknown);
      }
    }
    for (const command of CHAT_COMMAND_ORDER) {
      for (const scope of CHAT_COMMANDS[command].scopes) {
        const list = manifest.bots[0]!.commandLists.find((l) => l.scopes.includes(scope));
        expect(list?.commands.map((c) => c.title), `${command} in ${scope}`).toContain(CHAT_COMMANDS[command].keyword);
      }
    }
  });

  it('tabs: every static tab lands on its own page, every page is a tab or says why not, the channel tab configures the leaderboard', () => {
    for (const tab of manifest.staticTabs) {
      const location = hashOf(tab.contentUrl);
      expect(location.route, tab.contentUrl).toBe(tab.entityId);
      expect(location.rest).toEqual([]);
    }
    expect(manifest.staticTabs.map((t) => t.entityId)).toEqual([...STATIC_TAB_PAGES]);
    for (const page of PAGES) {
      const declared = manifest.staticTabs.some((t) => t.entityId === page) || Boolean(PAGES_WITHOUT_STATIC_TAB[page]);
      expect(declared, page).toBe(true);
    }
    for (const page of ['board', 'impact', 'leaderboard', 'topics', 'training', 'pilot', 'analytics', 'admin']) {
      expect(STATIC_TAB_PAGES, page).toContain(page);
    }
    const configure = hashOf(manifest.configurableTabs[0]!.configurationUrl);
    expect(configure).toMatchObject({ route: 'leaderboard', rest: ['configure'] });
  });

  it('compose extension: each declared command is answered; the app handles no other', async () => {
    const declared = manifest.composeExtensions.flatMap((e) => e.commands.map((c) => c.id));
    expect(declared.sort()).toEqual(Object.values(MESSAGE_EXTENSION_COMMANDS).sort());
    expect(manifest.composeExtensions.every((e) => e.botId === manifest.bots[0]!.botId)).toBe(true);
    for (const id of declared) {
      const result = await harness.send(messageExtensionQuery(id, [{ name: 'query', value: 'anything' }], { serviceUrl: harness.connector.serviceUrl, tenantId: TENANT, user: chat.user }));
      expect(result.status, id).toBe(200);
      expect(result.body, id).toMatchObject({ composeExtension: { type: 'result' } });
    }
    const other = await harness.send(messageExtensionQuery('notDeclared', [], { serviceUrl: harness.connector.serviceUrl, tenantId: TENANT, user: chat.user }));
    expect(other.status).not.toBe(200);
  });

  it('dashboard card: the declared card is the bot\'s, and the bot answers every invoke of it with that card id', async () => {
    expect(manifest.dashboardCards.map((c) => c.id)).toEqual([VIVA_DASHBOARD_CARD.id]);
    expect(manifest.dashboardCards[0]!.contentSource).toEqual({ sourceType: 'bot', botConfiguration: { botId: manifest.bots[0]!.botId } });
    const invoke = (name: string, value: unknown): ActivityJson => {
      const { text: _t, textFormat: _f, ...rest } = chat.message('');
      return { ...rest, type: 'invoke', name, value };
    };
    for (const name of Object.values(VIVA_CARD_INVOKES)) {
      const result = await harness.send(invoke(name, { data: {}, properties: {} }));
      expect(result.status, name).toBe(200);
      expect(result.body, name).toBeTruthy();
    }
    const card = await harness.send(invoke(VIVA_CARD_INVOKES.getCardView, { data: {}, properties: {} }));
    expect((card.body as { aceData: { id: string } }).aceData.id).toBe(manifest.dashboardCards[0]!.id);
    // Nothing declared for a property pane: the bot does not pretend to answer it.
    const pane = await harness.send(invoke('cardExtension/getPropertyPaneConfiguration', { data: {}, properties: {} }));
    expect(pane.status).not.toBe(200);
  });
});
