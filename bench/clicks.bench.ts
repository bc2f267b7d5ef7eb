/**
 * Click redirect benchmark. Azurite (own process, in memory) holds thousands of
 * tracked links; autocannon (in this process) sends `GET /l/:code` at 100 connections over many
 * codes and visitors (X-Forwarded-For and User-Agent vary per request, 15% crawlers and
 * previewers) to, in turn:
 *   1. a bare `node:http` server that only answers 302 (the ceiling), in its own process;
 *   2. the real app (`src/bot/index.ts`, production entry, LOG_LEVEL=warn so no per-request log
 *      lines), in its own process, redirecting only once each counted click is in its journal.
 * Both runs use the same request generator, so the load generator costs the same in both. The
 * two servers are measured in alternating rounds (bare, app, bare, app, ...) so that a change in
 * the machine's background load hits both alike; the figures are the medians of the rounds. Prints
 * req/s, ratio, p50/p99, then waits for the flusher and compares the Clicks table with the unique
 * non-crawler clicks sent: they must be equal (exit 1 otherwise).
 * Run: `npm run bench:clicks` (options: --amount 200000 --rounds 4 --connections 100 --codes 2000
 * --visitors 5000).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  freePort, health, registerLinks, repositoriesFor, requestOf, startAppProcess, startAzuriteProcess, startBareServer,
  stopChild, storedClicks, waitFor,
} from './support/clicks-harness.js';

const { values } = parseArgs({
  options: {
    amount: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '100' },
    codes: { type: 'string', default: '2000' },
    visitors: { type: 'string', default: '5000' },
  },
});
const AMOUNT = Number(values.amount);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);
const CONNECTIONS = Number(values.connections);
const CODES = Number(values.codes);
const VISITORS = Number(values.visitors);

let seq = 0;
/** Each call builds the next request of the shared sequence; `onHuman` sees every counted click sent. */
function setupRequest(onHuman?: (identity: string) => void) {
  return (req: autocannon.Request): autocannon.Request => {
    const r = requestOf(seq++, CODES, VISITORS);
    if (r.human) onHuman?.(`${r.code}|${r.ip}|${r.userAgent}`);
    return { ...req, method: 'GET', path: `/l/${r.code}`, headers: { 'user-agent': r.userAgent, 'x-forwarded-for': r.ip } };
  };
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  redirects: number;
  errors: number;
}

async function load(port: number, amount: number, onHuman?: (identity: string) => void): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    amount,
    pipelining: 1,
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: setupRequest(onHuman) }],
  });
  const total = result.requests.total;
  return {
    rps: Math.round(total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total,
    redirects: result['3xx'] ?? 0,
    errors: result.errors + result.timeouts + result.non2xx - (result['3xx'] ?? 0),
  };
}

/** Median of each figure over the rounds (counts summed). */
function median(results: LoadResult[]): LoadResult {
  const mid = (pick: (r: LoadResult) => number) => {
    const sorted = results.map(pick).sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
  };
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  return { rps: Math.round(mid((r) => r.rps)), p50: mid((r) => r.p50), p99: mid((r) => r.p99), total: sum((r) => r.total), redirects: sum((r) => r.redirects), errors: sum((r) => r.errors) };
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'clicks-bench-'));
  const prefix = `bench${Date.now().toString(36)}`;
  // In memory: Azurite's periodic save of its whole database would compete with the journal's fsyncs.
  const azurite = await startAzuriteProcess(undefined, await freePort(), await freePort());
  let exitCode = 0;
  try {
    const repos = await repositoriesFor(azurite.connectionString, prefix);
    await repos.ensure();
    const loadBefore = loadavg()[0]!.toFixed(1);
    const t0 = performance.now();
    await registerLinks(repos, CODES);
    console.log(`Registered ${CODES} tracked links in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${VISITORS} visitor addresses, 15% crawler/previewer agents.`);

    const barePort = await freePort();
    const bare = await startBareServer(barePort);
    const appPort = await freePort();
    const app = await startAppProcess({ port: appPort, connectionString: azurite.connectionString, tablePrefix: prefix, journalDir: join(work, 'journal') });
    const expected = new Set<string>();
    const note = (identity: string) => void expected.add(identity);
    await load(barePort, WARMUP);
    await load(appPort, WARMUP, note);
    const ceilings: LoadResult[] = [];
    const apps: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      ceilings.push(await load(barePort, Math.round(AMOUNT / ROUNDS)));
      apps.push(await load(appPort, Math.round(AMOUNT / ROUNDS), note));
      console.log(`round ${round + 1}: bare ${ceilings[round]!.rps} req/s (p99 ${ceilings[round]!.p99} ms), app ${apps[round]!.rps} req/s (p99 ${apps[round]!.p99} ms)`);
    }
    await stopChild(bare);
    const ceiling = median(ceilings);
    const measured = median(apps);
    const loadEnd = performance.now();
    const backlogAtEnd = (await health(appPort)).clicks.journalBacklog;
    await waitFor(async () => (await health(appPort)).clicks.journalBacklog === 0, 15 * 60_000, 'the flusher');
    const flushSeconds = (performance.now() - loadEnd) / 1000;
    const finalHealth = await health(appPort);
    await stopChild(app);

    const rows = await storedClicks(repos, CODES);
    const unique = new Set(rows).size;
    const ratio = measured.rps / ceiling.rps;
    const row = (name: string, r: LoadResult) =>
      `| ${name.padEnd(26)} | ${String(r.rps).padStart(7)} | ${r.p50.toFixed(0).padStart(4)} ms | ${r.p99.toFixed(0).padStart(4)} ms | ${String(r.redirects).padStart(8)} | ${String(r.errors).padStart(6)} |`;
    console.log(`\n${AMOUNT} requests per server in ${ROUNDS} alternating rounds (medians) after ${WARMUP} warm-up, ${CONNECTIONS} connections, autocannon in the parent process`);
    console.log('| server                     |   req/s |     p50 |     p99 |      302 | errors |');
    console.log('|----------------------------|---------|---------|---------|----------|--------|');
    console.log(row('bare node:http 302', ceiling));
    console.log(row('app GET /l/:code', measured));
    console.log(`machine load average (1 min) at start ${loadBefore}, at end ${loadavg()[0]!.toFixed(1)} (2 cores; above 2, other processes compete for the CPU)`);
    console.log(`\nratio app/ceiling: ${ratio.toFixed(2)} (goal >= 0.5, aim 0.7); app p99 ${measured.p99.toFixed(0)} ms (goal < 25 ms)`);
    console.log(`journal backlog when the load ended: ${backlogAtEnd}; flushed to the table ${flushSeconds.toFixed(1)} s later; dropped ${finalHealth.clicks.dropped}`);
    console.log(`unique non-crawler clicks sent: ${expected.size}; stored: ${rows.length} rows, ${unique} unique; duplicates: ${rows.length - unique}`);
    const ok = rows.length === expected.size && unique === rows.length && measured.errors === 0 && finalHealth.clicks.dropped === 0;
    console.log(ok ? 'stored = expected: OK' : 'MISMATCH: stored clicks differ from the unique non-crawler clicks sent');
    if (!ok) exitCode = 1;
  } finally {
    await stopChild(azurite);
    await rm(work, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
