/**
 * Storage ports of topic hubs (issue 13): the hubs themselves (the `Topics` table, read by the
 * board and targeting too), self-proposals for a role, and the external influencer map entries.
 * Role assignments live on the Employee record (`Employee.topics`), written through the
 * EmployeeRepository.
 */
import type { ExternalInfluencer } from '../../shared/domain/topics.js';
import type { TopicProposal } from '../../shared/domain/topics-membership.js';
import type { IsoInstant, Topic } from '../../shared/domain/types.js';
import type { TopicRepository, Versioned } from './ports.js';

/** A map entry as stored: the domain entry plus who created it and when it last changed. */
export interface InfluencerEntry extends ExternalInfluencer {
  createdBy: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** Topics with single-hub reads and ETag-guarded writes (the hub editor). */
export interface TopicHubRepository extends TopicRepository {
  get(tenantId: string, id: string): Promise<Versioned<Topic>>;
  /** Insert; ConflictError when the id is taken. */
  create(tenantId: string, topic: Topic): Promise<Versioned<Topic>>;
  /** Replace the version read at `etag`; ConflictError when it changed since. */
  update(tenantId: string, topic: Topic, etag: string): Promise<Versioned<Topic>>;
}

export interface TopicProposalRepository {
  get(tenantId: string, id: string): Promise<Versioned<TopicProposal>>;
  list(tenantId: string): Promise<TopicProposal[]>;
  create(tenantId: string, proposal: TopicProposal): Promise<Versioned<TopicProposal>>;
  update(tenantId: string, proposal: TopicProposal, etag: string): Promise<Versioned<TopicProposal>>;
  /** Delete one proposal whatever its version (a person's data deletion). */
  remove(tenantId: string, id: string): Promise<void>;
}

export interface InfluencerRepository {
  get(tenantId: string, id: string): Promise<Versioned<InfluencerEntry>>;
  /** A tenant's entries, or one topic's when `topicId` is given. */
  list(tenantId: string, topicId?: string): Promise<InfluencerEntry[]>;
  create(tenantId: string, entry: InfluencerEntry): Promise<Versioned<InfluencerEntry>>;
  update(tenantId: string, entry: InfluencerEntry, etag: string): Promise<Versioned<InfluencerEntry>>;
  /** Delete the version read at `etag`; ConflictError when it changed since. */
  remove(tenantId: string, id: string, etag: string): Promise<void>;
  /** Insert or replace many (the demo seed). */
  upsertMany(tenantId: string, entries: InfluencerEntry[]): Promise<void>;
}

/** The topic hub stores, wired once by the storage layer. */
export interface TopicHubStores {
  hubs: TopicHubRepository;
  proposals: TopicProposalRepository;
  influencers: InfluencerRepository;
}
