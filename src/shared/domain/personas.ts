/**
 * Persona rules from the Onalytica / Tribal Impact audit (seed 000/001): employees are grouped by
 * audience size x social activity so training and activation can be customised per persona, and
 * the journey towards "influencer" is offered only to people who want it.
 */
import type { Persona, PersonaHistoryEntry, Role, SocialAudit, IsoInstant } from './types.js';

/**
 * Where "small" becomes "large" audience and "inactive" becomes "active". Programme-configurable
 * because a 17-person company and a 10,000-person company have different norms (seed 002).
 */
export interface PersonaThresholds {
  /** Total followers/connections over all networks at or above which the audience is large. */
  audience: number;
  /** Posts per month at or above which the person is active. */
  postsPerMonth: number;
}

/** Defaults chosen so a typical LinkedIn user (a few hundred connections, rare posts) is an observer. */
export const DEFAULT_PERSONA_THRESHOLDS: Readonly<PersonaThresholds> = Object.freeze({
  audience: 500,
  postsPerMonth: 4,
});

/**
 * Sums the audience over networks. Negative or non-finite self-reported values count as 0 so a
 * typo in the audit card can never flip someone into "large audience".
 */
export function sumAudience(audit: Pick<SocialAudit, 'audience'>): number {
  let total = 0;
  for (const value of Object.values(audit.audience)) {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) total += value;
  }
  return total;
}

/**
 * Places a person on the Onalytica persona chart (seed 000/001): small & inactive = observer,
 * small & active = sharer, large & inactive = networker, large & active = influencer.
 * Both thresholds are inclusive ("at least 500", "at least 4 posts").
 */
export function classifyPersona(
  audit: Pick<SocialAudit, 'audience' | 'postsPerMonth'>,
  thresholds: PersonaThresholds = DEFAULT_PERSONA_THRESHOLDS,
): Persona {
  const large = sumAudience(audit) >= thresholds.audience;
  const posts = Number.isFinite(audit.postsPerMonth) ? audit.postsPerMonth : 0;
  const active = posts >= thresholds.postsPerMonth;
  if (large) return active ? 'influencer' : 'networker';
  return active ? 'sharer' : 'observer';
}

/**
 * Executives are flagged `leader` on top of their persona: the Onalytica advice is to pilot with
 * the C-suite first and ask where each leader sits on the persona chart (seed 000/001).
 */
export function isLeader(roles: readonly Role[]): boolean {
  return roles.includes('executive');
}

/**
 * Level of a persona on the journey. Observer is level 0; sharer and networker are both level 1
 * (each has grown one of the two axes, neither is "above" the other); influencer is level 2.
 * A move sharer <-> networker is therefore a lateral change, not a level-up.
 */
export const PERSONA_LEVEL: Readonly<Record<Persona, number>> = Object.freeze({
  observer: 0,
  sharer: 1,
  networker: 1,
  influencer: 2,
});

/** True when `to` is a higher journey level than `from` (a win worth celebrating, seed 003). */
export function isPersonaLevelUp(from: Persona, to: Persona): boolean {
  return PERSONA_LEVEL[to] > PERSONA_LEVEL[from];
}

/** Outcome of recording a (re)classification in a person's persona history. */
export interface PersonaHistoryUpdate {
  history: PersonaHistoryEntry[];
  /** The persona changed (an entry was appended). */
  changed: boolean;
  /** The change went up a level on the journey. */
  levelUp: boolean;
  /** Persona held before this update, if any. */
  previous?: Persona;
}

/**
 * Appends an entry only when the persona changes, so the history shows the journey
 * (observer -> sharer -> influencer) rather than every re-audit. The input is not mutated.
 * The latest entry is the one with the greatest `since`, whatever the array order.
 */
export function recordPersona(
  history: readonly PersonaHistoryEntry[],
  persona: Persona,
  at: IsoInstant,
): PersonaHistoryUpdate {
  const latest = latestPersonaEntry(history);
  if (latest === undefined) {
    return { history: [...history, { persona, since: at }], changed: true, levelUp: false };
  }
  if (latest.persona === persona) {
    return { history: [...history], changed: false, levelUp: false, previous: latest.persona };
  }
  return {
    history: [...history, { persona, since: at }],
    changed: true,
    levelUp: isPersonaLevelUp(latest.persona, persona),
    previous: latest.persona,
  };
}

/** The entry currently in force (greatest `since`; on equal timestamps the later array element). */
export function latestPersonaEntry(history: readonly PersonaHistoryEntry[]): PersonaHistoryEntry | undefined {
  let latest: PersonaHistoryEntry | undefined;
  for (const entry of history) {
    if (latest === undefined || Date.parse(entry.since) >= Date.parse(latest.since)) latest = entry;
  }
  return latest;
}

/**
 * An i18n message key plus its parameters. The domain never produces user-facing English: the
 * bot and tab translate the key with the person's catalog.
 */
export interface AdviceMessage {
  key: PersonaAdviceKey;
  params: Record<string, string | number>;
}

/** Every key `advisePersonaNextStep` can return (to be present in every i18n catalog). */
export const PERSONA_ADVICE_KEYS = [
  'persona.next.take-audit',
  'persona.next.keep-pace',
  'persona.next.observer.grow',
  'persona.next.sharer.grow-network',
  'persona.next.networker.post-more',
  'persona.next.influencer.lead-topics',
  'persona.next.leader.model-behaviour',
] as const;
export type PersonaAdviceKey = (typeof PERSONA_ADVICE_KEYS)[number];

/** What the advice is computed from. */
export interface PersonaAdviceInput {
  persona: Persona;
  audit?: Pick<SocialAudit, 'audience' | 'postsPerMonth' | 'wantsToGrow'>;
  leader?: boolean;
}

/**
 * The next step for a person, tailored per persona (seed 000/001: never the same activation for
 * every persona). The journey is opt-in: someone who does not want to grow is told to keep their
 * pace and share what they like (seed 002: choice, not obligation). Leaders who want to grow get
 * "model the behaviour" advice first, because the pilot asks leaders to lead by example.
 * Parameters carry the gap to the next persona so the message can be concrete.
 */
export function advisePersonaNextStep(
  input: PersonaAdviceInput,
  thresholds: PersonaThresholds = DEFAULT_PERSONA_THRESHOLDS,
): AdviceMessage {
  const { persona, audit } = input;
  if (audit === undefined) return { key: 'persona.next.take-audit', params: { persona } };
  const audience = sumAudience(audit);
  const posts = Number.isFinite(audit.postsPerMonth) ? Math.max(0, audit.postsPerMonth) : 0;
  if (!audit.wantsToGrow) {
    return { key: 'persona.next.keep-pace', params: { persona, postsPerMonth: posts } };
  }
  if (input.leader === true) {
    return { key: 'persona.next.leader.model-behaviour', params: { persona, postsPerMonth: posts } };
  }
  const postsNeeded = Math.max(0, Math.ceil(thresholds.postsPerMonth - posts));
  const audienceNeeded = Math.max(0, Math.ceil(thresholds.audience - audience));
  switch (persona) {
    case 'observer':
      return {
        key: 'persona.next.observer.grow',
        params: { postsNeeded, targetPostsPerMonth: thresholds.postsPerMonth, audienceNeeded },
      };
    case 'sharer':
      return {
        key: 'persona.next.sharer.grow-network',
        params: { audienceNeeded, targetAudience: thresholds.audience },
      };
    case 'networker':
      return {
        key: 'persona.next.networker.post-more',
        params: { postsNeeded, targetPostsPerMonth: thresholds.postsPerMonth },
      };
    case 'influencer':
      return { key: 'persona.next.influencer.lead-topics', params: { audience, postsPerMonth: posts } };
  }
}
