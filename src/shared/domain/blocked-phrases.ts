/**
 * Blocked phrases (an admin setting): suggestions and suggested post text that contain one are
 * flagged for review. Matching is on a normalised form: Unicode NFKC (full-width and compatibility
 * forms fold to one spelling), lower case, zero-width characters removed and every run of white
 * space read as one space. It is a substring match, so it works for scripts written without
 * spaces (Chinese, Japanese, Thai): "乌干达电报数据" is found inside a sentence.
 */

/** Limits of the list (the settings form and the API enforce them). */
export const BLOCKED_PHRASE_LIMITS = Object.freeze({ maxPhrases: 500, maxLength: 200 });

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** The comparable form of a text or phrase. */
export function normalisePhraseText(text: string): string {
  return text.normalize('NFKC').replace(ZERO_WIDTH, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The phrases (as the admin wrote them) found in `text`, in list order, each once. */
export function findBlockedPhrases(text: string, phrases: readonly string[]): string[] {
  const haystack = normalisePhraseText(text);
  if (haystack === '') return [];
  const found: string[] = [];
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const needle = normalisePhraseText(phrase);
    if (needle === '' || seen.has(needle)) continue;
    seen.add(needle);
    if (haystack.includes(needle)) found.push(phrase);
  }
  return found;
}

/** The phrases found in any of `texts` (e.g. every variant of every suggested text). */
export function findBlockedPhrasesIn(texts: readonly string[], phrases: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const phrase of findBlockedPhrases(text, phrases)) found.add(phrase);
  return phrases.filter((p) => found.has(p));
}

/**
 * Clean a list an admin typed: trimmed, empty lines dropped, duplicates (by normalised form)
 * dropped keeping the first. Returns the problems instead when a phrase is too long or the list
 * too large.
 */
export function cleanBlockedPhrases(input: readonly string[]): { ok: true; phrases: string[] } | { ok: false; problem: 'too-many' | 'too-long'; phrase?: string } {
  const phrases: string[] = [];
  const seen = new Set<string>();
  for (const raw of input) {
    const phrase = raw.trim();
    if (phrase === '') continue;
    if (phrase.length > BLOCKED_PHRASE_LIMITS.maxLength) return { ok: false, problem: 'too-long', phrase };
    const key = normalisePhraseText(phrase);
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  if (phrases.length > BLOCKED_PHRASE_LIMITS.maxPhrases) return { ok: false, problem: 'too-many' };
  return { ok: true, phrases };
}

/** The default list seeded for a new tenant: the spam injected into seed article 004. */
export const DEFAULT_BLOCKED_PHRASES: readonly string[] = Object.freeze(['Uganda Telegram data', '乌干达电报数据']);
