/**
 * Shares, stored twice in one table: a row under `e|tenant|employee` ("My impact", the person's
 * history) and an index row under `c|tenant|content` (analytics per item). Both rows carry the
 * whole share and are written here only. The row key is the share id, and both writes are
 * upserts, so recording the same share again (a retried card action, a replayed redirect)
 * converges to one share in each view; a crash between the two writes is healed by the retry.
 */
import type { TableClient } from '@azure/data-tables';
import type { Share } from '../../shared/domain/types.js';
import type { ShareRepository } from '../services/ports.js';
import { guard } from './errors.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { shareSchema } from './schemas.js';
import { listPartition } from './table-ops.js';

const what = (tenantId: string, id: string) => `share ${tenantId}/${id}`;

/** The two rows of a share: by employee (primary) and by content (index). */
export function toShareEntities(tenantId: string, share: Share): [Row, Row] {
  const valid = validateDomain(shareSchema, share, what(tenantId, share.id));
  const rk = keys.share.rk(valid.id);
  return [
    toRow(keys.share.byEmployeePk(tenantId, valid.employeeId), rk, { ...valid }, what(tenantId, valid.id)),
    toRow(keys.share.byContentPk(tenantId, valid.contentId), rk, { ...valid }, what(tenantId, valid.id)),
  ];
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromShareEntity(row: Record<string, unknown>): Share {
  return fromRow(shareSchema, row, `share row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

/** ShareRepository on Azure Table Storage. */
export class TableShareRepository implements ShareRepository {
  constructor(private readonly table: TableClient) {}

  async record(tenantId: string, share: Share): Promise<void> {
    const [byEmployee, byContent] = toShareEntities(tenantId, share);
    // Index first: a share visible in "My impact" is then always counted for its content too.
    await guard(what(tenantId, share.id), () => this.table.upsertEntity(byContent, 'Replace'));
    await guard(what(tenantId, share.id), () => this.table.upsertEntity(byEmployee, 'Replace'));
  }

  async listByEmployee(tenantId: string, employeeId: string): Promise<Share[]> {
    return this.listPartition(keys.share.byEmployeePk(tenantId, employeeId), `shares of employee ${tenantId}/${employeeId}`);
  }

  async listByContent(tenantId: string, contentId: string): Promise<Share[]> {
    return this.listPartition(keys.share.byContentPk(tenantId, contentId), `shares of content ${tenantId}/${contentId}`);
  }

  private async listPartition(pk: string, label: string): Promise<Share[]> {
    const rows = await listPartition(this.table, pk, label);
    return rows.map(fromShareEntity).sort((a, b) => a.sharedAt.localeCompare(b.sharedAt) || a.id.localeCompare(b.id));
  }
}
