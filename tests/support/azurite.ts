/**
 * Test-side Azurite: one in-memory instance per `vitest run` (started by global-setup.ts); test
 * files read its connection string with `inject('azuriteConnectionString')` and isolate their
 * data with a unique table prefix from `uniqueTablePrefix()`.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { startAzurite as startLauncher, type RunningAzurite } from '../../src/bot/storage/azurite-launcher.js';
import { createTableRepositories, type TableRepositories } from '../../src/bot/storage/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

/** In-memory Azurite on free loopback ports. */
export function startAzurite(): Promise<RunningAzurite> {
  return startLauncher({ inMemory: true });
}

/** A table prefix no other test file uses (letters and digits, as table names require). */
export function uniqueTablePrefix(label = 't'): string {
  return `${label.replace(/[^A-Za-z0-9]/g, '')}${randomBytes(4).toString('hex')}`;
}

/**
 * Repositories on the run's shared Azurite under a fresh table prefix, tables created. Call from
 * a test file (it reads `inject`), typically once in `beforeAll`.
 */
export async function createTestRepositories(label = 't'): Promise<TableRepositories> {
  const repositories = await createTableRepositories({
    connectionString: inject('azuriteConnectionString'),
    tablePrefix: uniqueTablePrefix(label),
  });
  await repositories.ensure();
  return repositories;
}
