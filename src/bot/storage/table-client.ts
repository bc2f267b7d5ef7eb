/**
 * Builds table clients for either Azurite/connection strings (local, tests) or an account
 * endpoint with `DefaultAzureCredential` (Azure, managed identity; never an account key).
 */
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { translateError, serviceErrorCode, ValidationError } from './errors.js';
import { tableName, TABLES, type TableKey } from './keys.js';

/** Where storage lives. Exactly one of `connectionString` and `accountUrl`/`accountName`. */
export interface StorageConnection {
  /** Azurite or any connection string (local and tests). */
  connectionString?: string;
  /** Azure: `https://<account>.table.core.windows.net`. */
  accountUrl?: string;
  /** Azure: the account name, from which the table and queue URLs are derived. */
  accountName?: string;
  /** Defaults to `DefaultAzureCredential` (managed identity in Azure, developer login locally). */
  credential?: TokenCredential;
}

/** Creates clients for the configured tables; one instance per process. */
export interface TableClientFactory {
  client(table: TableKey): TableClient;
  /** Create every table if missing (idempotent). */
  ensureTables(): Promise<void>;
  /** True when the table endpoint answers an authenticated request. */
  ping(): Promise<boolean>;
}

function accountTableUrl(connection: StorageConnection): string | undefined {
  if (connection.accountUrl) return connection.accountUrl.replace(/\/+$/, '');
  if (connection.accountName) return `https://${connection.accountName}.table.core.windows.net`;
  return undefined;
}

/** A health check answers quickly: one try, bounded time (the SDK would otherwise retry for ~10 s). */
const PING_TIMEOUT_MS = 2_000;
const noRetry = { retryOptions: { maxRetries: 0 } };

/** Table factory for a connection; `prefix` namespaces every table name. */
export function createTableClientFactory(connection: StorageConnection, prefix: string): TableClientFactory {
  const options = { allowInsecureConnection: true };
  const url = accountTableUrl(connection);
  let service: TableServiceClient;
  let pingService: TableServiceClient;
  let make: (name: string) => TableClient;
  if (connection.connectionString) {
    const cs = connection.connectionString;
    service = TableServiceClient.fromConnectionString(cs, options);
    pingService = TableServiceClient.fromConnectionString(cs, { ...options, ...noRetry });
    make = (name) => TableClient.fromConnectionString(cs, name, options);
  } else if (url) {
    const credential = connection.credential ?? new DefaultAzureCredential();
    service = new TableServiceClient(url, credential);
    pingService = new TableServiceClient(url, credential, noRetry);
    make = (name) => new TableClient(url, name, credential);
  } else {
    throw new ValidationError('Storage needs a connection string or an account URL/name');
  }
  const clients = new Map<TableKey, TableClient>();
  const keys = Object.keys(TABLES) as TableKey[];
  for (const key of keys) tableName(prefix, key); // fail fast on a bad prefix

  return {
    client(table) {
      let client = clients.get(table);
      if (!client) {
        client = make(tableName(prefix, table));
        clients.set(table, client);
      }
      return client;
    },
    async ensureTables() {
      await Promise.all(
        keys.map(async (key) => {
          try {
            await service.createTable(tableName(prefix, key));
          } catch (err) {
            if (serviceErrorCode(err) !== 'TableAlreadyExists') throw translateError(err, `create table ${key}`);
          }
        }),
      );
    },
    async ping() {
      try {
        const page = pingService.listTables({ abortSignal: AbortSignal.timeout(PING_TIMEOUT_MS) }).byPage({ maxPageSize: 1 });
        await page.next();
        return true;
      } catch {
        return false;
      }
    },
  };
}
