/**
 * Binds the shared i18next instance (catalogs of `src/shared/i18n`) to the tab's UI locale.
 * Teams gives full locales (`ja-JP`); catalogs are per language, dates use the full locale.
 */
import type { i18n } from 'i18next';
import type { Language } from '../../shared/domain/types.js';
import { getI18n, resolveLanguage } from '../../shared/i18n/index.js';

export interface UiLanguage {
  i18n: i18n;
  /** Catalog language. */
  language: Language;
  /** Locale for `Intl` formatting: the host locale if it is in the catalog language, else the language. */
  locale: string;
}

/** Switch the shared instance to the host's locale and mark the document with it. */
export function prepareI18n(hostLocale: string): UiLanguage {
  const language = resolveLanguage(hostLocale);
  const instance = getI18n();
  void instance.changeLanguage(language);
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
