/// <reference types="vite/client" />
/**
 * The tab's i18next instance over the shared catalogs (`src/shared/i18n/catalogs`), loading only
 * what a page uses: the catalog of one namespace in one language is its own small chunk, fetched
 * when first needed (`common` and `tab` before the first render, page namespaces such as `impact`
 * when their page suspends on `useTranslation`). The bot keeps the all-in-one instance of
 * `src/shared/i18n`; importing that module here would put every namespace in every language
 * (bot replies included) into the tab's first download.
 * Teams gives full locales (`ja-JP`); catalogs are per language, dates use the full locale.
 */
import i18next, { type BackendModule, type i18n } from 'i18next';
import { SUPPORTED_LANGUAGES, type Language } from '../../shared/domain/types.js';

export interface UiLanguage {
  i18n: i18n;
  /** Catalog language. */
  language: Language;
  /** Locale for `Intl` formatting: the host locale if it is in the catalog language, else the language. */
  locale: string;
}

/** Namespaces every page needs, loaded before the first render. */
export const SHELL_NAMESPACES = ['common', 'tab'] as const;

const catalogLoaders = import.meta.glob<Record<string, object>>(['../../shared/i18n/catalogs/*/*.ts', '!../../shared/i18n/catalogs/*/index.ts']);

/** An i18next backend reading one `catalogs/<ns>/<lng>.ts` module per request. */
const catalogBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = catalogLoaders[`../../shared/i18n/catalogs/${namespace}/${language}.ts`];
    if (!load) {
      callback(new Error(`no catalog ${namespace}/${language}`), false);
      return;
    }
    load().then(
      (module) => callback(null, (module[language] ?? {}) as Record<string, unknown>),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), false),
    );
  },
};

/** Map a BCP-47 tag (`ja-JP`, `zh-CN`, `pt-BR`) to a supported language, English otherwise (as `resolveLanguage` in src/shared/i18n). */
export function uiLanguageOf(locale: string | undefined | null): Language {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/** Create the tab's instance for the host's locale, load the shell namespaces, and mark the document with the locale. */
export async function prepareI18n(hostLocale: string): Promise<UiLanguage> {
  const language = uiLanguageOf(hostLocale);
  const instance = i18next.createInstance();
  await instance.use(catalogBackend).init({
    lng: language,
    // Every catalog is typed against English and complete (tests/shared/i18n): no fallback download.
    fallbackLng: false,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: [...SHELL_NAMESPACES],
    defaultNS: 'tab',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const primary = hostLocale.toLowerCase().split(/[-_]/)[0];
  const locale = primary === language && isValidLocale(hostLocale) ? hostLocale : language;
  document.documentElement.lang = locale;
  return { i18n: instance, language, locale };
}

function isValidLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}
