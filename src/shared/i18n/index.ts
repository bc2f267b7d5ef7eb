/**
 * One i18n set-up for bot, cards, tab and error pages (i18next). Catalogs are TypeScript objects
 * per namespace and language under `catalogs/<namespace>/<lang>.ts`; every language is typed
 * against `en`, and `tests/shared/i18n` fails when a key is missing.
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import { SUPPORTED_LANGUAGES, type Language } from '../domain/types.js';
import { bot } from './catalogs/bot/index.js';
import { common } from './catalogs/common/index.js';
import { tab } from './catalogs/tab/index.js';
import { sharing } from './catalogs/sharing/index.js';
import { clicks } from './catalogs/clicks/index.js';
import { impact } from './catalogs/impact/index.js';
import { training } from './catalogs/training/index.js';
import { campaigns } from './catalogs/campaigns/index.js';
import { analytics } from './catalogs/analytics/index.js';
import { admin } from './catalogs/admin/index.js';
import { topics } from './catalogs/topics/index.js';
import { viva } from './catalogs/viva/index.js';

/** Every namespace with its catalogs per language. */
export const catalogs = { common, bot, tab, sharing, clicks, impact, training, campaigns, analytics, admin, topics, viva } as const;
export type Namespace = keyof typeof catalogs;
export const NAMESPACES = Object.keys(catalogs) as Namespace[];

const resources = Object.fromEntries(
  SUPPORTED_LANGUAGES.map((lng) => [lng, Object.fromEntries(NAMESPACES.map((ns) => [ns, catalogs[ns][lng]]))]),
);

let shared: i18n | undefined;

/** The process-wide i18next instance, initialised synchronously on first use. */
export function getI18n(): i18n {
  if (!shared) {
    shared = i18next.createInstance();
    void shared.init({
      resources,
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: [...SUPPORTED_LANGUAGES],
      ns: NAMESPACES,
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return shared;
}

/**
 * Map any BCP-47 tag from Teams (`ja-JP`, `zh-CN`, `pt-BR`, `en`) to a supported language,
 * falling back to English.
 */
export function resolveLanguage(locale: string | undefined | null): Language {
  if (!locale) return 'en';
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/** A translator bound to one language and namespace, e.g. `translator('ja', 'bot')('help.title')`. */
export function translator(language: Language, ns: Namespace = 'common'): TFunction {
  return getI18n().getFixedT(language, ns);
}
