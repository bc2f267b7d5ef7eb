/**
 * Which clicks count. Seed 003 (Oktopost): the contest was scored on clicks, not shares ("value
 * over noise"), so a click must be a person: link-preview crawlers that fetch every posted link
 * (LinkedIn, X, Facebook, Slack, Teams, WhatsApp...) are redirected but never counted, and one
 * visitor clicking all day counts once per day. Seed 002 (GaggleAMP): clicks back to the site are
 * the ROI step before leads, so the count must be honest. The raw IP is never kept (privacy).
 */
import type { Click } from './types.js';

export type ClickSource = 'human' | 'crawler' | 'preview';

/**
 * Link-preview fetchers: a post or chat message unfurling our link. Teams unfurls as
 * `SkypeUriPreview` / `MicrosoftPreview`; a bare `Teams/x.y` token is NOT a preview (it is the
 * Teams desktop client of a person opening the link).
 */
export const PREVIEW_AGENT_PATTERNS: readonly RegExp[] = [
  /LinkedInBot/i,
  /Twitterbot/i,
  /facebookexternalhit/i,
  /Facebot/i,
  /Slackbot(-LinkExpanding)?/i,
  /Slack-ImgProxy/i,
  /SkypeUriPreview/i,
  /MicrosoftPreview/i,
  /WhatsApp/i,
  /TelegramBot/i,
  /Discordbot/i,
  /redditbot/i,
  /Pinterest(bot)?/i,
  /Embedly/i,
  /Iframely/i,
  /vkShare/i,
  /\bpreview\b/i,
];

/** Generic automation: crawlers, headless browsers and HTTP libraries. */
export const CRAWLER_AGENT_PATTERNS: readonly RegExp[] = [
  /(?<!cu)bot\b|bot\//i,
  /crawl/i,
  /spider/i,
  /HeadlessChrome/i,
  /PhantomJS/i,
  /\bcurl\//i,
  /\bwget\//i,
  /python-requests|python-urllib|aiohttp/i,
  /\bGo-http-client\b/i,
  /\bnode-fetch\b|\baxios\//i,
  /\bokhttp\b/i,
  /\bJava\//i,
];

/**
 * Classifies a click by user agent. An empty or missing agent counts as a crawler (browsers always
 * send one). `isBotLibrary` lets the bot OR in a maintained list (`isbot`) without the domain
 * importing a package; our patterns keep the preview/crawler distinction for reporting.
 */
export function classifyClickSource(userAgent: string | undefined, options: { isBotLibrary?: (userAgent: string) => boolean } = {}): ClickSource {
  const ua = (userAgent ?? '').trim();
  if (ua === '') return 'crawler';
  if (PREVIEW_AGENT_PATTERNS.some((pattern) => pattern.test(ua))) return 'preview';
  if (CRAWLER_AGENT_PATTERNS.some((pattern) => pattern.test(ua))) return 'crawler';
  if (options.isBotLibrary?.(ua)) return 'crawler';
  return 'human';
}

/** Whether a click should be counted (only people; previews and crawlers are redirected only). */
export function isCountableClick(source: ClickSource): boolean {
  return source === 'human';
}

/**
 * A visitor identity for de-duplication: keyed hash (HMAC in the bot, secret key held outside the
 * domain) of IP and user agent, so the raw IP is never returned or stored and the key cannot be
 * reversed by hashing the IPv4 space. A NUL separator keeps ("1.2.3.4", "5x") and ("1.2.3.45", "x")
 * apart.
 */
export function visitorKey(ip: string, userAgent: string, keyedHash: (data: string) => string): string {
  return keyedHash(`${ip.trim().toLowerCase()}\u0000${userAgent.trim()}`);
}

/** UTC day `YYYY-MM-DD` of an instant: repeats within the same day count once. */
export function clickDay(instant: string | number | Date): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError('Invalid click instant.');
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Idempotency key of a counted click: the journal flusher writes rows under this key, so a replay
 * after a crash or a double click writes the same row instead of a second one.
 */
export function clickIdentity(code: string, visitor: string, day: string): string {
  return `${code}|${visitor}|${day}`;
}

/**
 * Unique clicks of a list (any order, with repeats and replays): once per (code, visitor, day).
 * Returns the earliest click of each identity, sorted by time, so scoring sees when it happened.
 */
export function countUniqueClicks<T extends Pick<Click, 'code' | 'visitorKey' | 'day' | 'at'>>(clicks: readonly T[]): { count: number; unique: T[] } {
  const firsts = new Map<string, T>();
  for (const click of clicks) {
    const key = clickIdentity(click.code, click.visitorKey, click.day);
    const existing = firsts.get(key);
    if (!existing || click.at < existing.at) firsts.set(key, click);
  }
  const unique = [...firsts.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : clickIdentity(a.code, a.visitorKey, a.day) < clickIdentity(b.code, b.visitorKey, b.day) ? -1 : 1));
  return { count: unique.length, unique };
}
