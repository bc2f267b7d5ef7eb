/** Conversation references for proactive sends, one partition per tenant (campaign fan-out). */
import type { TableClient } from '@azure/data-tables';
import type { ConversationReferenceRepository, StoredConversationReference } from '../services/ports.js';
import { guard } from './errors.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { conversationReferenceSchema } from './schemas.js';
import { listPartition, readRow } from './table-ops.js';

const what = (tenantId: string, employeeId: string) => `conversation reference ${tenantId}/${employeeId}`;

/** Entity for a stored reference; the reference JSON stays an opaque string column. */
export function toConversationReferenceEntity(ref: StoredConversationReference): Row {
  const valid = validateDomain(conversationReferenceSchema, ref, what(ref.tenantId, ref.employeeId));
  return toRow(
    keys.conversationReference.pk(valid.tenantId),
    keys.conversationReference.rk(valid.employeeId),
    { ...valid },
    what(valid.tenantId, valid.employeeId),
  );
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromConversationReferenceEntity(row: Record<string, unknown>): StoredConversationReference {
  return fromRow(conversationReferenceSchema, row, `conversation reference row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

/** ConversationReferenceRepository on Azure Table Storage; last write wins (Teams refreshes it). */
export class TableConversationReferenceRepository implements ConversationReferenceRepository {
  constructor(private readonly table: TableClient) {}

  async upsert(ref: StoredConversationReference): Promise<void> {
    const row = toConversationReferenceEntity(ref);
    await guard(what(ref.tenantId, ref.employeeId), () => this.table.upsertEntity(row, 'Replace'));
  }

  async find(tenantId: string, employeeId: string): Promise<StoredConversationReference | undefined> {
    const row = await readRow(
      this.table,
      keys.conversationReference.pk(tenantId),
      keys.conversationReference.rk(employeeId),
      what(tenantId, employeeId),
    );
    return row && fromConversationReferenceEntity(row);
  }

  async listByTenant(tenantId: string): Promise<StoredConversationReference[]> {
    const pk = keys.conversationReference.pk(tenantId);
    const rows = await listPartition(this.table, pk, `conversation references of ${tenantId}`);
    return rows.map(fromConversationReferenceEntity);
  }
}
