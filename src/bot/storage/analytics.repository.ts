/**
 * The analytics read model and the events without a table of their own, on Table Storage.
 * Aggregates: one partition per (tenant, month) holding day rows, month rollups and a `meta`
 * row; cells are stored compactly as `key -> [sessions, shares, engagement, clicks, conversions,
 * revenue]` JSON (split over several columns by the entity codec when long). Events: one
 * partition per (tenant, month), row key = event id, so a repeat is a 409 and counts once.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { AGGREGATE_DIMENSIONS, type AggregateDimension, type AggregateRow } from '../../shared/domain/analytics.js';
import { type PeriodSegment } from '../../shared/domain/analytics-periods.js';
import { METRIC_NAMES, type MetricTotals } from '../../shared/domain/metrics.js';
import { NETWORKS } from '../../shared/domain/types.js';
import type { AggregateRead, AnalyticsAggregateRepository, AnalyticsEventRepository, StoredAnalyticsEvent } from '../services/analytics.ports.js';
import { decodeColumns, fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { ConflictError, guard, NotFoundError, ValidationError } from './errors.js';
import { keys } from './keys.js';
import { listRows, upsertRows } from './table-ops.js';
import { mapLimit } from '../util/map-limit.js';

const DIMENSIONS = new Set<string>(AGGREGATE_DIMENSIONS);

function encodeCells(cells: Record<string, MetricTotals>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [key, t] of Object.entries(cells)) out[key] = METRIC_NAMES.map((n) => t[n]);
  return out;
}

/** A stored aggregate row back to the domain; hand-checked (a month of 50,000 people is large for zod). */
export function decodeAggregateRow(entity: Record<string, unknown>): AggregateRow {
  const what = `analytics row ${String(entity.partitionKey)}/${String(entity.rowKey)}`;
  const fields = decodeColumns(entity, what);
  const { scope, dimension, chunk, cells } = fields;
  if (typeof scope !== 'string' || typeof dimension !== 'string' || !DIMENSIONS.has(dimension) || typeof chunk !== 'number' || typeof cells !== 'object' || cells === null) {
    throw new ValidationError(`${what}: stored row is corrupt`, { code: 'CorruptRow' });
  }
  const out: Record<string, MetricTotals> = {};
  for (const [key, value] of Object.entries(cells as Record<string, unknown>)) {
    if (!Array.isArray(value) || value.length !== METRIC_NAMES.length || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new ValidationError(`${what}: cell ${key} is corrupt`, { code: 'CorruptRow' });
    }
    const [sessions, shares, engagement, clicks, conversions, revenue] = value as number[];
    out[key] = { sessions: sessions!, shares: shares!, engagement: engagement!, clicks: clicks!, conversions: conversions!, revenue: revenue! };
  }
  return { scope, dimension: dimension as AggregateDimension, chunk, cells: out };
}

/** The entity of an aggregate row in its month partition. */
export function toAggregateEntity(tenantId: string, row: AggregateRow): Row {
  const month = row.scope.slice(0, 7);
  const rk = row.scope.length === 7 ? keys.analyticsAggregate.monthRk(row.dimension, row.chunk) : keys.analyticsAggregate.dayRk(row.dimension, row.scope, row.chunk);
  return toRow(keys.analyticsAggregate.pk(tenantId, month), rk, { scope: row.scope, dimension: row.dimension, chunk: row.chunk, cells: encodeCells(row.cells) }, `analytics ${tenantId}/${month}/${rk}`);
}

/** AnalyticsAggregateRepository on Azure Table Storage. */
export class TableAnalyticsAggregateRepository implements AnalyticsAggregateRepository {
  constructor(private readonly table: TableClient) {}

  async replaceMonth(tenantId: string, month: string, rows: readonly AggregateRow[], builtAt: string): Promise<void> {
    const pk = keys.analyticsAggregate.pk(tenantId, month);
    const what = `analytics ${tenantId}/${month}`;
    const entities = rows.filter((r) => r.scope.startsWith(month)).map((r) => toAggregateEntity(tenantId, r));
    const existing = await listRows(this.table, what, { filter: odata`PartitionKey eq ${pk}`, select: ['RowKey'] });
    await upsertRows(this.table, entities, what);
    const fresh = new Set(entities.map((e) => e.rowKey));
    const stale = existing.map((e) => String(e.rowKey)).filter((rk) => rk !== keys.analyticsAggregate.metaRk() && !fresh.has(rk));
    await mapLimit(stale, 8, (rk) => guard(what, () => this.table.deleteEntity(pk, rk)).catch((err: unknown) => {
      if (!(err instanceof NotFoundError)) throw err;
    }));
    await guard(what, () => this.table.upsertEntity({ partitionKey: pk, rowKey: keys.analyticsAggregate.metaRk(), builtAt }, 'Replace'));
  }

  async read(tenantId: string, segments: readonly PeriodSegment[]): Promise<AggregateRead> {
    const segmentRows: AggregateRow[] = [];
    const dayRows: AggregateRow[] = [];
    const built: (string | null)[] = [];
    await Promise.all(
      segments.map(async (segment) => {
        const pk = keys.analyticsAggregate.pk(tenantId, segment.month);
        const what = `analytics ${tenantId}/${segment.month}`;
        const allDays = keys.analyticsAggregate.dayRange('all');
        const days = new Set(segment.days);
        const [main, trend, meta] = await Promise.all([
          segment.whole
            ? listRows(this.table, what, { filter: odata`PartitionKey eq ${pk} and RowKey ge ${'m|'} and RowKey lt ${'m|~'}` })
            : listRows(this.table, what, { filter: odata`PartitionKey eq ${pk} and RowKey ge ${'d|'} and RowKey lt ${'d|~'}` }),
          segment.whole ? listRows(this.table, what, { filter: odata`PartitionKey eq ${pk} and RowKey ge ${allDays.from} and RowKey lt ${allDays.to}` }) : Promise.resolve(undefined),
          listRows(this.table, what, { filter: odata`PartitionKey eq ${pk} and RowKey eq ${keys.analyticsAggregate.metaRk()}` }),
        ]);
        for (const entity of main) {
          const row = decodeAggregateRow(entity);
          if (row.scope.length === 10 && !days.has(row.scope)) continue;
          segmentRows.push(row);
          if (!segment.whole && row.dimension === 'all') dayRows.push(row);
        }
        for (const entity of trend ?? []) dayRows.push(decodeAggregateRow(entity));
        const builtAt = meta[0]?.builtAt;
        built.push(typeof builtAt === 'string' ? builtAt : null);
      }),
    );
    const builtAt = built.includes(null) || built.length === 0 ? null : (built as string[]).sort()[0] ?? null;
    return { segmentRows, dayRows, builtAt };
  }

  async builtAt(tenantId: string, months: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    await Promise.all(
      months.map(async (month) => {
        const pk = keys.analyticsAggregate.pk(tenantId, month);
        const rows = await listRows(this.table, `analytics ${tenantId}/${month}`, { filter: odata`PartitionKey eq ${pk} and RowKey eq ${keys.analyticsAggregate.metaRk()}` });
        const at = rows[0]?.builtAt;
        if (typeof at === 'string') out.set(month, at);
      }),
    );
    return out;
  }
}

const storedEventSchema: z.ZodType<StoredAnalyticsEvent, z.ZodTypeDef, unknown> = z.object({
  id: z.string().min(1).max(256),
  kind: z.enum(['session', 'engagement']),
  employeeId: z.string().min(1),
  at: z.string().datetime(),
  contentId: z.string().optional(),
  network: z.enum(NETWORKS).optional(),
  count: z.number().int().min(0).optional(),
});

/** AnalyticsEventRepository on Azure Table Storage. */
export class TableAnalyticsEventRepository implements AnalyticsEventRepository {
  constructor(private readonly table: TableClient) {}

  private entity(tenantId: string, event: StoredAnalyticsEvent): Row {
    const what = `analytics event ${tenantId}/${event.id}`;
    const valid = validateDomain(storedEventSchema, event, what);
    return toRow(keys.analyticsEvent.pk(tenantId, valid.at.slice(0, 7)), keys.analyticsEvent.rk(valid.id), { ...valid }, what);
  }

  async recordOnce(tenantId: string, event: StoredAnalyticsEvent): Promise<boolean> {
    const row = this.entity(tenantId, event);
    try {
      await guard(`analytics event ${tenantId}/${event.id}`, () => this.table.createEntity(row));
      return true;
    } catch (err) {
      if (err instanceof ConflictError && err.statusCode === 409) return false;
      throw err;
    }
  }

  async upsertMany(tenantId: string, events: readonly StoredAnalyticsEvent[]): Promise<void> {
    await upsertRows(this.table, events.map((e) => this.entity(tenantId, e)), `analytics events of ${tenantId}`);
  }

  async listMonth(tenantId: string, month: string): Promise<StoredAnalyticsEvent[]> {
    const pk = keys.analyticsEvent.pk(tenantId, month);
    const rows = await listRows(this.table, `analytics events ${tenantId}/${month}`, { filter: odata`PartitionKey eq ${pk}` });
    return rows.map((row) => fromRow(storedEventSchema, row, `analytics event row ${String(row.rowKey)}`));
  }
}
