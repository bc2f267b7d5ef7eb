/**
 * Click pipeline under faults, with the real parts in their own processes (Azurite, the app):
 *   A. storage outage: Azurite stopped for 10 s mid-load, then restarted on the same data;
 *   B. crash: the app killed with SIGKILL mid-load, then started again on the same journal.
 * A generator in this process keeps 50 requests in flight, every one a new visitor, and records
 * each redirect it got. After recovery and the flush it prints the redirects answered before, during
 * and after the fault, what the Clicks table holds, duplicates and lost clicks (both must be 0;
 * exit 1 otherwise). A click in flight at the kill may be stored without having been answered.
 * Run: `npm run bench:clicks-faults` (`npx tsx bench/clicks-faults.bench.ts`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashVisitor } from '../src/bot/services/click-redirect.service.js';
import {
  CRAWLER_AGENTS, SECRET, codeOf, freePort, health, registerLinks, repositoriesFor, requestOf, startAppProcess,
  startAzuriteProcess, stopChild, storedClicks, waitFor, type Child,
} from './support/clicks-harness.js';

const CODES = 500;
const CONCURRENCY = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Phase = 'before' | 'during' | 'after';

/** Keeps CONCURRENCY requests in flight; `phase` is read when each answer arrives. */
function startLoad(port: () => number, phase: () => Phase, firstSeq: number) {
  let seq = firstSeq;
  let running = true;
  const answered = new Map<string, Phase>();
  let failed = 0;
  const worker = async () => {
    while (running) {
      const r = requestOf(seq++, CODES, 1 << 22);
      try {
        const res = await fetch(`http://127.0.0.1:${port()}/l/${r.code}`, { redirect: 'manual', headers: { 'user-agent': r.userAgent, 'x-forwarded-for': r.ip } });
        await res.arrayBuffer();
        if (res.status === 302 && r.human) answered.set(`${r.code}|${hashVisitor(SECRET, r.ip, r.userAgent)}|${new Date().toISOString().slice(0, 10)}`, phase());
        else if (res.status !== 302) failed += 1;
      } catch {
        failed += 1;
        await sleep(20);
      }
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, worker);
  return {
    answered,
    failed: () => failed,
    next: () => seq,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

interface FaultReport {
  name: string;
  before: number;
  during: number;
  after: number;
  failed: number;
  stored: number;
  duplicates: number;
  lost: number;
  unanswered: number;
  recoverSeconds: number;
}

async function verify(name: string, load: ReturnType<typeof startLoad>, rows: string[], recoverSeconds: number): Promise<FaultReport> {
  const stored = new Set(rows);
  const count = (p: Phase) => [...load.answered.values()].filter((v) => v === p).length;
  const lost = [...load.answered.keys()].filter((k) => !stored.has(k)).length;
  return {
    name,
    before: count('before'),
    during: count('during'),
    after: count('after'),
    failed: load.failed(),
    stored: rows.length,
    duplicates: rows.length - stored.size,
    lost,
    unanswered: [...stored].filter((k) => !load.answered.has(k)).length,
    recoverSeconds,
  };
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'clicks-faults-'));
  const [tablePort, queuePort, appPort] = [await freePort(), await freePort(), await freePort()];
  let azurite: Child & { connectionString: string } = await startAzuriteProcess(join(work, 'azurite'), tablePort, queuePort);
  const reports: FaultReport[] = [];
  let app: Child | undefined;
  try {
    const connectionString = azurite.connectionString;
    const appOptions = (prefix: string) => ({ port: appPort, connectionString, tablePrefix: prefix, journalDir: join(work, `journal-${prefix}`) });
    for (const scenario of ['storage-outage', 'app-sigkill'] as const) {
      const prefix = scenario === 'storage-outage' ? 'faultsa' : 'faultsb';
      const repos = await repositoriesFor(connectionString, prefix);
      await repos.ensure();
      await registerLinks(repos, CODES);
      app = await startAppProcess(appOptions(prefix));
      // Warm the link cache with a previewer (never counted): a cached link needs no storage read.
      for (let i = 0; i < CODES; i += 1) await fetch(`http://127.0.0.1:${appPort}/l/${codeOf(i)}`, { redirect: 'manual', headers: { 'user-agent': CRAWLER_AGENTS[0]! } });
      let phase: Phase = 'before';
      const load = startLoad(() => appPort, () => phase, scenario === 'storage-outage' ? 0 : 10_000_000);
      await sleep(3_000);
      phase = 'during';
      if (scenario === 'storage-outage') {
        await stopChild(azurite);
        console.log(`[${scenario}] Azurite stopped; backlog ${(await health(appPort)).clicks.journalBacklog}`);
        await sleep(10_000);
        const down = await health(appPort);
        console.log(`[${scenario}] after 10 s: /healthz clicks ${JSON.stringify(down.clicks)}`);
        azurite = await startAzuriteProcess(join(work, 'azurite'), tablePort, queuePort);
        console.log(`[${scenario}] Azurite restarted`);
      } else {
        await stopChild(app, 'SIGKILL');
        console.log(`[${scenario}] app killed with SIGKILL`);
        app = await startAppProcess(appOptions(prefix));
        console.log(`[${scenario}] app started again`);
      }
      phase = 'after';
      await sleep(3_000);
      await load.stop();
      const end = performance.now();
      await waitFor(async () => (await health(appPort)).clicks.journalBacklog === 0, 5 * 60_000, 'the flusher');
      const recoverSeconds = (performance.now() - end) / 1000;
      await stopChild(app);
      app = undefined;
      reports.push(await verify(scenario, load, await storedClicks(repos, CODES), recoverSeconds));
    }
  } finally {
    if (app) await stopChild(app);
    await stopChild(azurite);
    await rm(work, { recursive: true, force: true });
  }
  console.log('\n| fault | answered before | answered during | answered after | failed requests | stored | duplicates | lost | stored, never answered | backlog flushed after load |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of reports) {
    console.log(`| ${r.name} | ${r.before} | ${r.during} | ${r.after} | ${r.failed} | ${r.stored} | ${r.duplicates} | ${r.lost} | ${r.unanswered} | ${r.recoverSeconds.toFixed(1)} s |`);
  }
  const ok = reports.every((r) => r.duplicates === 0 && r.lost === 0);
  console.log(ok ? '\nevery answered redirect stored exactly once: OK' : '\nFAILED: duplicates or lost clicks');
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
