/**
 * Entry point of the storage layer: builds every table repository for one storage account and
 * table prefix. The composition root calls `ensure()` once at start-up and `ping()` for /healthz.
 */
import type { TokenCredential } from '@azure/identity';
import type { Repositories } from '../services/ports.js';
import { TableClickRepository } from './clicks.repository.js';
import { TableContentRepository } from './content.repository.js';
import { TableContentResponseRepository } from './content-responses.repository.js';
import { TableContestRepository } from './contests.repository.js';
import { TableConversationReferenceRepository } from './conversation-references.repository.js';
import { TableEmployeeRepository } from './employees.repository.js';
import { TablePilotRepository } from './pilots.repository.js';
import { TableAuditLogRepository } from './audit-log.repository.js';
import { TableImportJobRepository } from './import-jobs.repository.js';
import type { ImportJobRepository } from '../services/people-import.ports.js';
import type { AuditLogRepository } from '../services/audit.ports.js';
import { TablePolicyRepository } from './policies.repository.js';
import { TablePromptRepository } from './prompts.repository.js';
import { TableSettingsRepository } from './settings.repository.js';
import { createQueueClientFactory, type QueueClientFactory } from './queue-client.js';
import { TableScoreRepository } from './scores.repository.js';
import { TableShareRepository } from './shares.repository.js';
import { createTableClientFactory } from './table-client.js';
import { TableTopicRepository } from './topics.repository.js';
import { TableTrackedLinkRepository } from './tracked-links.repository.js';
import type { MeasurementRepositories } from '../services/scoring.ports.js';
import { TableContestSnapshotRepository, TableConversionRepository, TableEventArchive, TableParticipantDirectory, TableWinRepository } from './measurement.repository.js';
import { TableTallyRepository } from './tallies.repository.js';
import { TableCampaignReferenceReader, TableCampaignRepository, TableCampaignResponseReader, TableDeliveryRepository } from './campaigns.repository.js';
import { createStorageDeliveryQueue } from './delivery-queue.js';
import { TableJobLeaseStore, TableSendBudgetStore } from './leases.repository.js';
import { TableRateCountsBoard } from './rate-counts.repository.js';
import type { RateCountsBoard } from '../services/rate-sharing.ports.js';
import type { CampaignStores } from '../services/campaigns.ports.js';
import type { TrainingStores } from '../services/training.ports.js';
import { createTrainingStores } from './training.repository.js';
import type { GoalRepository } from '../services/goals.ports.js';
import { TableGoalRepository } from './goals.repository.js';
import type { SuggestionRepository } from '../services/suggestions.ports.js';
import { TableSuggestionRepository } from './suggestions.repository.js';
import type { AdminSettingsRepository } from '../services/admin.ports.js';
import { TableAdminSettingsRepository } from './admin-settings.repository.js';
import { TablePersonalDataEraser } from './personal-data.repository.js';
import type { PersonalDataEraser, PersonTraces } from '../services/data-requests.ports.js';
import { TablePersonTraces } from './personal-data-traces.js';
import type { AnalyticsAggregateRepository, AnalyticsEventRepository, PilotRecordRepository } from '../services/analytics.ports.js';
import { TableAnalyticsAggregateRepository, TableAnalyticsEventRepository } from './analytics.repository.js';
import { TablePilotRecordRepository } from './pilot-records.repository.js';
import type { TopicHubStores } from '../services/topics.ports.js';
import { createTopicHubStores } from './topics.repository.js';
import { createTenantDirectory, type TenantDirectory } from './tenant-directory.js';

export { ConflictError, NotFoundError, StorageError, ValidationError } from './errors.js';
export { updateWithRetry } from './optimistic.js';

export interface TableRepositoriesOptions {
  /** Azurite or another connection string (local, tests). */
  connectionString?: string;
  /** Azure: `https://<account>.table.core.windows.net` (with `DefaultAzureCredential`). */
  accountUrl?: string;
  /** Azure: the storage account name (alternative to `accountUrl`). */
  accountName?: string;
  /** Defaults to `DefaultAzureCredential` when an account is given. */
  credential?: TokenCredential;
  /** Prepended to every table (and, lowercased, queue) name; default `ah`. */
  tablePrefix?: string;
}

export type TableRepositories = Repositories & MeasurementRepositories & {
  /** Create all tables and queues if missing (idempotent, safe on every start). */
  ensure(): Promise<void>;
  /** True when storage answers; never throws (for GET /healthz). */
  ping(): Promise<boolean>;
  /** Queue clients for the delivery worker. */
  queues: QueueClientFactory;
  /** Campaign pipeline: campaigns, delivery records, the delivery queue, send budget, job leases. */
  campaigns: CampaignStores;
  /** Training modules, progress and pushes (issue 11). */
  training: TrainingStores;
  /** Personal goals ("My impact"). */
  goals: GoalRepository;
  /** Who did what through the API (admin pages). */
  auditLog: AuditLogRepository;
  /** People imports: progress and per-row reports. */
  importJobs: ImportJobRepository;
  /** Content suggestions from the board, pending an admin's decision. */
  suggestions: SuggestionRepository;
  /** Admin settings (quiet hours, cap, blocked phrases, webhook key), a row of `Settings`. */
  adminSettings: AdminSettingsRepository;
  /** Analytics read model (aggregates per tenant and month). */
  analyticsAggregates: AnalyticsAggregateRepository;
  /** Board sessions and engagement (events without a table of their own). */
  analyticsEvents: AnalyticsEventRepository;
  /** Leadership pilot plans and go/no-go decisions. */
  pilotRecords: PilotRecordRepository;
  /** Topic hubs (the Topics rows), self-proposals for a role and the external influencer maps (issue 13). */
  topicHubs: TopicHubStores;
  /** Data requests: erase one person's rows across the tables (personal-data.repository.ts). */
  personalData: PersonalDataEraser;
  /** Data requests: a person's traces in rows that stay (audit, reports, deliveries, analytics...), rewritten under a pseudonym. */
  personTraces: PersonTraces;
  /** Tenants with a contest, a pilot or programme settings (the weekly jobs serve each; issue 9). */
  tenants: TenantDirectory;
  /** Per-visitor rate-limit counts shared by the instances (http/shared-rate-store.ts). */
  rateCounts: RateCountsBoard;
};

/** Build the repositories; no network call happens until `ensure()` or the first operation. */
export async function createTableRepositories(options: TableRepositoriesOptions): Promise<TableRepositories> {
  const prefix = options.tablePrefix ?? 'ah';
  const connection = {
    connectionString: options.connectionString,
    accountUrl: options.accountUrl,
    accountName: options.accountName,
    credential: options.credential,
  };
  const tables = createTableClientFactory(connection, prefix);
  const queues = createQueueClientFactory(connection, prefix);
  const conversions = new TableConversionRepository(tables.client('conversions'));
  return {
    employees: new TableEmployeeRepository(tables.client('employees')),
    conversationReferences: new TableConversationReferenceRepository(tables.client('conversationReferences')),
    content: new TableContentRepository(tables.client('content')),
    contentResponses: new TableContentResponseRepository(tables.client('contentResponses')),
    shares: new TableShareRepository(tables.client('shares')),
    trackedLinks: new TableTrackedLinkRepository(tables.client('trackedLinks')),
    clicks: new TableClickRepository(tables.client('clicks')),
    scores: new TableScoreRepository(tables.client('scores')),
    contests: new TableContestRepository(tables.client('contests')),
    topics: new TableTopicRepository(tables.client('topics')),
    pilots: new TablePilotRepository(tables.client('pilots')),
    prompts: new TablePromptRepository(tables.client('prompts')),
    policies: new TablePolicyRepository(tables.client('policies'), tables.client('policyAcknowledgements')),
    settings: new TableSettingsRepository(tables.client('settings')),
    tallies: new TableTallyRepository(tables.client('tallies')),
    conversions,
    wins: new TableWinRepository(tables.client('wins')),
    contestSnapshots: new TableContestSnapshotRepository(tables.client('contestSnapshots')),
    participants: new TableParticipantDirectory(tables.client('employees')),
    eventArchive: new TableEventArchive(tables.client('clicks'), tables.client('shares'), conversions),
    queues,
    campaigns: {
      campaigns: new TableCampaignRepository(tables.client('campaigns')),
      deliveries: new TableDeliveryRepository(tables.client('deliveries')),
      queue: createStorageDeliveryQueue(queues.client('deliveries')),
      budget: new TableSendBudgetStore(tables.client('sendBudget')),
      leases: new TableJobLeaseStore(tables.client('jobLeases')),
      responses: new TableCampaignResponseReader(tables.client('contentResponses')),
      references: new TableCampaignReferenceReader(tables.client('conversationReferences')),
    },
    training: createTrainingStores({ modules: tables.client('trainingModules'), progress: tables.client('trainingProgress'), pushes: tables.client('trainingPushes') }),
    goals: new TableGoalRepository(tables.client('goals')),
    auditLog: new TableAuditLogRepository(tables.client('auditLog')),
    importJobs: new TableImportJobRepository(tables.client('importJobs')),
    suggestions: new TableSuggestionRepository(tables.client('suggestions')),
    adminSettings: new TableAdminSettingsRepository(tables.client('settings')),
    analyticsAggregates: new TableAnalyticsAggregateRepository(tables.client('analyticsAggregates')),
    analyticsEvents: new TableAnalyticsEventRepository(tables.client('analyticsEvents')),
    pilotRecords: new TablePilotRecordRepository(tables.client('pilotRecords')),
    rateCounts: new TableRateCountsBoard(tables.client('rateCounts')),
    tenants: createTenantDirectory({ contests: tables.client('contests'), pilots: tables.client('pilots'), settings: tables.client('settings') }),
    topicHubs: createTopicHubStores({ topics: tables.client('topics'), proposals: tables.client('topicProposals'), influencers: tables.client('influencers') }),
    personalData: new TablePersonalDataEraser({
      employees: tables.client('employees'), conversationReferences: tables.client('conversationReferences'), contentResponses: tables.client('contentResponses'), shares: tables.client('shares'),
      trackedLinks: tables.client('trackedLinks'), clicks: tables.client('clicks'), prompts: tables.client('prompts'), policyAcknowledgements: tables.client('policyAcknowledgements'), goals: tables.client('goals'),
      trainingProgress: tables.client('trainingProgress'), suggestions: tables.client('suggestions'), tallies: tables.client('tallies'), wins: tables.client('wins'), scores: tables.client('scores'), contests: tables.client('contests'),
    }),
    personTraces: new TablePersonTraces({
      auditLog: tables.client('auditLog'), importJobs: tables.client('importJobs'), deliveries: tables.client('deliveries'), campaigns: tables.client('campaigns'), analyticsEvents: tables.client('analyticsEvents'),
      analyticsAggregates: tables.client('analyticsAggregates'), contestSnapshots: tables.client('contestSnapshots'), conversions: tables.client('conversions'), contests: tables.client('contests'), pilots: tables.client('pilots'),
      pilotRecords: tables.client('pilotRecords'), topicProposals: tables.client('topicProposals'), influencers: tables.client('influencers'), suggestions: tables.client('suggestions'), trainingModules: tables.client('trainingModules'),
      trainingPushes: tables.client('trainingPushes'), content: tables.client('content'), policies: tables.client('policies'), topics: tables.client('topics'), employees: tables.client('employees'), wins: tables.client('wins'),
    }),
    async ensure() {
      await Promise.all([tables.ensureTables(), queues.ensureQueues()]);
    },
    ping: () => tables.ping(),
  };
}
