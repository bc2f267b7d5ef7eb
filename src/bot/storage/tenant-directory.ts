/**
 * Which tenants run a programme here: every tenant with a contest, a pilot or saved programme
 * settings in storage (the weekly jobs serve each of them, not only the configured tenant). One
 * key-only query per table: these tables hold a few rows per tenant.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { decodeKeyPart, keys as storageKeys, KEY_SEPARATOR } from './keys.js';
import { listRows } from './table-ops.js';

/** Tenants with programme data in storage. */
export interface TenantDirectory {
  /** Tenant ids (sorted, distinct) with a contest, a pilot or programme settings. */
  withProgramme(): Promise<string[]>;
}

async function partitionsOf(table: TableClient, label: string, filter?: string): Promise<string[]> {
  const rows = await listRows(table, label, { select: ['PartitionKey'], ...(filter ? { filter } : {}) });
  return [...new Set(rows.map((row) => String(row.partitionKey)))];
}

/** TenantDirectory over the Contests, Pilots and Settings tables (their partition key is the encoded tenant id). */
export function createTenantDirectory(tables: { contests: TableClient; pilots: TableClient; settings: TableClient }): TenantDirectory {
  return {
    async withProgramme() {
      const keys = await Promise.all([
        partitionsOf(tables.contests, 'list contest tenants'),
        partitionsOf(tables.pilots, 'list pilot tenants'),
        partitionsOf(tables.settings, 'list programme tenants', odata`RowKey eq ${storageKeys.settings.rk()}`),
      ]);
      // Single-part keys; a key with a separator is not a tenant partition.
      return [...new Set(keys.flat().filter((k) => !k.includes(KEY_SEPARATOR)).map(decodeKeyPart))].sort();
    },
  };
}
