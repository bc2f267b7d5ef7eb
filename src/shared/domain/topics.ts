/**
 * Topic rules from Stephan Lam's influencer method (seed 004): topics, employees connected to
 * topics with a role from the internal influencer pyramid, and an external influencer map per
 * topic owned by employees (marketing only supports).
 */
import { TOPIC_ROLES } from './types.js';
import type { Employee, TopicRole } from './types.js';

/** Position of a role in Lam's pyramid (0 = social mind ... 3 = spokesperson). */
export function topicRoleRank(role: TopicRole): number {
  return TOPIC_ROLES.indexOf(role);
}

/**
 * Each pyramid level includes the skills of those below it (seed 004), so a spokesperson also
 * satisfies anything that requires a thought leader, subject-matter expert or social mind.
 */
export function roleIncludes(held: TopicRole, required: TopicRole): boolean {
  return topicRoleRank(held) >= topicRoleRank(required);
}

/** The highest of several roles, or undefined for none. */
export function highestTopicRole(roles: readonly TopicRole[]): TopicRole | undefined {
  let best: TopicRole | undefined;
  for (const role of roles) {
    if (best === undefined || topicRoleRank(role) > topicRoleRank(best)) best = role;
  }
  return best;
}

/**
 * A person's role on one topic. Duplicated assignments on the same topic resolve to the highest
 * role so a data slip never demotes anyone.
 */
export function topicRoleOf(employee: Pick<Employee, 'topics'>, topicId: string): TopicRole | undefined {
  return highestTopicRole(employee.topics.filter((t) => t.topicId === topicId).map((t) => t.role));
}

/** Who is where on one topic's pyramid. */
export interface TopicHubSummary {
  topicId: string;
  /** Employees whose role on the topic is exactly that role (each person appears once). */
  holders: Record<TopicRole, string[]>;
  /** Employees whose role includes that role (a spokesperson is listed under all four). */
  coveredRoles: Record<TopicRole, string[]>;
  /** Roles nobody holds exactly: Lam wants several people per topic in different roles. */
  unfilledRoles: TopicRole[];
  /** Roles nobody holds even through inclusion (the topic lacks that capability entirely). */
  uncoveredRoles: TopicRole[];
  /** Number of distinct employees connected to the topic. */
  memberCount: number;
}

function emptyRoleRecord(): Record<TopicRole, string[]> {
  return { 'social-mind': [], 'subject-matter-expert': [], 'thought-leader': [], spokesperson: [] };
}

/**
 * Builds the topic hub (seed 004 step 3): who holds which role and which roles are unfilled.
 * Decision: `holders` counts a person only at their exact (highest) role, so every person is
 * counted once and "unfilled" means no one actually works at that level; `coveredRoles` applies
 * pyramid inclusion, so a spokesperson covers the three roles below. Ids are sorted for stable UI.
 */
export function summarizeTopicHub(
  topicId: string,
  employees: readonly Pick<Employee, 'id' | 'topics'>[],
): TopicHubSummary {
  const holders = emptyRoleRecord();
  const coveredRoles = emptyRoleRecord();
  const seen = new Set<string>();
  for (const employee of employees) {
    if (seen.has(employee.id)) continue;
    const role = topicRoleOf(employee, topicId);
    if (role === undefined) continue;
    seen.add(employee.id);
    holders[role].push(employee.id);
    for (const lower of TOPIC_ROLES) {
      if (roleIncludes(role, lower)) coveredRoles[lower].push(employee.id);
    }
  }
  for (const role of TOPIC_ROLES) {
    holders[role].sort();
    coveredRoles[role].sort();
  }
  return {
    topicId,
    holders,
    coveredRoles,
    unfilledRoles: TOPIC_ROLES.filter((r) => holders[r].length === 0),
    uncoveredRoles: TOPIC_ROLES.filter((r) => coveredRoles[r].length === 0),
    memberCount: seen.size,
  };
}

/**
 * External tiers after Forrester's peer influence pyramid (2011) as extended by Lam (seed 004):
 * social broadcasters, mass mavens (long in-depth posts), mass connectors (frequent short posts),
 * potential influencers, plus people in organisations, media and politics.
 */
export const INFLUENCER_TIERS = [
  'social-broadcaster',
  'mass-maven',
  'mass-connector',
  'potential-influencer',
  'organisation',
  'media',
  'politics',
] as const;
export type InfluencerTier = (typeof INFLUENCER_TIERS)[number];

/** An external person on a topic's influencer map, owned by the employees who hold the relationship. */
export interface ExternalInfluencer {
  id: string;
  topicId: string;
  name: string;
  tier: InfluencerTier;
  /** Employees who own the relationship (seed 004: "the employee owns this map and the network"). */
  ownerIds: string[];
  /** The person's page on their main network (https only). */
  profileUrl?: string;
  /** Network handle, e.g. `@jane` (shown beside the name). */
  handle?: string;
  /** Why they matter to the topic, in the owner's words. */
  notes?: string;
}

/** Why an influencer map entry is not acceptable. */
export type InfluencerIssueCode =
  | 'no-owner'
  | 'duplicate-owner'
  | 'unknown-owner'
  | 'owner-not-on-topic'
  | 'wrong-topic'
  | 'duplicate-id';

export interface InfluencerIssue {
  influencerId: string;
  code: InfluencerIssueCode;
  employeeId?: string;
}

/** Result of validating a topic's influencer map. */
export interface InfluencerMapValidation {
  valid: boolean;
  issues: InfluencerIssue[];
}

/**
 * Validates a topic's influencer map. Decision: every entry needs at least one owner, and each
 * owner must be a known employee connected to the topic (any role): Lam's method maps the outside
 * world for the employees already put "as a face behind" the topic, so an owner outside the topic
 * would be marketing owning the network, which the method rejects (seed 004).
 */
export function validateInfluencerMap(
  topicId: string,
  influencers: readonly ExternalInfluencer[],
  employees: readonly Pick<Employee, 'id' | 'topics'>[],
): InfluencerMapValidation {
  const byId = new Map(employees.map((e) => [e.id, e] as const));
  const issues: InfluencerIssue[] = [];
  const ids = new Set<string>();
  for (const influencer of influencers) {
    const influencerId = influencer.id;
    if (ids.has(influencerId)) issues.push({ influencerId, code: 'duplicate-id' });
    ids.add(influencerId);
    if (influencer.topicId !== topicId) issues.push({ influencerId, code: 'wrong-topic' });
    if (influencer.ownerIds.length === 0) issues.push({ influencerId, code: 'no-owner' });
    const owners = new Set<string>();
    for (const employeeId of influencer.ownerIds) {
      if (owners.has(employeeId)) {
        issues.push({ influencerId, code: 'duplicate-owner', employeeId });
        continue;
      }
      owners.add(employeeId);
      const employee = byId.get(employeeId);
      if (employee === undefined) issues.push({ influencerId, code: 'unknown-owner', employeeId });
      else if (topicRoleOf(employee, topicId) === undefined) {
        issues.push({ influencerId, code: 'owner-not-on-topic', employeeId });
      }
    }
  }
  return { valid: issues.length === 0, issues };
}

function emptyTierCounts(): Record<InfluencerTier, number> {
  return {
    'social-broadcaster': 0,
    'mass-maven': 0,
    'mass-connector': 0,
    'potential-influencer': 0,
    organisation: 0,
    media: 0,
    politics: 0,
  };
}

/** Counts of a topic's external map, per tier and per owning employee. */
export interface InfluencerMapSummary {
  topicId: string;
  total: number;
  byTier: Record<InfluencerTier, number>;
  /** Per owner: how many influencers they own, by tier. Co-owned entries count for each owner. */
  byOwner: Record<string, { total: number; byTier: Record<InfluencerTier, number> }>;
  /** Tiers with nobody mapped yet: where to look next. */
  emptyTiers: InfluencerTier[];
}

/**
 * Summarises a topic's influencer map (seed 004 step 4, seed 000 "influencer lists mapped to
 * specific employees"). Only entries of `topicId` count; duplicate owners on one entry count once.
 */
export function summarizeInfluencerMap(
  topicId: string,
  influencers: readonly ExternalInfluencer[],
): InfluencerMapSummary {
  const byTier = emptyTierCounts();
  const byOwner: InfluencerMapSummary['byOwner'] = {};
  let total = 0;
  for (const influencer of influencers) {
    if (influencer.topicId !== topicId) continue;
    total += 1;
    byTier[influencer.tier] += 1;
    for (const ownerId of new Set(influencer.ownerIds)) {
      const entry = byOwner[ownerId] ?? { total: 0, byTier: emptyTierCounts() };
      entry.total += 1;
      entry.byTier[influencer.tier] += 1;
      byOwner[ownerId] = entry;
    }
  }
  return {
    topicId,
    total,
    byTier,
    byOwner,
    emptyTiers: INFLUENCER_TIERS.filter((t) => byTier[t] === 0),
  };
}
