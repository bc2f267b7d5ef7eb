/** Topics, one partition per tenant: the topic hub and targeting read them together. */
import { odata, type TableClient } from '@azure/data-tables';
import type { Topic } from '../../shared/domain/types.js';
import type { TopicRepository } from '../services/ports.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { topicSchema } from './schemas.js';
import { listRows, upsertRows } from './table-ops.js';

const what = (tenantId: string, id: string) => `topic ${tenantId}/${id}`;

/** Domain -> entity: validates the value, builds the keys, checks sizes (throws ValidationError). */
export function toTopicEntity(tenantId: string, topic: Topic): Row {
  const valid = validateDomain(topicSchema, topic, what(tenantId, topic.id));
  return toRow(keys.topic.pk(tenantId), keys.topic.rk(valid.id), { ...valid }, what(tenantId, valid.id));
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromTopicEntity(row: Record<string, unknown>): Topic {
  return fromRow(topicSchema, row, `topic row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

/** TopicRepository on Azure Table Storage. */
export class TableTopicRepository implements TopicRepository {
  constructor(private readonly table: TableClient) {}

  async list(tenantId: string): Promise<Topic[]> {
    const pk = keys.topic.pk(tenantId);
    const rows = await listRows(this.table, `topics of ${tenantId}`, { filter: odata`PartitionKey eq ${pk}` });
    return rows.map(fromTopicEntity);
  }

  async upsertMany(tenantId: string, topics: Topic[]): Promise<void> {
    await upsertRows(this.table, topics.map((t) => toTopicEntity(tenantId, t)), `upsert ${topics.length} topics of ${tenantId}`);
  }
}
