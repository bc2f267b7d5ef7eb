/**
 * The production entry point as App Service runs it: the server compiled by `tsc -p
 * tsconfig.build.json` and started with plain `node` (no tsx), so a file the compiler does not
 * emit or a dev-only import on the start path fails here rather than in Azure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isListening } from '../support/ports.js';

describe('production build', () => {
  let outDir: string;

  beforeAll(async () => {
    // Inside the project so the compiled files resolve node_modules as they do in dist/.
    await mkdir('.tmp', { recursive: true });
    outDir = await mkdtemp(resolve('.tmp/build-'));
    const tsc = spawnSync('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json', '--outDir', outDir], { encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('starts with node from the compiled output, answers health and the tab, stops on SIGTERM', async () => {
    const [port, table, queue] = [await freePort(), await freePort(), await freePort()];
    const child = spawn(process.execPath, [join(outDir, 'bot/index.js')], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        PLAYGROUND: 'false',
        LOG_LEVEL: 'warn',
        AZURITE_LOCATION: join(outDir, 'azurite'),
        AZURITE_TABLE_PORT: String(table),
        AZURITE_QUEUE_PORT: String(queue),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const deadline = Date.now() + 60_000;
      // The port may first be held by the placeholder /healthz (503) while Azurite starts: wait for 200.
      let health: { status?: string } | undefined;
      while (Date.now() < deadline && child.exitCode === null) {
        health = (await isListening(port)) ? await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => (r.ok ? (r.json() as Promise<{ status?: string }>) : undefined), () => undefined) : undefined;
        if (health) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(health, output).toMatchObject({ status: 'ok', storage: { reachable: true } });
      expect((await fetch(`http://127.0.0.1:${port}/tab/`)).status).toBe(200);
      const board = (await (await fetch(`http://127.0.0.1:${port}/api/board`)).json()) as { items: unknown[] };
      expect(board.items.length).toBeGreaterThan(20);
    } finally {
      const exited = child.exitCode !== null
        ? Promise.resolve(child.exitCode)
        : new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited, output).toBe(0);
    }
    for (const p of [port, table, queue]) expect(await isListening(p)).toBe(false);
  }, 120_000);
});
