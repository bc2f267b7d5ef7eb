import { describe, it, expect } from 'vitest';
import {
  conversionLinkCode,
  currencyExponent,
  isSignatureFresh,
  parseSignatureHeader,
  signedPayload,
  toMinorUnits,
} from '../../../src/shared/domain/conversions.js';

const HEX = 'a'.repeat(64);

describe('amounts in minor units', () => {
  it.each([
    ['1234.50', 'EUR', 123450],
    ['1234.5', 'USD', 123450],
    ['1234', 'USD', 123400],
    ['0', 'USD', 0],
    ['0.07', 'GBP', 7],
    ['5000', 'JPY', 5000],
    ['1.234', 'KWD', 1234],
  ])('%s %s is %i', (amount, currency, minor) => expect(toMinorUnits(amount, currency)).toBe(minor));

  it.each([
    ['-5', 'USD'],
    ['1e3', 'USD'],
    ['12.345', 'USD'],
    ['1.5', 'JPY'],
    ['', 'USD'],
    ['12,50', 'EUR'],
    ['1', 'usd'],
    ['1', 'EURO'],
    ['999999999999999', 'USD'],
  ])('refuses %j %s', (amount, currency) => expect(() => toMinorUnits(amount, currency)).toThrow(RangeError));

  it('knows currency exponents', () => {
    expect([currencyExponent('EUR'), currencyExponent('JPY'), currencyExponent('BHD')]).toEqual([2, 0, 3]);
  });
});

describe('signature header', () => {
  it('parses t and every v1 (secret rotation), ignoring unknown schemes', () => {
    expect(parseSignatureHeader(`t=1700000000, v1=${HEX},v0=zz,v1=${'B'.repeat(64)}`)).toEqual({ timestamp: 1700000000, signatures: [HEX, 'b'.repeat(64)] });
  });
  it.each([undefined, '', 't=1700000000', `v1=${HEX}`, `t=abc,v1=${HEX}`, 't=1,v1=short', `t=-1,v1=${HEX}`, 'garbage'])('refuses %j', (header) => {
    expect(parseSignatureHeader(header)).toBeUndefined();
  });
  it('accepts timestamps within five minutes either way', () => {
    expect(isSignatureFresh(1000, 1300)).toBe(true);
    expect(isSignatureFresh(1000, 700)).toBe(true);
    expect(isSignatureFresh(1000, 1301)).toBe(false);
    expect(isSignatureFresh(1000, 699)).toBe(false);
    expect(isSignatureFresh(1000, 1010, 5)).toBe(false);
  });
  it('signs timestamp, dot, raw body', () => expect(signedPayload(12, '{"a":1}')).toBe('12.{"a":1}'));
});

describe('link code of a conversion', () => {
  it.each([
    [{ linkCode: 'AbC123' }, 'AbC123'],
    [{ utmContent: ' AbC123 ' }, 'AbC123'],
    [{ linkCode: 'one', utmContent: 'two' }, 'one'],
    [{ utmContent: '  ' }, undefined],
    [{}, undefined],
  ])('%j -> %s', (input, code) => expect(conversionLinkCode(input)).toBe(code));
});
