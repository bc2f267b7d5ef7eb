/** The words of a share per network: disclosure, fitting, edits and "why it matters". */
import { describe, expect, it } from 'vitest';
import { checkEditedBody, composeNetworkText, disclosureFor, explainWhy, joinPost, suggestedBody } from '../../../src/bot/services/share-text.js';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../../src/bot/services/sharing.ports.js';
import { PERSONAS, SUPPORTED_LANGUAGES } from '../../../src/shared/domain/types.js';
import { catalogs, translator } from '../../../src/shared/i18n/index.js';
import { makeContentItem, makeEmployee } from '../../support/fixtures.js';

const URL_ = 'https://hub.example.com/l/Abc123Def456';

describe('disclosure', () => {
  it.each(SUPPORTED_LANGUAGES)('%s names the company and is short enough for X', (language) => {
    const text = disclosureFor(DEFAULT_PROGRAMME_SETTINGS, language)!;
    expect(text).toContain('Contoso');
    expect(text).toMatch(/#/);
    expect(text.length).toBeLessThanOrEqual(40);
  });

  it('is absent when the programme turned it off', () => {
    expect(disclosureFor({ ...DEFAULT_PROGRAMME_SETTINGS, disclosureEnabled: false }, 'en')).toBeUndefined();
  });
});

describe('composeNetworkText', () => {
  it('joins body, disclosure and link with blank lines and counts as the network does', () => {
    const t = composeNetworkText('  日本語のテキスト ', 'x', URL_, '#社員');
    expect(t).toEqual({
      body: '日本語のテキスト',
      disclosure: '#社員',
      length: 16 + 2 + 5 + 2 + 23, // CJK weighs 2 on X, '#' 1, every URL 23
      limit: 280,
      textWithoutLink: '日本語のテキスト\n\n#社員',
      fullText: `日本語のテキスト\n\n#社員\n\n${URL_}`,
    });
    expect(joinPost('a', undefined, undefined)).toBe('a');
  });

  it('does not repeat a disclosure the person already wrote', () => {
    expect(composeNetworkText('Great launch. I work at Contoso. #employee', 'linkedin', URL_, 'I work at Contoso. #employee').disclosure).toBeUndefined();
  });
});

describe('checkEditedBody', () => {
  it.each([
    ['   ', 'x', 'empty'],
    ['a'.repeat(255), 'x', undefined], // 255 + 2 + 23 = 280
    ['a'.repeat(256), 'x', 'too-long'],
    ['a'.repeat(3001), 'facebook', 'too-long'],
    ['a'.repeat(3000 - 2 - URL_.length), 'linkedin', undefined],
    ['a'.repeat(3000 - 1 - URL_.length), 'linkedin', 'too-long'],
  ] as const)('case %#', (body, network, expected) => {
    expect(checkEditedBody(body, network, URL_)).toBe(expected);
  });
});

describe('suggestedBody', () => {
  it('fits a long suggestion so the link and disclosure stay whole', () => {
    const item = makeContentItem('c', { suggestedTexts: [{ network: 'x', language: 'en', variants: ['word '.repeat(80)] }] });
    const body = suggestedBody(item, 'e', 'en', 'x', URL_, 'I work at Contoso. #employee');
    expect(body.endsWith('\u2026')).toBe(true);
    expect(composeNetworkText(body, 'x', URL_, 'I work at Contoso. #employee').disclosure).toBeDefined();
  });

  it('falls back to the title when there is no suggestion, or when nothing fits', () => {
    expect(suggestedBody(makeContentItem('c'), 'e', 'en', 'linkedin', URL_, undefined)).toBe('Item c');
    const long = makeContentItem('c', { suggestedTexts: [{ network: 'x', language: 'en', variants: ['x'.repeat(400)] }] });
    expect(suggestedBody(long, 'e', 'en', 'x', URL_, 'd'.repeat(270))).toBe('Item c');
  });
});

describe('explainWhy', () => {
  const topics = [{ id: 'ai', name: { en: 'AI', it: 'IA' } }];
  it.each([
    ['a followed topic first', { topics: ['ai'], targetTeams: ['Sales'] }, { topics: [{ topicId: 'ai', role: 'social-mind' as const }] }, { key: 'why.topic', params: { topic: 'IA' } }],
    ['an unknown topic by its id', { topics: ['ml'], targetTeams: [] }, { topics: [{ topicId: 'ml', role: 'social-mind' as const }] }, { key: 'why.topic', params: { topic: 'ml' } }],
    ['then the team', { topics: ['ai'], targetTeams: ['Sales'] }, {}, { key: 'why.team', params: { team: 'Sales' } }],
    ['else the persona', { topics: [], targetTeams: [] }, { persona: 'networker' as const }, { key: 'why.persona.networker', params: {} }],
  ])('%s', (_label, item, person, expected) => {
    expect(explainWhy(item, makeEmployee(person), topics, 'it')).toEqual(expected);
  });

  it.each(SUPPORTED_LANGUAGES)('every key it can return has a %s text', (language) => {
    const t = translator(language, 'sharing');
    for (const key of ['why.topic', 'why.team', ...PERSONAS.map((p) => `why.persona.${p}`)]) {
      const text = t(key, { topic: 'X', team: 'Y' });
      expect(text, key).not.toBe(key);
      expect(text).not.toContain('{{');
    }
    expect(Object.keys(catalogs.sharing[language].refused)).toHaveLength(6);
  });
});
