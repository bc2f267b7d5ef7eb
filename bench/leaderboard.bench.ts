/**
 * Leaderboard benchmark: 50,000 participants, 1,000,000 click events, then "top 10" and "my rank"
 * for random people through the real LeaderboardService on Azurite (started here, in-process,
 * in memory). Prints p50/p95/p99 and a naive baseline in the same process (every query reads the
 * whole contest from storage and ranks it), with the ratio. Goal: p95 < 50 ms. Exits 1 if the
 * goal is missed or the served board differs from the domain's rankLeaderboard.
 *
 * How the 1,000,000 events get in (measured, not hidden): Azurite 3.35's in-memory store slows
 * down with every row a table holds (50,000 score rows take about 200 s to write here; one
 * ledger row per event, 1,000,000 rows, would take hours), too slow for a one-command benchmark:
 * - the 1,000,000 events are generated (Zipf-like: a few people get most clicks) and scored with
 *   the domain's `applyEventToScore`, the arithmetic the scoring service uses, and the resulting
 *   50,000 score rows are bulk-written in 100-entity batches, in parallel;
 * - a further SAMPLE of events goes through the real scoring code (`onClicksFlushed` in batches
 *   of 250, ledger + aggregates in one transaction per person) after the queries, is replayed,
 *   and the stored points are checked to equal the events sent; its throughput is printed;
 * - the roster (id, name, roles) is served from memory (see the note below).
 * Run: `npm run bench:leaderboard` (`npx tsx bench/leaderboard.bench.ts`).
 */
import { performance } from 'node:perf_hooks';
import { applyEventToScore, defaultContest, getMyRank, rankLeaderboard } from '../src/shared/domain/contests.js';
import { clickDay } from '../src/shared/domain/clicks.js';
import { createSeededRandom } from '../src/shared/domain/stagger-balance.js';
import type { Click, Employee, Score } from '../src/shared/domain/types.js';
import { createMeasurementServices } from '../src/bot/services/measurement.js';
import type { ContestScore, Participant } from '../src/bot/services/scoring.ports.js';
import { spawn } from 'node:child_process';
import { azuriteConnectionString } from '../src/bot/storage/azurite-launcher.js';
import { freePort, isListening } from '../tests/support/ports.js';
import { createTableRepositories } from '../src/bot/storage/index.js';
import { toScoreRow } from '../src/bot/storage/tallies.repository.js';
import { createTableClientFactory } from '../src/bot/storage/table-client.js';
import { upsertRows } from '../src/bot/storage/table-ops.js';

const PEOPLE = 50_000;
const EVENTS = 1_000_000;
const SAMPLE_EVENTS = 1_000;
const QUERIES = 500;
const BASELINE_QUERIES = 3;
const TENANT = 'bench-tenant';
const PREFIX = 'bench';
const GOAL_P95_MS = 50;

const contest = defaultContest({ id: 'q4-2026', name: 'Q4 clicks', startsAt: '2026-10-01T00:00:00Z' });
const rand = createSeededRandom(2026);
const DAY = 86_400_000;
const start = Date.parse(contest.startsAt);

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const log = (line: string) => console.log(line);

function employee(i: number): Employee {
  return {
    id: `e${i}`, tenantId: TENANT, displayName: `Person ${i}`, email: `p${i}@example.com`, team: `team-${i % 40}`,
    timeZone: 'Europe/Rome', workingDays: [1, 2, 3, 4, 5], workingHours: { start: 9, end: 17 }, language: 'en',
    roles: i % 500 === 0 ? ['executive'] : i % 333 === 0 ? ['employee', 'coordinator'] : ['employee'],
    persona: 'sharer', leader: false, personaHistory: [], topics: [], weeklyPromptCap: 3, promptsPaused: false, joinedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Person of the n-th event: Zipf-like (rank^-0.8), so a few people get most clicks and many get a few. */
function pickPerson(): number {
  return Math.min(PEOPLE - 1, Math.floor(PEOPLE * rand() ** 2.2));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  // Azurite in its own process (in memory), so the storage emulator and the app under test do
  // not share one event loop on this 2-core machine.
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/azurite/dist/src/table/main.js', '--inMemoryPersistence', '--silent', '--disableTelemetry', '--skipApiVersionCheck', '--loose', '--tableHost', '127.0.0.1', '--tablePort', String(port)], { stdio: 'ignore' });
  const azurite = { connectionString: azuriteConnectionString(`http://127.0.0.1:${port}/devstoreaccount1`, `http://127.0.0.1:${port + 1}/devstoreaccount1`) };
  for (let i = 0; i < 100 && !(await isListening(port)); i++) await new Promise((r) => setTimeout(r, 100));
  try {
    const repos = await createTableRepositories({ connectionString: azurite.connectionString, tablePrefix: PREFIX });
    await createTableClientFactory({ connectionString: azurite.connectionString }, PREFIX).ensureTables();
    await repos.contests.upsert(TENANT, contest);
    log(`Leaderboard benchmark: ${PEOPLE.toLocaleString('en')} participants, ${EVENTS.toLocaleString('en')} click events, Azurite in a child process (in memory)`);

    let t = performance.now();
    // The roster (id, name, roles) comes from memory: Azurite 3.35's in-memory store slows down
    // with every row a partition holds (50,000 employee rows did not finish in 5 minutes here,
    // about 230 rows/s at the start), which would make this a benchmark of the emulator. The
    // leaderboard reads the roster once per minute; the score rows below are in Azurite.
    const roster: Participant[] = Array.from({ length: PEOPLE }, (_, i) => {
      const e = employee(i);
      return { id: e.id, displayName: e.displayName, roles: e.roles };
    });
    const participants = { listParticipants: async () => roster };
    log(`  roster: ${PEOPLE} participants (in memory, see the note in the source)`);

    // 1,000,000 events scored with the domain arithmetic (applyEventToScore), then bulk-written.
    t = performance.now();
    const scores = new Map<string, Score>();
    const counts = new Uint32Array(PEOPLE);
    for (let n = 0; n < EVENTS; n++) {
      const person = pickPerson();
      const id = `e${person}`;
      const at = new Date(start + Math.floor(rand() * 60 * DAY)).toISOString();
      const next = applyEventToScore(contest, scores.get(id), { kind: 'unique-click', employeeId: id, at });
      if (next) scores.set(id, next);
      counts[person] = (counts[person] ?? 0) + 1;
    }
    const generateMs = performance.now() - t;
    t = performance.now();
    const rows = [...scores.values()].map((s) => toScoreRow(TENANT, { ...s, clicks: s.points, shares: 0, conversions: 0 } satisfies ContestScore));
    const tables = createTableClientFactory({ connectionString: azurite.connectionString }, PREFIX);
    await upsertRows(tables.client('tallies'), rows, 'bench scores');
    log(`  1,000,000 events generated and scored in memory in ${(generateMs / 1000).toFixed(1)} s; ${rows.length} score rows bulk-written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Snapshot refresh after 60 s (default 5 s): building a 50,000-score snapshot takes about 11 s
    // on Azurite here (about 1 s expected on Table Storage), so with the default the emulator would
    // rebuild without pause and every point read would queue behind it (with the default, 1,000
    // top-10 + my-rank pairs had not finished after 4.5 minutes; see docs/benchmarks.md).
    const services = createMeasurementServices({ ...repos, participants }, { contestCacheMs: 60_000, leaderboard: { staleAfterMs: 60_000, maxStaleMs: 300_000 } });
    // The board served must equal the domain's board over what storage holds.
    const stored = await repos.tallies.listScores(TENANT, contest.id);
    const truth = rankLeaderboard(contest, stored, roster);
    const storedPoints = stored.reduce((sum, s) => sum + s.points, 0);
    if (storedPoints !== EVENTS) throw new Error(`stored points ${storedPoints} != events ${EVENTS}`);

    t = performance.now();
    const first = await services.leaderboard.top(TENANT, undefined, 10);
    const coldMs = performance.now() - t;
    if (JSON.stringify(first?.entries.map(({ displayName: _d, ...e }) => e)) !== JSON.stringify(truth.slice(0, 10))) throw new Error('served top 10 differs from rankLeaderboard');
    log(`  snapshot build (cold: roster + 16 bucket reads + rank ${stored.length} scores): ${fmt(coldMs)}; ranked ${truth.length}`);

    const people = Array.from({ length: QUERIES }, () => `e${pickPerson()}`);
    const byId = new Map(roster.map((p) => [p.id, p]));
    const truthById = new Map(truth.map((e) => [e.employeeId, e]));
    const topTimes: number[] = [];
    const rankTimes: number[] = [];
    for (let q = 0; q < QUERIES; q++) {
      const id = people[q] as string;
      let s = performance.now();
      await services.leaderboard.top(TENANT, undefined, 10);
      topTimes.push(performance.now() - s);
      s = performance.now();
      const mine = await services.leaderboard.myRank(TENANT, id);
      rankTimes.push(performance.now() - s);
      const expected = truthById.get(id);
      const person = byId.get(id);
      if (person && (mine?.rank ?? null) !== (expected?.rank ?? null)) throw new Error(`my rank of ${id}: ${mine?.rank} != ${expected?.rank}`);
    }
    topTimes.sort((a, b) => a - b);
    rankTimes.sort((a, b) => a - b);
    const all = [...topTimes, ...rankTimes].sort((a, b) => a - b);
    log(`  top 10   (${QUERIES} queries): p50 ${fmt(pct(topTimes, 50))}  p95 ${fmt(pct(topTimes, 95))}  p99 ${fmt(pct(topTimes, 99))}`);
    log(`  my rank  (${QUERIES} random people, own score read fresh): p50 ${fmt(pct(rankTimes, 50))}  p95 ${fmt(pct(rankTimes, 95))}  p99 ${fmt(pct(rankTimes, 99))}`);

    // Baseline: what a naive implementation does per query (read everything, rank, answer).
    const naive: number[] = [];
    for (let q = 0; q < BASELINE_QUERIES; q++) {
      const s = performance.now();
      const [scoresNow, roster] = await Promise.all([repos.tallies.listScores(TENANT, contest.id), participants.listParticipants()]);
      const board = rankLeaderboard(contest, scoresNow, roster);
      const id = people[q] as string;
      getMyRank(contest, board, scoresNow, roster.find((p) => p.id === id) ?? { id, roles: [] });
      naive.push(performance.now() - s);
    }
    naive.sort((a, b) => a - b);
    const naiveP50 = pct(naive, 50);
    const p95 = pct(all, 95);
    log(`  baseline (naive: full read of ${stored.length} scores + roster + rank per query, ${BASELINE_QUERIES} queries): p50 ${fmt(naiveP50)}  p95 ${fmt(pct(naive, 95))}`);
    log(`  ratio baseline p50 / served p50: ${Math.round(naiveP50 / pct(all, 50))}x; served p95 (top 10 and my rank together) ${fmt(p95)}, goal < ${GOAL_P95_MS} ms: ${p95 < GOAL_P95_MS ? 'met' : 'MISSED'}`);
    // Last, so its writes do not disturb the query timings above.
    // A sample through the REAL scoring path: ledger rows + aggregates per person, one transaction each.
    const sample: Click[] = Array.from({ length: SAMPLE_EVENTS }, (_, n) => {
      const person = pickPerson();
      const at = new Date(start + Math.floor(rand() * 60 * DAY)).toISOString();
      return { code: `code-e${person}`, tenantId: TENANT, visitorKey: `sample-${n}`, day: clickDay(at), at, employeeId: `e${person}`, contentId: 'c1', network: 'linkedin' };
    });
    t = performance.now();
    for (let i = 0; i < sample.length; i += 250) await services.scoring.onClicksFlushed(sample.slice(i, i + 250));
    const sampleMs = performance.now() - t;
    t = performance.now();
    await services.scoring.onClicksFlushed(sample.slice(0, 250));
    const replayMs = performance.now() - t;
    const after = (await repos.tallies.listScores(TENANT, contest.id)).reduce((sum, sc) => sum + sc.points, 0);
    if (after !== EVENTS + SAMPLE_EVENTS) throw new Error(`after the sample and its replay: ${after} points != ${EVENTS + SAMPLE_EVENTS} events`);
    log(`  real scoring path: ${SAMPLE_EVENTS.toLocaleString('en')} click events in batches of 250 in ${(sampleMs / 1000).toFixed(1)} s = ${Math.round(SAMPLE_EVENTS / (sampleMs / 1000))} events/s (1,000,000 would take about ${Math.round(EVENTS / (SAMPLE_EVENTS / (sampleMs / 1000)) / 60)} min); a replayed batch of 250: ${fmt(replayMs)}, nothing counted twice`);

    log(`  total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (p95 >= GOAL_P95_MS) process.exitCode = 1;
  } finally {
    child.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
