import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  buildFacebookShareUrl,
  buildLinkedInShareUrl,
  buildPublicLinkUrl,
  buildShareDialogUrl,
  buildTrackedUrl,
  buildXShareUrl,
  withLinkInText,
  createLinkCode,
  isValidLinkCode,
  LINK_CODE_ALPHABET,
  LINK_CODE_LENGTH,
  validateShareTarget,
} from '../../../src/shared/domain/tracked-links.js';

const bytesFrom = (values: number[]) => {
  let i = 0;
  return (n: number) => Uint8Array.from({ length: n }, () => values[i++ % values.length] ?? 0);
};

describe('createLinkCode', () => {
  it('maps unbiased bytes onto base62 and skips bytes >= 248', () => {
    const code = createLinkCode(bytesFrom([248, 255, 0, 61, 62, 247, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    // 248, 255 skipped; 0 -> '0', 61 -> 'z', 62 -> '0', 247 (= 3*62+61) -> 'z', then 1..8.
    expect(code).toBe('0z0z12345678');
    expect(code).toHaveLength(LINK_CODE_LENGTH);
  });

  it('throws when the randomness source never yields usable bytes', () => {
    expect(() => createLinkCode(bytesFrom([255]))).toThrow();
  });

  it('always yields 12 alphabet characters (property) and uses the whole alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (a, b) => {
        const batches = [a, b, Uint8Array.from({ length: 16 }, (_, i) => i)];
        let call = 0;
        const code = createLinkCode(() => batches[Math.min(call++, 2)] ?? new Uint8Array(16));
        expect(isValidLinkCode(code)).toBe(true);
        expect([...code].every((c) => LINK_CODE_ALPHABET.includes(c))).toBe(true);
      }),
    );
    const seen = new Set(createLinkCode(bytesFrom(Array.from({ length: 62 }, (_, i) => i))) + createLinkCode(bytesFrom(Array.from({ length: 62 }, (_, i) => (i + 12) % 62))));
    expect(seen.size).toBe(24);
  });
});

describe('isValidLinkCode', () => {
  it.each([
    ['aZ09aZ09aZ09', true],
    ['aZ09aZ09aZ0', false],
    ['aZ09aZ09aZ09a', false],
    ['aZ09aZ09aZ0-', false],
    ['', false],
  ])('%s -> %s', (code, valid) => expect(isValidLinkCode(code)).toBe(valid));
});

describe('validateShareTarget', () => {
  it.each([
    ['https://example.com/a?b=1#c', { ok: true, url: 'https://example.com/a?b=1#c' }],
    ['http://example.com', { ok: true, url: 'http://example.com/' }],
    ['javascript:alert(1)', { ok: false, problem: 'unsupported-scheme' }],
    ['data:text/html,hi', { ok: false, problem: 'unsupported-scheme' }],
    ['ftp://example.com/file', { ok: false, problem: 'unsupported-scheme' }],
    ['https://user:pass@example.com/', { ok: false, problem: 'credentials' }],
    ['https://user@example.com/', { ok: false, problem: 'credentials' }],
    ['not a url', { ok: false, problem: 'malformed' }],
    ['https://', { ok: false, problem: 'malformed' }],
    [`https://example.com/${'a'.repeat(2048)}`, { ok: false, problem: 'too-long' }],
  ])('%s', (url, expected) => expect(validateShareTarget(url)).toEqual(expected));
});

const tags = { network: 'linkedin' as const, campaign: 'q1-launch', code: 'Abc123Def456' };

describe('buildTrackedUrl', () => {
  it.each([
    ['plain', 'https://ex.com/p', {}, 'https://ex.com/p?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456'],
    ['keeps params and fragment', 'https://ex.com/p?a=1&b=x%20y#top', {}, 'https://ex.com/p?a=1&b=x%20y&utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456#top'],
    ['keeps the target utm_source', 'https://ex.com/?utm_source=newsletter', {}, 'https://ex.com/?utm_source=newsletter&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456'],
    ['override replaces it', 'https://ex.com/?utm_source=newsletter&x=1', { override: true }, 'https://ex.com/?x=1&utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456'],
    ['own utm_content: the code wins, the original is kept aside', 'https://ex.com/?utm_content=hero%20banner&a=1', {}, 'https://ex.com/?a=1&utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456&utm_content_original=hero%20banner'],
    ['encoded utm_content key is replaced too', 'https://ex.com/?utm%5Fcontent=mine', {}, 'https://ex.com/?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456&utm_content_original=mine'],
    ['valueless utm_content', 'https://ex.com/?utm_content', {}, 'https://ex.com/?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456&utm_content_original='],
    ['an existing utm_content_original is not overwritten', 'https://ex.com/?utm_content_original=first&utm_content=second', {}, 'https://ex.com/?utm_content_original=first&utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456'],
    ['override replaces utm_content as well', 'https://ex.com/?utm_content=x&utm_medium=mail', { override: true }, 'https://ex.com/?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456&utm_content_original=x'],
    ['bad escape in a key is kept', 'https://ex.com/?%E0%A4%A=1', {}, 'https://ex.com/?%E0%A4%A=1&utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=q1-launch&utm_content=Abc123Def456'],
  ])('%s', (_label, target, options, expected) => {
    expect(buildTrackedUrl(target, tags, options)).toBe(expected);
  });

  it('omits utm_campaign without a campaign and encodes values', () => {
    expect(buildTrackedUrl('https://ex.com/', { network: 'x', code: 'Abc123Def456' })).toBe('https://ex.com/?utm_source=x&utm_medium=employee-advocacy&utm_content=Abc123Def456');
    expect(buildTrackedUrl('https://ex.com/', { ...tags, campaign: 'a&b c' })).toContain('utm_campaign=a%26b%20c');
  });

  it('refuses unsafe targets', () => {
    expect(() => buildTrackedUrl('javascript:alert(1)', tags)).toThrow(RangeError);
  });

  it('preserves every original parameter, in order, and the fragment (property)', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/).filter((k) => !k.startsWith('utm_'));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 8 })), { maxLength: 6 }), fc.option(fc.stringMatching(/^[a-z0-9-]{1,10}$/), { nil: undefined }), fc.boolean(), (params, fragment, override) => {
        const original = new URL('https://example.org/path');
        for (const [k, v] of params) original.searchParams.append(k, v);
        if (fragment) original.hash = fragment;
        const tracked = new URL(buildTrackedUrl(original.href, tags, { override }));
        const all = [...tracked.searchParams];
        expect(all.slice(0, params.length)).toEqual(params);
        expect(Object.fromEntries(all.slice(params.length))).toEqual({ utm_source: 'linkedin', utm_medium: 'employee-advocacy', utm_campaign: 'q1-launch', utm_content: 'Abc123Def456' });
        expect(tracked.hash).toBe(original.hash);
        expect(tracked.pathname).toBe('/path');
      }),
    );
  });
});

describe('share dialogs', () => {
  const link = 'https://hub.example.com/l/Abc123Def456';
  it.each([
    ['linkedin', 'https://www.linkedin.com/feed/?shareActive=true&text=Read%20this%20%26%20share%20%23ai%0A%0Ahttps%3A%2F%2Fhub.example.com%2Fl%2FAbc123Def456'],
    ['x', 'https://x.com/intent/post?text=Read%20this%20%26%20share%20%23ai&url=https%3A%2F%2Fhub.example.com%2Fl%2FAbc123Def456'],
    ['facebook', 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fhub.example.com%2Fl%2FAbc123Def456'],
  ] as const)('%s', (network, expected) => {
    expect(buildShareDialogUrl(network, link, 'Read this & share #ai')).toBe(expected);
  });

  it('exposes each builder', () => {
    expect(new URL(buildLinkedInShareUrl(link, 'Mine')).searchParams.get('text')).toBe(`Mine\n\n${link}`);
    expect(new URL(buildLinkedInShareUrl(link, `See ${link} now`)).searchParams.get('text')).toBe(`See ${link} now`);
    expect(new URL(buildLinkedInShareUrl(link, '  ')).searchParams.get('text')).toBe(link);
    expect(withLinkInText('A', link)).toBe(`A\n\n${link}`);
    expect(new URL(buildXShareUrl(link, '日本語')).searchParams.get('text')).toBe('日本語');
    expect(new URL(buildFacebookShareUrl(link)).searchParams.get('u')).toBe(link);
  });

  it.each([
    ['https://hub.example.com', 'https://hub.example.com/l/Abc123Def456'],
    ['https://hub.example.com/base/', 'https://hub.example.com/base/l/Abc123Def456'],
    ['https://hub.example.com/base', 'https://hub.example.com/base/l/Abc123Def456'],
  ])('public link from %s', (base, expected) => expect(buildPublicLinkUrl(base, 'Abc123Def456')).toBe(expected));

  it('refuses a public link with an invalid code', () => {
    expect(() => buildPublicLinkUrl('https://hub.example.com', '../admin')).toThrow(RangeError);
  });
});
