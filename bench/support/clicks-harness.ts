/**
 * Shared parts of the click benchmarks: Azurite, the app and a bare 302 server each in their own
 * process (so the load generator in this process does not share their event loop), tracked links
 * registered up front, and counting what the Clicks table holds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createLinkCodes } from '../../src/bot/services/link-codes.js';
import { createServer } from 'node:net';
import { createTableRepositories, type TableRepositories } from '../../src/bot/storage/index.js';
import { mapLimit } from '../../src/bot/util/map-limit.js';
import type { Network, TrackedLink } from '../../src/shared/domain/types.js';

export const SECRET = 'bench-click-key-0123456789abcdef0123456789';
export const HUMAN_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.8960',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/468.1.0.56.78;]',
];
export const CRAWLER_AGENTS = [
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'Twitterbot/1.0',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0 Safari/537.36 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 GTmetrix',
];

/** Codes of `count` links: `B` + 11 digits (valid base62 link codes). */
const signer = createLinkCodes();
/** Link `i`'s code, signed with the dev key (the app refuses a code without its tag: link-codes.ts). */
export const codeOf = (i: number) => signer.sign(`B${String(i).padStart(7, '0')}`);

/**
 * Request `i` of the load: 20 requests in a row share a link (a post being clicked), visitors cycle
 * over `visitors` addresses, 15% of requests come from crawlers and previewers.
 */
export function requestOf(i: number, codes: number, visitors: number): { code: string; ip: string; userAgent: string; human: boolean } {
  const v = i % visitors;
  const human = ![3, 11, 17].includes(i % 20);
  return {
    code: codeOf(Math.floor(i / 20) % codes),
    ip: `10.${(v >> 16) & 255}.${(v >> 8) & 255}.${v & 255}`,
    userAgent: human ? HUMAN_AGENTS[v % HUMAN_AGENTS.length]! : CRAWLER_AGENTS[i % CRAWLER_AGENTS.length]!,
    human,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Child {
  let output = '';
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/**
 * Azurite (tables + queues) in its own process on fixed ports: persisted in `location` (it survives
 * a restart), or in memory when `location` is undefined (no disk traffic competing with the journal).
 */
export async function startAzuriteProcess(location: string | undefined, tablePort: number, queuePort: number): Promise<Child & { connectionString: string }> {
  const where = location === undefined ? 'inMemory: true' : `location: ${JSON.stringify(location)}`;
  const script = `import { startAzurite } from './src/bot/storage/azurite-launcher.ts';
const a = await startAzurite({ ${where}, tablePort: ${tablePort}, queuePort: ${queuePort} });
console.log('READY ' + a.connectionString);
process.once('SIGTERM', () => a.stop().then(() => process.exit(0)));`;
  const child = run(['--import', 'tsx', '--input-type=module', '-e', script], {});
  let connectionString = '';
  await waitFor(async () => {
    if (child.process.exitCode !== null) throw new Error(`Azurite exited: ${child.output()}`);
    const match = /READY (\S+)/.exec(child.output());
    connectionString = match?.[1] ?? '';
    return connectionString !== '';
  }, 30_000, 'Azurite');
  return { ...child, connectionString };
}

export interface AppProcessOptions {
  port: number;
  connectionString: string;
  tablePrefix: string;
  journalDir: string;
}

/** The real app (`src/bot/index.ts`, the production entry) in its own process; resolves when healthy. */
export async function startAppProcess(options: AppProcessOptions): Promise<Child> {
  const child = run(['--import', 'tsx', 'src/bot/index.ts'], {
    PORT: String(options.port),
    HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: options.connectionString,
    STORAGE_TABLE_PREFIX: options.tablePrefix,
    SEED_DEMO: 'false',
    PLAYGROUND: 'false',
    // No per-request log lines: the benchmark measures the redirect, not the logger.
    LOG_LEVEL: 'warn',
    SECRET_CLICK_KEY: SECRET,
    CLICK_JOURNAL_DIR: options.journalDir,
    // The limiter still runs on every request; the load's few thousand addresses stay under it.
    RATE_LIMIT_LINKS_PER_MINUTE: '100000',
  });
  await waitFor(async () => {
    if (child.process.exitCode !== null) throw new Error(`app exited: ${child.output()}`);
    return (await fetch(`http://127.0.0.1:${options.port}/healthz`)).ok;
  }, 60_000, 'the app');
  return child;
}

/** The ceiling: a bare `node:http` server answering every request with the same 302. */
export async function startBareServer(port: number): Promise<Child> {
  const script = `require('node:http').createServer((req, res) => { res.writeHead(302, { location: 'https://example.com/news/launch?utm_source=linkedin&utm_medium=employee-advocacy&utm_content=B00000000001' }); res.end(); }).listen(${port}, '127.0.0.1', () => console.log('READY'));`;
  const child = run(['-e', script], {});
  await waitFor(async () => child.output().includes('READY'), 10_000, 'the bare server');
  return child;
}

export async function stopChild(child: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.process.exitCode === null) child.process.kill(signal);
  return child.exited;
}

export interface AppHealth {
  status: string;
  clicks: { journalBacklog: number; oldestUnflushedAgeMs: number; dropped: number; lastFlushError?: string };
}

export async function health(port: number): Promise<AppHealth> {
  return (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as AppHealth;
}

/** Register `count` tracked links (32 creates in flight). */
export async function registerLinks(repos: TableRepositories, count: number): Promise<void> {
  const networks: Network[] = ['linkedin', 'x', 'facebook'];
  await mapLimit(Array.from({ length: count }, (_, i) => i), 32, async (i) => {
    const code = codeOf(i);
    const link: TrackedLink = {
      code,
      tenantId: 'bench-tenant',
      targetUrl: `https://example.com/news/${i}?utm_source=${networks[i % 3]}&utm_medium=employee-advocacy&utm_content=${code}`,
      shareId: `share-${i}`,
      employeeId: `emp-${i % 500}`,
      contentId: `content-${i % 50}`,
      network: networks[i % 3]!,
      createdAt: '2026-12-01T08:00:00.000Z',
    };
    await repos.trackedLinks.create(link);
  });
}

/** Every stored click row of the benchmark's links, as `code|visitorKey|day` (duplicates would show as repeats). */
export async function storedClicks(repos: TableRepositories, codes: number): Promise<string[]> {
  const lists = await mapLimit(Array.from({ length: codes }, (_, i) => codeOf(i)), 32, (code) => repos.clicks.listByCode(code));
  return lists.flat().map((c) => `${c.code}|${c.visitorKey}|${c.day}`);
}

export function repositoriesFor(connectionString: string, tablePrefix: string): Promise<TableRepositories> {
  return createTableRepositories({ connectionString, tablePrefix });
}
