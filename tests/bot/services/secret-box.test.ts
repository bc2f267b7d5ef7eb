/**
 * Secrets at rest (secret-box.ts): a sealed value opens to the secret with the same key material,
 * never shows the secret, differs each time (random IV); another key or an altered value fails to
 * open; a value stored before encryption (plain `whsec_...`) is read as it is.
 */
import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../src/bot/services/secret-box.js';

const SECRET = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

describe('secret box', () => {
  const box = createSecretBox('k'.repeat(40));

  it('seals and opens', () => {
    const sealed = box.seal(SECRET);
    expect(sealed.startsWith('enc:v1:')).toBe(true);
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toContain(SECRET.slice(6, 20));
    expect(box.seal(SECRET)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(SECRET);
  });

  it('refuses another key and an altered value', () => {
    const sealed = box.seal(SECRET);
    expect(() => createSecretBox('j'.repeat(40)).open(sealed)).toThrow();
    const [iv, tag, ciphertext] = sealed.slice('enc:v1:'.length).split('.') as [string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box.open(`enc:v1:${iv}.${tag}.${flipped.toString('base64url')}`)).toThrow();
    expect(() => box.open('enc:v1:broken')).toThrow(/malformed/);
  });

  it('reads a key stored before encryption, and refuses short key material', () => {
    expect(box.open(SECRET)).toBe(SECRET);
    expect(() => createSecretBox('short')).toThrow(RangeError);
  });
});
