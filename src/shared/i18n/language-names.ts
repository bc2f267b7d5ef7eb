/**
 * Each language's name in its own script (endonym). Every catalog shows the same names, so a
 * person finds their language in any UI language, as the Teams language picker does.
 */
export const LANGUAGE_ENDONYMS = {
  en: 'English',
  ja: '日本語',
  th: 'ไทย',
  ru: 'Русский',
  it: 'Italiano',
  zh: '中文',
};
