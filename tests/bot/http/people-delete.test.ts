/**
 * Data requests, deletion (`DELETE /api/admin/people/:id`) on the whole app (Azurite, demo seed):
 * refused to employees and coordinators and for the admin's own record; a seeded person with
 * shares, clicks, suggestions, goals, a chat with the bot, a policy agreement and contest points
 * is deleted; afterwards their export is 404, no row of theirs is left in the person-keyed tables,
 * they leave the leaderboard, their tracked link still redirects to the article (and a new click
 * on it is counted for the item, scoring no one), and the aggregates (clicks per link, shares per
 * content item, the analytics totals and breakdowns) are unchanged while the analytics people table
 * no longer names them. The audit entry names their pseudonym and the counts, no personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectCurrentContest } from '../../../src/shared/domain/contests.js';
import { GOAL_KINDS } from '../../../src/shared/domain/goals.js';
import { ERASED_PERSON_ID } from '../../../src/shared/domain/data-requests.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';

let test: TestApp;
let tenant: string;
const PERSON = 'demo-employee';

beforeAll(async () => {
  test = await startTestApp();
  tenant = test.app.config.auth.mode === 'dev' ? test.app.config.auth.tenantId : '';
  // The start scores the seeded clicks in the background: let that finish before deleting.
  await test.app.services.scoring.rebuildTenant(tenant);
}, 180_000);

afterAll(async () => {
  await test?.close();
});

function call(as: string, method: 'GET' | 'DELETE', path: string, headers: Record<string, string> = {}) {
  return fetch(`${test.baseUrl}${path}`, { method, headers: { 'x-dev-user': as, ...headers }, redirect: 'manual' });
}

const stripTimes = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (/(^|[a-z])(asOf|builtAt|generatedAt|at)$/i.test(key) ? undefined : v)));

describe('deleting a person', () => {
  it('is refused to non-admins and for the admin themselves', async () => {
    expect((await call('demo-employee', 'DELETE', `/api/admin/people/demo-trainer`)).status).toBe(403);
    expect((await call('demo-exec', 'DELETE', `/api/admin/people/${PERSON}`)).status).toBe(403);
    expect((await call('demo-admin', 'DELETE', '/api/admin/people/demo-admin')).status).toBe(409);
    expect((await call('demo-admin', 'DELETE', '/api/admin/people/nobody-at-all')).status).toBe(404);
    expect(await test.app.repositories.employees.find(tenant, PERSON)).toBeDefined();
  });

  it('removes the personal data, keeps the aggregates and the redirect', async () => {
    const repos = test.app.repositories as TableRepositories;
    await repos.goals.replace(tenant, PERSON, [{ kind: GOAL_KINDS[0], target: 2, setAt: new Date().toISOString() }]);
    await repos.conversationReferences.upsert({ tenantId: tenant, employeeId: PERSON, reference: JSON.stringify({ conversation: { id: 'a:demo' } }), updatedAt: new Date().toISOString() });
    await repos.policies.recordAcknowledgement({ tenantId: tenant, employeeId: PERSON, version: 1, at: new Date().toISOString() });

    const exported = (await (await call('demo-admin', 'GET', `/api/admin/people/${PERSON}/export`)).json()) as { shares: Array<{ linkCode: string; contentId: string; text: string }>; suggestions: unknown[]; botChat: { installed: boolean } };
    expect(exported.shares.length).toBeGreaterThan(0);
    expect(exported.suggestions.length).toBeGreaterThan(0);
    expect(exported.botChat.installed).toBe(true);
    const codes = [...new Set(exported.shares.map((s) => s.linkCode))];
    const contents = [...new Set(exported.shares.map((s) => s.contentId))];
    const clicksBefore = await Promise.all(codes.map((c) => repos.clicks.countByCode(c)));
    const sharesBefore = await Promise.all(contents.map(async (c) => (await repos.shares.listByContent(tenant, c)).length));
    const analyticsBefore = stripTimes(await (await call('demo-admin', 'GET', '/api/analytics?period=quarter')).json());
    const contestId = selectCurrentContest(await repos.contests.list(tenant), new Date().toISOString())!.id;
    const boardBefore = await test.app.services.leaderboard.refresh(tenant, contestId);
    expect(boardBefore.entries.some((e) => e.employeeId === PERSON)).toBe(true);

    const res = await call('demo-admin', 'DELETE', `/api/admin/people/${PERSON}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { erased: Record<string, number>; total: number; remains: { links: number; clicks: number; clicksByContent: Array<{ contentId: string; clicks: number }> } };
    expect(body.erased).toMatchObject({ employee: 1, conversationReference: 1, shares: exported.shares.length, suggestions: exported.suggestions.length, goals: 1 });
    expect(body.erased.policyAcknowledgements).toBeGreaterThanOrEqual(1);
    expect(body.erased.scores).toBeGreaterThan(0);
    expect(body.remains.links).toBe(codes.length);
    expect(body.remains.clicks).toBe(clicksBefore.reduce((a, b) => a + b, 0));

    // The person is gone: export 404, person-keyed reads empty, and off the board.
    expect((await call('demo-admin', 'GET', `/api/admin/people/${PERSON}/export`)).status).toBe(404);
    expect(await repos.employees.find(tenant, PERSON)).toBeUndefined();
    expect(await repos.conversationReferences.find(tenant, PERSON)).toBeUndefined();
    expect(await repos.shares.listByEmployee(tenant, PERSON)).toEqual([]);
    expect(await repos.suggestions.listBySuggester(tenant, PERSON)).toEqual([]);
    expect(await repos.goals.list(tenant, PERSON)).toEqual([]);
    expect(await repos.policies.listAcknowledgements(tenant, PERSON)).toEqual([]);
    expect(await repos.prompts.listByEmployee(tenant, PERSON)).toEqual([]);
    expect(await repos.contentResponses.listByEmployee(tenant, PERSON)).toEqual([]);
    expect(await repos.wins.listByEmployee(tenant, PERSON)).toEqual([]);
    expect(await repos.tallies.getTotals(tenant, PERSON)).toBeUndefined();
    const boardAfter = await test.app.services.leaderboard.refresh(tenant, contestId);
    expect(boardAfter.entries.some((e) => e.employeeId === PERSON)).toBe(false);

    // Aggregates unchanged; the shares by item name no one and hold no words of theirs.
    expect(await Promise.all(codes.map((c) => repos.clicks.countByCode(c)))).toEqual(clicksBefore);
    const itemShares = await Promise.all(contents.map((c) => repos.shares.listByContent(tenant, c)));
    expect(itemShares.map((s) => s.length)).toEqual(sharesBefore);
    for (const share of itemShares.flat().filter((s) => codes.includes(s.linkCode))) expect(share).toMatchObject({ employeeId: ERASED_PERSON_ID, text: '' });
    // Analytics: every total and breakdown stays; only the people table changes (their row, if
    // listed, is "Deleted person", and they no longer count as an enrolled advocate).
    const analyticsAfter = stripTimes(await (await call('demo-admin', 'GET', '/api/analytics?period=quarter')).json());
    const withoutPeople = (report: unknown) => {
      const { activeAdvocates: _a, breakdowns, kpis, ...rest } = report as { activeAdvocates: unknown; breakdowns: Record<string, unknown>; kpis: Record<string, unknown> };
      const { person: _p, ...others } = breakdowns;
      const { activeAdvocatesPercent: _k, ...totals } = kpis;
      return { ...rest, kpis: totals, breakdowns: others };
    };
    expect(withoutPeople(analyticsAfter)).toEqual(withoutPeople(analyticsBefore));
    expect(JSON.stringify(analyticsBefore)).toContain('"key":"demo-employee"');
    expect(JSON.stringify(analyticsAfter)).not.toContain('demo-employee');
    expect(JSON.stringify(analyticsAfter)).not.toContain('Sasha Moreau');

    // The link still reaches the article and names no one.
    const link = await repos.trackedLinks.find(codes[0]!);
    expect(link?.employeeId).toBe(ERASED_PERSON_ID);
    const redirect = await fetch(`${test.baseUrl}/l/${codes[0]}`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (deleted-person test)' } });
    expect([301, 302, 303, 307, 308]).toContain(redirect.status);
    expect(redirect.headers.get('location')).toBe(link?.targetUrl);

    // The audit entry: counts, no personal data.
    const audit = await (await call('demo-admin', 'GET', '/api/admin/audit?limit=200')).text();
    const entry = (JSON.parse(audit) as { entries: Array<{ action: string; target: Record<string, string>; status: number; after?: { erased?: { employee?: number } } }> }).entries.find((e) => e.action === 'DELETE /api/admin/people/:id' && e.status === 200);
    // The deletion's own entry names the person's pseudonym, not their id.
    expect(entry?.target.id).toBe((body as { pseudonym?: string }).pseudonym);
    expect(entry?.target.id).toMatch(/^~erased-[0-9a-f]{16}$/);
    expect(entry?.after?.erased?.employee).toBe(1);
    expect(audit).not.toContain(exported.shares[0]!.text.slice(0, 30) || '\u0000');
    // Deleting again finds no one.
    expect((await call('demo-admin', 'DELETE', `/api/admin/people/${PERSON}`)).status).toBe(404);
  });
});
