/**
 * How topic hubs, proposals and influencer-map entries look to a caller (the tab's contracts),
 * built from stored records; no reads or writes here (topics.service.ts does those).
 */
import type { HubPerson, HubSummary, InfluencerView, ProposalView } from '../../shared/contracts/topics.js';
import { influencerPermissions, ownerIssues, type TopicProposal } from '../../shared/domain/topics-membership.js';
import { summarizeTopicHub, topicRoleOf } from '../../shared/domain/topics.js';
import { TOPIC_ROLES, type Employee, type Topic, type TopicRole } from '../../shared/domain/types.js';
import type { HubActor } from './topics.service.js';
import type { InfluencerEntry } from './topics.ports.js';

/** A person as hub views name them. */
export const person = (e: Pick<Employee, 'id' | 'displayName' | 'team'>): HubPerson => ({ id: e.id, name: e.displayName, team: e.team });

/** A hub's card in the list: role counts, unfilled roles, and the caller's role or pending proposal. */
export const summary = (topic: Topic, employees: readonly Employee[], entries: readonly InfluencerEntry[], proposals: readonly TopicProposal[], actor: HubActor): HubSummary => {
  const hub = summarizeTopicHub(topic.id, employees);
  const me = employees.find((e) => e.id === actor.id);
  const myRole = me ? topicRoleOf(me, topic.id) : undefined;
  const pending = proposals.find((p) => p.topicId === topic.id && p.employeeId === actor.id && p.status === 'pending');
  return {
    id: topic.id,
    name: topic.name,
    ...(topic.description ? { description: topic.description } : {}),
    languages: topic.languages ?? [],
    counts: Object.fromEntries(TOPIC_ROLES.map((r) => [r, hub.holders[r].length])) as Record<TopicRole, number>,
    unfilledRoles: hub.unfilledRoles,
    memberCount: hub.memberCount,
    influencerCount: entries.filter((e) => e.topicId === topic.id).length,
    ...(myRole ? { myRole } : {}),
    ...(pending ? { myPendingRole: pending.role } : {}),
  };
};
/** A proposal as staff and the proposer see it. */
export const proposalView = (p: TopicProposal, topics: ReadonlyMap<string, Topic>, people: ReadonlyMap<string, Employee>): ProposalView => {
  const who = people.get(p.employeeId);
  return {
    id: p.id,
    topicId: p.topicId,
    topicName: topics.get(p.topicId)?.name ?? { en: p.topicId },
    employee: who ? person(who) : { id: p.employeeId, name: p.employeeId },
    role: p.role,
    ...(p.note ? { note: p.note } : {}),
    status: p.status,
    proposedAt: p.proposedAt,
    ...(p.decidedAt ? { decidedAt: p.decidedAt } : {}),
    ...(p.reason ? { reason: p.reason } : {}),
  };
};
/** A map entry with its owners' names, what the caller may do, and ownership issues. */
export const influencerView = (entry: InfluencerEntry, employees: readonly Employee[], people: ReadonlyMap<string, Employee>, actor: HubActor): InfluencerView => ({
  id: entry.id,
  topicId: entry.topicId,
  name: entry.name,
  tier: entry.tier,
  ...(entry.handle ? { handle: entry.handle } : {}),
  ...(entry.profileUrl ? { url: entry.profileUrl } : {}),
  why: entry.notes ?? '',
  owners: entry.ownerIds.map((id) => { const who = people.get(id); return who ? person(who) : { id, name: id }; }),
  permissions: influencerPermissions(actor, entry),
  issues: ownerIssues(entry, employees),
  updatedAt: entry.updatedAt,
});
