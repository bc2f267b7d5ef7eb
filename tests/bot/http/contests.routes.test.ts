/**
 * Admin > Contests API on the whole app (Azurite, dev-mode auth): refused to employees,
 * coordinators, trainers and executives; the team channels the bot is in are listed with their
 * names; a contest is created with exclusions by role and person and an update channel, then
 * edited; the domain rules (window order, weights range, all-zero weights, repeated prize rank),
 * an unknown channel or person and unknown fields are refused with 400 and nothing is written;
 * every write is in the audit log with its before/after. Lifecycle: a contest that has not started
 * is deleted (stale version: 409 `conflict`); a running one is not deleted (409 `contestStarted`)
 * but ended early (end = now, its board rescored); an ended one is neither deleted nor ended
 * (409 `contestEnded`, translated); a second admin's stale edit is 409 and loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminContestListSchema, AdminContestSchema, type ContestInput } from '../../../src/shared/contracts/contests.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { makeEmployee } from '../../support/fixtures.js';

let test: TestApp;
let tenant: string;

beforeAll(async () => {
  test = await startTestApp();
  tenant = test.app.config.auth.mode === 'dev' ? test.app.config.auth.tenantId : '';
  const repos = test.app.repositories;
  await repos.employees.upsertMany([
    makeEmployee({ id: 'ct-coord', tenantId: tenant, displayName: 'Cora Coordinator', roles: ['coordinator', 'employee'] }),
    makeEmployee({ id: 'ct-exec', tenantId: tenant, displayName: 'Erin Executive', roles: ['executive'] }),
    makeEmployee({ id: 'ct-emp', tenantId: tenant, displayName: 'Eli Employee', roles: ['employee'] }),
    makeEmployee({ id: 'ct-winner', tenantId: tenant, displayName: 'Wanda Winner', roles: ['employee'] }),
  ]);
  const channel = (team: string, name?: string) =>
    repos.conversationReferences.upsert({
      tenantId: tenant,
      employeeId: `channel:${team}`,
      reference: JSON.stringify({ serviceUrl: 'http://127.0.0.1:1', channelId: 'msteams', conversation: { id: `19:${team}@thread.tacv2`, conversationType: 'channel', ...(name ? { name } : {}) }, bot: { id: '28:bot' } }),
      updatedAt: new Date().toISOString(),
    });
  await channel('ct-team-marketing', 'Marketing');
  await channel('ct-team-plain');
}, 120_000);

afterAll(async () => {
  await test?.close();
});

function call(as: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown, lang = 'en') {
  return fetch(`${test.baseUrl}${path}`, {
    method,
    headers: { 'x-dev-user': as, 'accept-language': lang, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const INPUT: ContestInput = {
  name: 'Contest test quarter',
  startsAt: '2026-01-01T00:00:00.000Z',
  endsAt: '2026-04-01T00:00:00.000Z',
  weights: { uniqueClick: 1, share: 0, conversion: 5 },
  prizes: [{ rank: 1, label: '1st place', amountMinor: 10_000, currency: 'USD' }, { rank: 2, label: 'Headphones' }],
  excludedRoles: ['executive', 'coordinator'],
  excludedEmployeeIds: ['ct-emp'],
  updateChannelId: 'channel:ct-team-marketing',
};

describe('admin contests API', () => {
  it('is refused to everyone but admins', async () => {
    for (const who of ['ct-emp', 'ct-coord', 'ct-exec']) {
      expect((await call(who, 'GET', '/api/admin/contests')).status, who).toBe(403);
      expect((await call(who, 'POST', '/api/admin/contests', INPUT)).status, who).toBe(403);
      expect((await call(who, 'PUT', '/api/admin/contests/none', INPUT)).status, who).toBe(403);
    }
    const mine = (await test.app.repositories.contests.list(tenant)).filter((c) => c.name === INPUT.name);
    expect(mine).toEqual([]);
  });

  it('lists the team channels, creates and edits a contest, and audits both writes', async () => {
    const listed = AdminContestListSchema.parse(await (await call('demo-admin', 'GET', '/api/admin/contests')).json());
    expect(listed.channels.filter((c) => c.id.startsWith('channel:ct-')).map((c) => [c.id, c.name])).toEqual([
      ['channel:ct-team-plain', 'ct-team-plain'],
      ['channel:ct-team-marketing', 'Marketing'],
    ]);

    const created = await call('demo-admin', 'POST', '/api/admin/contests', INPUT);
    expect(created.status).toBe(201);
    const contest = AdminContestSchema.parse(await created.json());
    expect(contest).toMatchObject({ name: INPUT.name, excludedEmployeeIds: ['ct-emp'], excludedRoles: ['executive', 'coordinator'], updateChannelId: 'channel:ct-team-marketing' });
    expect(created.headers.get('location')).toBe(`/api/admin/contests/${contest.id}`);
    const stored = (await test.app.repositories.contests.get(tenant, contest.id)).value;
    expect(stored).toMatchObject({ weights: { uniqueClick: 1, share: 0, conversion: 5 }, prizes: INPUT.prizes });

    const edited = await call('demo-admin', 'PUT', `/api/admin/contests/${contest.id}`, { ...INPUT, endsAt: '2026-03-01T00:00:00+01:00', excludedEmployeeIds: ['ct-emp', 'ct-winner'], updateChannelId: null });
    expect(edited.status).toBe(200);
    const after = (await test.app.repositories.contests.get(tenant, contest.id)).value;
    expect(after.endsAt).toBe('2026-02-28T23:00:00.000Z');
    expect(after.excludedEmployeeIds).toEqual(['ct-emp', 'ct-winner']);
    expect(after.updateChannelId).toBeUndefined();

    const again = AdminContestListSchema.parse(await (await call('demo-admin', 'GET', '/api/admin/contests')).json());
    expect(again.contests.find((c) => c.id === contest.id)?.excludedEmployeeIds).toEqual(['ct-emp', 'ct-winner']);

    const entries = ((await (await call('demo-admin', 'GET', '/api/admin/audit?limit=500')).json()) as { entries: Array<{ action: string; status: number; target: Record<string, string>; before?: { excludedEmployeeIds?: string[]; updateChannelId?: string }; after?: { id?: string; excludedEmployeeIds?: string[]; updateChannelId?: string } }> }).entries;
    const create = entries.find((e) => e.action === 'POST /api/admin/contests' && e.after?.id === contest.id);
    expect(create).toMatchObject({ status: 201, after: { updateChannelId: 'channel:ct-team-marketing' } });
    const update = entries.find((e) => e.action === 'PUT /api/admin/contests/:id' && e.target.id === contest.id && e.status === 200);
    expect(update?.before).toMatchObject({ excludedEmployeeIds: ['ct-emp'], updateChannelId: 'channel:ct-team-marketing' });
    expect(update?.after?.excludedEmployeeIds).toEqual(['ct-emp', 'ct-winner']);
    expect(update?.after?.updateChannelId).toBeUndefined();
  });

  it('refuses what the domain rules and the contract refuse, writing nothing', async () => {
    const before = (await test.app.repositories.contests.list(tenant)).length;
    const bad: Array<[string, unknown, RegExp]> = [
      ['window order', { ...INPUT, endsAt: INPUT.startsAt }, /window-order/],
      ['window too long', { ...INPUT, endsAt: '2027-06-01T00:00:00.000Z' }, /window-too-long/],
      ['all weights zero', { ...INPUT, weights: { uniqueClick: 0, share: 0, conversion: 0 } }, /weights-all-zero/],
      ['weight above 100', { ...INPUT, weights: { uniqueClick: 101, share: 0, conversion: 0 } }, /uniqueClick/],
      ['negative weight', { ...INPUT, weights: { uniqueClick: 1, share: -1, conversion: 0 } }, /share/],
      ['repeated prize rank', { ...INPUT, prizes: [{ rank: 1, label: 'a' }, { rank: 1, label: 'b' }] }, /prize-rank-repeated/],
      ['unknown channel', { ...INPUT, updateChannelId: 'channel:elsewhere' }, /not installed/],
      ['a person as channel', { ...INPUT, updateChannelId: 'ct-emp' }, /not installed/],
      ['unknown person', { ...INPUT, excludedEmployeeIds: ['nobody-here'] }, /unknown person/],
      ['unknown field', { ...INPUT, secret: 1 }, /secret/],
      ['unknown role', { ...INPUT, excludedRoles: ['boss'] }, /excludedRoles/],
    ];
    for (const [label, body, message] of bad) {
      const res = await call('demo-admin', 'POST', '/api/admin/contests', body);
      expect(res.status, label).toBe(400);
      const error = ((await res.json()) as { error: { code: string; message: string; details?: string } }).error;
      expect(error.code, label).toBe('badRequest');
      expect(`${error.message} ${error.details ?? ''}`, label).toMatch(message);
    }
    expect((await test.app.repositories.contests.list(tenant)).length).toBe(before);
    expect((await call('demo-admin', 'PUT', '/api/admin/contests/no-such-contest', INPUT)).status).toBe(404);
  });

  it('deletes a contest that has not started, ends a running one early, keeps an ended one; stale versions are refused', async () => {
    const day = 86_400_000;
    const at = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
    const make = async (name: string, startsAt: string, endsAt: string) => AdminContestSchema.parse(await (await call('demo-admin', 'POST', '/api/admin/contests', { ...INPUT, name, startsAt, endsAt, updateChannelId: null })).json());
    const upcoming = await make('Lifecycle upcoming', at(10), at(40));
    const running = await make('Lifecycle running', at(-10), at(20));
    const ended = await make('Lifecycle ended', at(-60), at(-30));
    const listed = AdminContestListSchema.parse(await (await call('demo-admin', 'GET', '/api/admin/contests')).json());
    const versionOf = (id: string) => listed.contests.find((c) => c.id === id)!.version!;
    expect(versionOf(upcoming.id)).toBe(upcoming.version);

    // Not admins.
    expect((await call('ct-coord', 'DELETE', `/api/admin/contests/${upcoming.id}`, { version: upcoming.version })).status).toBe(403);
    expect((await call('ct-emp', 'POST', `/api/admin/contests/${running.id}/end`, { version: running.version })).status).toBe(403);
    // Strict bodies.
    expect((await call('demo-admin', 'DELETE', `/api/admin/contests/${upcoming.id}`, {})).status).toBe(400);
    expect((await call('demo-admin', 'POST', `/api/admin/contests/${running.id}/end`, { version: running.version, endsAt: at(0) })).status).toBe(400);

    // A second admin's edit from the old version is refused; the first one stands.
    const edited = await call('demo-admin', 'PUT', `/api/admin/contests/${upcoming.id}`, { ...INPUT, name: 'Lifecycle upcoming (renamed)', startsAt: upcoming.startsAt, endsAt: upcoming.endsAt, updateChannelId: null, version: upcoming.version });
    expect(edited.status).toBe(200);
    const renamed = AdminContestSchema.parse(await edited.json());
    const staleEdit = await call('demo-admin', 'PUT', `/api/admin/contests/${upcoming.id}`, { ...INPUT, name: 'Lost edit', startsAt: upcoming.startsAt, endsAt: upcoming.endsAt, updateChannelId: null, version: upcoming.version });
    expect([staleEdit.status, ((await staleEdit.json()) as { error: { code: string } }).error.code]).toEqual([409, 'conflict']);
    expect((await test.app.repositories.contests.get(tenant, upcoming.id)).value.name).toBe('Lifecycle upcoming (renamed)');

    // Delete the upcoming one: stale version refused, current one deletes.
    expect((await call('demo-admin', 'DELETE', `/api/admin/contests/${upcoming.id}`, { version: upcoming.version })).status).toBe(409);
    const gone = await call('demo-admin', 'DELETE', `/api/admin/contests/${upcoming.id}`, { version: renamed.version });
    expect([gone.status, await gone.json()]).toEqual([200, { id: upcoming.id, deleted: true }]);
    await expect(test.app.repositories.contests.get(tenant, upcoming.id)).rejects.toThrow(/not found/);

    // A running contest is not deleted; it ends early (end = now), then is history.
    const refused = await call('demo-admin', 'DELETE', `/api/admin/contests/${running.id}`, { version: running.version });
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([409, 'contestStarted']);
    const before = Date.now();
    const endedNow = await call('demo-admin', 'POST', `/api/admin/contests/${running.id}/end`, { version: running.version });
    expect(endedNow.status).toBe(200);
    const afterEnd = AdminContestSchema.parse(await endedNow.json());
    expect(Date.parse(afterEnd.endsAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(afterEnd.endsAt)).toBeLessThanOrEqual(Date.now());
    expect((await test.app.repositories.contests.get(tenant, running.id)).value).toMatchObject({ startsAt: running.startsAt, endsAt: afterEnd.endsAt, name: 'Lifecycle running' });
    const again = await call('demo-admin', 'POST', `/api/admin/contests/${running.id}/end`, { version: afterEnd.version }, 'it');
    const againError = ((await again.json()) as { error: { code: string; message: string } }).error;
    expect([again.status, againError.code]).toEqual([409, 'contestEnded']);
    expect(againError.message).toContain('concorso');

    // An ended one is never deleted (its results are history).
    const kept = await call('demo-admin', 'DELETE', `/api/admin/contests/${ended.id}`, { version: versionOf(ended.id) });
    expect([kept.status, ((await kept.json()) as { error: { code: string } }).error.code]).toEqual([409, 'contestEnded']);
    expect((await test.app.repositories.contests.get(tenant, ended.id)).value.name).toBe('Lifecycle ended');

    const entries = ((await (await call('demo-admin', 'GET', '/api/admin/audit?limit=500')).json()) as { entries: Array<{ action: string; status: number; target: Record<string, string>; before?: Record<string, unknown>; after?: Record<string, unknown> }> }).entries;
    expect(entries.find((e) => e.action === 'DELETE /api/admin/contests/:id' && e.target.id === upcoming.id && e.status === 200)?.before).toMatchObject({ name: 'Lifecycle upcoming (renamed)' });
    expect(entries.find((e) => e.action === 'POST /api/admin/contests/:id/end' && e.target.id === running.id && e.status === 200)).toMatchObject({ before: { endsAt: running.endsAt }, after: { endsAt: afterEnd.endsAt } });
  });
});
