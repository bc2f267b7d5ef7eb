/**
 * Table operations every repository needs, written once: typed point reads, filtered listing,
 * and batch writes split by partition into transactions of at most 100 actions (and 4 MiB),
 * run with bounded concurrency.
 */
import { odata, type TableClient, type TransactionAction, type TableEntityQueryOptions } from '@azure/data-tables';
import { guard, translateError, ValidationError } from './errors.js';
import { mapLimit } from '../util/map-limit.js';
import type { Row } from './entity-codec.js';

/** Service limit on actions per transaction. */
export const MAX_BATCH_ACTIONS = 100;
/** Service limit on a transaction payload is 4 MiB; keep a margin for the multipart envelope. */
export const MAX_BATCH_BYTES = 3.5 * 1024 * 1024;
/** Transactions in flight at once: enough to fill a connection, gentle on one partition. */
export const BATCH_CONCURRENCY = 4;

/** Read one entity, or `undefined` on 404; the ETag comes with it. */
export async function readRow(client: TableClient, pk: string, rk: string, what: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await client.getEntity<Record<string, unknown>>(pk, rk)) as Record<string, unknown>;
  } catch (err) {
    const typed = translateError(err, what);
    if (typed.statusCode === 404) return undefined;
    throw typed;
  }
}

/** Every entity matching an `odata`-built filter, across pages. */
export async function listRows(
  client: TableClient,
  what: string,
  queryOptions: TableEntityQueryOptions = {},
): Promise<Record<string, unknown>[]> {
  return guard(what, async () => {
    const rows: Record<string, unknown>[] = [];
    for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions })) rows.push(row);
    return rows;
  });
}

/**
 * Every entity of one partition (the single-partition range read every hot query is designed to
 * be), optionally narrowed by an `odata`-built condition on columns and a column selection.
 */
export async function listPartition(
  client: TableClient,
  partitionKey: string,
  what: string,
  options: { where?: string; select?: string[] } = {},
): Promise<Record<string, unknown>[]> {
  const partition = odata`PartitionKey eq ${partitionKey}`;
  const filter = options.where === undefined ? partition : `${partition} and ${options.where}`;
  return listRows(client, what, { filter, ...(options.select ? { select: options.select } : {}) });
}

/** Bytes a row takes in a transaction body (UTF-8 JSON plus the per-operation envelope). */
function wireBytes(row: Row): number {
  return Buffer.byteLength(JSON.stringify(row), 'utf8') + 512;
}

/** Split rows into transaction chunks: one partition each, <= 100 actions, <= MAX_BATCH_BYTES. */
export function chunkByPartition(rows: readonly Row[]): Row[][] {
  const byPartition = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byPartition.get(row.partitionKey) ?? [];
    list.push(row);
    byPartition.set(row.partitionKey, list);
  }
  const chunks: Row[][] = [];
  for (const list of byPartition.values()) {
    let chunk: Row[] = [];
    let bytes = 0;
    for (const row of list) {
      const size = wireBytes(row);
      if (chunk.length === MAX_BATCH_ACTIONS || (chunk.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
        chunks.push(chunk);
        chunk = [];
        bytes = 0;
      }
      chunk.push(row);
      bytes += size;
    }
    if (chunk.length > 0) chunks.push(chunk);
  }
  return chunks;
}

/** Keep the last row per (partition, row) key: a transaction may not touch one entity twice. */
export function lastPerKey(rows: readonly Row[]): Row[] {
  const map = new Map<string, Row>();
  for (const row of rows) map.set(`${row.partitionKey}\u0000${row.rowKey}`, row);
  return [...map.values()];
}

/**
 * Upsert (Replace) many rows: grouped by partition, chunked, submitted as transactions with
 * bounded concurrency. Each chunk is atomic; chunks are independent, so a failure may leave
 * earlier chunks written (callers re-run the whole call: upserts are idempotent).
 */
export async function upsertRows(client: TableClient, rows: readonly Row[], what: string): Promise<void> {
  const chunks = chunkByPartition(lastPerKey(rows));
  await mapLimit(chunks, BATCH_CONCURRENCY, (chunk) => {
    const actions: TransactionAction[] = chunk.map((row) => ['upsert', row, 'Replace']);
    return guard(what, () => client.submitTransaction(actions));
  });
}

/** An update must name the version it read: `*` or an empty ETag would silently overwrite. */
export function requireEtag(etag: string): string {
  if (typeof etag !== 'string' || etag.length === 0 || etag === '*') {
    throw new ValidationError('An ETag from a previous read is required for an update');
  }
  return etag;
}
