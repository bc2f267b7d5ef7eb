/**
 * Content items, one partition per tenant (the board reads a tenant's items together). Suggested
 * texts are a JSON column split over several properties when large; the whole item must stay
 * under the 1 MiB entity limit (ValidationError otherwise).
 */
import { odata, type TableClient } from '@azure/data-tables';
import type { ContentItem } from '../../shared/domain/types.js';
import type { ContentRepository, Versioned } from '../services/ports.js';
import { keys } from './keys.js';
import { contentItemSchema } from './schemas.js';
import { TenantCollection, tenantCodec } from './tenant-collection.js';

const codec = tenantCodec<ContentItem>({ keys: keys.content, schema: contentItemSchema, label: 'content', plural: 'content items' });

/** Entity for a content item; the tenant is a key part, not a domain field. */
export const toContentEntity = codec.toEntity;

/** ContentRepository on Azure Table Storage. */
export class TableContentRepository implements ContentRepository {
  private readonly items: TenantCollection<ContentItem>;

  constructor(table: TableClient) {
    this.items = new TenantCollection(table, codec);
  }

  get(tenantId: string, id: string): Promise<Versioned<ContentItem>> {
    return this.items.get(tenantId, id);
  }

  /** A tenant's items, optionally one status (filtered by the service, not in memory). */
  list(tenantId: string, filter: { status?: ContentItem['status'] } = {}): Promise<ContentItem[]> {
    return this.items.list(tenantId, filter.status === undefined ? undefined : odata`status eq ${filter.status}`);
  }

  create(tenantId: string, item: ContentItem): Promise<Versioned<ContentItem>> {
    return this.items.create(tenantId, item);
  }

  update(tenantId: string, item: ContentItem, etag: string): Promise<Versioned<ContentItem>> {
    return this.items.update(tenantId, item, etag);
  }

  upsertMany(tenantId: string, items: ContentItem[]): Promise<void> {
    return this.items.upsertMany(tenantId, items);
  }
}
