/**
 * Global setup for the browser tests: builds the tab into dist/tab once per run when it is
 * missing or older than its sources, so e2e tests always exercise the current code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const path = join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

export default function setup(): void {
  const index = 'dist/tab/index.html';
  const sources = Math.max(newest('src/tab'), newest('src/shared'), statSync('vite.config.ts').mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const result = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed: the browser tests need the built tab');
}
