/**
 * Self-verifying link and prompt codes. A code is still 12 base62 characters (the format every
 * route, the webhook and the domain accept), but only its first 8 are random (~47.6 bits); the last
 * 4 are a tag: HMAC-SHA256(SECRET_LINK_CODE_KEY, "ah-code|" + first 8) in base62. A request whose
 * code fails the tag is refused before any storage read, so a flood of made-up codes costs no
 * table request: a random code passes the tag once in 62^4 = 14.8 million tries, and guessing a
 * real code still means guessing all 12 characters (the tag cannot be computed without the key).
 * See SECURITY.md and docs/privacy.md.
 */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { LINK_CODE_ALPHABET, LINK_CODE_LENGTH, createLinkCode, isValidLinkCode } from '../../shared/domain/tracked-links.js';

/** Random characters at the start of a code. */
export const CODE_RANDOM_LENGTH = 8;
/** Tag characters at the end of a code. */
export const CODE_TAG_LENGTH = LINK_CODE_LENGTH - CODE_RANDOM_LENGTH;

/** Public local-only key (also in config.ts as DEV_ONLY_LINK_CODE_KEY); production refuses to start without its own. */
export const DEV_LINK_CODE_KEY = 'dev-only-link-code-key-public-never-used-in-production';

/** Draws and checks codes with one key. */
export interface LinkCodes {
  /** A new code: 8 random characters from `randomBytes`, then the 4-character tag. */
  create(randomBytes: (count: number) => Uint8Array): string;
  /** The code made of `body` (8 base62 characters) and its tag (tests, seeds with fixed codes). */
  sign(body: string): string;
  /** True when `code` has the code format and its tag matches: only then may storage be read for it. */
  verify(code: string): boolean;
}

function tagOf(key: KeyObject, body: string): string {
  const digest = createHmac('sha256', key).update(`ah-code|${body}`).digest();
  // 6 bytes (48 bits) reduced to 4 base62 digits: bias below 62^4 / 2^48, negligible.
  let n = digest.readUIntBE(0, 6);
  let tag = '';
  for (let i = 0; i < CODE_TAG_LENGTH; i += 1) {
    tag += LINK_CODE_ALPHABET[n % 62];
    n = Math.floor(n / 62);
  }
  return tag;
}

/** Codes signed with `key` (SECRET_LINK_CODE_KEY). */
export function createLinkCodes(key: string = DEV_LINK_CODE_KEY): LinkCodes {
  const secret = createSecretKey(Buffer.from(key, 'utf8'));
  const sign = (body: string): string => {
    if (body.length !== CODE_RANDOM_LENGTH || !isValidLinkCode(body.padEnd(LINK_CODE_LENGTH, '0'))) throw new RangeError('a code body is 8 base62 characters');
    return body + tagOf(secret, body);
  };
  return {
    sign,
    create: (randomBytes) => sign(createLinkCode(randomBytes).slice(0, CODE_RANDOM_LENGTH)),
    verify(code) {
      if (!isValidLinkCode(code)) return false;
      const expected = Buffer.from(tagOf(secret, code.slice(0, CODE_RANDOM_LENGTH)));
      return timingSafeEqual(expected, Buffer.from(code.slice(CODE_RANDOM_LENGTH)));
    },
  };
}
