/** Contests, one partition per tenant (a handful per year). */
import type { TableClient } from '@azure/data-tables';
import type { Contest } from '../../shared/domain/types.js';
import type { ContestRepository, Versioned } from '../services/ports.js';
import { keys } from './keys.js';
import { contestSchema } from './schemas.js';
import { TenantCollection, tenantCodec } from './tenant-collection.js';

const codec = tenantCodec<Contest>({ keys: keys.contest, schema: contestSchema, label: 'contest', plural: 'contests' });

/** ContestRepository on Azure Table Storage. */
export class TableContestRepository implements ContestRepository {
  private readonly contests: TenantCollection<Contest>;

  constructor(table: TableClient) {
    this.contests = new TenantCollection(table, codec);
  }

  get(tenantId: string, id: string): Promise<Versioned<Contest>> {
    return this.contests.get(tenantId, id);
  }

  list(tenantId: string): Promise<Contest[]> {
    return this.contests.list(tenantId);
  }

  upsert(tenantId: string, contest: Contest): Promise<void> {
    return this.contests.upsert(tenantId, contest);
  }

  create(tenantId: string, contest: Contest): Promise<Versioned<Contest>> {
    return this.contests.create(tenantId, contest);
  }

  update(tenantId: string, contest: Contest, etag: string): Promise<Versioned<Contest>> {
    return this.contests.update(tenantId, contest, etag);
  }

  listVersioned(tenantId: string): Promise<Versioned<Contest>[]> {
    return this.contests.listVersioned(tenantId);
  }

  delete(tenantId: string, id: string, etag: string): Promise<void> {
    return this.contests.delete(tenantId, id, etag);
  }
}
