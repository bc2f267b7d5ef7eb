/**
 * Ports of analytics and the leadership pilot: the read model (aggregate rows per tenant and
 * month), the events that have no table of their own (board sessions, engagement), and the
 * pilot's plan and go/no-go decisions. Implemented in src/bot/storage.
 */
import type { AggregateRow } from '../../shared/domain/analytics.js';
import type { PeriodSegment } from '../../shared/domain/analytics-periods.js';
import type { ManualReadinessItemId, ManualTick } from '../../shared/domain/analytics-pilot.js';
import type { PilotDecision } from '../../shared/contracts/pilot.js';
import type { Network } from '../../shared/domain/types.js';
import type { Versioned } from './ports.js';

/** What a read of a period returns: the rows to sum and the `all` day rows for the trend. */
export interface AggregateRead {
  segmentRows: AggregateRow[];
  dayRows: AggregateRow[];
  /** Oldest build time among the months read; null when a month was never built. */
  builtAt: string | null;
}

export interface AnalyticsAggregateRepository {
  /** Replace a month's rows with `rows` (stale rows of an earlier build are deleted) and stamp it built. */
  replaceMonth(tenantId: string, month: string, rows: readonly AggregateRow[], builtAt: string): Promise<void>;
  /** The rows covering `segments` (rollups for whole months, day rows for the others). */
  read(tenantId: string, segments: readonly PeriodSegment[]): Promise<AggregateRead>;
  /** When each month was last built (absent: never). */
  builtAt(tenantId: string, months: readonly string[]): Promise<Map<string, string>>;
}

/** A stored event with no table of its own. `id` makes it idempotent (one session per person and 30 minutes). */
export interface StoredAnalyticsEvent {
  id: string;
  kind: 'session' | 'engagement';
  employeeId: string;
  at: string;
  contentId?: string;
  network?: Network;
  count?: number;
}

export interface AnalyticsEventRepository {
  /** Create once; false when an event with this id exists. */
  recordOnce(tenantId: string, event: StoredAnalyticsEvent): Promise<boolean>;
  /** Insert or replace many (the demo seed). */
  upsertMany(tenantId: string, events: readonly StoredAnalyticsEvent[]): Promise<void>;
  listMonth(tenantId: string, month: string): Promise<StoredAnalyticsEvent[]>;
}

/** A pilot's plan: goals and the hand-ticked checklist items. */
export interface PilotPlan {
  goals: string[];
  ticks: Partial<Record<ManualReadinessItemId, ManualTick>>;
}

export interface PilotRecordRepository {
  getPlan(tenantId: string, pilotId: string): Promise<Versioned<PilotPlan> | undefined>;
  /** Create (no etag; ConflictError if it exists) or replace at `etag` (ConflictError when stale). */
  putPlan(tenantId: string, pilotId: string, plan: PilotPlan, etag?: string): Promise<void>;
  addDecision(tenantId: string, pilotId: string, decision: PilotDecision): Promise<void>;
  /** Newest first. */
  listDecisions(tenantId: string, pilotId: string, limit: number): Promise<PilotDecision[]>;
}
