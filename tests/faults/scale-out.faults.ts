/**
 * Scale-out and privacy with two app processes on one storage account (the run's Azurite):
 * shares through `/s/` and clicks through `/l/` sent to both instances at once, every request twice
 * (once to each); totals equal what was sent (each share once, each visitor once a day per link,
 * the people's totals too). Both instances run the delivery worker on the same queue: share
 * campaigns created and launched through either instance's API reach every recipient once through
 * the local Teams-like connector (no duplicate, none lost; which instance sent each card is traced
 * and printed), and the win cards found meanwhile arrive once each. The same card action ("Not for
 * me", "Remind me later") on the delivered cards, sent to both instances at once, is recorded once
 * (one answer, one re-offer, `notForMe` counted once). The daily retention job runs on one instance
 * only (the shared lease), and no raw client address (X-Forwarded-For or the socket's) or personal
 * data (names, emails, Entra object ids) is in either instance's log output at LOG_LEVEL=trace; no
 * address in any table.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, readdir, readlink } from 'node:fs/promises';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CHANNEL_RECIPIENT_PREFIX } from '../../src/bot/teams/team-channel.js';
import { createSharingService } from '../../src/bot/services/sharing.service.js';
import { createTableRepositories, type TableRepositories } from '../../src/bot/storage/index.js';
import { reofferIdOf } from '../../src/bot/jobs/reoffers.js';
import { CARD_VERBS } from '../../src/bot/teams/verbs.js';
import { invokeAdaptiveCardAction } from '../support/activities.js';
import { postActivity } from '../support/bot-client.js';
import { startConnectorServer, type ConnectorServer } from '../support/connector-server.js';
import { makeContentItem, makeEmployee } from '../support/fixtures.js';
import { CHROME, call, freePort, healthOf, spawnApp, temp, waitFor, type Proc } from './support.js';
import { withoutQuietHours } from '../support/delivery.js';

const TENANT = 'local-tenant';
/** The team channel the weekly contest update goes to (at the local connector). */
const TEAM_CHANNEL = '19:scale-team@thread.tacv2';
const PEOPLE = 20;
/** Share campaigns over the people (2 or 3 each), launched alternately through A and B. */
const CAMPAIGNS = 8;
const VISITORS = 15;
/** Where the requests come from: a distinctive socket address and forwarded addresses to look for. */
const SOCKET = '127.77.77.77';
const forwarded = (person: number, visitor: number) => `198.18.77.${person * VISITORS + visitor}`;
/** A visitor of its own, hammering one link through both instances. */
const HAMMER = '198.18.79.9';

const procs: Proc[] = [];
let connector: ConnectorServer | undefined;
afterAll(async () => {
  for (const proc of procs) await proc.stop('SIGKILL');
  await connector?.stop();
});
/** The personal chat of person `i` at the local connector. */
const chatOf = (i: number) => `scale-chat-${i}`;
const isCard = (activity: object) => JSON.stringify(activity).includes('application/vnd.microsoft.card.adaptive');

/**
 * Which process owns each open loopback connection to `port` (Linux `/proc`): source port -> pid.
 * The connector keeps idle sockets 65 s, so the workers' connections are still open after the sends.
 */
async function connectionOwners(pids: readonly number[], port: number): Promise<Map<number, number>> {
  const inodeOwner = new Map<string, number>();
  for (const pid of pids) {
    for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode) inodeOwner.set(inode, pid);
    }
  }
  const owners = new Map<number, number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1)) {
      const [, local, remote, , , , , , , inode] = line.trim().split(/\s+/);
      const pid = inode ? inodeOwner.get(inode) : undefined;
      if (pid === undefined || !local || !remote || parseInt(remote.split(':')[1] ?? '', 16) !== port) continue;
      owners.set(parseInt(local.split(':')[1] ?? '', 16), pid);
    }
  }
  return owners;
}

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
  it('shares, clicks and card actions sent to both at once are counted once; both workers deliver a campaign once; the daily job runs once; no address or personal data stored or logged', async () => {
    connector = await startConnectorServer({ rateLimits: false });
    const connectionString = inject('azuriteConnectionString');
    const prefix = `scale${randomBytes(3).toString('hex')}`;
    const [portA, portB] = [await freePort(), await freePort()];
    // Both instances check the weekly jobs every second (the first check within a second of start).
    const base = { STORAGE_CONNECTION_STRING: connectionString, STORAGE_TABLE_PREFIX: prefix, LOG_LEVEL: 'trace', PUBLIC_BASE_URL: 'https://hub.example.com', DELIVERY_WORKER: 'true', WEEKLY_CHECK_MS: '1000' };
    // Before either instance runs: a running contest and a team channel the bot was added to, at
    // the local connector, so this week's contest update has somewhere to go.
    const early = await createTableRepositories({ connectionString, tablePrefix: prefix });
    await early.ensure();
    const day = 86_400_000;
    await early.contests.upsert(TENANT, { id: 'scale-contest', name: 'Scale-out contest', startsAt: new Date(Date.now() - day).toISOString(), endsAt: new Date(Date.now() + 7 * day).toISOString(), weights: { uniqueClick: 1, share: 0, conversion: 0 }, prizes: [], excludedRoles: [], excludedEmployeeIds: [] });
    await early.conversationReferences.upsert({ tenantId: TENANT, employeeId: `${CHANNEL_RECIPIENT_PREFIX}${TEAM_CHANNEL}`, reference: JSON.stringify({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id: TEAM_CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT }, bot: { id: '28:scale-bot' } }), updatedAt: new Date().toISOString() });
    const a = spawnApp({ ...base, PORT: String(portA), SEED_DEMO: 'true', CLICK_JOURNAL_DIR: await temp('journal-a') });
    procs.push(a);
    await waitFor(async () => (await healthOf(portA)).status === 200, 120_000, 'instance A');
    const b = spawnApp({ ...base, PORT: String(portB), CLICK_JOURNAL_DIR: await temp('journal-b') });
    procs.push(b);
    await waitFor(async () => (await healthOf(portB)).status === 200, 120_000, 'instance B');

    const repos: TableRepositories = await createTableRepositories({ connectionString, tablePrefix: prefix });
    await repos.content.create(TENANT, makeContentItem('scale-item', { url: 'https://contoso.example/launch', createdAt: '2026-11-30T00:00:00.000Z' }));
    const sharing = createSharingService({ repositories: repos, publicBaseUrl: 'https://hub.example.com', randomBytes: (n) => randomBytes(n) });
    // Open every hour and day in UTC, so the campaign's slot is due now whenever the run happens.
    await withoutQuietHours(repos.adminSettings, TENANT);
    const people = Array.from({ length: PEOPLE }, (_, i) => makeEmployee({ id: randomUUID(), tenantId: TENANT, displayName: `Zelda Privacy${i}`, email: `zelda.privacy${i}@contoso.example`, policyVersionAcknowledged: 1, timeZone: 'UTC', workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 0, end: 24 } }));
    await repos.employees.upsertMany(people);

    // Delivery: everyone's personal chat is at the local connector; share campaigns for 2 or 3
    // people each, created and launched alternately through A and B, each with one slot starting
    // within seconds; both instances' workers take the messages from the same queue.
    await Promise.all(people.map((p, i) => repos.conversationReferences.upsert({ tenantId: TENANT, employeeId: p.id, reference: JSON.stringify({ serviceUrl: connector!.serviceUrl, channelId: 'msteams', conversation: { id: chatOf(i), conversationType: 'personal', tenantId: TENANT }, user: { id: `29:scale-${i}`, aadObjectId: p.id }, bot: { id: '28:scale-bot' } }), updatedAt: new Date().toISOString() })));
    await repos.content.create(TENANT, makeContentItem('scale-campaign', { title: 'Scale-out campaign item', url: 'https://contoso.example/campaign', createdAt: '2026-11-30T00:00:00.000Z' }));
    const admin = async (port: number, method: string, path: string, body?: object) => {
      const res = await call(port, path, { method, headers: { 'x-dev-user': 'demo-admin', ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> };
    };
    const campaignOf = (i: number) => i % CAMPAIGNS;
    const portOf = (c: number) => (c % 2 === 0 ? portA : portB);
    const campaignIds: string[] = [];
    // Each campaign's single slot starts 1.1 s after the previous one's, so their queue messages
    // turn visible one by one and whichever worker polls next takes each (the split is printed).
    const firstStart = Date.now() + 3_000;
    for (let c = 0; c < CAMPAIGNS; c += 1) {
      const audience = people.filter((_, i) => campaignOf(i) === c).map((p) => p.id);
      const start = firstStart + c * 1_100;
      const created = await admin(portOf(c), 'POST', '/api/campaigns', { contentId: 'scale-campaign', audience: { employeeIds: audience }, window: { start: new Date(start).toISOString(), end: new Date(start + 4 * 60_000).toISOString() }, slotMinutes: 5 });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const id = created.json.id as string;
      expect((await admin(portOf(c), 'GET', `/api/campaigns/${id}/preview`)).json).toMatchObject({ recipients: audience.length, notPlaced: [] });
      expect((await admin(portOf(c), 'POST', `/api/campaigns/${id}/launch`)).json).toEqual({ planned: audience.length });
      campaignIds.push(id);
    }
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

    // Weekly jobs: both instances check every second; this week's contest update reaches the team
    // channel once (the week's lease in storage), however many checks ran on A and B.
    const channelCards = () => connector!.sent.filter((s) => s.conversationId === TEAM_CHANNEL && isCard(s.activity)).length;
    await waitFor(async () => channelCards() > 0, 60_000, 'the weekly contest update');
    await new Promise((r) => setTimeout(r, 3_000));
    expect(channelCards()).toBe(1);

    // Delivery (going on meanwhile): every recipient's record ends `sent`, one card in each chat.
    const allDeliveries = async () => (await Promise.all(campaignIds.map((id) => repos.campaigns.deliveries.listByCampaign(TENANT, id)))).flat();
    await waitFor(async () => (await allDeliveries()).every((d) => d.status === 'sent'), 60_000, 'the campaign deliveries');
    const deliveries = await allDeliveries();
    // Which instance sent each prompt card: the connector notes each request's source port, and
    // records an accepted activity and its request in the same tick (so per chat, in the same order).
    const owners = await connectionOwners([a.child.pid!, b.child.pid!], Number(new URL(connector.serviceUrl).port));
    const senders = people.map((_, i) => {
      const accepted = connector!.requests.filter((r) => r.conversationId === chatOf(i) && r.status > 0 && r.status < 300);
      const index = connector!.sent.filter((x) => x.conversationId === chatOf(i)).findIndex((x) => JSON.stringify(x.activity).includes('"promptCode"'));
      const port = accepted[index]?.remotePort;
      return port === undefined ? undefined : owners.get(port);
    });
    const bySender = [a.child.pid, b.child.pid].map((pid) => senders.filter((s) => s === pid).length);
    expect(deliveries).toHaveLength(PEOPLE);
    const cardsIn = (i: number) => connector!.sent.filter((s) => s.conversationId === chatOf(i) && isCard(s.activity));
    const promptCards = (i: number) => cardsIn(i).filter((s) => JSON.stringify(s.activity).includes('"promptCode"'));
    const cardCounts = people.map((_, i) => promptCards(i).length);
    expect(cardCounts).toEqual(people.map(() => 1));
    // The wins the two instances' scoring found meanwhile (first share, 10 clicks) reach each chat once too.
    const wins = people.map((_, i) => cardsIn(i).filter((s) => !JSON.stringify(s.activity).includes('"promptCode"')).map((s) => JSON.stringify((s.activity as { attachments?: unknown }).attachments)));
    expect(wins.map((list) => list.length - new Set(list).size)).toEqual(people.map(() => 0));
    expect(wins.every((list) => list.length > 0)).toBe(true);

    // Card actions: the delivered card's prompt, "Not for me" (first half) or "Remind me later"
    // (second half), the same invoke to both instances at the same time.
    const promptCodes = people.map((_, i) => /"promptCode":"([^"]+)"/.exec(JSON.stringify(promptCards(i)[0]!.activity))?.[1] ?? '');
    expect(promptCodes.every((c) => c.length > 0)).toBe(true);
    const skipper = (i: number) => i < PEOPLE / 2;
    const invokes = people.map((p, i) =>
      invokeAdaptiveCardAction(skipper(i) ? CARD_VERBS.shareSkip : CARD_VERBS.shareLater, { promptCode: promptCodes[i]!, ...(skipper(i) ? { reason: 'not-relevant' } : {}) }, {
        serviceUrl: connector!.serviceUrl,
        tenantId: TENANT,
        user: { id: `29:scale-${i}`, aadObjectId: p.id, name: p.displayName },
        conversation: { id: chatOf(i), conversationType: 'personal', tenantId: TENANT },
        // Teams sends the id of the message holding the card.
        replyToId: promptCards(i)[0]!.activityId,
      }),
    );
    const actionAnswers = await Promise.all(invokes.flatMap((activity) => [portA, portB].map((port) => postActivity(`http://127.0.0.1:${port}`, activity))));
    expect(actionAnswers.map((r) => r.status)).toEqual(actionAnswers.map(() => 200));
    expect(actionAnswers.every((r) => JSON.stringify(r.body).includes('AdaptiveCard'))).toBe(true);
    const answered = await Promise.all(promptCodes.map(async (code) => (await repos.prompts.find(code))?.value.response?.kind));
    expect(answered).toEqual(people.map((_, i) => (skipper(i) ? 'skipped' : 'snoozed')));
    const responses = await Promise.all(people.map(async (p) => (await repos.contentResponses.listByEmployee(TENANT, p.id)).filter((r) => r.contentId === 'scale-campaign').length));
    expect(responses).toEqual(people.map(() => 1));
    // One re-offer scheduled per snooze although both instances handled it.
    const reoffers = await Promise.all(people.map(async (_, i) => (skipper(i) ? 0 : (await repos.campaigns.deliveries.listByCampaign(TENANT, reofferIdOf(promptCodes[i]!))).length)));
    expect(reoffers).toEqual(people.map((_, i) => (skipper(i) ? 0 : 1)));
    // The live counts on either instance: everyone sent, the skips counted once.
    for (const [c, id] of campaignIds.entries()) {
      const members = people.map((_, i) => i).filter((i) => campaignOf(i) === c);
      for (const port of [portA, portB]) {
        const status = await admin(port, 'GET', `/api/campaigns/${id}`);
        expect(status.json.counts).toMatchObject({ planned: 0, sent: members.length, failed: 0, unreachable: 0, notForMe: members.filter(skipper).length });
      }
    }
    // Totals unchanged by the campaign and the duplicate actions: still one share and 15 clicks each.
    const after = await Promise.all(people.map((p) => repos.tallies.getTotals(TENANT, p.id)));
    expect(after.map((t) => [t?.shares, t?.clicks])).toEqual(people.map(() => [1, VISITORS]));

    // Per-visitor limits hold over both instances (shared-rate-store.ts): 100 requests of one
    // visitor through A leave it 20 of its 120 a minute through B once the instances have synced
    // (about every second). Not across a minute boundary: the instances exchange per minute.
    const leftInMinute = 60_000 - (Date.now() % 60_000);
    if (leftInMinute < 15_000) await new Promise((r) => setTimeout(r, leftInMinute + 200));
    const hammer = (port: number) => call(port, '/l/NoSuchCode00', { from: SOCKET, headers: { 'user-agent': CHROME, 'x-forwarded-for': HAMMER } }).then((r) => r.status);
    const viaA: number[] = [];
    for (let i = 0; i < 100; i += 1) viaA.push(await hammer(portA));
    expect(viaA.filter((s) => s === 429)).toHaveLength(0);
    expect(await hammer(portB)).not.toBe(429);
    await new Promise((r) => setTimeout(r, 2_500));
    const viaB: number[] = [];
    for (let i = 0; i < 100; i += 1) viaB.push(await hammer(portB));
    expect(viaB.filter((s) => s !== 429)).toHaveLength(19);

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
      expect(text).not.toContain(HAMMER);
      expect(text).not.toContain(SOCKET);
    }
    const seeded = await repos.employees.listByTenant(TENANT);
    // Names and emails of everyone, and the Entra object ids (employee ids) of the people made here.
    const personal = [...seeded.flatMap((e) => [e.displayName, e.email]), ...people.map((p) => p.id)].filter((v) => v.length > 3);
    expect(personal.length).toBeGreaterThan(PEOPLE * 3);
    const leaked = personal.filter((value) => logs.includes(value));
    expect(leaked).toEqual([]);
    const reofferCount = reoffers.reduce((x, y) => x + y, 0);
    console.log(`FAULTS scale-out: ${CAMPAIGNS} campaigns launched through both, 2 workers -> ${bySender.join(' + ')} sent by A + B (${PEOPLE - bySender[0]! - bySender[1]!} not traced), ${deliveries.filter((d) => d.status === 'sent').length}/${PEOPLE} sent, ${cardCounts.reduce((x, y) => x + y, 0)} cards (duplicated ${cardCounts.filter((c) => c > 1).length}, lost ${cardCounts.filter((c) => c === 0).length}), ${wins.flat().length} win cards (0 twice); ${invokes.length * 2} card actions over 2 instances -> ${responses.reduce((x, y) => x + y, 0)} answers, ${reofferCount} re-offers; ${PEOPLE * 2} share opens -> ${PEOPLE} shares; ${PEOPLE * VISITORS * 2} clicks over 2 instances -> ${PEOPLE * VISITORS} stored (lost 0, duplicated 0); one visitor's 100 + 101 requests through A then B -> ${viaB.filter((x) => x !== 429).length + 101} answered of its 120 a minute; weekly contest update 1 card in the team channel (both instances checking every second); retention ran ${runs.join("+")} times; ${personal.length} personal values and 2 address kinds absent from ${rows.split('\n').length} rows and ${logs.split('\n').length} log lines`);
  });
});
