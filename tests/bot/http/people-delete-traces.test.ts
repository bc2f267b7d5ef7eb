/**
 * Deletion leaves nothing personal behind (GDPR art. 17), on the whole app over Azurite with the
 * local connector: a person is imported by CSV (with a report line naming them and a colleague
 * who reports to them), installs the bot, agrees to the policy, opens the board, shares (a click
 * and a conversion follow), says "not for me", suggests an article (approved into content), sets
 * a goal, creates and completes training, holds a topic role, proposes a higher one (declined
 * with a reason naming them), adds a map entry, decides a colleague's proposal, ticks the pilot
 * checklist and decides go, creates a campaign that is delivered to them, and appears in a
 * weekly contest snapshot and the analytics read model; they act and are acted upon in the audit
 * log. Every table holding a trace of them is asserted before the deletion, and their export
 * holds each of those rows. After the deletion a raw scan of every row of every table finds none
 * of their name, email, Entra object id or Teams user id, while the campaign's sent count, the
 * clicks per link and the contest totals of everyone else stay as they were.
 */
import { createHmac } from 'node:crypto';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEV_ONLY_CONVERSIONS_KEY } from '../../../src/bot/config.js';
import { selectCurrentContest } from '../../../src/shared/domain/contests.js';
import { ERASED_PERSON_ID } from '../../../src/shared/domain/data-requests.js';
import { PersonDeletionSchema } from '../../../src/shared/contracts/data-requests.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { withoutQuietHours } from '../../support/delivery.js';
import { conversationUpdateMembersAdded } from '../../support/activities.js';
import { postActivity } from '../../support/bot-client.js';
import { startConnectorServer, type ConnectorServer } from '../../support/connector-server.js';

const Z = 'b5e3c2a1-7d4f-4e8a-9c1b-2f3e4d5a6b7c';
const NAME = 'Zofia Quillfeather';
const EMAIL = 'zofia.quillfeather@contoso.example';
const TEAMS_ID = '29:1zq7d4f4e8a9c1b2f3e4d5a6b7cteams';
const MATE = 'zq-mate-0001';
const IDENTIFIERS = [Z, NAME, EMAIL, TEAMS_ID];

let test: TestApp;
let connector: ConnectorServer;
let tenant: string;

beforeAll(async () => {
  connector = await startConnectorServer({ rateLimits: false });
  test = await startTestApp({ DELIVERY_WORKER: 'true' });
  tenant = test.app.config.auth.mode === 'dev' ? test.app.config.auth.tenantId : '';
  await test.app.services.scoring.rebuildTenant(tenant);
}, 180_000);

afterAll(async () => {
  await test?.close();
  await connector?.stop();
});

async function call(as: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${test.baseUrl}${path}`, {
    method,
    redirect: 'manual',
    headers: { 'x-dev-user': as, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0', ...(body !== undefined ? { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json, text, location: res.headers.get('location') };
}

async function ok(as: string, method: string, path: string, body?: unknown) {
  const res = await call(as, method, path, body);
  if (res.status >= 400) throw new Error(`${method} ${path} as ${as}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json;
}

/** Bounded poll (no sleeps as a guess of timing: each try is a fresh read, at most `tries`). */
async function until<T>(what: string, read: () => Promise<T | undefined>, tries = 240): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every row of every table of this app, raw as the service stores it, as `table -> JSON texts`. */
async function scanAllTables(): Promise<Map<string, string[]>> {
  const connectionString = inject('azuriteConnectionString');
  const prefix = test.app.config.tablePrefix;
  const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const out = new Map<string, string[]>();
  for await (const table of service.listTables()) {
    if (!table.name?.startsWith(prefix)) continue;
    const client = TableClient.fromConnectionString(connectionString, table.name, { allowInsecureConnection: true });
    const rows: string[] = [];
    for await (const row of client.listEntities()) rows.push(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));
    out.set(table.name.slice(prefix.length), rows);
  }
  return out;
}

/** Tables with a row that holds any identifier (case-insensitive; keys decoded too). */
function tablesNaming(scan: Map<string, string[]>, identifiers: readonly string[]): Map<string, number> {
  const needles = identifiers.map((i) => i.toLowerCase());
  const hits = new Map<string, number>();
  for (const [table, rows] of scan) {
    for (const row of rows) {
      const text = `${row}\n${decodeURIComponent(row.replace(/!([0-9A-F]{2})/g, '%$1').replace(/%(?![0-9A-F]{2})/g, '%25'))}`.toLowerCase();
      if (needles.some((n) => text.includes(n))) hits.set(table, (hits.get(table) ?? 0) + 1);
    }
  }
  return hits;
}

describe('deleting a person leaves nothing personal behind', () => {
  it('finds them in every table first, exports it all, then erases or pseudonymises every trace', async () => {
    const repos = test.app.repositories as TableRepositories;
    // 1. Enrolled by CSV (roles to create and decide things); a colleague reports to them; a bad line names them.
    const csv = [
      'id,name,email,team,manager,timeZone,language,roles',
      `${Z},${NAME},${EMAIL},Marketing,,UTC,en,employee trainer`,
      `${MATE},Mika Mate,mika.mate@contoso.example,Marketing,${Z},UTC,en,employee`,
      `${Z},${NAME},not-an-email-${EMAIL},Marketing,${Z},UTC,en,employee`,
    ].join('\n');
    const job = (await ok('demo-admin', 'POST', '/api/admin/people/import', csv)) as { job: { id: string } };
    await until('import', async () => ((await ok('demo-admin', 'GET', `/api/admin/people/import/${job.job.id}`)) as { job: { state: string } }).job.state === 'done' || undefined);
    const enrolled = await repos.employees.get(tenant, Z);
    // Reachable whatever the hour and day, so the campaign below is delivered now.
    await withoutQuietHours(repos.adminSettings, tenant);
    await repos.employees.update({ ...enrolled.value, workingDays: [0, 1, 2, 3, 4, 5, 6], workingHours: { start: 0, end: 24 }, weeklyPromptCap: 20, promptsPaused: false }, enrolled.etag);

    // 2. They install the bot: Teams sends the conversation update, the bot stores the reference.
    const user = { id: TEAMS_ID, aadObjectId: Z, name: NAME };
    await postActivity(test.baseUrl, conversationUpdateMembersAdded({ serviceUrl: connector.serviceUrl, user, tenantId: tenant }));
    expect((await repos.conversationReferences.find(tenant, Z))?.reference).toContain(TEAMS_ID);

    // 3. Policy, board (a session), a share through the door, a click and a conversion on it, "not for me".
    const policy = (await ok(Z, 'GET', '/api/policy')) as { current?: { version: number }; version?: number };
    await ok(Z, 'POST', '/api/policy/acknowledge', { version: policy.current?.version ?? policy.version ?? 1 });
    const board = (await ok(Z, 'GET', '/api/board')) as { items: Array<{ id: string }> };
    expect(board.items.length).toBeGreaterThan(1);
    const item = board.items[0]!.id;
    const panel = (await ok(Z, 'PUT', `/api/board/items/${item}/share/linkedin`, { text: `${NAME} recommends this (${EMAIL})` })) as { networks: Array<{ network: string; intentPath: string; linkUrl: string }> };
    const linkedin = panel.networks.find((n) => n.network === 'linkedin')!;
    expect([302, 303]).toContain((await call(Z, 'GET', linkedin.intentPath)).status);
    const code = new URL(linkedin.linkUrl).pathname.split('/').pop()!;
    expect([301, 302, 303, 307, 308]).toContain((await call('visitor', 'GET', `/l/${code}`)).status);
    await test.app.clicks.flusher.flushAll();
    const webhookBody = JSON.stringify({ kind: 'lead', externalId: 'zq-lead-1', occurredAt: new Date().toISOString(), linkCode: code });
    const t = Math.floor(Date.now() / 1000);
    const signed = await fetch(`${test.baseUrl}/api/conversions`, { method: 'POST', headers: { 'content-type': 'application/json', 'advocacy-signature': `t=${t},v1=${createHmac('sha256', DEV_ONLY_CONVERSIONS_KEY).update(`${t}.${webhookBody}`).digest('hex')}` }, body: webhookBody });
    expect([200, 201]).toContain(signed.status);
    await ok(Z, 'POST', `/api/board/items/${board.items[1]!.id}/not-for-me`, {});

    // 4. A suggestion (approved into a draft item), a goal, training they made and training they completed.
    await ok(Z, 'POST', '/api/suggestions', { url: 'https://example.org/zq-article', why: `${NAME} thinks customers ask about it` });
    const pending = (await ok('demo-admin', 'GET', '/api/admin/suggestions')) as { suggestions: Array<{ id: string; suggestedBy?: string; url: string }> };
    await ok('demo-admin', 'POST', `/api/admin/suggestions/${pending.suggestions.find((s) => s.url === 'https://example.org/zq-article')!.id}/approve`);
    await ok(Z, 'PUT', '/api/me/goals', { goals: [{ kind: 'shares-per-month', target: 7 }] });
    const made = (await ok(Z, 'POST', '/api/training/modules', { title: `Posting tips by ${NAME}`, format: 'article', learningStyle: 'reading', durationMinutes: 5, languages: ['en'], body: '# Steps\n- Write in your own words', targetPersonas: ['observer', 'sharer', 'networker', 'influencer'] })) as { module?: { id: string }; id?: string };
    const madeId = made.module?.id ?? made.id;
    await ok(Z, 'POST', `/api/training/modules/${madeId}/publish`);
    const mine = (await ok(Z, 'GET', '/api/training/me')) as { items: Array<{ moduleId: string }>; recommended: Array<{ moduleId: string }> };
    const moduleId = [...mine.items, ...mine.recommended][0]?.moduleId;
    expect(moduleId).toBeDefined();
    await ok(Z, 'POST', `/api/training/me/modules/${moduleId}/done`);

    // Coordinator and executive for a while (contests exclude both: back to employee before the snapshot).
    await ok('demo-admin', 'PUT', `/api/admin/people/${Z}/roles`, { roles: ['employee', 'trainer', 'coordinator', 'executive'] });

    // 5. Topics: a role, a proposal declined with a reason naming them, a map entry, a colleague's proposal they decide.
    await ok('demo-admin', 'PUT', `/api/admin/topics/social-selling/roles/${Z}`, { role: 'social-mind' });
    const proposal = (await ok(Z, 'POST', '/api/topics/social-selling/proposals', { role: 'thought-leader', note: `${NAME} has written for two years` })) as { id: string };
    await ok('demo-admin', 'POST', `/api/admin/topics/proposals/${proposal.id}/decline`, { reason: `Not yet, ${NAME}: one more quarter` });
    await ok(Z, 'POST', '/api/topics/social-selling/influencers', { name: 'Priya Natarajan', tier: 'mass-connector', handle: '@priya_listens', url: 'https://priya.example/posts', why: `Met ${NAME} at a fair` });
    const theirs = (await ok(MATE, 'POST', '/api/topics/employer-branding/proposals', { role: 'social-mind' })) as { id: string };
    await ok(Z, 'POST', `/api/admin/topics/proposals/${theirs.id}/accept`);

    // 6. Pilot: a checklist tick and a go decision by them.
    await ok(Z, 'PUT', '/api/pilot/checklist/security-review', { checked: true });
    await ok(Z, 'POST', '/api/pilot/decision', { decision: 'go', reason: `${NAME} says go` });

    // 7. A campaign they create, delivered to them (and a colleague) by the worker through the connector.
    const start = new Date().toISOString();
    const created = (await ok(Z, 'POST', '/api/campaigns', { contentId: board.items[2]!.id, audience: { employeeIds: [Z, 'demo-trainer'] }, window: { start, end: new Date(Date.now() + 4 * 60_000).toISOString() }, slotMinutes: 5 })) as { id?: string; campaign?: { id: string } };
    const campaignId = created.campaign?.id ?? created.id!;
    expect(await ok(Z, 'POST', `/api/campaigns/${campaignId}/launch`)).toEqual({ planned: 2 });
    // Settled: their prompt sent, the colleague's answered (no chat: unreachable), nothing planned.
    const sentBefore = await until('the campaign sent to them', async () => {
      const mineDelivery = await repos.campaigns.deliveries.get(tenant, campaignId, Z);
      if (mineDelivery?.value.status !== 'sent') return undefined;
      const status = (await ok('demo-admin', 'GET', `/api/campaigns/${campaignId}`)) as { counts: Record<string, number> };
      return status.counts.sent === 1 && status.counts.planned === 0 && status.counts.sending === 0 ? status.counts : undefined;
    });
    expect(connector.sent.some((s) => s.conversationId === `a:1${Z.replace(/-/g, '')}`)).toBe(true);

    await ok('demo-admin', 'PUT', `/api/admin/people/${Z}/roles`, { roles: ['employee', 'trainer'] });

    // 8. Read models: a weekly contest snapshot and the analytics aggregates with them in it.
    const contest = selectCurrentContest(await repos.contests.list(tenant), new Date().toISOString())!;
    await test.app.services.scoring.rebuildTenant(tenant);
    await test.app.services.weeklyUpdate.weeklyContestUpdate(tenant, contest.id, new Date());
    await test.app.services.analytics.rebuild(tenant, [new Date().toISOString().slice(0, 7)]);

    // Every table a trace of theirs can live in holds one now.
    const before = tablesNaming(await scanAllTables(), IDENTIFIERS);
    const EXPECTED = ['Employees', 'ConversationReferences', 'ContentResponses', 'Shares', 'TrackedLinks', 'Clicks', 'Tallies', 'Conversions', 'Wins', 'ContestSnapshots', 'Prompts',
      'PolicyAcknowledgements', 'Campaigns', 'Deliveries', 'AuditLog', 'ImportJobs', 'TrainingModules', 'TrainingProgress', 'Goals', 'Suggestions', 'Content', 'AnalyticsAggregates',
      'AnalyticsEvents', 'PilotRecords', 'TopicProposals', 'Influencers'];
    expect(EXPECTED.filter((name) => !before.has(name))).toEqual([]);

    // The export holds every row the deletion will touch outside their own tables.
    const exported = (await ok('demo-admin', 'GET', `/api/admin/people/${Z}/export`)) as { namedIn: Record<string, unknown[]>; sharePrompts: unknown[] };
    expect(exported.sharePrompts.length).toBeGreaterThan(0);
    for (const table of ['auditLog', 'importJobs', 'deliveries', 'campaigns', 'analyticsEvents', 'analyticsAggregates', 'contestSnapshots', 'conversions', 'pilotRecords', 'topicProposals', 'influencers', 'suggestions', 'trainingModules', 'content', 'employees']) {
      expect(exported.namedIn[table]?.length ?? 0, table).toBeGreaterThan(0);
    }

    // The analytics people table names them now (and the service keeps that report in memory).
    const peopleCsv = () => call('demo-admin', 'GET', '/api/analytics/export?table=person&period=month');
    const csvBefore = await peopleCsv();
    const theirLine = csvBefore.text.split('\n').find((line) => line.includes(NAME));
    expect(theirLine).toBeDefined();

    // Aggregates that must not move.
    const clicksBefore = await repos.clicks.countByCode(code);
    const boardBefore = await test.app.services.leaderboard.refresh(tenant, contest.id);
    const othersBefore = boardBefore.entries.filter((e) => e.employeeId !== Z).map((e) => [e.employeeId, e.points]);
    expect(boardBefore.entries.some((e) => e.employeeId === Z)).toBe(true);

    const res = await call('demo-admin', 'DELETE', `/api/admin/people/${Z}`);
    expect(res.status).toBe(200);
    const result = PersonDeletionSchema.parse(res.json);
    expect(result.pseudonym).toMatch(/^~erased-[0-9a-f]{16}$/);
    expect(result.remains.deliveries).toBe(1);
    expect(result.remains.auditEntries).toBeGreaterThan(5);
    expect(result.pseudonymised).toMatchObject({ importJobs: expect.any(Number), deliveries: 1, employees: 1 });

    // Nothing of theirs in any row of any table.
    const after = tablesNaming(await scanAllTables(), IDENTIFIERS);
    expect(Object.fromEntries(after)).toEqual({});

    // The analytics people table no longer names them: their row says "Deleted person", same figures.
    const csvAfter = await peopleCsv();
    expect(csvAfter.status).toBe(200);
    expect(IDENTIFIERS.filter((i) => csvAfter.text.toLowerCase().includes(i.toLowerCase()))).toEqual([]);
    const figures = (line: string | undefined) => line?.split(',').slice(-12).join(',');
    const deletedLine = csvAfter.text.split('\n').find((line) => line.includes('Deleted person') && line.includes(result.pseudonym));
    expect(figures(deletedLine)).toBe(figures(theirLine));

    // What stays: the campaign's counts, the link's clicks, everyone else's contest totals.
    const status = (await ok('demo-admin', 'GET', `/api/campaigns/${campaignId}`)) as { counts: Record<string, number> };
    expect(status.counts.sent).toBe(sentBefore.sent);
    expect(await repos.clicks.countByCode(code)).toBe(clicksBefore);
    expect((await repos.trackedLinks.find(code))?.employeeId).toBe(ERASED_PERSON_ID);
    const boardAfter = await test.app.services.leaderboard.refresh(tenant, contest.id);
    expect(boardAfter.entries.some((e) => e.employeeId === Z || e.employeeId.startsWith(ERASED_PERSON_ID))).toBe(false);
    expect(boardAfter.entries.map((e) => [e.employeeId, e.points])).toEqual(othersBefore);
    // A full rebuild from the stored events (clicks, shares, conversions now point at no one) ranks no one new.
    await test.app.services.scoring.rebuildTenant(tenant);
    const rebuilt = await test.app.services.leaderboard.refresh(tenant, contest.id);
    expect(rebuilt.entries.map((e) => [e.employeeId, e.points])).toEqual(othersBefore);
    expect(tablesNaming(await scanAllTables(), IDENTIFIERS).size).toBe(0);

    // The audit log keeps what was done, under the pseudonym (the deletion itself included).
    const audit = (await ok('demo-admin', 'GET', '/api/admin/audit?limit=500')) as { entries: Array<{ action: string; actorId: string; target: Record<string, string>; status: number }> };
    expect(audit.entries.filter((e) => e.actorId === result.pseudonym).length).toBeGreaterThan(3);
    expect(audit.entries.find((e) => e.action === 'DELETE /api/admin/people/:id' && e.status === 200)?.target.id).toBe(result.pseudonym);
    expect((await call('demo-admin', 'DELETE', `/api/admin/people/${Z}`)).status).toBe(404);
  }, 300_000);
});
