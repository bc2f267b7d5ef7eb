/**
 * What every process entry point shares (the app `index.ts`, the stand-alone `worker.ts`, and
 * `scripts/start.ts`): the configuration or a clear exit, and a stop on SIGINT/SIGTERM that is
 * handled from the first moment, including while the start is still under way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from './config.js';

/** How long a stop during start-up waits for the start to settle before exiting anyway. */
const STOP_GRACE_MS = 15_000;

/** The version from package.json in the working directory (the app root). */
export function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The configuration of an entry point (server or worker): a bad environment prints every problem and exits 1. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig(process.env, readVersion());
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
}

/**
 * Start something and stop it on SIGINT or SIGTERM, then exit 0. The handlers are registered in
 * the same tick as the start begins: a stop while the start is still awaited (storage can keep it
 * waiting behind a placeholder /healthz) lets the start settle, closes what it opened and exits 0,
 * instead of dying with Azurite, a listener or claimed deliveries left behind.
 */
export async function runUntilSignalled(start: () => Promise<{ close(): Promise<void> }>): Promise<void> {
  let running: { close(): Promise<void> } | undefined;
  let stopping = false;
  const starting = start().then((started) => {
    running = started;
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const settled = running ? Promise.resolve() : Promise.race([starting.catch(() => undefined), new Promise((r) => setTimeout(r, STOP_GRACE_MS))]);
    void settled.then(() => running?.close()).catch(() => undefined).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await starting;
}
