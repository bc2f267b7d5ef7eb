/**
 * The embedded emulator keeps what was written when it stops, even while LokiJS's autosave is
 * still writing the file (a local start stopped seconds after seeding used to come back empty and
 * seed again: LokiJS's close does not wait for a save in progress). The save in flight is made
 * deterministic: the file adapter's write is held back 300 ms, and the test starts a save itself
 * just before stopping, as the 5-second autosave does.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { afterEach, describe, expect, it } from 'vitest';
import { startAzurite } from '../../../src/bot/storage/azurite-launcher.js';

interface LokiDb { filename: string; saveDatabase(done?: (err?: unknown) => void): void }
interface LokiModule {
  prototype: { saveDatabase(this: LokiDb, ...args: unknown[]): unknown };
  LokiFsAdapter: { prototype: { saveDatabase(this: unknown, name: string, data: string, done: (err?: unknown) => void): void } };
}

const requireFromAzurite = createRequire(createRequire(import.meta.url).resolve('azurite/package.json'));
const loki = requireFromAzurite('lokijs') as LokiModule;
const restore: Array<() => void> = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

describe('embedded Azurite persistence', () => {
  it('a stop while an autosave is still writing leaves every written entity in the file', async () => {
    const opened: LokiDb[] = [];
    const save = loki.prototype.saveDatabase;
    loki.prototype.saveDatabase = function (this: LokiDb, ...args: unknown[]) {
      if (!opened.includes(this)) opened.push(this); // Azurite saves each database once at start
      return save.apply(this, args);
    };
    const write = loki.LokiFsAdapter.prototype.saveDatabase;
    loki.LokiFsAdapter.prototype.saveDatabase = function (this: unknown, name, data, done) {
      setTimeout(() => write.call(this, name, data, done), 300);
    };
    restore.push(() => (loki.prototype.saveDatabase = save), () => (loki.LokiFsAdapter.prototype.saveDatabase = write));

    const location = await mkdtemp(join(tmpdir(), 'ah-azurite-persist-'));
    try {
      const azurite = await startAzurite({ location });
      const client = TableClient.fromConnectionString(azurite.connectionString, 'Kept', { allowInsecureConnection: true });
      await client.createTable();
      await client.createEntity({ partitionKey: 'p', rowKey: 'written-before-the-stop', value: 1 });
      const tableDb = opened.find((db) => db.filename.endsWith('__azurite_db_table__.json'));
      expect(tableDb).toBeDefined();
      tableDb!.saveDatabase(); // an autosave in flight: its flags are cleared, its file not yet written
      await azurite.stop();
      // What a process exiting right now leaves on disk:
      expect(await readFile(join(location, '__azurite_db_table__.json'), 'utf8')).toContain('written-before-the-stop');
    } finally {
      await rm(location, { recursive: true, force: true });
    }
  });
});
