/**
 * The storage shape several aggregates share, written once: one partition per tenant, row key =
 * the item's id, rows validated and parsed with the aggregate's zod schema. Contests, pilots,
 * topics and content items are small per tenant and read together, so they all fit it; their
 * repositories only pick the operations their port offers.
 */
import type { TableClient } from '@azure/data-tables';
import type { z } from 'zod';
import type { Versioned } from '../services/ports.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { guard, NotFoundError } from './errors.js';
import { listPartition, readRow, requireEtag, upsertRows } from './table-ops.js';

/** Key builders of a tenant-partitioned table (an entry of `keys`). */
export interface TenantKeys {
  pk(tenantId: string): string;
  rk(id: string): string;
}

/** What tells one tenant collection from another. */
export interface TenantCollectionSpec<T extends { id: string }> {
  keys: TenantKeys;
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  /** Singular noun for messages about one item, e.g. `contest` in `contest t1/q1: not found`. */
  label: string;
  /** Plural noun for messages about many, e.g. `contests` in `contests of t1`. */
  plural: string;
}

/** Domain <-> entity conversion of one tenant collection; pure, no table needed. */
export interface TenantCodec<T extends { id: string }> {
  readonly spec: TenantCollectionSpec<T>;
  /** How messages and errors name one item: `<label> <tenant>/<id>`. */
  what(tenantId: string, id: string): string;
  /** Domain -> entity: validates the value, builds the keys, checks sizes (throws ValidationError). */
  toEntity(tenantId: string, value: T): Row;
  /** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
  fromEntity(row: Record<string, unknown>): T;
}

/** Build the codec of a tenant collection; its functions are standalone (safe to pass to `map`). */
export function tenantCodec<T extends { id: string }>(spec: TenantCollectionSpec<T>): TenantCodec<T> {
  const what = (tenantId: string, id: string): string => `${spec.label} ${tenantId}/${id}`;
  return {
    spec,
    what,
    toEntity(tenantId, value) {
      const valid = validateDomain(spec.schema, value, what(tenantId, value.id));
      return toRow(spec.keys.pk(tenantId), spec.keys.rk(valid.id), { ...valid }, what(tenantId, valid.id));
    },
    fromEntity(row) {
      return fromRow(spec.schema, row, `${spec.label} row ${String(row.partitionKey)}/${String(row.rowKey)}`);
    },
  };
}

/**
 * Table operations on a tenant collection. Repositories wrap it instead of extending it, so each
 * keeps exactly the methods of its port.
 */
export class TenantCollection<T extends { id: string }> {
  constructor(
    private readonly table: TableClient,
    private readonly codec: TenantCodec<T>,
  ) {}

  /** One item with its ETag; NotFoundError when missing. */
  async get(tenantId: string, id: string): Promise<Versioned<T>> {
    const { keys } = this.codec.spec;
    const row = await readRow(this.table, keys.pk(tenantId), keys.rk(id), this.codec.what(tenantId, id));
    if (!row) throw new NotFoundError(`${this.codec.what(tenantId, id)}: not found`);
    return { value: this.codec.fromEntity(row), etag: String(row.etag) };
  }

  /**
   * A tenant's items; `where` (an `odata`-built condition on columns) narrows them in the query
   * rather than in memory.
   */
  async list(tenantId: string, where?: string): Promise<T[]> {
    const pk = this.codec.spec.keys.pk(tenantId);
    const rows = await listPartition(this.table, pk, `${this.codec.spec.plural} of ${tenantId}`, where === undefined ? {} : { where });
    return rows.map(this.codec.fromEntity);
  }

  /** A tenant's items, each with its ETag (for an edit that must not overwrite someone else's). */
  async listVersioned(tenantId: string): Promise<Versioned<T>[]> {
    const pk = this.codec.spec.keys.pk(tenantId);
    const rows = await listPartition(this.table, pk, `${this.codec.spec.plural} of ${tenantId}`);
    return rows.map((row) => ({ value: this.codec.fromEntity(row), etag: String(row.etag) }));
  }

  /** Delete an item read before at `etag`; ConflictError when someone changed it since, NotFoundError when gone. */
  async delete(tenantId: string, id: string, etag: string): Promise<void> {
    const { keys } = this.codec.spec;
    await guard(this.codec.what(tenantId, id), () => this.table.deleteEntity(keys.pk(tenantId), keys.rk(id), { etag: requireEtag(etag) }));
  }

  /** Insert a new item; ConflictError when the id is taken. */
  async create(tenantId: string, value: T): Promise<Versioned<T>> {
    const row = this.codec.toEntity(tenantId, value);
    const res = await guard(this.codec.what(tenantId, value.id), () => this.table.createEntity(row));
    return { value: this.codec.fromEntity(row), etag: res.etag ?? '' };
  }

  /** Replace an item read before at `etag`; ConflictError when someone else changed it since. */
  async update(tenantId: string, value: T, etag: string): Promise<Versioned<T>> {
    const row = this.codec.toEntity(tenantId, value);
    const res = await guard(this.codec.what(tenantId, value.id), () =>
      this.table.updateEntity(row, 'Replace', { etag: requireEtag(etag) }),
    );
    return { value: this.codec.fromEntity(row), etag: res.etag ?? '' };
  }

  /** Insert or replace one item, whatever version is stored (last write wins). */
  async upsert(tenantId: string, value: T): Promise<void> {
    const row = this.codec.toEntity(tenantId, value);
    await guard(this.codec.what(tenantId, value.id), () => this.table.upsertEntity(row, 'Replace'));
  }

  /** Insert or replace many items in batched transactions (see `upsertRows`); all are validated first. */
  async upsertMany(tenantId: string, values: readonly T[]): Promise<void> {
    if (values.length === 0) return;
    const rows = values.map((value) => this.codec.toEntity(tenantId, value));
    await upsertRows(this.table, rows, `upsert ${values.length} ${this.codec.spec.plural} of ${tenantId}`);
  }
}
