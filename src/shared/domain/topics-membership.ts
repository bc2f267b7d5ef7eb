/**
 * Rules of a topic hub's people and map (Lam's method, seed 004): putting a person in a pyramid
 * role or taking them out, self-proposals for a role and their decision, and who may change an
 * entry of the external influencer map (the employees who own it; marketing only supports).
 * Pure: callers pass the time and the ids.
 */
import { roleIncludes, topicRoleOf, validateInfluencerMap, type ExternalInfluencer, type InfluencerIssueCode } from './topics.js';
import type { Employee, IsoInstant, Role, TopicAssignment, TopicRole } from './types.js';

/** A person's topic assignments with `role` on `topicId` (any earlier role on that topic replaced). */
export function withTopicRole(topics: readonly TopicAssignment[], topicId: string, role: TopicRole): TopicAssignment[] {
  return [...topics.filter((t) => t.topicId !== topicId), { topicId, role }];
}

/** A person's topic assignments without `topicId` (unchanged when they had no role there). */
export function withoutTopic(topics: readonly TopicAssignment[], topicId: string): TopicAssignment[] {
  return topics.filter((t) => t.topicId !== topicId);
}

/** Decision states of a self-proposal. */
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A person proposing themselves for a role on a topic (seed 004: "the employee must be comfortable"). */
export interface TopicProposal {
  id: string;
  topicId: string;
  employeeId: string;
  role: TopicRole;
  /** Why the person feels ready, in their words (optional). */
  note?: string;
  status: ProposalStatus;
  proposedAt: IsoInstant;
  decidedAt?: IsoInstant;
  decidedBy?: string;
  /** Reason given with a decline; the person sees it on their Topics page. */
  reason?: string;
}

/** Why a person may not propose themselves. */
export type ProposalRefusal = 'already-holds' | 'pending-exists';

/**
 * Whether `employee` may propose themselves for `role` on `topicId`. Decision: proposing for a
 * role one already holds or is above is pointless (each level includes those below); proposing
 * for a higher role than one's current one is a step up and welcome. One pending proposal per
 * person and topic, so a coordinator decides on one clear request.
 */
export function proposalRefusal(
  employee: Pick<Employee, 'id' | 'topics'>,
  topicId: string,
  role: TopicRole,
  proposals: readonly Pick<TopicProposal, 'topicId' | 'employeeId' | 'status'>[],
): ProposalRefusal | undefined {
  const held = topicRoleOf(employee, topicId);
  if (held !== undefined && roleIncludes(held, role)) return 'already-holds';
  if (proposals.some((p) => p.topicId === topicId && p.employeeId === employee.id && p.status === 'pending')) return 'pending-exists';
  return undefined;
}

/** Why a decision cannot be made. */
export type DecisionRefusal = 'not-pending' | 'reason-required';

/** The proposal after an accept or decline, or why not. A decline needs a reason the person reads. */
export function decideProposal(
  proposal: TopicProposal,
  decision: { accept: true } | { accept: false; reason: string },
  by: string,
  at: IsoInstant,
): { ok: true; proposal: TopicProposal } | { ok: false; refusal: DecisionRefusal } {
  if (proposal.status !== 'pending') return { ok: false, refusal: 'not-pending' };
  if (!decision.accept && decision.reason.trim() === '') return { ok: false, refusal: 'reason-required' };
  return {
    ok: true,
    proposal: {
      ...proposal,
      status: decision.accept ? 'accepted' : 'declined',
      decidedAt: at,
      decidedBy: by,
      ...(decision.accept ? {} : { reason: decision.reason.trim() }),
    },
  };
}

/** Programme roles that run topic hubs (assign roles, decide proposals, reassign map owners). */
export const HUB_STAFF_ROLES: readonly Role[] = ['admin', 'coordinator'];

/** True when the person runs hubs. */
export function isHubStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => HUB_STAFF_ROLES.includes(r));
}

/** What a person may do with one map entry. */
export interface InfluencerPermissions {
  /** Change name, tier, handle, url, why: owners only (the employee owns the relationship). */
  edit: boolean;
  /** Remove the entry: owners, and hub staff (moderation, e.g. spam). */
  remove: boolean;
  /** Change who owns it: hub staff only. */
  reassign: boolean;
}

/** Permissions of `actor` on `entry` (seed 004: the map is the employees', marketing only supports). */
export function influencerPermissions(actor: { id: string; roles: readonly Role[] }, entry: Pick<ExternalInfluencer, 'ownerIds'>): InfluencerPermissions {
  const owner = entry.ownerIds.includes(actor.id);
  const staff = isHubStaff(actor.roles);
  return { edit: owner, remove: owner || staff, reassign: staff };
}

/**
 * Problems with an entry's owners (empty = fine), with the map's rules: at least one owner, no
 * duplicates, every owner a known employee with a role on the topic.
 */
export function ownerIssues(
  entry: Pick<ExternalInfluencer, 'id' | 'topicId' | 'ownerIds'>,
  employees: readonly Pick<Employee, 'id' | 'topics'>[],
): InfluencerIssueCode[] {
  const probe: ExternalInfluencer = { id: entry.id, topicId: entry.topicId, ownerIds: entry.ownerIds, name: '', tier: 'media' };
  return [...new Set(validateInfluencerMap(entry.topicId, [probe], employees).issues.map((i) => i.code))];
}

/** True for an absolute `https:` URL with a host (map links never go to `http:`, `javascript:`...). */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
