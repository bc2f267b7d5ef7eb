/**
 * Tracked links: a short unguessable code per (share, network) that redirects to the registered
 * target with UTM parameters. Seed 002 (GaggleAMP): ROI is measured by link clicks back to the
 * site, then form fills, with the lead source passed on to marketing automation and the CRM
 * (closed-loop marketing); `utm_content=<code>` is what lets a deal be traced to one share.
 * Seed 003 (Oktopost): the contest is scored on clicks, so clicks must be attributable.
 */
import type { Network } from './types.js';

/** Base62 alphabet of link codes (URL-safe without escaping, no case folding issues in paths). */
export const LINK_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 12 base62 characters = 12 * log2(62) ≈ 71.4 bits: not enumerable, still short in a post. */
export const LINK_CODE_LENGTH = 12;
/** Largest multiple of 62 below 256: bytes at or above it are discarded to avoid modulo bias. */
const UNBIASED_LIMIT = 248;
const MAX_BATCHES = 64;
const LINK_CODE_PATTERN = /^[0-9A-Za-z]{12}$/;

/** `utm_medium` of every tracked link, so analytics can separate advocacy from paid social. */
export const UTM_MEDIUM = 'employee-advocacy';
/** Longest share target accepted; longer URLs break share dialogs and Teams cards. */
export const MAX_TARGET_URL_LENGTH = 2048;

/**
 * Creates a link code from injected randomness (the bot passes `crypto.randomBytes`). Rejection
 * sampling keeps every character uniform, so the code carries the full ~71.4 bits of entropy.
 */
export function createLinkCode(randomBytes: (count: number) => Uint8Array): string {
  let code = '';
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    for (const byte of randomBytes(16)) {
      if (byte >= UNBIASED_LIMIT) continue;
      code += LINK_CODE_ALPHABET[byte % 62];
      if (code.length === LINK_CODE_LENGTH) return code;
    }
  }
  throw new Error('randomBytes returned too few usable bytes for a link code.');
}

/** Checks a code from a request path before any table lookup (cheap rejection of junk). */
export function isValidLinkCode(code: string): boolean {
  return LINK_CODE_PATTERN.test(code);
}

export type ShareTargetProblem = 'malformed' | 'unsupported-scheme' | 'credentials' | 'too-long';
export type ShareTargetCheck = { ok: true; url: string } | { ok: false; problem: ShareTargetProblem };

/**
 * Accepts only plain http(s) URLs without embedded credentials: a redirect service must never be
 * usable to send people to `javascript:`/`data:` URLs or leak a `user:pass@` to the public.
 */
export function validateShareTarget(url: string): ShareTargetCheck {
  if (url.length > MAX_TARGET_URL_LENGTH) return { ok: false, problem: 'too-long' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, problem: 'unsupported-scheme' };
  if (parsed.username !== '' || parsed.password !== '') return { ok: false, problem: 'credentials' };
  if (parsed.hostname === '') return { ok: false, problem: 'malformed' };
  return { ok: true, url: parsed.href };
}

export interface TrackingTags {
  network: Network;
  /** Campaign id or slug; omitted from the URL when absent. */
  campaign?: string;
  code: string;
}

function decodeKey(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Where a target's own `utm_content` is kept when the share code replaces it. */
export const UTM_CONTENT_ORIGINAL = 'utm_content_original';

/**
 * Adds `utm_source=<network>`, `utm_medium=employee-advocacy`, `utm_campaign`, `utm_content=<code>`
 * to a validated target. The target's own parameters are kept byte for byte, in order, with its
 * fragment.
 *
 * - `utm_content` is always ours: it carries the share code that ties a click, a form fill and a
 *   deal to one share (seed 002, closed-loop marketing). A target's own `utm_content` is removed
 *   and its raw value kept as `utm_content_original` (appended after our tags, unless the target
 *   already sets that parameter), so marketing's tag is not lost.
 * - Other `utm_*` the target already sets win (marketing may tag its own content) unless
 *   `override` is true, when ours replace them.
 *
 * Throws `RangeError` for a target that fails `validateShareTarget`.
 */
export function buildTrackedUrl(target: string, tags: TrackingTags, options: { override?: boolean } = {}): string {
  const check = validateShareTarget(target);
  if (!check.ok) throw new RangeError(`Share target refused: ${check.problem}`);
  const url = new URL(check.url);
  const ours: [string, string][] = [
    ['utm_source', tags.network],
    ['utm_medium', UTM_MEDIUM],
    ...(tags.campaign ? [['utm_campaign', tags.campaign] as [string, string]] : []),
    ['utm_content', tags.code],
  ];
  const ourKeys = new Set(ours.map(([key]) => key));
  const pairs = url.search.replace(/^\?/, '').split('&').filter((pair) => pair !== '');
  const replaced = (key: string): boolean => key === 'utm_content' || (options.override === true && ourKeys.has(key));
  const kept = pairs.filter((pair) => !replaced(decodeKey(pair)));
  const originalContent = pairs.find((pair) => decodeKey(pair) === 'utm_content');
  const present = new Set(kept.map(decodeKey));
  const added = ours
    .filter(([key]) => !present.has(key))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  if (originalContent !== undefined && !present.has(UTM_CONTENT_ORIGINAL)) {
    const eq = originalContent.indexOf('=');
    added.push(`${UTM_CONTENT_ORIGINAL}=${eq === -1 ? '' : originalContent.slice(eq + 1)}`);
  }
  const search = [...kept, ...added].join('&');
  url.search = search === '' ? '' : `?${search}`;
  return url.href;
}

/** The public short link a post carries (`https://host/l/<code>`), so clicks pass through us. */
export function buildPublicLinkUrl(baseUrl: string, code: string): string {
  if (!isValidLinkCode(code)) throw new RangeError('Invalid link code.');
  return new URL(`l/${code}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}

/** The post text with the tracked link in it (appended on its own line unless already present). */
export function withLinkInText(text: string, publicUrl: string): string {
  const body = text.trim();
  if (body.includes(publicUrl)) return body;
  return body === '' ? publicUrl : `${body}\n\n${publicUrl}`;
}

/**
 * LinkedIn's feed composer, opened with the post text (link included) already typed in. The
 * documented `sharing/share-offsite` endpoint takes only a URL and drops any text, which would
 * throw away the person's own words; the feed composer keeps them.
 */
export function buildLinkedInShareUrl(publicUrl: string, text: string): string {
  return `https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent(withLinkInText(text, publicUrl))}`;
}

/** X post intent at `https://x.com/intent/post` (the current name of `intent/tweet`); X appends `url` to `text`. */
export function buildXShareUrl(publicUrl: string, text: string): string {
  return `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${encodeURIComponent(publicUrl)}`;
}

/** Facebook sharer: URL only; Facebook's platform policy forbids prefilling the post text. */
export function buildFacebookShareUrl(publicUrl: string): string {
  return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(publicUrl)}`;
}

/**
 * The share dialog for a network, so cards, the tab and `/s/` pick dialogs from one place.
 * `text` is the post without the link (LinkedIn gets the link added to it, X takes it apart,
 * Facebook takes no text at all).
 */
export function buildShareDialogUrl(network: Network, publicUrl: string, text: string): string {
  switch (network) {
    case 'linkedin':
      return buildLinkedInShareUrl(publicUrl, text);
    case 'x':
      return buildXShareUrl(publicUrl, text);
    case 'facebook':
      return buildFacebookShareUrl(publicUrl);
  }
}
