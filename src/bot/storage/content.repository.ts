/**
 * Content items, one partition per tenant (the board reads a tenant's items together). Suggested
 * texts are a JSON column split over several properties when large; the whole item must stay
 * under the 1 MiB entity limit (ValidationError otherwise).
 */
import { odata, type TableClient } from '@azure/data-tables';
import type { ContentItem } from '../../shared/domain/types.js';
import type { ContentRepository, Versioned } from '../services/ports.js';
import { guard, NotFoundError } from './errors.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { contentItemSchema } from './schemas.js';
import { listRows, readRow, requireEtag, upsertRows } from './table-ops.js';

const what = (tenantId: string, id: string) => `content ${tenantId}/${id}`;

/** Entity for a content item; the tenant is a key part, not a domain field. */
export function toContentEntity(tenantId: string, item: ContentItem): Row {
  const valid = validateDomain(contentItemSchema, item, what(tenantId, item.id));
  return toRow(keys.content.pk(tenantId), keys.content.rk(valid.id), { ...valid }, what(tenantId, valid.id));
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromContentEntity(row: Record<string, unknown>): ContentItem {
  return fromRow(contentItemSchema, row, `content row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

/** ContentRepository on Azure Table Storage. */
export class TableContentRepository implements ContentRepository {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, id: string): Promise<Versioned<ContentItem>> {
    const row = await readRow(this.table, keys.content.pk(tenantId), keys.content.rk(id), what(tenantId, id));
    if (!row) throw new NotFoundError(`${what(tenantId, id)}: not found`);
    return { value: fromContentEntity(row), etag: String(row.etag) };
  }

  /** A tenant's items, optionally one status (filtered by the service, not in memory). */
  async list(tenantId: string, filter: { status?: ContentItem['status'] } = {}): Promise<ContentItem[]> {
    const pk = keys.content.pk(tenantId);
    const query = filter.status === undefined
      ? odata`PartitionKey eq ${pk}`
      : odata`PartitionKey eq ${pk} and status eq ${filter.status}`;
    const rows = await listRows(this.table, `content of ${tenantId}`, { filter: query });
    return rows.map(fromContentEntity);
  }

  async create(tenantId: string, item: ContentItem): Promise<Versioned<ContentItem>> {
    const row = toContentEntity(tenantId, item);
    const res = await guard(what(tenantId, item.id), () => this.table.createEntity(row));
    return { value: fromContentEntity(row), etag: res.etag ?? '' };
  }

  async update(tenantId: string, item: ContentItem, etag: string): Promise<Versioned<ContentItem>> {
    const row = toContentEntity(tenantId, item);
    const res = await guard(what(tenantId, item.id), () => this.table.updateEntity(row, 'Replace', { etag: requireEtag(etag) }));
    return { value: fromContentEntity(row), etag: res.etag ?? '' };
  }

  async upsertMany(tenantId: string, items: ContentItem[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map((item) => toContentEntity(tenantId, item));
    await upsertRows(this.table, rows, `upsert ${items.length} content items of ${tenantId}`);
  }
}
