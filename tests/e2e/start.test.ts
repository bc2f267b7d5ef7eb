/**
 * `npm start` as a person runs it: the real script, Azurite on disk, the Playground, then SIGTERM.
 * Asserts it says it is ready, answers health and the tab API, seeds once (a second start adds
 * nothing), and leaves no port behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isListening } from '../support/ports.js';

interface Started {
  child: ChildProcess;
  output: () => string;
  readyIn: number;
}

async function start(env: Record<string, string>, command: [string, string[]] = [process.execPath, ['--import', 'tsx', 'scripts/start.ts']]): Promise<Started> {
  // Its own process group, like a terminal's foreground job: Ctrl-C signals the whole group.
  const child = spawn(command[0], command[1], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const readyIn = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const match = /is ready in ([\d.]+) s[\s\S]*Press Ctrl-C/.exec(out);
      if (match) { clearTimeout(timer); resolve(Number(match[1])); }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited with ${code}:\n${out}`)); });
  });
  return { child, output: () => out, readyIn };
}

/** Signal the whole process group, as Ctrl-C in a terminal (or `kill -- -<pgid>`) does. */
function stop(started: Started, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    if (started.child.exitCode !== null) return resolve(started.child.exitCode);
    started.child.once('exit', (code) => resolve(code));
    process.kill(-started.child.pid!, signal);
  });
}

describe('npm start', () => {
  let dataDir: string;
  const ports = { app: 0, table: 0, queue: 0, playground: 0 };
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ah-start-'));
    ports.app = await freePort();
    ports.table = await freePort();
    ports.queue = await freePort();
    ports.playground = await freePort();
    env = {
      PORT: String(ports.app),
      AZURITE_LOCATION: join(dataDir, 'azurite'),
      AZURITE_TABLE_PORT: String(ports.table),
      AZURITE_QUEUE_PORT: String(ports.queue),
      PLAYGROUND_PORT: String(ports.playground),
    };
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts storage, seed, bot, tab and Playground, then stops cleanly on SIGTERM', async () => {
    const first = await start({ ...env, PLAYGROUND: 'true' });
    try {
      expect(first.output()).toMatch(/Seeded the demo programme: \d{3} employees, \d+ content items/);
      expect(first.output()).toContain(`http://localhost:${ports.playground}`);
      expect(first.readyIn).toBeLessThan(30);
      const health = await fetch(`http://127.0.0.1:${ports.app}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', storage: { reachable: true } });
      const board = await fetch(`http://127.0.0.1:${ports.app}/api/board`);
      expect(board.status).toBe(200);
      expect(await isListening(ports.playground)).toBe(true);
      const tab = await fetch(`http://127.0.0.1:${ports.app}/tab/`);
      expect(tab.status).toBe(200);
      expect(await tab.text()).toContain('<div id="root"');
    } finally {
      expect(await stop(first, 'SIGTERM')).toBe(0);
    }
    for (const port of Object.values(ports)) expect(await isListening(port), `port ${port} still open`).toBe(false);
  }, 120_000);

  it('a second start over the same data seeds nothing and keeps the data (Ctrl-C stops it)', async () => {
    const second = await start({ ...env, PLAYGROUND: 'false' });
    try {
      expect(second.output()).not.toContain('Seeded the demo programme');
      const res = await fetch(`http://127.0.0.1:${ports.app}/api/board`);
      const body = (await res.json()) as { items: unknown[] };
      expect(body.items.length).toBeGreaterThan(20);
    } finally {
      expect(await stop(second, 'SIGINT')).toBe(0);
    }
    for (const port of [ports.app, ports.table, ports.queue]) expect(await isListening(port)).toBe(false);
  }, 120_000);

  it('stops everything when a process manager sends SIGTERM to npm alone', async () => {
    const viaNpm = await start({ ...env, PLAYGROUND: 'false' }, ['npm', ['start', '--silent']]);
    viaNpm.child.kill('SIGTERM');
    const deadline = Date.now() + 20_000;
    const open = async () => (await Promise.all([ports.app, ports.table, ports.queue].map((port) => isListening(port)))).some(Boolean);
    while ((await open()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await open(), 'a port is still open after npm alone got SIGTERM').toBe(false);
  }, 120_000);
});
