/**
 * Helpers of the fault and scale-out runs (`npm run test:faults`): the real app and Azurite in their
 * own processes, requests from a chosen loopback source address, waiting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Proc {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnNode(args: string[], env: Record<string, string>): Proc {
  let output = '';
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The app (`src/bot/index.ts`) in its own process with `env` on top of quiet test defaults. */
export function spawnApp(env: Record<string, string>): Proc {
  return spawnNode(['--import', 'tsx', 'src/bot/index.ts'], { HOST: '127.0.0.1', PLAYGROUND: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env });
}

/** Azurite (tables + queues) in its own process, persisted in `location`, on fixed ports. */
export async function spawnAzurite(location: string, tablePort: number, queuePort: number): Promise<Proc & { connectionString: string }> {
  const script = `import { startAzurite } from './src/bot/storage/azurite-launcher.ts';
const a = await startAzurite({ location: ${JSON.stringify(location)}, tablePort: ${tablePort}, queuePort: ${queuePort} });
console.log('READY ' + a.connectionString);
process.once('SIGTERM', () => a.stop().then(() => process.exit(0)));`;
  const proc = spawnNode(['--import', 'tsx', '--input-type=module', '-e', script], {});
  let connectionString = '';
  await waitFor(async () => {
    if (proc.child.exitCode !== null) throw new Error(`Azurite exited: ${proc.output()}`);
    connectionString = /READY (\S+)/.exec(proc.output())?.[1] ?? '';
    return connectionString !== '';
  }, 30_000, 'Azurite');
  return { ...proc, connectionString };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const temp = (label: string) => mkdtemp(join(tmpdir(), `ah-faults-${label}-`));

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from a chosen loopback source address (`localAddress`), so it can be looked for. */
export function call(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, localAddress: options.from ?? '127.0.0.1' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

export async function healthOf(port: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await call(port, '/healthz');
  return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> };
}

export const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
