/**
 * Topic hubs on Azure Table Storage: the topics (one partition per tenant: the topic hub and
 * targeting read them together), self-proposals for a role and the external influencer map
 * entries (each one partition per tenant: a tenant's hubs, queue and maps are small).
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { INFLUENCER_TIERS } from '../../shared/domain/topics.js';
import { PROPOSAL_STATUSES, type TopicProposal } from '../../shared/domain/topics-membership.js';
import { TOPIC_ROLES, type Topic } from '../../shared/domain/types.js';
import type { TopicRepository, Versioned } from '../services/ports.js';
import type { InfluencerEntry, InfluencerRepository, TopicHubRepository, TopicHubStores, TopicProposalRepository } from '../services/topics.ports.js';
import { guard, NotFoundError } from './errors.js';
import { keys } from './keys.js';
import { topicSchema } from './schemas.js';
import { requireEtag } from './table-ops.js';
import { TenantCollection, tenantCodec } from './tenant-collection.js';

const codec = tenantCodec<Topic>({ keys: keys.topic, schema: topicSchema, label: 'topic', plural: 'topics' });

/** TopicRepository (and the hub editor's reads and writes) on Azure Table Storage. */
export class TableTopicRepository implements TopicRepository, TopicHubRepository {
  private readonly topics: TenantCollection<Topic>;

  constructor(table: TableClient) {
    this.topics = new TenantCollection(table, codec);
  }

  list(tenantId: string): Promise<Topic[]> {
    return this.topics.list(tenantId);
  }

  upsertMany(tenantId: string, topics: Topic[]): Promise<void> {
    return this.topics.upsertMany(tenantId, topics);
  }

  get(tenantId: string, id: string): Promise<Versioned<Topic>> {
    return this.topics.get(tenantId, id);
  }

  create(tenantId: string, topic: Topic): Promise<Versioned<Topic>> {
    return this.topics.create(tenantId, topic);
  }

  update(tenantId: string, topic: Topic, etag: string): Promise<Versioned<Topic>> {
    return this.topics.update(tenantId, topic, etag);
  }
}

const id = z.string().min(1);
const instant = z.string().datetime({ offset: true });

const proposalSchema: z.ZodType<TopicProposal, z.ZodTypeDef, unknown> = z.object({
  id,
  topicId: id,
  employeeId: id,
  role: z.enum(TOPIC_ROLES),
  note: z.string().optional(),
  status: z.enum(PROPOSAL_STATUSES),
  proposedAt: instant,
  decidedAt: instant.optional(),
  decidedBy: z.string().optional(),
  reason: z.string().optional(),
});

const influencerSchema: z.ZodType<InfluencerEntry, z.ZodTypeDef, unknown> = z.object({
  id,
  topicId: id,
  name: z.string().min(1),
  tier: z.enum(INFLUENCER_TIERS),
  ownerIds: z.array(id).min(1),
  profileUrl: z.string().optional(),
  handle: z.string().optional(),
  notes: z.string().optional(),
  createdBy: id,
  createdAt: instant,
  updatedAt: instant,
});

const proposalCodec = tenantCodec<TopicProposal>({ keys: keys.topicProposal, schema: proposalSchema, label: 'topic proposal', plural: 'topic proposals' });
const influencerCodec = tenantCodec<InfluencerEntry>({ keys: keys.influencer, schema: influencerSchema, label: 'influencer', plural: 'influencers' });

/** Self-proposals for a topic role. */
export class TableTopicProposalRepository implements TopicProposalRepository {
  private readonly rows: TenantCollection<TopicProposal>;

  constructor(private readonly table: TableClient) {
    this.rows = new TenantCollection(table, proposalCodec);
  }

  get(tenantId: string, proposalId: string) {
    return this.rows.get(tenantId, proposalId);
  }

  list(tenantId: string) {
    return this.rows.list(tenantId);
  }

  create(tenantId: string, proposal: TopicProposal) {
    return this.rows.create(tenantId, proposal);
  }

  update(tenantId: string, proposal: TopicProposal, etag: string) {
    return this.rows.update(tenantId, proposal, etag);
  }

  async remove(tenantId: string, proposalId: string): Promise<void> {
    await guard(proposalCodec.what(tenantId, proposalId), () =>
      this.table.deleteEntity(keys.topicProposal.pk(tenantId), keys.topicProposal.rk(proposalId)),
    ).catch((err: unknown) => {
      if (!(err instanceof NotFoundError)) throw err;
    });
  }
}

/** External influencer map entries. */
export class TableInfluencerRepository implements InfluencerRepository {
  private readonly rows: TenantCollection<InfluencerEntry>;

  constructor(private readonly table: TableClient) {
    this.rows = new TenantCollection(table, influencerCodec);
  }

  get(tenantId: string, entryId: string) {
    return this.rows.get(tenantId, entryId);
  }

  list(tenantId: string, topicId?: string) {
    return this.rows.list(tenantId, topicId === undefined ? undefined : odata`topicId eq ${topicId}`);
  }

  create(tenantId: string, entry: InfluencerEntry) {
    return this.rows.create(tenantId, entry);
  }

  update(tenantId: string, entry: InfluencerEntry, etag: string) {
    return this.rows.update(tenantId, entry, etag);
  }

  async remove(tenantId: string, entryId: string, etag: string): Promise<void> {
    await guard(influencerCodec.what(tenantId, entryId), () =>
      this.table.deleteEntity(keys.influencer.pk(tenantId), keys.influencer.rk(entryId), { etag: requireEtag(etag) }),
    );
  }

  upsertMany(tenantId: string, entries: InfluencerEntry[]) {
    return this.rows.upsertMany(tenantId, entries);
  }
}

/** The three stores of topic hubs; `hubs` is the tenant's Topics table (the same rows the board reads). */
export function createTopicHubStores(tables: { topics: TableClient; proposals: TableClient; influencers: TableClient }): TopicHubStores {
  return {
    hubs: new TableTopicRepository(tables.topics),
    proposals: new TableTopicProposalRepository(tables.proposals),
    influencers: new TableInfluencerRepository(tables.influencers),
  };
}
