/**
 * Training on Table Storage (issue 11): modules and pushes in one partition per tenant
 * (`TenantCollection`), progress in one partition per tenant with a row per (module, person).
 * Keys in `keys.ts`, documented in docs/storage.md.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { TRAINING_FORMATS, TRAINING_MODULE_STATES, type TrainingModuleRecord } from '../../shared/domain/training.js';
import { TRAINING_PROGRESS_STATUSES, type TrainingProgressRecord } from '../../shared/domain/training-nudges.js';
import { LEARNING_STYLES, PERSONAS, SUPPORTED_LANGUAGES, TOPIC_ROLES } from '../../shared/domain/types.js';
import type { Versioned } from '../services/ports.js';
import type { TrainingModuleRepository, TrainingProgressRepository, TrainingPush, TrainingPushRepository, TrainingStores } from '../services/training.ports.js';
import { fromRow, toRow, validateDomain } from './entity-codec.js';
import { guard } from './errors.js';
import { keys } from './keys.js';
import { listPartition, listRows, readRow, requireEtag } from './table-ops.js';
import { TenantCollection, tenantCodec } from './tenant-collection.js';

const iso = z.string().datetime();

const moduleSchema: z.ZodType<TrainingModuleRecord, z.ZodTypeDef, unknown> = z.object({
  id: z.string().min(1).max(80),
  tenantId: z.string().min(1),
  title: z.string().min(1).max(200),
  summary: z.string().max(500).optional(),
  format: z.enum(TRAINING_FORMATS),
  learningStyle: z.enum(LEARNING_STYLES),
  durationMinutes: z.number().positive(),
  targetPersonas: z.array(z.enum(PERSONAS)),
  targetTopicRoles: z.array(z.enum(TOPIC_ROLES)),
  languages: z.array(z.enum(SUPPORTED_LANGUAGES)).min(1),
  link: z.string().max(2_000).optional(),
  body: z.string().max(20_000).optional(),
  prerequisiteId: z.string().optional(),
  state: z.enum(TRAINING_MODULE_STATES),
  starterTheme: z.string().optional(),
  createdBy: z.string(),
  createdAt: iso,
  updatedAt: iso,
  publishedAt: iso.optional(),
  retiredAt: iso.optional(),
});

const audienceSchema = z.object({
  personas: z.array(z.enum(PERSONAS)),
  topicRoles: z.array(z.enum(TOPIC_ROLES)),
  teams: z.array(z.string()),
  learningStyles: z.array(z.enum(LEARNING_STYLES)),
});

const pushSchema: z.ZodType<TrainingPush, z.ZodTypeDef, unknown> = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  moduleId: z.string().min(1),
  audience: audienceSchema,
  cadence: z.object({ everyDays: z.number().int().positive(), until: iso.optional() }).optional(),
  gapDays: z.number().int().nonnegative().optional(),
  spreadHours: z.number().positive().optional(),
  state: z.enum(['active', 'stopped', 'done']),
  runs: z.number().int().nonnegative(),
  lastRunAt: iso.optional(),
  nextRunAt: iso.optional(),
  lastRecipients: z.number().int().nonnegative(),
  dispatchIds: z.array(z.string()),
  createdBy: z.string(),
  createdAt: iso,
});

const progressSchema: z.ZodType<TrainingProgressRecord, z.ZodTypeDef, unknown> = z.object({
  employeeId: z.string().min(1),
  moduleId: z.string().min(1),
  status: z.enum(TRAINING_PROGRESS_STATUSES),
  nudges: z.number().int().nonnegative(),
  notNows: z.number().int().nonnegative(),
  lastNudgedAt: iso.optional(),
  startedAt: iso.optional(),
  completedAt: iso.optional(),
  updatedAt: iso,
});

/** TrainingModuleRepository on Table Storage. */
export class TableTrainingModuleRepository implements TrainingModuleRepository {
  private readonly collection: TenantCollection<TrainingModuleRecord>;

  constructor(table: TableClient) {
    this.collection = new TenantCollection(table, tenantCodec({ keys: keys.trainingModule, schema: moduleSchema, label: 'training module', plural: 'training modules' }));
  }

  get(tenantId: string, id: string): Promise<Versioned<TrainingModuleRecord>> {
    return this.collection.get(tenantId, id);
  }

  list(tenantId: string): Promise<TrainingModuleRecord[]> {
    return this.collection.list(tenantId);
  }

  create(module: TrainingModuleRecord): Promise<Versioned<TrainingModuleRecord>> {
    return this.collection.create(module.tenantId, module);
  }

  update(module: TrainingModuleRecord, etag: string): Promise<Versioned<TrainingModuleRecord>> {
    return this.collection.update(module.tenantId, module, etag);
  }

  upsertMany(tenantId: string, modules: readonly TrainingModuleRecord[]): Promise<void> {
    return this.collection.upsertMany(tenantId, modules);
  }
}

/** TrainingPushRepository on Table Storage. */
export class TableTrainingPushRepository implements TrainingPushRepository {
  private readonly collection: TenantCollection<TrainingPush>;

  constructor(private readonly table: TableClient) {
    this.collection = new TenantCollection(table, tenantCodec({ keys: keys.trainingPush, schema: pushSchema, label: 'training push', plural: 'training pushes' }));
  }

  get(tenantId: string, id: string): Promise<Versioned<TrainingPush>> {
    return this.collection.get(tenantId, id);
  }

  list(tenantId: string): Promise<TrainingPush[]> {
    return this.collection.list(tenantId);
  }

  create(push: TrainingPush): Promise<Versioned<TrainingPush>> {
    return this.collection.create(push.tenantId, push);
  }

  update(push: TrainingPush, etag: string): Promise<Versioned<TrainingPush>> {
    return this.collection.update(push.tenantId, push, etag);
  }

  async listDue(nowIso: string): Promise<TrainingPush[]> {
    // ISO instants compare as strings; pushes are few (a trainer's cadence plans), so a table scan is fine.
    const rows = await listRows(this.table, 'due training pushes', { filter: odata`state eq ${'active'} and nextRunAt le ${nowIso}` });
    return rows.map((row) => fromRow(pushSchema, row, `training push row ${String(row.partitionKey)}/${String(row.rowKey)}`));
  }
}

const progressWhat = (tenantId: string, moduleId: string, employeeId: string) => `training progress ${tenantId}/${moduleId}/${employeeId}`;

/** TrainingProgressRepository on Table Storage. */
export class TableTrainingProgressRepository implements TrainingProgressRepository {
  constructor(private readonly table: TableClient) {}

  private decode(row: Record<string, unknown>): TrainingProgressRecord {
    return fromRow(progressSchema, row, `training progress row ${String(row.partitionKey)}/${String(row.rowKey)}`);
  }

  async get(tenantId: string, moduleId: string, employeeId: string): Promise<Versioned<TrainingProgressRecord> | undefined> {
    const row = await readRow(this.table, keys.trainingProgress.pk(tenantId), keys.trainingProgress.rk(moduleId, employeeId), progressWhat(tenantId, moduleId, employeeId));
    return row && { value: this.decode(row), etag: String(row.etag) };
  }

  async put(tenantId: string, record: TrainingProgressRecord, etag?: string): Promise<Versioned<TrainingProgressRecord>> {
    const what = progressWhat(tenantId, record.moduleId, record.employeeId);
    const valid = validateDomain(progressSchema, record, what);
    const row = toRow(keys.trainingProgress.pk(tenantId), keys.trainingProgress.rk(valid.moduleId, valid.employeeId), { ...valid }, what);
    const res = await guard(what, () => (etag === undefined ? this.table.createEntity(row) : this.table.updateEntity(row, 'Replace', { etag: requireEtag(etag) })));
    return { value: valid, etag: res.etag ?? '' };
  }

  async listByTenant(tenantId: string): Promise<TrainingProgressRecord[]> {
    const rows = await listPartition(this.table, keys.trainingProgress.pk(tenantId), `training progress of ${tenantId}`);
    return rows.map((row) => this.decode(row));
  }

  async listByEmployee(tenantId: string, employeeId: string): Promise<TrainingProgressRecord[]> {
    const rows = await listPartition(this.table, keys.trainingProgress.pk(tenantId), `training progress of ${tenantId}/${employeeId}`, { where: odata`employeeId eq ${employeeId}` });
    return rows.map((row) => this.decode(row));
  }
}

/** Build the training stores over their three tables. */
export function createTrainingStores(tables: { modules: TableClient; progress: TableClient; pushes: TableClient }): TrainingStores {
  return {
    modules: new TableTrainingModuleRepository(tables.modules),
    progress: new TableTrainingProgressRepository(tables.progress),
    pushes: new TableTrainingPushRepository(tables.pushes),
  };
}
