/**
 * Starts the real app for end-to-end tests: real server on a random port over the test run's
 * Azurite (with a unique table prefix), demo data seeded, the built tab served from dist/tab
 * (built once per run by the global setup).
 */
import { inject } from 'vitest';
import { loadConfig } from '../../src/bot/config.js';
import { startApp, type RunningApp, type StartOptions } from '../../src/bot/index.js';
import { uniqueTablePrefix } from './azurite.js';

export interface TestApp {
  baseUrl: string;
  app: RunningApp;
  close(): Promise<void>;
}

/** Start the whole app for one test file; call `close()` in `afterAll`. */
export async function startTestApp(env: Record<string, string> = {}, options: Omit<StartOptions, 'connectionString'> = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE_TABLE_PREFIX: uniqueTablePrefix('e2e'),
    SEED_DEMO: 'true',
    PLAYGROUND: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  }, 'test');
  const app = await startApp(config, { ...options, connectionString: inject('azuriteConnectionString') });
  return { baseUrl: app.url, app, close: () => app.close() };
}
