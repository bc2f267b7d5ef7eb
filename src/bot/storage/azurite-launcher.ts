/**
 * Starts Azurite's table and queue services inside this Node process (no child processes, no
 * wrapper scripts), for the test run and for local `npm start`. Azurite ships no type
 * declarations, so the few classes used are loaded with `createRequire` and typed here.
 * Telemetry is never initialised: only Azurite's CLI entry points start it.
 */
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT_NAME = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Keep data in memory only (tests). Default true unless `location` is given. */
  inMemory?: boolean;
  /** Directory for persisted data (local runs, e.g. `.data/azurite`); ignored when in memory. */
  location?: string;
  /** 0 (default) lets the OS pick a free port. */
  tablePort?: number;
  queuePort?: number;
  /** Interface to bind; default loopback so nothing is exposed on the network. */
  host?: string;
}

export interface RunningAzurite {
  connectionString: string;
  tableEndpoint: string;
  queueEndpoint: string;
  tablePort: number;
  queuePort: number;
  stop(): Promise<void>;
}

interface AzuriteServer {
  httpServer: Server;
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}
type ServerClass<C> = new (configuration: C) => AzuriteServer;
type Ctor = new (...args: unknown[]) => object;
interface PersistenceLocation {
  locationId: string;
  locationPath: string;
  maxConcurrency: number;
}

const require = createRequire(import.meta.url);

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Work around an Azurite 3.35 bug: its request deserializer joins the body's Buffer chunks with
 * `segments.join("")`, decoding each chunk on its own, so a multi-byte UTF-8 character split
 * between two chunks (bodies over ~64 KiB, e.g. a content item with Japanese suggested texts)
 * is stored as two U+FFFD. Setting the stream's encoding makes Node hand over correctly decoded
 * strings. Only JSON/XML bodies: batch (multipart) bodies are read as Buffers, correctly.
 */
function decodeBodiesAsUtf8(server: AzuriteServer): void {
  const http = server.httpServer;
  const listeners = http.listeners('request') as RequestListener[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (/^application\/(json|xml|atom\+xml)|^text\/json/i.test(req.headers['content-type'] ?? '')) req.setEncoding('utf8');
    for (const listener of listeners) listener(req, res);
  });
}
/**
 * Work around an Azurite 3.35 cost (issue 9): every point read, insert, update, merge and delete
 * finds the entity with LokiJS `findOne({ PartitionKey, RowKey })`. LokiJS answers an implicit
 * `$and` with the first property's index and scans the rest, so PartitionKey first means scanning
 * the whole partition (10,000 delivery records: every send's four point operations cost
 * milliseconds of the emulator's single thread). Asking RowKey first uses the RowKey index and
 * checks the partition on the few rows left; the answer is the same. Applied once per process.
 */
let pointLookupsIndexed = false;
function indexPointLookups(): void {
  if (pointLookupsIndexed) return;
  pointLookupsIndexed = true;
  const loki = createRequire(require.resolve('azurite/package.json'))('lokijs') as { Collection: { prototype: { findOne(query: unknown): unknown } } };
  const findOne = loki.Collection.prototype.findOne;
  loki.Collection.prototype.findOne = function reordered(this: unknown, query: unknown) {
    if (query && typeof query === 'object' && 'PartitionKey' in query && 'RowKey' in query && Object.keys(query).length === 2) {
      const { PartitionKey, RowKey } = query as { PartitionKey: unknown; RowKey: unknown };
      return findOne.call(this, { RowKey, PartitionKey });
    }
    return findOne.call(this, query);
  };
}

/**
 * Save a server's LokiJS database and wait until it is on disk. Azurite's close relies on LokiJS's
 * `close()`, which saves only when something changed since the last save started: an autosave
 * still writing at that moment is not waited for, and a process that exits right after keeps the
 * file of the save before (a local start stopped seconds after seeding came back empty and seeded
 * again). `saveDatabase` queues behind a save in progress and writes once more, so this resolves
 * only when everything written so far is in the file.
 */
async function flushToDisk(server: object): Promise<void> {
  type Store = { db?: { saveDatabase?: (done: (err?: unknown) => void) => void } } | undefined;
  const stores = server as { metadataStore?: Store; extentMetadataStore?: Store };
  for (const store of [stores.metadataStore, stores.extentMetadataStore]) {
    const save = store?.db?.saveDatabase?.bind(store.db);
    if (save) await new Promise<void>((resolve) => save(() => resolve()));
  }
}

function load<T>(path: string): T {
  return (require(`azurite/dist/src/${path}.js`) as { default: T }).default;
}

/** Connection string for the development account at the given endpoints. */
export function azuriteConnectionString(tableEndpoint: string, queueEndpoint: string): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT_NAME}`,
    `AccountKey=${AZURITE_ACCOUNT_KEY}`,
    `TableEndpoint=${tableEndpoint}`,
    `QueueEndpoint=${queueEndpoint}`,
  ].join(';');
}

/**
 * Start tables + queues; resolves once both listen. `stop()` closes both and is safe to call twice.
 * Options mirror the CLI flags `--inMemoryPersistence --skipApiVersionCheck --loose --silent
 * --disableTelemetry` (the API version check is skipped because the SDKs move faster than Azurite).
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const host = options.host ?? '127.0.0.1';
  const inMemory = options.inMemory ?? options.location === undefined;
  const location = resolve(options.location ?? '.data/azurite');
  if (!inMemory) await mkdir(location, { recursive: true });

  const TableConfiguration = load<Ctor>('table/TableConfiguration');
  const TableServer = load<ServerClass<object>>('table/TableServer');
  const QueueConfiguration = load<Ctor>('queue/QueueConfiguration');
  const QueueServer = load<ServerClass<object>>('queue/QueueServer');

  // Positional constructor arguments as in Azurite 3.35's table/main.js and queue/main.js.
  const tableConfig = new TableConfiguration(
    host, options.tablePort ?? 0, undefined, join(location, '__azurite_db_table__.json'),
    false, false, undefined, undefined, true, true, '', '', '', undefined, false, inMemory,
  );
  const persistence: PersistenceLocation[] = [
    { locationId: 'Default', locationPath: join(location, '__queuestorage__'), maxConcurrency: 1 },
  ];
  const queueConfig = new QueueConfiguration(
    host, options.queuePort ?? 0, undefined, join(location, '__azurite_db_queue__.json'),
    join(location, '__azurite_db_queue_extent__.json'), persistence, false, undefined, false, undefined,
    true, true, '', '', '', undefined, false, inMemory,
  );

  const table = new TableServer(tableConfig);
  const queue = new QueueServer(queueConfig);
  indexPointLookups();
  decodeBodiesAsUtf8(table);
  decodeBodiesAsUtf8(queue);
  await table.start();
  try {
    await queue.start();
  } catch (err) {
    await table.close();
    throw err;
  }
  const tableAddress = new URL(table.getHttpServerAddress());
  const queueAddress = new URL(queue.getHttpServerAddress());
  const tableEndpoint = `${tableAddress.origin}/${AZURITE_ACCOUNT_NAME}`;
  const queueEndpoint = `${queueAddress.origin}/${AZURITE_ACCOUNT_NAME}`;
  let stopped: Promise<void> | undefined;
  return {
    connectionString: azuriteConnectionString(tableEndpoint, queueEndpoint),
    tableEndpoint,
    queueEndpoint,
    tablePort: Number(tableAddress.port),
    queuePort: Number(queueAddress.port),
    stop() {
      stopped ??= (inMemory ? Promise.resolve() : Promise.all([flushToDisk(table), flushToDisk(queue)]))
        .then(() => Promise.all([table.close(), queue.close()]))
        .then(() => undefined);
      return stopped;
    },
  };
}
