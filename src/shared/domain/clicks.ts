/**
 * Which clicks count. Seed 003 (Oktopost): the contest was scored on clicks, not shares ("value
 * over noise"), so a click must be a person: link-preview crawlers that fetch every posted link
 * (LinkedIn, X, Facebook, Slack, Teams, WhatsApp...) are redirected but never counted, and one
 * visitor clicking all day counts once per day. Seed 002 (GaggleAMP): clicks back to the site are
 * the ROI step before leads, so the count must be honest. The raw IP is never kept (privacy).
 */
import type { Click } from './types.js';

export type ClickSource = 'human' | 'crawler' | 'preview';

/** One of our own user-agent rules: what it catches, how it is classed, and why it exists. */
export interface AgentRule {
  /** Stable name, used by the test that checks every rule with a real user agent. */
  name: string;
  pattern: RegExp;
  source: ClickSource;
}

/**
 * Our user-agent rules, in precedence order (the first match wins), kept in this ONE list; the
 * maintained `isbot` list is ORed in after them by the bot. Three groups:
 * - in-app browsers of the networks people share to: a person tapping the link inside the
 *   LinkedIn, Facebook, Instagram, Pinterest or X app. They come first so that no crawler rule (the
 *   Pinterest unfurler is also called "Pinterest") and no future `isbot` entry makes people
 *   disappear from the count;
 * - link-preview fetchers: a post or chat message unfurling our link. Teams unfurls as
 *   `SkypeUriPreview` / `MicrosoftPreview`; a bare `Teams/x.y` token is NOT a preview (it is the
 *   Teams desktop client of a person opening the link);
 * - crawlers, headless browsers, HTTP libraries and automated page checkers (speed, uptime and
 *   markup checkers). `isbot` 5.2.3 already knows most checkers; the ones it lets through (the
 *   current GTmetrix agent, Monitis, Yellow Lab Tools) are listed here, and the rest are listed
 *   too so that the count does not depend on one library's list.
 */
export const AGENT_RULES: readonly AgentRule[] = [
  { name: 'linkedin-app', pattern: /\[LinkedInApp\]/i, source: 'human' },
  { name: 'facebook-app', pattern: /\bFBAN\/|\bFBAV\/|\bFB_IAB\//, source: 'human' },
  { name: 'instagram-app', pattern: /\bInstagram \d/, source: 'human' },
  { name: 'pinterest-app', pattern: /\[Pinterest\/(iOS|Android)\]/i, source: 'human' },
  { name: 'x-app', pattern: /\bTwitter for (iPhone|iPad|Android)\b|\bTwitterAndroid\b/, source: 'human' },
  { name: 'linkedin-preview', pattern: /LinkedInBot/i, source: 'preview' },
  { name: 'x-preview', pattern: /Twitterbot/i, source: 'preview' },
  { name: 'facebook-preview', pattern: /facebookexternalhit|Facebot/i, source: 'preview' },
  { name: 'slack-preview', pattern: /Slackbot|Slack-ImgProxy/i, source: 'preview' },
  { name: 'teams-skype-preview', pattern: /SkypeUriPreview|MicrosoftPreview/i, source: 'preview' },
  { name: 'whatsapp-preview', pattern: /WhatsApp/i, source: 'preview' },
  { name: 'telegram-preview', pattern: /TelegramBot/i, source: 'preview' },
  { name: 'discord-preview', pattern: /Discordbot/i, source: 'preview' },
  { name: 'reddit-preview', pattern: /redditbot/i, source: 'preview' },
  { name: 'pinterest-preview', pattern: /Pinterestbot|\bPinterest\/0\./i, source: 'preview' },
  { name: 'embed-services', pattern: /Embedly|Iframely|vkShare/i, source: 'preview' },
  { name: 'generic-preview', pattern: /\bpreview\b/i, source: 'preview' },
  { name: 'generic-bot', pattern: /(?<!cu)bot\b|bot\//i, source: 'crawler' },
  { name: 'crawler-spider', pattern: /crawl|spider/i, source: 'crawler' },
  { name: 'headless-browser', pattern: /HeadlessChrome|PhantomJS/i, source: 'crawler' },
  { name: 'http-library', pattern: /\bcurl\/|\bwget\/|python-requests|python-urllib|aiohttp|\bGo-http-client\b|\bnode-fetch\b|\baxios\/|\bokhttp\b|\bJava\//i, source: 'crawler' },
  { name: 'gtmetrix', pattern: /GTmetrix/i, source: 'crawler' },
  { name: 'pingdom', pattern: /Pingdom/i, source: 'crawler' },
  { name: 'lighthouse', pattern: /Lighthouse/i, source: 'crawler' },
  { name: 'pagespeed', pattern: /Page ?Speed/i, source: 'crawler' },
  { name: 'uptime-monitors', pattern: /UptimeRobot|StatusCake|Site24x7|Monitis|Freshping|NewRelicSynthetics/i, source: 'crawler' },
  { name: 'w3c-validators', pattern: /W3C[_-]|Validator\.nu|validator\.w3\.org/i, source: 'crawler' },
  { name: 'webpagetest', pattern: /\bPTST\//, source: 'crawler' },
  { name: 'page-audits', pattern: /DareBoost|\bYLT\b/i, source: 'crawler' },
];

/**
 * Classifies a click by user agent. An empty or missing agent counts as a crawler (browsers always
 * send one). `isBotLibrary` lets the bot OR in a maintained list (`isbot`) without the domain
 * importing a package; it is asked only when none of {@link AGENT_RULES} matched, so our rules keep
 * the preview/crawler distinction for reporting and in-app browsers stay people.
 */
export function classifyClickSource(userAgent: string | undefined, options: { isBotLibrary?: (userAgent: string) => boolean } = {}): ClickSource {
  const ua = (userAgent ?? '').trim();
  if (ua === '') return 'crawler';
  const rule = matchAgentRule(ua);
  if (rule) return rule.source;
  if (options.isBotLibrary?.(ua)) return 'crawler';
  return 'human';
}

/** The first of our rules an agent matches (tests and logs say which rule decided). */
export function matchAgentRule(userAgent: string): AgentRule | undefined {
  return AGENT_RULES.find((rule) => rule.pattern.test(userAgent));
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
  return keyedHash(`${normalizeClientAddress(ip)}\u0000${userAgent.trim()}`);
}

/**
 * The client address without a port. Azure App Service's front ends put `ip:port` in
 * X-Forwarded-For (IPv4 `203.0.113.7:51234`, IPv6 `[2001:db8::1]:51234`); the port changes with every
 * connection, so keeping it would count one visitor several times a day. IPv6 in lower case.
 */
export function normalizeClientAddress(ip: string): string {
  const trimmed = ip.trim().toLowerCase();
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(trimmed);
  if (v4) return v4[1]!;
  const v6 = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(trimmed);
  if (v6) return v6[1]!;
  return trimmed;
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
