/**
 * Topic hubs (Lam's method, seed 004; issue 13): hubs with people in pyramid roles, unfilled roles
 * shown, self-proposals decided by admins and coordinators, and each topic's external influencer
 * map, whose entries belong to the employees who hold the relationship (never to marketing).
 * The rules are pure (`shared/domain/topics*.ts`); this file reads, checks and writes.
 */
import type { HubDetail, HubInput, HubList, HubPerson, InfluencerInput, ProposalView, ProposeInput } from '../../shared/contracts/topics.js';
import { summarizeTopicHub, topicRoleOf } from '../../shared/domain/topics.js';
import {
  decideProposal,
  influencerPermissions,
  isHubStaff,
  ownerIssues,
  proposalRefusal,
  withoutTopic,
  withTopicRole,
  type ProposalStatus,
  type TopicProposal,
} from '../../shared/domain/topics-membership.js';
import { roleIncludes } from '../../shared/domain/topics.js';
import { TOPIC_ROLES, type Employee, type Role, type Topic, type TopicRole } from '../../shared/domain/types.js';
import { ConflictError } from './errors.js';
import type { EmployeeRepository } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { influencerView, person, proposalView, summary } from './topics-views.js';
import type { InfluencerEntry, TopicHubStores } from './topics.ports.js';
import { createDecisionAnnouncer, type TopicDecisionNotifier } from './topic-decisions.js';
import { removePersonFromTopics } from './topic-person-removal.js';

export type { TopicDecisionNotifier } from './topic-decisions.js';

/** Who is calling: their employee id and programme roles. */
export interface HubActor {
  id: string;
  roles: readonly Role[];
}

/** A refused request: the HTTP status and error code, and the rule that refused it (`details`). */
export class TopicRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: 'badRequest' | 'forbidden' | 'notFound' | 'conflict',
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'TopicRefusal';
  }
}

export interface TopicsServiceDeps {
  stores: TopicHubStores;
  employees: Pick<EmployeeRepository, 'listByTenant' | 'get' | 'find' | 'update'>;
  clock: () => Date;
  newId: () => string;
  /** Decision hook: called once per stored decision, after it is stored; a failure is logged, never undoes it. */
  notifyDecision?: TopicDecisionNotifier;
  logger?: { warn(details: Record<string, unknown>, message: string): void };
}

/** Before/after of a write, for the audit trail. */
export interface Change<T> {
  before: T | undefined;
  after: T | undefined;
}

export interface TopicsService {
  list(tenantId: string, actor: HubActor): Promise<HubList>;
  detail(tenantId: string, topicId: string, actor: HubActor): Promise<HubDetail>;
  people(tenantId: string): Promise<HubPerson[]>;
  createHub(tenantId: string, input: HubInput): Promise<Topic>;
  updateHub(tenantId: string, topicId: string, input: HubInput): Promise<Change<Topic>>;
  assignRole(tenantId: string, topicId: string, employeeId: string, role: TopicRole): Promise<Change<TopicRole>>;
  removeRole(tenantId: string, topicId: string, employeeId: string): Promise<Change<TopicRole>>;
  propose(tenantId: string, topicId: string, actor: HubActor, input: ProposeInput): Promise<ProposalView>;
  proposals(tenantId: string, status: ProposalStatus): Promise<ProposalView[]>;
  myProposals(tenantId: string, actor: HubActor): Promise<ProposalView[]>;
  accept(tenantId: string, proposalId: string, actor: HubActor): Promise<Change<TopicProposal>>;
  decline(tenantId: string, proposalId: string, actor: HubActor, reason: string): Promise<Change<TopicProposal>>;
  addInfluencer(tenantId: string, topicId: string, actor: HubActor, input: InfluencerInput): Promise<InfluencerEntry>;
  editInfluencer(tenantId: string, topicId: string, entryId: string, actor: HubActor, input: InfluencerInput): Promise<Change<InfluencerEntry>>;
  removeInfluencer(tenantId: string, topicId: string, entryId: string, actor: HubActor): Promise<InfluencerEntry>;
  reassignOwners(tenantId: string, topicId: string, entryId: string, actor: HubActor, ownerIds: string[]): Promise<Change<InfluencerEntry>>;
  /**
   * A person's data deletion (data requests' `topicRoles` seam): their proposals are deleted, they
   * leave the owners of every map entry, and an entry they owned alone is deleted (the
   * relationship was theirs; nobody else may be made its owner without being asked). Their roles
   * live on the Employee record, erased with it. Answers how many rows were removed or changed.
   */
  removePerson(tenantId: string, employeeId: string): Promise<number>;
}

/** A slug id from the English name (`Social listening` -> `social-listening`), or undefined when none is left. */
function slugOf(name: string): string | undefined {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug === '' ? undefined : slug;
}

/** Build the topics service. */
export function createTopicsService(deps: TopicsServiceDeps): TopicsService {
  const { stores } = deps;
  const now = () => deps.clock().toISOString();
  const hubOr404 = async (tenantId: string, topicId: string) => {
    try {
      return await stores.hubs.get(tenantId, topicId);
    } catch (err) {
      if (err instanceof Error && err.name === 'NotFoundError') throw new TopicRefusal(404, 'notFound', 'unknown-topic');
      throw err;
    }
  };
  const entryOf = async (tenantId: string, topicId: string, entryId: string) => {
    const found = await stores.influencers.get(tenantId, entryId).catch((err: unknown) => {
      if (err instanceof Error && err.name === 'NotFoundError') return undefined;
      throw err;
    });
    if (!found || found.value.topicId !== topicId) throw new TopicRefusal(404, 'notFound', 'unknown-entry');
    return found;
  };
  const enrolledOr404 = async (tenantId: string, employeeId: string) => {
    const found = await deps.employees.find(tenantId, employeeId);
    if (!found) throw new TopicRefusal(404, 'notFound', 'unknown-person');
    return found;
  };
  const setRole = (tenantId: string, employeeId: string, change: (topics: Employee['topics']) => Employee['topics']) =>
    retryOnConflict(() => deps.employees.get(tenantId, employeeId), (e) => ({ ...e, topics: change(e.topics) }), (next, etag) => deps.employees.update(next, etag));
  const announce = createDecisionAnnouncer({ hubs: stores.hubs, ...(deps.notifyDecision ? { notify: deps.notifyDecision } : {}), ...(deps.logger ? { logger: deps.logger } : {}) });
  const requireOwnerOnTopic = async (tenantId: string, topicId: string, actor: HubActor) => {
    const me = await enrolledOr404(tenantId, actor.id);
    if (topicRoleOf(me.value, topicId) === undefined) throw new TopicRefusal(403, 'forbidden', 'not-on-topic');
  };

  return {
    async list(tenantId, actor) {
      const [topics, employees, entries, proposals] = await Promise.all([stores.hubs.list(tenantId), deps.employees.listByTenant(tenantId), stores.influencers.list(tenantId), stores.proposals.list(tenantId)]);
      const hubs = topics.map((t) => summary(t, employees, entries, proposals, actor)).sort((a, b) => a.name.en.localeCompare(b.name.en));
      return { hubs, canManage: isHubStaff(actor.roles) };
    },

    async detail(tenantId, topicId, actor) {
      const topic = (await hubOr404(tenantId, topicId)).value;
      const [employees, entries, proposals] = await Promise.all([deps.employees.listByTenant(tenantId), stores.influencers.list(tenantId, topicId), stores.proposals.list(tenantId)]);
      const people = new Map(employees.map((e) => [e.id, e] as const));
      const topics = new Map([[topic.id, topic]]);
      const hub = summarizeTopicHub(topicId, employees);
      const byName = (a: HubPerson, b: HubPerson) => a.name.localeCompare(b.name);
      const staff = isHubStaff(actor.roles);
      const mine = proposals.filter((p) => p.topicId === topicId && p.employeeId === actor.id).sort((a, b) => b.proposedAt.localeCompare(a.proposedAt));
      const me = people.get(actor.id);
      return {
        hub: summary(topic, employees, entries, proposals, actor),
        pyramid: TOPIC_ROLES.map((role) => ({ role, holders: hub.holders[role].flatMap((id) => { const who = people.get(id); return who ? [person(who)] : []; }).sort(byName), unfilled: hub.holders[role].length === 0 })),
        influencers: entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => influencerView(e, employees, people, actor)),
        myProposals: mine.map((p) => proposalView(p, topics, people)),
        pending: staff ? proposals.filter((p) => p.topicId === topicId && p.status === 'pending').sort((a, b) => a.proposedAt.localeCompare(b.proposedAt)).map((p) => proposalView(p, topics, people)) : [],
        canManage: staff,
        canOwnEntries: me !== undefined && topicRoleOf(me, topicId) !== undefined,
      };
    },

    async people(tenantId) {
      return (await deps.employees.listByTenant(tenantId)).map(person).sort((a, b) => a.name.localeCompare(b.name));
    },

    async createHub(tenantId, input) {
      const base = slugOf(input.name.en) ?? `hub-${deps.newId()}`;
      const existing = new Set((await stores.hubs.list(tenantId)).map((t) => t.id));
      const topicId = existing.has(base) ? `${base}-${deps.newId()}` : base;
      const topic: Topic = { id: topicId, name: input.name, ...(input.description ? { description: input.description } : {}), languages: input.languages };
      return (await stores.hubs.create(tenantId, topic)).value;
    },

    async updateHub(tenantId, topicId, input) {
      const current = await hubOr404(tenantId, topicId);
      const next: Topic = { id: topicId, name: input.name, ...(input.description ? { description: input.description } : {}), languages: input.languages };
      const saved = await stores.hubs.update(tenantId, next, current.etag);
      return { before: current.value, after: saved.value };
    },

    async assignRole(tenantId, topicId, employeeId, role) {
      await hubOr404(tenantId, topicId);
      const before = topicRoleOf((await enrolledOr404(tenantId, employeeId)).value, topicId);
      const after = await setRole(tenantId, employeeId, (topics) => withTopicRole(topics, topicId, role));
      return { before, after: topicRoleOf(after, topicId) };
    },

    async removeRole(tenantId, topicId, employeeId) {
      await hubOr404(tenantId, topicId);
      const before = topicRoleOf((await enrolledOr404(tenantId, employeeId)).value, topicId);
      if (before === undefined) throw new TopicRefusal(404, 'notFound', 'no-role-on-topic');
      await setRole(tenantId, employeeId, (topics) => withoutTopic(topics, topicId));
      return { before, after: undefined };
    },

    async propose(tenantId, topicId, actor, input) {
      const topic = (await hubOr404(tenantId, topicId)).value;
      const [me, proposals] = await Promise.all([enrolledOr404(tenantId, actor.id), stores.proposals.list(tenantId)]);
      const refusal = proposalRefusal(me.value, topicId, input.role, proposals);
      if (refusal) throw new TopicRefusal(409, 'conflict', refusal);
      const proposal: TopicProposal = { id: deps.newId(), topicId, employeeId: actor.id, role: input.role, ...(input.note ? { note: input.note } : {}), status: 'pending', proposedAt: now() };
      await stores.proposals.create(tenantId, proposal);
      return proposalView(proposal, new Map([[topic.id, topic]]), new Map([[me.value.id, me.value]]));
    },

    async proposals(tenantId, status) {
      const [all, topics, employees] = await Promise.all([stores.proposals.list(tenantId), stores.hubs.list(tenantId), deps.employees.listByTenant(tenantId)]);
      const topicMap = new Map(topics.map((t) => [t.id, t] as const));
      const people = new Map(employees.map((e) => [e.id, e] as const));
      return all.filter((p) => p.status === status).sort((a, b) => a.proposedAt.localeCompare(b.proposedAt)).map((p) => proposalView(p, topicMap, people));
    },

    async myProposals(tenantId, actor) {
      const [all, topics, me] = await Promise.all([stores.proposals.list(tenantId), stores.hubs.list(tenantId), deps.employees.find(tenantId, actor.id)]);
      const topicMap = new Map(topics.map((t) => [t.id, t] as const));
      const people = new Map(me ? [[me.value.id, me.value] as const] : []);
      return all.filter((p) => p.employeeId === actor.id).sort((a, b) => b.proposedAt.localeCompare(a.proposedAt)).map((p) => proposalView(p, topicMap, people));
    },

    async accept(tenantId, proposalId, actor) {
      const current = await stores.proposals.get(tenantId, proposalId).catch((err: unknown) => {
        if (err instanceof Error && err.name === 'NotFoundError') throw new TopicRefusal(404, 'notFound', 'unknown-proposal');
        throw err;
      });
      const decided = decideProposal(current.value, { accept: true }, actor.id, now());
      if (!decided.ok) throw new TopicRefusal(409, 'conflict', decided.refusal);
      await stores.proposals.update(tenantId, decided.proposal, current.etag);
      const { topicId, role, employeeId } = decided.proposal;
      // Never a demotion: someone promoted since they proposed keeps the higher role.
      const person = await setRole(tenantId, employeeId, (topics) => {
        const held = topicRoleOf({ topics }, topicId);
        return held !== undefined && roleIncludes(held, role) ? topics : withTopicRole(topics, topicId, role);
      });
      // They are told the role they now hold (a higher one when promoted meanwhile).
      await announce(tenantId, { ...decided.proposal, role: topicRoleOf(person, topicId) ?? role });
      return { before: current.value, after: decided.proposal };
    },

    async decline(tenantId, proposalId, actor, reason) {
      const current = await stores.proposals.get(tenantId, proposalId).catch((err: unknown) => {
        if (err instanceof Error && err.name === 'NotFoundError') throw new TopicRefusal(404, 'notFound', 'unknown-proposal');
        throw err;
      });
      const decided = decideProposal(current.value, { accept: false, reason }, actor.id, now());
      if (!decided.ok) throw new TopicRefusal(decided.refusal === 'not-pending' ? 409 : 400, decided.refusal === 'not-pending' ? 'conflict' : 'badRequest', decided.refusal);
      await stores.proposals.update(tenantId, decided.proposal, current.etag);
      await announce(tenantId, decided.proposal);
      return { before: current.value, after: decided.proposal };
    },

    async addInfluencer(tenantId, topicId, actor, input) {
      await hubOr404(tenantId, topicId);
      // The owner is the employee adding it, who must be on the topic: the map is theirs, not marketing's.
      await requireOwnerOnTopic(tenantId, topicId, actor);
      const at = now();
      const entry: InfluencerEntry = { id: deps.newId(), topicId, ownerIds: [actor.id], createdBy: actor.id, createdAt: at, updatedAt: at, ...fieldsOf(input) };
      return (await stores.influencers.create(tenantId, entry)).value;
    },

    async editInfluencer(tenantId, topicId, entryId, actor, input) {
      const current = await entryOf(tenantId, topicId, entryId);
      if (!influencerPermissions(actor, current.value).edit) throw new TopicRefusal(403, 'forbidden', 'not-owner');
      const { ownerIds, createdBy, createdAt } = current.value;
      const next: InfluencerEntry = { id: entryId, topicId, ownerIds, createdBy, createdAt, updatedAt: now(), ...fieldsOf(input) };
      const saved = await stores.influencers.update(tenantId, next, current.etag);
      return { before: current.value, after: saved.value };
    },

    async removeInfluencer(tenantId, topicId, entryId, actor) {
      const current = await entryOf(tenantId, topicId, entryId);
      if (!influencerPermissions(actor, current.value).remove) throw new TopicRefusal(403, 'forbidden', 'not-owner');
      await stores.influencers.remove(tenantId, entryId, current.etag);
      return current.value;
    },

    removePerson: (tenantId, employeeId) => removePersonFromTopics(stores, tenantId, employeeId, now),

    async reassignOwners(tenantId, topicId, entryId, actor, ownerIds) {
      const current = await entryOf(tenantId, topicId, entryId);
      if (!influencerPermissions(actor, current.value).reassign) throw new TopicRefusal(403, 'forbidden', 'not-hub-staff');
      const next: InfluencerEntry = { ...current.value, ownerIds, updatedAt: now() };
      const issues = ownerIssues(next, await deps.employees.listByTenant(tenantId));
      if (issues.length > 0) throw new TopicRefusal(400, 'badRequest', issues.join(', '));
      try {
        const saved = await stores.influencers.update(tenantId, next, current.etag);
        return { before: current.value, after: saved.value };
      } catch (err) {
        if (err instanceof ConflictError) throw new TopicRefusal(409, 'conflict', 'changed-meanwhile');
        throw err;
      }
    },
  };
}

/** The entry fields an owner edits, from the validated input. */
function fieldsOf(input: InfluencerInput): Pick<InfluencerEntry, 'name' | 'tier' | 'handle' | 'profileUrl' | 'notes'> {
  return { name: input.name, tier: input.tier, notes: input.why, ...(input.handle ? { handle: input.handle } : {}), ...(input.url ? { profileUrl: input.url } : {}) };
}
