/**
 * Ports of the training feature (issue 11): modules, per-person progress and pushes. Implemented
 * in `src/bot/storage/training.repository.ts`; the training service takes them as arguments.
 */
import type { TrainingModuleRecord } from '../../shared/domain/training.js';
import type { TrainingAudience, TrainingCadence, TrainingProgressRecord } from '../../shared/domain/training-nudges.js';
import type { Versioned } from './ports.js';

export interface TrainingModuleRepository {
  /** NotFoundError when missing. */
  get(tenantId: string, id: string): Promise<Versioned<TrainingModuleRecord>>;
  list(tenantId: string): Promise<TrainingModuleRecord[]>;
  /** Insert; ConflictError when the id exists. */
  create(module: TrainingModuleRecord): Promise<Versioned<TrainingModuleRecord>>;
  /** Replace only at `etag`; ConflictError otherwise. */
  update(module: TrainingModuleRecord, etag: string): Promise<Versioned<TrainingModuleRecord>>;
  /** Insert or replace many (the starter modules). */
  upsertMany(tenantId: string, modules: readonly TrainingModuleRecord[]): Promise<void>;
}

export interface TrainingProgressRepository {
  get(tenantId: string, moduleId: string, employeeId: string): Promise<Versioned<TrainingProgressRecord> | undefined>;
  /** Create (no `etag`; ConflictError if it exists) or replace at `etag` (ConflictError when stale). */
  put(tenantId: string, record: TrainingProgressRecord, etag?: string): Promise<Versioned<TrainingProgressRecord>>;
  listByTenant(tenantId: string): Promise<TrainingProgressRecord[]>;
  listByEmployee(tenantId: string, employeeId: string): Promise<TrainingProgressRecord[]>;
}

/** A push of one module to an audience, now and optionally on a cadence. */
export interface TrainingPush {
  id: string;
  tenantId: string;
  moduleId: string;
  audience: TrainingAudience;
  cadence?: TrainingCadence;
  gapDays?: number;
  /** Hours the nudges of one run are spread over (in each person's working hours). */
  spreadHours?: number;
  state: 'active' | 'stopped' | 'done';
  runs: number;
  lastRunAt?: string;
  nextRunAt?: string;
  lastRecipients: number;
  /** Dispatch (campaign) ids in the delivery pipeline, newest last (at most the last 20). */
  dispatchIds: string[];
  createdBy: string;
  createdAt: string;
}

export interface TrainingPushRepository {
  get(tenantId: string, id: string): Promise<Versioned<TrainingPush>>;
  list(tenantId: string): Promise<TrainingPush[]>;
  create(push: TrainingPush): Promise<Versioned<TrainingPush>>;
  update(push: TrainingPush, etag: string): Promise<Versioned<TrainingPush>>;
  /** Active pushes of every tenant whose next run is at or before `nowIso` (the cadence job). */
  listDue(nowIso: string): Promise<TrainingPush[]>;
}

/** Everything training stores, built by `createTableRepositories`. */
export interface TrainingStores {
  modules: TrainingModuleRepository;
  progress: TrainingProgressRepository;
  pushes: TrainingPushRepository;
}

/**
 * Sends training nudges through the delivery pipeline (caps, quiet hours, retries, throttling):
 * one dispatch of kind `training` for the recipients of one push run. Returns the dispatch id.
 */
export interface TrainingNudgeDispatcher {
  dispatch(input: { tenantId: string; moduleId: string; pushId: string; employeeIds: readonly string[]; createdBy: string; now: Date; spreadHours?: number }): Promise<{
    dispatchId: string;
    /** Who got a planned delivery. */
    planned: string[];
    /** Who the planner could not place in the window (outside working hours or days, weekly cap, paused). */
    notPlaced: { employeeId: string; reason: string }[];
  }>;
}
