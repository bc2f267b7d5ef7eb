/** Topics, one partition per tenant: the topic hub and targeting read them together. */
import type { TableClient } from '@azure/data-tables';
import type { Topic } from '../../shared/domain/types.js';
import type { TopicRepository } from '../services/ports.js';
import { keys } from './keys.js';
import { topicSchema } from './schemas.js';
import { TenantCollection, tenantCodec } from './tenant-collection.js';

const codec = tenantCodec<Topic>({ keys: keys.topic, schema: topicSchema, label: 'topic', plural: 'topics' });

/** TopicRepository on Azure Table Storage. */
export class TableTopicRepository implements TopicRepository {
  private readonly topics: TenantCollection<Topic>;

  constructor(table: TableClient) {
    this.topics = new TenantCollection(table, codec);
  }

  list(tenantId: string): Promise<Topic[]> {
    return this.topics.list(tenantId);
  }

  upsertMany(tenantId: string, topics: Topic[]): Promise<void> {
    return this.topics.upsertMany(tenantId, topics);
  }
}
