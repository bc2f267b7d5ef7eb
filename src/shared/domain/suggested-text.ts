/**
 * Suggested post text: per network and language, varied per person so a hundred sharers do not
 * post byte-identical text (seed 002: everyone sharing the same thing at once is the problem to
 * mitigate), fitted to each network's length limit with the tracked link and disclosure intact.
 */
import type { ContentItem, Language, Network, SuggestedText } from './types.js';

/**
 * 32-bit FNV-1a over the UTF-8 bytes of `input`. A tiny, well-known, dependency-free hash so the
 * variant a person gets is deterministic (same card every time) and identical in bot and tab.
 */
export function fnv1a32(input: string): number {
  let hash = 0x811c9dc5;
  const mix = (byte: number): void => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) mix(cp);
    else if (cp < 0x800) {
      mix(0xc0 | (cp >> 6));
      mix(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      mix(0xe0 | (cp >> 12));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    } else {
      mix(0xf0 | (cp >> 18));
      mix(0x80 | ((cp >> 12) & 0x3f));
      mix(0x80 | ((cp >> 6) & 0x3f));
      mix(0x80 | (cp & 0x3f));
    }
  }
  return hash >>> 0;
}

/**
 * Languages tried for suggested text: the person's, then the item's, then English. Editing in
 * one's own language is what makes a share sound like the person (seed 000: own words).
 */
export function languageFallbackChain(personLanguage: Language, itemLanguage: Language): Language[] {
  return [...new Set<Language>([personLanguage, itemLanguage, 'en'])];
}

/**
 * The suggested text entry to use: the first language of the fallback chain that has non-empty
 * variants for this network.
 */
export function findSuggestedText(
  item: Pick<ContentItem, 'language' | 'suggestedTexts'>,
  network: Network,
  personLanguage: Language,
): SuggestedText | undefined {
  for (const language of languageFallbackChain(personLanguage, item.language)) {
    const found = item.suggestedTexts.find(
      (s) => s.network === network && s.language === language && s.variants.some((v) => v.trim() !== ''),
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Deterministic variant index for (person, item, network). `rotation` moves to the next variant
 * when the person asks for another suggestion, wrapping around.
 */
export function pickVariantIndex(
  variantCount: number,
  employeeId: string,
  contentId: string,
  network: Network,
  rotation = 0,
): number {
  if (variantCount <= 0) return -1;
  const base = fnv1a32(`${employeeId}\u0000${contentId}\u0000${network}`) % variantCount;
  const turns = Number.isFinite(rotation) ? Math.trunc(rotation) : 0;
  const step = ((turns % variantCount) + variantCount) % variantCount;
  return (base + step) % variantCount;
}

/** Network post limits in characters (X counted with its weighted rules). */
export const NETWORK_TEXT_LIMITS: Readonly<Record<Network, number>> = Object.freeze({
  x: 280,
  linkedin: 3000,
  facebook: 63206,
});

/** X counts every URL as this many characters (t.co wrapping). */
export const X_URL_LENGTH = 23;

const URL_PATTERN = /https?:\/\/[^\s]+/gu;
const TRAILING_URL_PUNCTUATION = /[.,;:!?'")\]]+$/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** URL spans [start, end) in `text`, without trailing sentence punctuation (as X parses them). */
export function findUrlSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = m[0].replace(TRAILING_URL_PUNCTUATION, '');
    const start = m.index ?? 0;
    spans.push([start, start + url.length]);
  }
  return spans;
}

/** X weight of one code point: 1 for Latin, Cyrillic, Thai and common punctuation ranges, else 2 (CJK). */
function xCodePointWeight(cp: number): number {
  if (cp <= 4351) return 1;
  if (cp >= 8192 && cp <= 8205) return 1;
  if (cp >= 8208 && cp <= 8223) return 1;
  if (cp >= 8242 && cp <= 8247) return 1;
  return 2;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function xWeightOfPlainText(text: string): number {
  let total = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (PICTOGRAPHIC.test(segment)) {
      total += 2;
      continue;
    }
    for (const ch of segment) total += xCodePointWeight(ch.codePointAt(0) ?? 0);
  }
  return total;
}

/**
 * Length of a post as the network counts it. X: twitter-text v3 weighted count after NFC, every
 * URL = 23, CJK and most symbols = 2, an emoji (sequence) = 2. LinkedIn and Facebook: UTF-16
 * length, which is never below the visible count, so a fitted post is never rejected.
 */
export function countNetworkLength(text: string, network: Network): number {
  if (network !== 'x') return text.length;
  const normalized = text.normalize('NFC');
  let total = 0;
  let cursor = 0;
  for (const [start, end] of findUrlSpans(normalized)) {
    total += xWeightOfPlainText(normalized.slice(cursor, start)) + X_URL_LENGTH;
    cursor = end;
  }
  return total + xWeightOfPlainText(normalized.slice(cursor));
}

/** What to fit into a post. */
export interface ComposeShareTextInput {
  body: string;
  network: Network;
  /** Tracked link; appended unless the body already contains it. Never truncated. */
  url?: string;
  /** Programme disclosure (e.g. `#employee`); appended unless already present. Never truncated. */
  disclosure?: string;
  /** Language of the body, for word segmentation when truncating (CJK and Thai have no spaces). */
  language?: Language;
}

export type ComposeShareTextResult =
  | { ok: true; text: string; length: number; limit: number; truncated: boolean }
  | { ok: false; error: 'does-not-fit'; minimumLength: number; limit: number };

const ELLIPSIS = '\u2026';
const TRAILING_SOFT = /[\s.,;:!?、。，．・\-–—]+$/u;

/** Cut positions in `body` at word ends, never inside a URL, ascending. */
function wordBoundaries(body: string, language: Language): number[] {
  const spans = findUrlSpans(body);
  const inside = (pos: number): boolean => spans.some(([s, e]) => pos > s && pos < e);
  const cuts = new Set<number>(spans.map(([, e]) => e));
  for (const seg of new Intl.Segmenter(language, { granularity: 'word' }).segment(body)) {
    const end = seg.index + seg.segment.length;
    if (seg.isWordLike === true && !inside(end)) cuts.add(end);
  }
  return [...cuts].sort((a, b) => a - b);
}

/**
 * Builds the post: body, then the URL, then the disclosure, separated by blank lines. If it is too
 * long for the network, the body is cut at the longest word boundary that fits and ends with an
 * ellipsis; the URL and disclosure stay whole. Returns an error instead of throwing when even the
 * shortest acceptable post (one word + URL + disclosure) does not fit.
 */
export function composeShareText(input: ComposeShareTextInput): ComposeShareTextResult {
  const { network } = input;
  const limit = NETWORK_TEXT_LIMITS[network];
  const body = input.body.trim();
  const url = input.url?.trim() ?? '';
  const disclosure = input.disclosure?.trim() ?? '';
  const tail: string[] = [];
  if (url !== '' && !body.includes(url)) tail.push(url);
  if (disclosure !== '' && !body.toLowerCase().includes(disclosure.toLowerCase())) tail.push(disclosure);
  const join = (head: string): string => [head, ...tail].filter((p) => p !== '').join('\n\n');
  const full = join(body);
  const fullLength = countNetworkLength(full, network);
  if (fullLength <= limit) return { ok: true, text: full, length: fullLength, limit, truncated: false };

  const cutText = (pos: number): string => {
    const head = body.slice(0, pos).replace(TRAILING_SOFT, '');
    return head === '' ? '' : join(head + ELLIPSIS);
  };
  const cuts = wordBoundaries(body, input.language ?? 'en');
  let lo = 0;
  let hi = cuts.length - 1;
  let best = '';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = cutText(cuts[mid] ?? 0);
    if (candidate !== '' && countNetworkLength(candidate, network) <= limit) {
      best = candidate;
      lo = mid + 1;
    } else if (candidate === '') lo = mid + 1;
    else hi = mid - 1;
  }
  if (best === '') {
    return { ok: false, error: 'does-not-fit', minimumLength: countNetworkLength(join(ELLIPSIS), network), limit };
  }
  return { ok: true, text: best, length: countNetworkLength(best, network), limit, truncated: true };
}

/** Everything needed to build one person's suggested post for one item and network. */
export interface BuildSuggestedPostInput {
  item: Pick<ContentItem, 'id' | 'title' | 'language' | 'suggestedTexts'>;
  employeeId: string;
  personLanguage: Language;
  network: Network;
  url: string;
  disclosure?: string;
  rotation?: number;
}

export type SuggestedPost = ComposeShareTextResult & {
  language: Language;
  /** Index of the chosen variant; -1 when no suggested text exists and the title was used. */
  variantIndex: number;
  variantCount: number;
};

/**
 * Picks the language (fallback chain), the person's deterministic variant, then fits it to the
 * network. Without any suggested text the item's title is used, so a prompt never goes out empty.
 */
export function buildSuggestedPost(input: BuildSuggestedPostInput): SuggestedPost {
  const { item, network } = input;
  const entry = findSuggestedText(item, network, input.personLanguage);
  const variants = entry?.variants.filter((v) => v.trim() !== '') ?? [];
  const variantIndex = pickVariantIndex(variants.length, input.employeeId, item.id, network, input.rotation);
  const language = entry?.language ?? item.language;
  const body = variants[variantIndex] ?? item.title;
  const composed = composeShareText({
    body,
    network,
    url: input.url,
    language,
    ...(input.disclosure !== undefined ? { disclosure: input.disclosure } : {}),
  });
  return { ...composed, language, variantIndex, variantCount: variants.length };
}
