import { describe, expect, it } from 'vitest';
import { cleanBlockedPhrases, DEFAULT_BLOCKED_PHRASES, findBlockedPhrases, findBlockedPhrasesIn } from '../../../src/shared/domain/blocked-phrases.js';

const PHRASES = [...DEFAULT_BLOCKED_PHRASES, 'クリック保証', 'ฟรีเงิน'];

describe('findBlockedPhrases', () => {
  const table: Array<[string, string, string[]]> = [
    ['exact English', 'Buy Uganda Telegram data here', ['Uganda Telegram data']],
    ['case-insensitive', 'UGANDA telegram DATA', ['Uganda Telegram data']],
    ['extra and other white space', 'Uganda\u00A0 Telegram\n\tdata', ['Uganda Telegram data']],
    ['full-width Latin (NFKC)', 'Ｕｇａｎｄａ Ｔｅｌｅｇｒａｍ ｄａｔａ', ['Uganda Telegram data']],
    ['zero-width characters inside', 'Ugan\u200Bda Tele\u200Dgram data', ['Uganda Telegram data']],
    ['Chinese inside a sentence without spaces', '本文介绍了员工倡导。乌干达电报数据请联系我们。', ['乌干达电报数据']],
    ['Japanese inside a sentence', '今ならクリック保証付きです', ['クリック保証']],
    ['Thai without word boundaries', 'รับฟรีเงินทันที', ['ฟรีเงิน']],
    ['both spam phrases once each', '乌干达电报数据 Uganda Telegram data 乌干达电报数据', ['Uganda Telegram data', '乌干达电报数据']],
    ['clean text', 'Employees are trusted three times more than brands.', []],
    ['part of the phrase only', 'Uganda is a country; Telegram is an app.', []],
    ['empty text', '', []],
  ];
  it.each(table)('%s', (_name, text, expected) => {
    expect(findBlockedPhrases(text, PHRASES)).toEqual(expected);
  });

  it('ignores empty phrases and looks across several texts', () => {
    expect(findBlockedPhrases('anything', ['', '   '])).toEqual([]);
    expect(findBlockedPhrasesIn(['clean', 'has 乌干达电报数据'], PHRASES)).toEqual(['乌干达电报数据']);
  });
});

describe('cleanBlockedPhrases', () => {
  it('trims, drops empty lines and duplicates by normalised form', () => {
    expect(cleanBlockedPhrases([' Uganda Telegram data ', '', 'uganda  TELEGRAM data', '乌干达电报数据'])).toEqual({ ok: true, phrases: ['Uganda Telegram data', '乌干达电报数据'] });
  });
  it('refuses a phrase over 200 characters and over 500 phrases', () => {
    expect(cleanBlockedPhrases(['x'.repeat(201)])).toMatchObject({ ok: false, problem: 'too-long' });
    expect(cleanBlockedPhrases(Array.from({ length: 501 }, (_, i) => `phrase ${i}`))).toEqual({ ok: false, problem: 'too-many' });
  });
});
