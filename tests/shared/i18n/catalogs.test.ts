import { describe, expect, it } from 'vitest';
import { PERSONA_ADVICE_KEYS } from '../../../src/shared/domain/personas.js';
import { PERSONAS, SUPPORTED_LANGUAGES } from '../../../src/shared/domain/types.js';
import { catalogs, NAMESPACES, resolveLanguage, translator } from '../../../src/shared/i18n/index.js';

/** Every leaf key path of a catalog, e.g. `error.generic`. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const cases = NAMESPACES.flatMap((ns) => SUPPORTED_LANGUAGES.filter((l) => l !== 'en').map((lang) => [ns, lang] as const));

describe('i18n catalogs', () => {
  it.each(cases)('%s/%s has every key that en has, none empty, same placeholders', (ns, lang) => {
    const en = leaves(catalogs[ns].en);
    const other = leaves(catalogs[ns][lang]);
    const missing = [...en.keys()].filter((k) => !other.has(k));
    expect(missing, `missing keys in ${ns}/${lang}`).toEqual([]);
    const extra = [...other.keys()].filter((k) => !en.has(k));
    expect(extra, `keys in ${ns}/${lang} that en does not have`).toEqual([]);
    for (const [key, text] of other) {
      expect(text.trim(), `${ns}/${lang} ${key} is empty`).not.toBe('');
      expect(placeholders(text), `${ns}/${lang} ${key} placeholders`).toEqual(placeholders(en.get(key) ?? ''));
    }
  });

  it.each(SUPPORTED_LANGUAGES)('%s has a text for every persona and every advice key the domain returns', (lang) => {
    const common = leaves(catalogs.common[lang]);
    for (const key of [...PERSONA_ADVICE_KEYS, ...PERSONAS.map((p) => `persona.${p}`)]) {
      expect(common.has(key), `${lang}: ${key}`).toBe(true);
    }
  });

  it('the leaf walker finds a missing key (guards the check above)', () => {
    const en = leaves({ a: 'x', b: { c: 'y' } });
    const ja = leaves({ a: 'x' });
    expect([...en.keys()].filter((k) => !ja.has(k))).toEqual(['b.c']);
  });

  it.each([
    ['ja-JP', 'ja'], ['th-TH', 'th'], ['zh-CN', 'zh'], ['zh_TW', 'zh'], ['ru', 'ru'], ['it-IT', 'it'],
    ['en-GB', 'en'], ['pt-BR', 'en'], ['', 'en'], [undefined, 'en'], ['  JA-jp ', 'ja'],
  ])('resolves Teams locale %s to %s', (locale, expected) => {
    expect(resolveLanguage(locale)).toBe(expected);
  });

  it('translates with interpolation and falls back to English for an unknown key path', () => {
    expect(translator('ja')('error.badRequest', { details: 'x' })).toBe('リクエストが正しくありません: x');
    expect(translator('th')('persona.influencer')).toBe('อินฟลูเอนเซอร์');
    expect(translator('it')('productName')).toBe('Advocacy Hub');
  });
});
