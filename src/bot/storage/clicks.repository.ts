/**
 * Clicks, one partition per link code, row key `day|visitorKey`: a repeat visit by the same
 * visitor on the same UTC day is the same row, so storing it again cannot add a click.
 *
 * `recordMany` (the click-journal flusher) inserts with `create` inside transactions of up to
 * 100 per code: the common case, all new, is one request per chunk and every created row is a
 * new click. A chunk that contains an existing row fails as a whole (409); that chunk is then
 * replayed one `create` at a time, counting the successes and ignoring the 409s. A restart that
 * replays journal entries already flushed therefore counts each click exactly once.
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { Click } from '../../shared/domain/types.js';
import type { ClickRepository } from '../services/ports.js';
import { ConflictError, NotFoundError, ValidationError, guard, translateError } from './errors.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { clickSchema } from './schemas.js';
import { mapLimit } from '../util/map-limit.js';
import { BATCH_CONCURRENCY, chunkByPartition, listPartition } from './table-ops.js';

const what = (code: string) => `clicks of ${code}`;
/** Single creates in flight when a chunk is replayed after a duplicate. */
const REPLAY_CONCURRENCY = 8;

/** Domain -> entity: validates the value, builds the keys, checks sizes (throws ValidationError). */
export function toClickEntity(click: Click): Row {
  const valid = validateDomain(clickSchema, click, `click ${click.code}`);
  return toRow(keys.click.pk(valid.code), keys.click.rk(valid.day, valid.visitorKey), { ...valid }, `click ${valid.code}`);
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromClickEntity(row: Record<string, unknown>): Click {
  return fromRow(clickSchema, row, `click row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

async function createCounted(table: TableClient, row: Row): Promise<number> {
  try {
    await guard(what(row.partitionKey), () => table.createEntity(row));
    return 1;
  } catch (err) {
    if (err instanceof ConflictError && err.statusCode === 409) return 0;
    throw err;
  }
}

/** ClickRepository on Azure Table Storage. */
export class TableClickRepository implements ClickRepository {
  constructor(private readonly table: TableClient) {}

  async recordMany(clicks: Click[]): Promise<number> {
    const unique = new Map<string, Row>();
    for (const click of clicks) {
      const row = toClickEntity(click);
      const id = `${row.partitionKey}\u0000${row.rowKey}`;
      if (!unique.has(id)) unique.set(id, row); // first click of the day is the one kept
    }
    const counts = await mapLimit(chunkByPartition([...unique.values()]), BATCH_CONCURRENCY, (chunk) =>
      this.createChunk(chunk),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  async listByCode(code: string): Promise<Click[]> {
    const pk = keys.click.pk(code);
    const rows = await listPartition(this.table, pk, what(code));
    return rows.map(fromClickEntity);
  }

  /** Counts rows reading only their keys (no properties on the wire). */
  async countByCode(code: string): Promise<number> {
    const pk = keys.click.pk(code);
    const rows = await listPartition(this.table, pk, what(code), { select: ['RowKey'] });
    return rows.length;
  }

  /**
   * Retention (jobs/click-retention.job.ts): deletes every click row of a UTC day before `day`
   * (`YYYY-MM-DD`), in all link partitions, reading keys only, in pages of 1,000 and delete
   * transactions of up to 100 per link. A row gone meanwhile (404) is skipped. Returns how many
   * rows were deleted. Aggregates (tallies, analytics cells) are other tables and stay.
   */
  async deleteBefore(day: string): Promise<number> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new ValidationError(`click retention: ${day} is not a YYYY-MM-DD day`);
    const pages = this.table.listEntities({ queryOptions: { filter: odata`RowKey lt ${day}`, select: ['PartitionKey', 'RowKey'] } }).byPage({ maxPageSize: 1000 });
    let deleted = 0;
    try {
      for await (const page of pages) {
        const rows = page.map((e) => ({ partitionKey: String(e.partitionKey), rowKey: String(e.rowKey) }) as Row);
        const counts = await mapLimit(chunkByPartition(rows), BATCH_CONCURRENCY, (chunk) => this.deleteChunk(chunk));
        deleted += counts.reduce((a, b) => a + b, 0);
      }
    } catch (err) {
      throw translateError(err, 'click retention');
    }
    return deleted;
  }

  private async deleteChunk(chunk: Row[]): Promise<number> {
    try {
      await this.table.submitTransaction(chunk.map((row): TransactionAction => ['delete', { partitionKey: row.partitionKey, rowKey: row.rowKey }]));
      return chunk.length;
    } catch {
      // One row already gone fails the transaction: delete one by one, a 404 is not an error.
      const done = await mapLimit(chunk, REPLAY_CONCURRENCY, async (row) => {
        try {
          await this.table.deleteEntity(row.partitionKey, row.rowKey);
          return 1;
        } catch (err) {
          if (translateError(err).statusCode === 404 || translateError(err) instanceof NotFoundError) return 0;
          throw err;
        }
      });
      return done.reduce((a: number, b) => a + b, 0);
    }
  }

  private async createChunk(chunk: Row[]): Promise<number> {
    const first = chunk[0];
    if (!first) return 0;
    if (chunk.length === 1) return createCounted(this.table, first);
    const actions: TransactionAction[] = chunk.map((row) => ['create', row]);
    try {
      await guard(what(first.partitionKey), () => this.table.submitTransaction(actions));
      return chunk.length;
    } catch (err) {
      if (!(err instanceof ConflictError && err.statusCode === 409)) throw err;
    }
    const created = await mapLimit(chunk, REPLAY_CONCURRENCY, (row) => createCounted(this.table, row));
    return created.reduce((a, b) => a + b, 0);
  }
}
