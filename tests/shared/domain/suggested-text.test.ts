import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Buffer } from 'node:buffer';
import {
  NETWORK_TEXT_LIMITS,
  buildSuggestedPost,
  composeShareText,
  countNetworkLength,
  findSuggestedText,
  findUrlSpans,
  fnv1a32,
  languageFallbackChain,
  pickVariantIndex,
} from '../../../src/shared/domain/suggested-text.js';
import { NETWORKS } from '../../../src/shared/domain/types.js';
import type { ContentItem, Network, SuggestedText } from '../../../src/shared/domain/types.js';

/** Reference FNV-1a over Node's own UTF-8 encoding, to check the hand-rolled encoder. */
function referenceFnv(input: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(input, 'utf8')) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

describe('fnv1a32', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the published test vector', (input, expected) => {
    expect(fnv1a32(input)).toBe(expected);
  });

  it('matches a reference over real UTF-8 bytes for any string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(fnv1a32(s)).toBe(referenceFnv(s));
    }));
    expect(fnv1a32('日本語 ไทย 😀 é')).toBe(referenceFnv('日本語 ไทย 😀 é'));
  });
});

describe('languageFallbackChain', () => {
  it.each([
    ['ja', 'it', ['ja', 'it', 'en']],
    ['en', 'it', ['en', 'it']],
    ['zh', 'zh', ['zh', 'en']],
    ['en', 'en', ['en']],
  ] as const)('%s / %s -> %j', (person, itemLang, expected) => {
    expect(languageFallbackChain(person, itemLang)).toEqual(expected);
  });
});

describe('countNetworkLength', () => {
  it.each<[string, string, Network, number]>([
    ['plain ASCII', 'hello world', 'x', 11],
    ['a long URL counts 23', 'https://example.com/a/very/long/path?utm_source=x&utm_medium=employee-advocacy', 'x', 23],
    ['trailing full stop is not part of the URL', 'see https://a.co.', 'x', 4 + 23 + 1],
    ['two URLs', 'http://a.io https://b.io/x', 'x', 23 + 1 + 23],
    ['Japanese counts double', 'こんにちは', 'x', 10],
    ['Chinese punctuation counts double', '你好。', 'x', 6],
    ['Thai counts single per code point', 'สวัสดี', 'x', 6],
    ['Cyrillic counts single', 'Привет', 'x', 6],
    ['an emoji with skin tone counts 2', '👍🏽', 'x', 2],
    ['a ZWJ family emoji counts 2', '👨‍👩‍👧', 'x', 2],
    ['ellipsis counts 2 on X', '\u2026', 'x', 2],
    ['curly quotes count 1', '\u201cok\u201d', 'x', 4],
    ['combining accent is NFC-normalised', 'e\u0301', 'x', 1],
    ['LinkedIn counts URLs literally', 'https://example.com', 'linkedin', 19],
    ['Facebook counts UTF-16 units', '😀', 'facebook', 2],
  ])('%s', (_label, text, network, expected) => {
    expect(countNetworkLength(text, network)).toBe(expected);
  });

  it('finds URL spans without trailing punctuation', () => {
    const text = 'Read (https://example.com/x). Then https://b.io!';
    expect(findUrlSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['https://example.com/x', 'https://b.io']);
  });
});

describe('composeShareText', () => {
  const url = 'https://hub.example.com/l/AbC123xyz';

  it('appends the URL and disclosure when it fits', () => {
    expect(composeShareText({ body: '  Great read on customer engagement.  ', network: 'linkedin', url, disclosure: '#employee' })).toEqual({
      ok: true,
      text: `Great read on customer engagement.\n\n${url}\n\n#employee`,
      length: 34 + 2 + url.length + 2 + 9,
      limit: 3000,
      truncated: false,
    });
  });

  it('does not repeat a URL or disclosure already in the body', () => {
    const result = composeShareText({ body: `Proud of this ${url} #Employee`, network: 'x', url, disclosure: '#employee' });
    expect(result).toMatchObject({ ok: true, text: `Proud of this ${url} #Employee` });
  });

  it('works without URL and disclosure', () => {
    expect(composeShareText({ body: 'Just text', network: 'x', disclosure: '   ' })).toMatchObject({ ok: true, text: 'Just text' });
  });

  it('truncates a long body on a word boundary with an ellipsis, keeping URL and disclosure whole', () => {
    const body = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const result = composeShareText({ body, network: 'x', url, disclosure: '#employee' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.truncated).toBe(true);
    expect(result.length).toBeLessThanOrEqual(280);
    expect(result.length).toBeGreaterThan(270);
    expect(result.text.endsWith(`\u2026\n\n${url}\n\n#employee`)).toBe(true);
    const head = result.text.split('\u2026')[0] ?? '';
    expect(body.startsWith(head)).toBe(true);
    expect(body[head.length]).toBe(' ');
  });

  it('drops trailing punctuation before the ellipsis', () => {
    const body = `${'a'.repeat(240)}, ${'b'.repeat(60)}`;
    const result = composeShareText({ body, network: 'x' });
    expect(result).toMatchObject({ ok: true, text: `${'a'.repeat(240)}\u2026`, truncated: true, length: 242 });
  });

  it('truncates Japanese (no spaces) on a word boundary using weighted length', () => {
    const body = '顧客エンゲージメントについての記事です。'.repeat(12);
    const result = composeShareText({ body, network: 'x', url, language: 'ja' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.truncated).toBe(true);
    expect(result.length).toBeLessThanOrEqual(280);
    expect(result.text.endsWith(`\u2026\n\n${url}`)).toBe(true);
    expect(body.startsWith(result.text.split('\u2026')[0] ?? 'x')).toBe(true);
  });

  it('never cuts inside a URL that is part of the body', () => {
    const inner = 'https://example.com/some/really/long/article/path/that/goes/on';
    const body = `${'lorem '.repeat(40)}${inner} ${'ipsum '.repeat(40)}`;
    const result = composeShareText({ body, network: 'x', url });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const head = result.text.split('\u2026')[0] ?? '';
    if (head.includes('https://example.com')) expect(head).toContain(inner);
    else expect(head.endsWith('lorem')).toBe(true);
  });

  it('returns an error (no throw) when even one word cannot fit', () => {
    const result = composeShareText({ body: 'Hello there', network: 'x', url, disclosure: 'd'.repeat(270) });
    expect(result).toEqual({ ok: false, error: 'does-not-fit', minimumLength: 2 + 2 + 23 + 2 + 270, limit: 280 });
    const longWord = composeShareText({ body: 'x'.repeat(400), network: 'x' });
    expect(longWord).toMatchObject({ ok: false, error: 'does-not-fit' });
  });

  it('always fits the limit and keeps URL and disclosure intact (property)', () => {
    const word = fc.constantFrom('customer', 'engagement', 'お客様', '参与', 'ลูกค้า', 'клиент', 'ok', '🚀', 'https://ex.com/a', 'and,');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 700 }),
        fc.constantFrom(...NETWORKS),
        fc.constantFrom('', '#employee', 'Ad: I work here'),
        (words, network, disclosure) => {
          const body = words.join(' ');
          const result = composeShareText({ body, network, url, disclosure });
          if (!result.ok) {
            expect(result.minimumLength).toBeGreaterThan(0);
            return;
          }
          expect(result.length).toBe(countNetworkLength(result.text, network));
          expect(result.length).toBeLessThanOrEqual(NETWORK_TEXT_LIMITS[network]);
          expect(result.text).toContain(url);
          if (disclosure !== '') expect(result.text.endsWith(`\n\n${disclosure}`)).toBe(true);
          if (result.truncated) expect(body.startsWith(result.text.split('\u2026')[0] ?? '\u0000')).toBe(true);
          else expect(result.text.startsWith(body.trim())).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('variants and fallback', () => {
  const texts: SuggestedText[] = [
    { network: 'linkedin', language: 'en', variants: ['EN one', 'EN two', 'EN three', 'EN four', 'EN five'] },
    { network: 'linkedin', language: 'it', variants: ['IT uno', '  '] },
    { network: 'x', language: 'ja', variants: ['', ' '] },
    { network: 'x', language: 'en', variants: ['X en'] },
  ];
  const item: Pick<ContentItem, 'id' | 'title' | 'language' | 'suggestedTexts'> = {
    id: 'c1',
    title: 'Customer engagement in 2026',
    language: 'it',
    suggestedTexts: texts,
  };
  const url = 'https://hub.example.com/l/Zz9';

  it.each([
    ['person language first', 'it', 'linkedin', 'it'],
    ['item language next', 'ja', 'linkedin', 'it'],
    ['skips entries whose variants are all blank', 'ja', 'x', 'en'],
    ['English last', 'zh', 'x', 'en'],
  ] as const)('%s', (_label, personLanguage, network, expected) => {
    expect(findSuggestedText(item, network, personLanguage)?.language).toBe(expected);
  });

  it('is undefined when nothing exists for the network', () => {
    expect(findSuggestedText(item, 'facebook', 'en')).toBeUndefined();
  });

  it('spreads a hundred sharers over all variants and is stable per person', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 100; i++) {
      const post = buildSuggestedPost({ item, employeeId: `emp-${i}`, personLanguage: 'en', network: 'linkedin', url });
      expect(post.ok).toBe(true);
      if (post.ok) counts.set(post.text, (counts.get(post.text) ?? 0) + 1);
    }
    expect(counts.size).toBe(5);
    for (const n of counts.values()) expect(n).toBeLessThan(40);
    const again = () => buildSuggestedPost({ item, employeeId: 'emp-7', personLanguage: 'en', network: 'linkedin', url });
    expect(again()).toEqual(again());
  });

  it('rotates to the next variant on request, wrapping both ways', () => {
    const base = pickVariantIndex(5, 'emp-1', 'c1', 'linkedin');
    expect(pickVariantIndex(5, 'emp-1', 'c1', 'linkedin', 1)).toBe((base + 1) % 5);
    expect(pickVariantIndex(5, 'emp-1', 'c1', 'linkedin', -1)).toBe((base + 4) % 5);
    expect(pickVariantIndex(5, 'emp-1', 'c1', 'linkedin', 5)).toBe(base);
    expect(pickVariantIndex(0, 'emp-1', 'c1', 'linkedin')).toBe(-1);
    expect(pickVariantIndex(5, 'emp-1', 'c1', 'linkedin', Number.NaN)).toBe(base);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.string(), fc.integer({ min: -50, max: 50 }), (n, id, rot) => {
        const index = pickVariantIndex(n, id, 'c1', 'x', rot);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(n);
      }),
    );
  });

  it('builds the post with disclosure and reports language and variant', () => {
    const post = buildSuggestedPost({ item, employeeId: 'emp-1', personLanguage: 'it', network: 'linkedin', url, disclosure: '#dipendente' });
    expect(post).toMatchObject({ ok: true, language: 'it', variantIndex: 0, variantCount: 1, text: `IT uno\n\n${url}\n\n#dipendente` });
  });

  it('falls back to the title when there is no suggested text', () => {
    const post = buildSuggestedPost({ item, employeeId: 'emp-1', personLanguage: 'en', network: 'facebook', url });
    expect(post).toMatchObject({ ok: true, language: 'it', variantIndex: -1, variantCount: 0, text: `Customer engagement in 2026\n\n${url}` });
  });
});
