/**
 * Scale-out and privacy with two app processes on one storage account (the run's Azurite):
 * shares through `/s/` and clicks through `/l/` sent to both instances at once, every request twice
 * (once to each). Totals equal what was sent (each share once, each visitor once a day per link,
 * the people's totals too), the daily retention job runs on one instance only (the shared lease),
 * and no raw client address (X-Forwarded-For or the socket's) or personal data (names, emails,
 * Entra object ids) is in either instance's log output at LOG_LEVEL=trace; no address in any table.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSharingService } from '../../src/bot/services/sharing.service.js';
import { createTableRepositories, type TableRepositories } from '../../src/bot/storage/index.js';
import { makeContentItem, makeEmployee } from '../support/fixtures.js';
import { CHROME, call, freePort, healthOf, spawnApp, temp, waitFor, type Proc } from './support.js';

const TENANT = 'local-tenant';
const PEOPLE = 20;
const VISITORS = 15;
/** Where the requests come from: a distinctive socket address and forwarded addresses to look for. */
const SOCKET = '127.77.77.77';
const forwarded = (person: number, visitor: number) => `198.18.77.${person * VISITORS + visitor}`;

const procs: Proc[] = [];
afterAll(async () => {
  for (const proc of procs) await proc.stop('SIGKILL');
});

async function allRows(connectionString: string, prefix: string): Promise<string> {
  const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const out: string[] = [];
  for await (const table of service.listTables()) {
    if (!table.name?.startsWith(prefix)) continue;
    const client = TableClient.fromConnectionString(connectionString, table.name, { allowInsecureConnection: true });
    for await (const row of client.listEntities()) out.push(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return out.join('\n');
}

describe('two instances, one storage account', () => {
  it('shares and clicks sent to both at once are counted once; the daily job runs once; no address or personal data stored or logged', async () => {
    const connectionString = inject('azuriteConnectionString');
    const prefix = `scale${randomBytes(3).toString('hex')}`;
    const [portA, portB] = [await freePort(), await freePort()];
    const base = { STORAGE_CONNECTION_STRING: connectionString, STORAGE_TABLE_PREFIX: prefix, LOG_LEVEL: 'trace', PUBLIC_BASE_URL: 'https://hub.example.com', DELIVERY_WORKER: 'true' };
    const a = spawnApp({ ...base, PORT: String(portA), SEED_DEMO: 'true', CLICK_JOURNAL_DIR: await temp('journal-a') });
    procs.push(a);
    await waitFor(async () => (await healthOf(portA)).status === 200, 120_000, 'instance A');
    const b = spawnApp({ ...base, PORT: String(portB), CLICK_JOURNAL_DIR: await temp('journal-b') });
    procs.push(b);
    await waitFor(async () => (await healthOf(portB)).status === 200, 120_000, 'instance B');

    const repos: TableRepositories = await createTableRepositories({ connectionString, tablePrefix: prefix });
    await repos.content.create(TENANT, makeContentItem('scale-item', { url: 'https://contoso.example/launch', createdAt: '2026-11-30T00:00:00.000Z' }));
    const sharing = createSharingService({ repositories: repos, publicBaseUrl: 'https://hub.example.com', randomBytes: (n) => randomBytes(n) });
    const people = Array.from({ length: PEOPLE }, (_, i) => makeEmployee({ id: randomUUID(), tenantId: TENANT, displayName: `Zelda Privacy${i}`, email: `zelda.privacy${i}@contoso.example`, policyVersionAcknowledged: 1 }));
    await repos.employees.upsertMany(people);
    const prompts = await Promise.all(people.map((p) => sharing.preparePrompt({ tenantId: TENANT, employeeId: p.id, contentId: 'scale-item', now: new Date() })));

    // Shares: every prompt opened on both instances at the same time.
    const shareAnswers = await Promise.all(prompts.flatMap((p) => [portA, portB].map((port) => call(port, `/s/${p.promptCode}/linkedin`, { from: SOCKET, headers: { 'user-agent': CHROME, 'x-forwarded-for': '198.18.77.250' } }))));
    expect(shareAnswers.filter((r) => r.status === 302)).toHaveLength(PEOPLE * 2);
    const shares = (await Promise.all(people.map((p) => repos.shares.listByEmployee(TENANT, p.id)))).map((list) => list.filter((s) => s.contentId === 'scale-item'));
    expect(shares.map((list) => list.length)).toEqual(people.map(() => 1));

    // Clicks: each visitor clicks the person's link on both instances.
    const clickAnswers = await Promise.all(
      shares.flatMap(([share], person) =>
        Array.from({ length: VISITORS }, (_, visitor) => [portA, portB].map((port) => call(port, `/l/${share!.linkCode}`, { from: SOCKET, headers: { 'user-agent': CHROME, 'x-forwarded-for': forwarded(person, visitor) } }))).flat(),
      ),
    );
    expect(clickAnswers.filter((r) => r.status === 302)).toHaveLength(PEOPLE * VISITORS * 2);
    await waitFor(async () => {
      const [ha, hb] = [await healthOf(portA), await healthOf(portB)];
      return (ha.body.clicks as { journalBacklog: number }).journalBacklog === 0 && (hb.body.clicks as { journalBacklog: number }).journalBacklog === 0;
    }, 60_000, 'both journals flushed');
    const stored = await Promise.all(shares.map(([share]) => repos.clicks.countByCode(share!.linkCode)));
    expect(stored).toEqual(people.map(() => VISITORS));
    // The people's totals (scoring hooks on both instances, idempotent ledger): one share, 15 clicks each.
    await waitFor(async () => {
      const totals = await Promise.all(people.map((p) => repos.tallies.getTotals(TENANT, p.id)));
      return totals.every((t) => t?.clicks === VISITORS && t.shares === 1);
    }, 60_000, 'the totals');

    // The daily retention job: both instances check 5 s after start, one runs it.
    await waitFor(async () => /click retention applied/.test(a.output() + b.output()), 60_000, 'the retention job');
    await new Promise((r) => setTimeout(r, 1_000));
    const runs = [a.output(), b.output()].map((out) => (out.match(/click retention applied/g) ?? []).length);
    expect(runs.reduce((x, y) => x + y, 0)).toBe(1);

    // Privacy: no raw address, socket or forwarded, in any table or log line; no personal data in logs.
    const rows = await allRows(connectionString, prefix);
    const logs = a.output() + b.output();
    expect(rows.length).toBeGreaterThan(10_000);
    expect(logs).toMatch(/"level":10|"level":20|"level":30/); // trace output was captured
    for (const text of [rows, logs]) {
      expect(text).not.toContain('198.18.77.');
      expect(text).not.toContain(SOCKET);
    }
    const seeded = await repos.employees.listByTenant(TENANT);
    // Names and emails of everyone, and the Entra object ids (employee ids) of the people made here.
    const personal = [...seeded.flatMap((e) => [e.displayName, e.email]), ...people.map((p) => p.id)].filter((v) => v.length > 3);
    expect(personal.length).toBeGreaterThan(PEOPLE * 3);
    const leaked = personal.filter((value) => logs.includes(value));
    expect(leaked).toEqual([]);
    console.log(`FAULTS scale-out: ${PEOPLE * 2} share opens -> ${PEOPLE} shares; ${PEOPLE * VISITORS * 2} clicks over 2 instances -> ${PEOPLE * VISITORS} stored (lost 0, duplicated 0); retention ran ${runs.join('+')} times; ${personal.length} personal values and 2 address kinds absent from ${rows.split('\n').length} rows and ${logs.split('\n').length} log lines`);
  });
});
