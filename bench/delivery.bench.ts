/**
 * Delivery benchmark (issue 9): 10,000 recipients whose planned times are compressed into the
 * run, two worker processes on one queue sharing the tenant budget through storage, the local
 * connector enforcing a global limit (default 200/s) and Teams' per-conversation limits. Prints
 * achieved sends/s against the allowed rate, 429s, duplicates, lost, p95 lateness. `--faults`:
 * 5% of sends answered 5xx and one worker SIGKILLed mid-run and restarted (unknowns counted).
 * Run: `npm run bench:delivery [-- --faults] [-- --n 10000 --rate 200]`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import type { Delivery } from '../src/shared/domain/campaigns.js';
import { startConnectorServer, TEAMS_RATE_LIMITS } from '../tests/support/connector-server.js';
import { freePort, repositoriesFor, startAzuriteProcess, stopChild, waitFor, type Child } from './support/clicks-harness.js';

const { values } = parseArgs({ options: { faults: { type: 'boolean', default: false }, n: { type: 'string', default: '10000' }, rate: { type: 'string', default: '200' }, spread: { type: 'string', default: '40' }, concurrency: { type: 'string', default: '64' } } });
const N = Number(values.n);
const RATE = Number(values.rate);
const SPREAD_S = Number(values.spread);
const TENANT = 'bench-tenant';
const CAMPAIGN = 'bench-campaign';
const PREFIX = `dlv${Date.now().toString(36)}`;

function startWorker(az: string): Child {
  let output = '';
  // BENCH_WORKER_PROF=<dir>: each worker writes a V8 CPU profile there when it stops.
  const prof = process.env.BENCH_WORKER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'bench/support/delivery-worker-process.ts'], { env: { PATH: process.env.PATH ?? '', AZ: az, PREFIX, RATE: String(RATE), VISIBILITY_MS: '30000', CONCURRENCY: values.concurrency }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/** BENCH_AZURITE_PROF=<dir>: Azurite in its own process with a V8 CPU profile written there when it stops. */
async function startAzurite(): Promise<Child & { connectionString: string }> {
  const dir = process.env.BENCH_AZURITE_PROF;
  if (!dir) return startAzuriteProcess(undefined, await freePort(), await freePort());
  const script = `import { startAzurite } from './src/bot/storage/azurite-launcher.ts';
const a = await startAzurite({ inMemory: true, tablePort: ${await freePort()}, queuePort: ${await freePort()} });
console.log('READY ' + a.connectionString);
process.once('SIGTERM', () => a.stop().then(() => process.exit(0)));`;
  let output = '';
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', '--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitFor(async () => /READY \S+/.test(output), 30_000, 'Azurite');
  return { process: child, output: () => output, exited, connectionString: /READY (\S+)/.exec(output)![1]! };
}
const azurite = await startAzurite();
const connector = await startConnectorServer({ rateLimits: { perConversation: TEAMS_RATE_LIMITS.perConversation, global: [{ capacity: RATE, windowMs: 1_000 }] } });
const repos = await repositoriesFor(azurite.connectionString, PREFIX);
await repos.ensure();
const stores = repos.campaigns;
const now = Date.now();
await stores.campaigns.create({ id: CAMPAIGN, tenantId: TENANT, kind: 'share', subjectId: 'item-1', audience: { personas: [], teams: [], topicIds: [], languages: [], employeeIds: [] }, window: { start: new Date(now).toISOString(), end: new Date(now + 3_600_000).toISOString() }, slotMinutes: 5, state: 'running', createdBy: 'bench', createdAt: new Date(now).toISOString(), seed: 1 });

console.log(`seeding ${N} recipients (references, records, queue messages)...`);
const seedStart = Date.now();
const ids = Array.from({ length: N }, (_, i) => `e${i}`);
for (let i = 0; i < N; i += 256) {
  await Promise.all(ids.slice(i, i + 256).map(async (employeeId) => {
    const reference = { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: `conv-${employeeId}` }, user: { id: `u-${employeeId}` }, bot: { id: 'bot' } };
    await repos.conversationReferences.upsert({ tenantId: TENANT, employeeId, reference: JSON.stringify(reference), updatedAt: new Date().toISOString() });
  }));
}
// Planned times start once the records and messages are written (they take about as long as the
// references did on a loaded machine, less on a quiet one), spread over SPREAD_S.
const startAt = Date.now() + 10_000 + Math.ceil((Date.now() - seedStart) * 1.2);
const deliveries: Delivery[] = ids.map((employeeId, i) => ({ campaignId: CAMPAIGN, tenantId: TENANT, employeeId, kind: 'share', subjectId: 'item-1', at: new Date(startAt + Math.floor((i / N) * SPREAD_S * 1000)).toISOString(), status: 'planned', attempts: 0, updatedAt: new Date().toISOString() }));
await stores.deliveries.createMany(deliveries);
for (let i = 0; i < N; i += 256) {
  await Promise.all(deliveries.slice(i, i + 256).map((d) => stores.queue.enqueue({ tenantId: TENANT, campaignId: CAMPAIGN, employeeId: d.employeeId, at: d.at }, Date.parse(d.at) - Date.now())));
}
if (Date.now() > startAt) console.log(`  (seeding ended ${((Date.now() - startAt) / 1000).toFixed(0)} s after the first planned time)`);
if (values.faults) connector.failNext(1_000_000, 503, { match: () => Math.random() < 0.05, retryAfterSeconds: 0 });

/** CPU time (user + system, ms) a child process has used so far, from /proc (Linux); 0 elsewhere or once it exited. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}
const cpu = { azurite: -cpuMsOf(azurite.process.pid), workers: 0, bench: process.cpuUsage() };
const workers = [startWorker(azurite.connectionString), startWorker(azurite.connectionString)];
await waitFor(async () => workers.every((w) => w.output().includes('WORKER READY')), 30_000, 'workers');
// Worker CPU counts from here (loading the modules through tsx costs a few seconds of CPU per process).
cpu.workers = -workers.reduce((sum, w) => sum + cpuMsOf(w.process.pid), 0);
let killed = false;
const done = async () => (await stores.deliveries.listByCampaign(TENANT, CAMPAIGN)).every((d) => d.status !== 'planned' && d.status !== 'sending');
const deadline = Math.max(Date.now(), startAt) + SPREAD_S * 1000 + Math.ceil((N / RATE) * 1000) * 3 + 120_000;
// Reading 10,000 records is itself load: look only when the connector has seen every conversation, or every 20 s.
let lastCheck = 0;
for (;;) {
  if (Date.now() > deadline) break;
  if (values.faults && !killed && Date.now() > startAt + (SPREAD_S * 1000) / 2) {
    killed = true;
    workers[0]!.process.kill('SIGKILL');
    await workers[0]!.exited;
    workers[0] = startWorker(azurite.connectionString);
    console.log('  worker 1 SIGKILLed and restarted');
    await waitFor(async () => workers[0]!.output().includes('WORKER READY'), 30_000, 'restarted worker');
    cpu.workers -= cpuMsOf(workers[0]!.process.pid);
  }
  const reached = new Set(connector.requests.map((r) => r.conversationId)).size;
  if (Date.now() > startAt && Math.floor((Date.now() - startAt) / 1000) % 10 === 0) console.log(`  +${((Date.now() - startAt) / 1000).toFixed(0)} s: ${connector.sent.length} sent, ${reached} conversations reached, load ${loadavg()[0]?.toFixed(1)}`);
  if ((reached >= N || Date.now() - lastCheck > 20_000) && Date.now() > startAt) {
    lastCheck = Date.now();
    if (await done()) break;
  }
  await new Promise((r) => setTimeout(r, 1_000));
}
cpu.azurite += cpuMsOf(azurite.process.pid);
cpu.workers += workers.reduce((sum, w) => sum + cpuMsOf(w.process.pid), 0);
const benchCpu = process.cpuUsage(cpu.bench);
await Promise.all(workers.map((w) => stopChild(w)));
// Storage calls per send, from the workers that stopped cleanly (a SIGKILLed worker prints nothing).
const storage = { sends: 0, calls: {} as Record<string, number>, physical: {} as Record<string, number> };
for (const w of workers) {
  const line = w.output().split('\n').find((l) => l.startsWith('STORAGE_CALLS '));
  if (!line) continue;
  const report = JSON.parse(line.slice('STORAGE_CALLS '.length)) as { sends: number; calls: Record<string, number>; physical?: Record<string, number> };
  storage.sends += report.sends;
  for (const [k, v] of Object.entries(report.calls)) storage.calls[k] = (storage.calls[k] ?? 0) + v;
  for (const [k, v] of Object.entries(report.physical ?? {})) storage.physical[k] = (storage.physical[k] ?? 0) + v;
}

const records = await stores.deliveries.listByCampaign(TENANT, CAMPAIGN);
if (records.some((r) => r.status === 'planned' || r.status === 'sending')) for (const w of workers) console.log(`  worker output (last lines):\n${w.output().split('\n').slice(-8).join('\n')}`);
const counts = new Map<string, number>();
for (const r of records) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
const perConversation = new Map<string, number>();
for (const s of connector.sent) perConversation.set(s.conversationId ?? '', (perConversation.get(s.conversationId ?? '') ?? 0) + 1);
const duplicates = [...perConversation.values()].reduce((sum, c) => sum + Math.max(0, c - 1), 0);
const lost = records.filter((r) => r.status === 'planned' || r.status === 'sending').length + (N - records.length);
const sentTimes = connector.requests.filter((r) => r.status < 300 && r.conversationId).map((r) => Date.parse(r.timestamp)).sort((a, b) => a - b);
const plannedAt = new Map(deliveries.map((d) => [`conv-${d.employeeId}`, Date.parse(d.at)]));
const lateness = connector.requests.filter((r) => r.status < 300 && r.conversationId).map((r) => Date.parse(r.timestamp) - (plannedAt.get(r.conversationId ?? '') ?? 0)).sort((a, b) => a - b);
const p95 = lateness[Math.floor(lateness.length * 0.95)] ?? 0;
// Achieved rate over the busy part: from the first send until the last, when sends were due faster than allowed.
const first = sentTimes[0] ?? 0;
const last = sentTimes[sentTimes.length - 1] ?? 0;
const achieved = sentTimes.length / Math.max(0.001, (last - first) / 1000);
const dueRate = N / SPREAD_S;
const goalRate = Math.min(RATE, dueRate);
const throttled = connector.requests.filter((r) => r.status === 429).length;
const faults = connector.requests.filter((r) => r.status === 503).length;

console.log(`delivery benchmark${values.faults ? ' with faults (5% 503, one worker SIGKILLed and restarted)' : ''}: ${N} recipients due over ${SPREAD_S} s (${dueRate.toFixed(0)}/s due), 2 worker processes, connector global limit ${RATE}/s + Teams per-conversation limits, load ${loadavg()[0]?.toFixed(1)}`);
console.log(`  final states: ${[...counts].map(([s, c]) => `${s} ${c}`).join(', ')}`);
const reasons = new Map<string, number>();
for (const r of records) if (r.status === 'failed' || r.status === 'unknown') reasons.set(`${r.status}: ${(r.reason ?? '(no reason)').replace(/\d{3,}/g, 'N').slice(0, 90)}`, (reasons.get(`${r.status}: ${(r.reason ?? '(no reason)').replace(/\d{3,}/g, 'N').slice(0, 90)}`) ?? 0) + 1);
for (const [reason, c] of reasons) console.log(`    ${c} x ${reason}`);
console.log(`  achieved ${achieved.toFixed(1)} sends/s over ${((last - first) / 1000).toFixed(1)} s vs allowed ${goalRate.toFixed(0)}/s: ratio ${(achieved / goalRate).toFixed(2)} (goal >= 0.9)`);
console.log(`  429s received: ${throttled}   injected 5xx: ${faults}   duplicates: ${duplicates} (goal 0)   lost: ${lost} (goal 0)   unknown: ${counts.get('unknown') ?? 0}`);
const totalCalls = Object.values(storage.calls).reduce((a, b) => a + b, 0);
console.log(`  storage calls per send (workers that stopped cleanly, ${storage.sends} sends): ${(totalCalls / Math.max(1, storage.sends)).toFixed(2)} = ${Object.entries(storage.calls).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / Math.max(1, storage.sends)).toFixed(2)}`).join(', ')}`);
const perSend = (v: number) => (v / Math.max(1, storage.sends)).toFixed(3);
console.log(`  queue requests per send (one message carries up to 32 deliveries): ${Object.entries(storage.physical).map(([k, v]) => `${k.replace('queue requests: ', '')} ${perSend(v)}`).join(', ')}`);
const sentCount = Math.max(1, connector.sent.length);
console.log(`  CPU per send (ms, during the run): Azurite ${(cpu.azurite / sentCount).toFixed(1)}, workers ${(cpu.workers / sentCount).toFixed(1)}${killed ? ' (without the SIGKILLed one before its kill)' : ''}, connector + bench ${((benchCpu.user + benchCpu.system) / 1000 / sentCount).toFixed(1)}`);
console.log(`  lateness vs planned time: p50 ${((lateness[Math.floor(lateness.length / 2)] ?? 0) / 1000).toFixed(1)} s, p95 ${(p95 / 1000).toFixed(1)} s`);
await connector.stop();
await stopChild(azurite);
process.exit(duplicates === 0 && lost === 0 ? 0 : 1);
