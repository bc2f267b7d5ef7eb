/**
 * Ports of measurement: the event ledger and tallies behind scores and "My impact", conversions,
 * celebrated wins and weekly board snapshots. Implemented in src/bot/storage; services see only
 * these types. Every method throws the typed errors of ./errors.ts.
 */
import type { Conversion } from '../../shared/domain/conversions.js';
import type { RankSnapshotEntry } from '../../shared/domain/contest-snapshots.js';
import type { Click, IsoInstant, Role, Score, Share } from '../../shared/domain/types.js';
import type { Win } from '../../shared/domain/wins.js';
import type { Versioned } from './ports.js';

/** What a stored event is, for the ledger. */
export type LedgerKind = 'click' | 'share' | 'conversion';

/**
 * One scoring event in a person's ledger. `eventId` is the event's own identity: a click's
 * `code|visitorKey|day`, a share's id, a conversion's external id. A ledger row exists at most
 * once per (person, kind, eventId): that is what makes scoring exactly-once.
 */
export interface LedgerEvent {
  kind: LedgerKind;
  eventId: string;
  employeeId: string;
  at: IsoInstant;
}

/** A person's all-time counts (unique clicks, shares, conversions) from their ledger. */
export interface PersonTotals {
  employeeId: string;
  clicks: number;
  shares: number;
  conversions: number;
}

/** The same counts for one ISO week (UTC), `YYYY-Www`. */
export interface WeekTotals extends PersonTotals {
  week: string;
}

/** A contest score with the counts behind it. */
export interface ContestScore extends Score {
  clicks: number;
  shares: number;
  conversions: number;
}

/** A person's aggregates as read for an update, each with its ETag (absent = not yet written). */
export interface TallySlice {
  totals?: Versioned<PersonTotals>;
  weeks: Record<string, Versioned<WeekTotals>>;
  scores: Record<string, Versioned<ContestScore>>;
}

/** An aggregate to write: created when `etag` is absent, else replaced only at that version. */
export type TallyWrite =
  | { kind: 'totals'; value: PersonTotals; etag?: string }
  | { kind: 'week'; value: WeekTotals; etag?: string }
  | { kind: 'score'; value: ContestScore; etag?: string };

/** Everything stored about one person in the tallies (for a rebuild). */
export interface PersonTallyRows extends TallySlice {
  employeeId: string;
  events: LedgerEvent[];
}

/**
 * The ledger and the aggregates derived from it, one partition per (tenant, bucket of person):
 * a person's ledger rows and aggregates share a partition, so one transaction moves both.
 */
export interface TallyRepository {
  /** Most ledger rows one `commit` can carry beside its aggregate writes (100 actions a batch). */
  readonly maxEventsPerCommit: number;
  readSlice(tenantId: string, employeeId: string, query: { weeks: readonly string[]; contestIds: readonly string[] }): Promise<TallySlice>;
  /**
   * Atomically create the ledger rows and apply the aggregate writes (one transaction). Throws
   * ConflictError when a ledger row already exists (409) or an aggregate changed (412/409).
   */
  commit(tenantId: string, employeeId: string, events: readonly LedgerEvent[], writes: readonly TallyWrite[]): Promise<void>;
  /** Which of these events are already in the person's ledger, as `kind|eventId`. */
  knownEvents(tenantId: string, employeeId: string, events: readonly LedgerEvent[]): Promise<Set<string>>;
  /** Insert-or-keep ledger rows (a rebuild topping up the ledger from the event tables). */
  upsertEvents(tenantId: string, events: readonly LedgerEvent[]): Promise<void>;
  /** Every person's rows in one bucket (0 .. buckets-1), for a rebuild. */
  listBucket(tenantId: string, bucket: number): Promise<PersonTallyRows[]>;
  readonly buckets: number;
  /** Every score of a contest (all buckets read in parallel); unordered. */
  listScores(tenantId: string, contestId: string): Promise<ContestScore[]>;
  getScore(tenantId: string, contestId: string, employeeId: string): Promise<ContestScore | undefined>;
  getTotals(tenantId: string, employeeId: string): Promise<PersonTotals | undefined>;
  getWeek(tenantId: string, employeeId: string, week: string): Promise<WeekTotals | undefined>;
}

export interface ConversionRepository {
  /** Stores a conversion once per (tenant, external id); on a repeat returns the stored one. */
  record(conversion: Conversion): Promise<{ created: boolean; conversion: Conversion }>;
  listByTenant(tenantId: string): Promise<Conversion[]>;
}

/** A stored win: celebrated once; `notified` once the bot was handed it. */
export interface StoredWin extends Win {
  notified: boolean;
}

export interface WinRepository {
  /** Stores a win under its id; false when it was stored before (already detected). */
  claim(tenantId: string, win: Win): Promise<boolean>;
  listByEmployee(tenantId: string, employeeId: string): Promise<StoredWin[]>;
  markNotified(tenantId: string, win: Win): Promise<void>;
  /** Wins stored during an ISO week, tenant-wide (for the weekly update). */
  listByWeek(tenantId: string, week: string): Promise<Win[]>;
}

export interface ContestSnapshotRepository {
  /** Replace the snapshot of `week` (the ranked board as it stood). */
  save(tenantId: string, contestId: string, week: string, entries: readonly RankSnapshotEntry[]): Promise<void>;
  load(tenantId: string, contestId: string, week: string): Promise<RankSnapshotEntry[] | undefined>;
}

/** Who takes part: id, display name and roles only (the leaderboard's projection of Employees). */
export interface Participant {
  id: string;
  displayName: string;
  roles: Role[];
}

export interface ParticipantDirectory {
  listParticipants(tenantId: string): Promise<Participant[]>;
}

/** The stored events a rebuild reads (Clicks, Shares, Conversions tables). */
export interface EventArchive {
  listClicks(tenantId: string): Promise<Click[]>;
  listShares(tenantId: string): Promise<Share[]>;
  listConversions(tenantId: string): Promise<Conversion[]>;
}

/** The measurement repositories, wired by the composition root. */
export interface MeasurementRepositories {
  tallies: TallyRepository;
  conversions: ConversionRepository;
  wins: WinRepository;
  contestSnapshots: ContestSnapshotRepository;
  participants: ParticipantDirectory;
  eventArchive: EventArchive;
}
