/**
 * Entity counts of every table of one app (its table prefix) on the test run's Azurite, read
 * through the table service: "nothing was written" is then `diffCounts(before, after)` being empty.
 */
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { inject } from 'vitest';

/** Rows per table name. */
export type TableCounts = Record<string, number>;

/** Count the rows of every table whose name starts with `prefix`. */
export async function countTables(prefix: string): Promise<TableCounts> {
  const connectionString = inject('azuriteConnectionString');
  const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const names: string[] = [];
  for await (const table of service.listTables()) if (table.name?.startsWith(prefix)) names.push(table.name);
  const counts: TableCounts = {};
  await Promise.all(
    names.map(async (name) => {
      const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
      let n = 0;
      for await (const _row of client.listEntities({ queryOptions: { select: ['PartitionKey'] } })) n += 1;
      counts[name] = n;
    }),
  );
  return counts;
}

/** Tables whose count changed, as `name: before -> after`. */
export function diffCounts(before: TableCounts, after: TableCounts): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((name) => (before[name] ?? 0) !== (after[name] ?? 0))
    .map((name) => `${name}: ${before[name] ?? 0} -> ${after[name] ?? 0}`);
}
