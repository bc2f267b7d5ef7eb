/**
 * The words of a share, per network: the body (suggested by the domain or edited by the person),
 * the programme's disclosure when the network's length allows it, and the tracked link. Pure
 * helpers of the sharing service, apart so the rules can be read (and tested) on their own.
 */
import { buildSuggestedPost, countNetworkLength, NETWORK_TEXT_LIMITS } from '../../shared/domain/suggested-text.js';
import type { ContentItem, Employee, Language, Network, Topic } from '../../shared/domain/types.js';
import { translator } from '../../shared/i18n/index.js';
import type { ProgrammeSettings } from './sharing.ports.js';

/** Longest edited body stored (LinkedIn's limit; X and Facebook are checked against their own). */
export const MAX_EDITED_TEXT = 3000;

/** The disclosure in a language (the admin's own line when set), or `undefined` when the programme turned it off. */
export function disclosureFor(settings: ProgrammeSettings, language: Language): string | undefined {
  if (!settings.disclosureEnabled) return undefined;
  if (settings.disclosureLine?.trim()) return settings.disclosureLine.trim();
  return translator(language, 'sharing')('disclosure', { company: settings.companyName });
}

/** Body, disclosure and link joined the way every door posts them (blank lines between parts). */
export function joinPost(body: string, disclosure: string | undefined, url: string | undefined): string {
  return [body.trim(), disclosure ?? '', url ?? ''].filter((part) => part !== '').join('\n\n');
}

/** One network's text as the card shows it and the share door posts it. */
export interface NetworkText {
  /** Body only: no disclosure, no link. */
  body: string;
  /** The disclosure, present only when it fits with the body and link. */
  disclosure?: string;
  /** Length of the whole post (body, disclosure, link) as the network counts it. */
  length: number;
  limit: number;
  /** Body plus disclosure, without the link (X's `text`, Facebook's copy text, LinkedIn before the link). */
  textWithoutLink: string;
  /** The whole post, link last: what is recorded on the share. */
  fullText: string;
}

/** Remove the link and disclosure `composeShareText` appended to a fitted suggestion. */
function stripTail(text: string, url: string, disclosure: string | undefined): string {
  let body = text;
  if (disclosure !== undefined && body.endsWith(`\n\n${disclosure}`)) body = body.slice(0, -disclosure.length - 2);
  if (body.endsWith(`\n\n${url}`)) body = body.slice(0, -url.length - 2);
  else if (body === url) body = '';
  return body.trim();
}

/**
 * The person's deterministic suggested body for a network (domain `buildSuggestedPost`), fitted
 * so the link and, when possible, the disclosure stay whole.
 */
export function suggestedBody(item: ContentItem, employeeId: string, language: Language, network: Network, url: string, disclosure: string | undefined): string {
  const base = { item, employeeId, personLanguage: language, network, url };
  const withDisclosure = disclosure !== undefined ? buildSuggestedPost({ ...base, disclosure }) : undefined;
  if (withDisclosure?.ok) return stripTail(withDisclosure.text, url, disclosure) || item.title;
  const plain = buildSuggestedPost(base);
  return (plain.ok ? stripTail(plain.text, url, undefined) : '') || item.title;
}

/**
 * The post for a network from its body: the disclosure is added only when the whole post still
 * fits the network's limit (counted as the network counts it: X weighs CJK double and every URL
 * as 23).
 */
export function composeNetworkText(body: string, network: Network, url: string, disclosure: string | undefined): NetworkText {
  const limit = NETWORK_TEXT_LIMITS[network];
  const trimmed = body.trim();
  const fits = (d: string | undefined) => countNetworkLength(joinPost(trimmed, d, url), network) <= limit;
  const kept = disclosure !== undefined && !trimmed.toLowerCase().includes(disclosure.toLowerCase()) && fits(disclosure) ? disclosure : undefined;
  const fullText = joinPost(trimmed, kept, url);
  return {
    body: trimmed,
    ...(kept !== undefined ? { disclosure: kept } : {}),
    length: countNetworkLength(fullText, network),
    limit,
    textWithoutLink: joinPost(trimmed, kept, undefined),
    fullText,
  };
}

/** Why an edited body is refused. */
export type EditProblem = 'empty' | 'too-long';

/** An edit must leave something to say and fit the network together with the link. */
export function checkEditedBody(body: string, network: Network, url: string): EditProblem | undefined {
  const trimmed = body.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > MAX_EDITED_TEXT) return 'too-long';
  if (countNetworkLength(joinPost(trimmed, undefined, url), network) > NETWORK_TEXT_LIMITS[network]) return 'too-long';
  return undefined;
}

/** i18n key (namespace `sharing`) with params: why an item matters to this person. */
export interface WhyMessage {
  key: string;
  params: Record<string, string | number>;
}

/**
 * Why it matters to this person: a topic they follow first (seed 004: topics, not products), then
 * their team when the item targets it, else the persona's own angle (seed 000/001: activation
 * differs per persona).
 */
export function explainWhy(item: Pick<ContentItem, 'topics' | 'targetTeams'>, employee: Pick<Employee, 'topics' | 'team' | 'persona'>, topics: readonly Topic[], language: Language): WhyMessage {
  const followed = new Set(employee.topics.map((t) => t.topicId));
  const topicId = item.topics.find((t) => followed.has(t));
  if (topicId !== undefined) {
    const topic = topics.find((t) => t.id === topicId);
    return { key: 'why.topic', params: { topic: topic ? (topic.name[language] ?? topic.name.en) : topicId } };
  }
  if (employee.team !== '' && item.targetTeams.includes(employee.team)) return { key: 'why.team', params: { team: employee.team } };
  return { key: `why.persona.${employee.persona}`, params: {} };
}
