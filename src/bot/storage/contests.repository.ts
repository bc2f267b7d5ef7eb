/** Contests, one partition per tenant (a handful per year). */
import { odata, type TableClient } from '@azure/data-tables';
import type { Contest } from '../../shared/domain/types.js';
import type { ContestRepository, Versioned } from '../services/ports.js';
import { guard, NotFoundError } from './errors.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { contestSchema } from './schemas.js';
import { listRows, readRow } from './table-ops.js';

const what = (tenantId: string, id: string) => `contest ${tenantId}/${id}`;

/** Domain -> entity: validates the value, builds the keys, checks sizes (throws ValidationError). */
export function toContestEntity(tenantId: string, contest: Contest): Row {
  const valid = validateDomain(contestSchema, contest, what(tenantId, contest.id));
  return toRow(keys.contest.pk(tenantId), keys.contest.rk(valid.id), { ...valid }, what(tenantId, valid.id));
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromContestEntity(row: Record<string, unknown>): Contest {
  return fromRow(contestSchema, row, `contest row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

/** ContestRepository on Azure Table Storage. */
export class TableContestRepository implements ContestRepository {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, id: string): Promise<Versioned<Contest>> {
    const row = await readRow(this.table, keys.contest.pk(tenantId), keys.contest.rk(id), what(tenantId, id));
    if (!row) throw new NotFoundError(`${what(tenantId, id)}: not found`);
    return { value: fromContestEntity(row), etag: String(row.etag) };
  }

  async list(tenantId: string): Promise<Contest[]> {
    const pk = keys.contest.pk(tenantId);
    const rows = await listRows(this.table, `contests of ${tenantId}`, { filter: odata`PartitionKey eq ${pk}` });
    return rows.map(fromContestEntity);
  }

  async upsert(tenantId: string, contest: Contest): Promise<void> {
    const row = toContestEntity(tenantId, contest);
    await guard(what(tenantId, contest.id), () => this.table.upsertEntity(row, 'Replace'));
  }
}
