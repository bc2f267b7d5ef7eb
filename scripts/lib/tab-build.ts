/**
 * The built tab (dist/tab) is rebuilt only when it is missing or older than its sources: shared by
 * `npm start` and the browser tests' global setup, so both decide staleness the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const TAB_SOURCES = ['src/tab', 'src/shared', 'vite.config.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

/** True when `distDir/index.html` is missing or older than any tab source. */
export function isTabBuildStale(distDir = 'dist/tab'): boolean {
  const index = join(distDir, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < Math.max(...TAB_SOURCES.map(newestMtime));
}

/** Run `vite build`; throws with a readable message when it fails. */
export function buildTab(): void {
  const result = spawnSync(resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? 'signal'})`);
}
