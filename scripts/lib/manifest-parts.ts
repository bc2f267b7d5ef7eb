/**
 * The parts of appPackage/manifest.json (and its localization files) that are generated from the
 * app's own declarations, so they are written in one place only:
 *
 * - `bots[0].commandLists`: the chat commands (`CHAT_COMMANDS`, src/bot/teams/commands.ts) per
 *   scope; descriptions from the `bot` catalog (`help.commands.<key>`), the same words the help
 *   card shows, in every language;
 * - `staticTabs`: one per tab page (`PAGES`, src/shared/contracts/me.ts) except the pages listed
 *   in {@link PAGES_WITHOUT_STATIC_TAB}; names from the `tab` catalog (`nav.<page>`); each tab's
 *   content lands on its `#/<page>`;
 * - `dashboardCards[0].id`: the Viva card id the bot answers with (`VIVA_DASHBOARD_CARD`).
 *
 * `npm run package -- --sync` writes them into the committed files (Teams Toolkit zips those files
 * as they are); a package build refuses a manifest that drifted from the declarations.
 */
import { CHAT_COMMAND_ORDER, CHAT_COMMANDS } from '../../src/bot/teams/commands.js';
import { VIVA_DASHBOARD_CARD } from '../../src/bot/teams/cards/viva/viva-views.js';
import { PAGES, type PageName } from '../../src/shared/contracts/me.js';
import { SUPPORTED_LANGUAGES, type Language } from '../../src/shared/domain/types.js';
import { translator } from '../../src/shared/i18n/index.js';

type Json = Record<string, unknown>;

/** Tab pages that get no static tab of their own, and why. */
export const PAGES_WITHOUT_STATIC_TAB: Readonly<Partial<Record<PageName, string>>> = {
  policy: 'opened from the share gate, the welcome card and the board (agreeing is a step, not a place)',
};

/** Pages that are static tabs, in navigation order. */
export const STATIC_TAB_PAGES: readonly PageName[] = PAGES.filter((page) => !(page in PAGES_WITHOUT_STATIC_TAB));

/** Bot scopes with a command menu, in manifest order. */
export const COMMAND_SCOPES = ['personal', 'team'] as const;

/** Manifest language tag of each supported language (the default file is `en-us`). */
export const MANIFEST_LANGUAGE_TAGS: Record<Language, string> = { en: 'en-us', ja: 'ja', th: 'th', ru: 'ru', it: 'it', zh: 'zh' };

/** The tab URL of a page under `${{BOT_DOMAIN}}`. */
export const tabContentUrl = (page: string) => `https://\${{BOT_DOMAIN}}/tab/index.html#/${page}`;

const upperFirst = (text: string, language: Language) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);

/** A command's menu description in a language (the help card's words, capitalised). */
export function commandDescription(command: keyof typeof CHAT_COMMANDS, language: Language): string {
  const text = translator(language, 'bot')(`help.commands.${command}`, { options: SUPPORTED_LANGUAGES.join(', ') });
  return upperFirst(text, language);
}

/** A static tab's name in a language. */
export const tabName = (page: PageName, language: Language) => translator(language, 'tab')(`nav.${page}`);

const commandsIn = (scope: (typeof COMMAND_SCOPES)[number]) =>
  CHAT_COMMAND_ORDER.filter((c) => (CHAT_COMMANDS[c].scopes as readonly string[]).includes(scope));

/** The generated sections in English (the manifest's own language). */
export function generatedSections(): { commandLists: Json[]; staticTabs: Json[]; dashboardCardId: string } {
  return {
    commandLists: COMMAND_SCOPES.map((scope) => ({
      scopes: [scope],
      commands: commandsIn(scope).map((c) => ({ title: CHAT_COMMANDS[c].keyword, description: commandDescription(c, 'en') })),
    })),
    staticTabs: STATIC_TAB_PAGES.map((page) => ({ entityId: page, name: tabName(page, 'en'), contentUrl: tabContentUrl(page), scopes: ['personal'] })),
    dashboardCardId: VIVA_DASHBOARD_CARD.id,
  };
}

/** The manifest with its generated sections replaced (everything else kept as written). */
export function syncManifest(manifest: Json): Json {
  const { commandLists, staticTabs, dashboardCardId } = generatedSections();
  const bots = ((manifest.bots as Json[] | undefined) ?? []).map((bot, i) => (i === 0 ? { ...bot, commandLists } : bot));
  const cards = ((manifest.dashboardCards as Json[] | undefined) ?? []).map((card, i) => (i === 0 ? { ...card, id: dashboardCardId } : card));
  const out: Json = {};
  // Keep the key order of the written manifest.
  for (const [key, value] of Object.entries(manifest)) {
    out[key] = key === 'bots' ? bots : key === 'staticTabs' ? staticTabs : key === 'dashboardCards' ? cards : value;
  }
  return out;
}

const GENERATED_KEY = /^(staticTabs\[\d+\]\.name|bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.description)$/;

/** A localization file with its generated keys replaced by the catalogs' words in `language`. */
export function syncLocalization(doc: Json, language: Language): Json {
  const kept = Object.entries(doc).filter(([key]) => !GENERATED_KEY.test(key));
  const generated: [string, string][] = [
    ...STATIC_TAB_PAGES.map((page, i) => [`staticTabs[${i}].name`, tabName(page, language)] as [string, string]),
    ...COMMAND_SCOPES.flatMap((scope, l) =>
      commandsIn(scope).map((c, i) => [`bots[0].commandLists[${l}].commands[${i}].description`, commandDescription(c, language)] as [string, string]),
    ),
  ];
  // Fixed keys first ($schema, name, description), then the generated ones, then the rest.
  const head = kept.filter(([key]) => key === '$schema' || key.startsWith('name.') || key.startsWith('description.'));
  const tail = kept.filter(([key]) => !head.some(([h]) => h === key));
  return Object.fromEntries([...head, ...generated, ...tail]);
}

/** Language of a localization file, from the manifest's `localizationInfo`. */
export function languageOfFile(manifest: Json, file: string): Language | undefined {
  const info = (manifest.localizationInfo ?? {}) as { defaultLanguageFile?: string; additionalLanguages?: { languageTag: string; file: string }[] };
  if (file === info.defaultLanguageFile) return 'en';
  const tag = info.additionalLanguages?.find((l) => l.file === file)?.languageTag;
  return (Object.entries(MANIFEST_LANGUAGE_TAGS).find(([, t]) => t === tag)?.[0] as Language | undefined) ?? undefined;
}
