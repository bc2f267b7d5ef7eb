/**
 * A person's latest answer per content item (shared / skipped / snoozed), partitioned by tenant +
 * employee so "what may I offer this person" is one single-partition read. A newer answer for
 * the same item replaces the older one.
 */
import type { TableClient } from '@azure/data-tables';
import type { ContentResponse } from '../../shared/domain/types.js';
import type { ContentResponseRepository } from '../services/ports.js';
import { guard } from './errors.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { contentResponseSchema } from './schemas.js';
import { listPartition } from './table-ops.js';

const what = (tenantId: string, r: Pick<ContentResponse, 'employeeId' | 'contentId'>) =>
  `content response ${tenantId}/${r.employeeId}/${r.contentId}`;

/** Domain -> entity: validates the value, builds the keys, checks sizes (throws ValidationError). */
export function toContentResponseEntity(tenantId: string, response: ContentResponse): Row {
  const valid = validateDomain(contentResponseSchema, response, what(tenantId, response));
  return toRow(keys.contentResponse.pk(tenantId, valid.employeeId), keys.contentResponse.rk(valid.contentId), { ...valid }, what(tenantId, valid));
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromContentResponseEntity(row: Record<string, unknown>): ContentResponse {
  return fromRow(contentResponseSchema, row, `content response row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

/** ContentResponseRepository on Azure Table Storage. */
export class TableContentResponseRepository implements ContentResponseRepository {
  constructor(private readonly table: TableClient) {}

  async record(tenantId: string, response: ContentResponse): Promise<void> {
    const row = toContentResponseEntity(tenantId, response);
    await guard(what(tenantId, response), () => this.table.upsertEntity(row, 'Replace'));
  }

  async listByEmployee(tenantId: string, employeeId: string): Promise<ContentResponse[]> {
    const pk = keys.contentResponse.pk(tenantId, employeeId);
    const rows = await listPartition(this.table, pk, `content responses of ${tenantId}/${employeeId}`);
    return rows.map(fromContentResponseEntity);
  }
}
