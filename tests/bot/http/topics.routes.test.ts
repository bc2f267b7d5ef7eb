/**
 * The Topics API on the whole app (dev-mode auth, real services, Azurite, the seeded hubs): the
 * pyramid with its unfilled roles; an employee proposes themselves, cannot assign roles or decide
 * proposals; an admin accepts (the role is held afterwards) and a coordinator declines with a
 * reason the person reads; influencer map entries are owned by employees on the topic (https links
 * only, owners edit, others are refused, staff reassign owners but never to nobody or to someone
 * off the topic); every write, and every refused write, is in the audit log with before/after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubDetailSchema, HubListSchema, ProposalListSchema } from '../../../src/shared/contracts/topics.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { makeEmployee } from '../../support/fixtures.js';

let test: TestApp;
let tenant: string;

beforeAll(async () => {
  test = await startTestApp();
  tenant = test.app.config.auth.mode === 'dev' ? test.app.config.auth.tenantId : '';
  await test.app.repositories.employees.upsertMany([
    makeEmployee({ id: 'top-coord', tenantId: tenant, displayName: 'Cora Coordinator', roles: ['coordinator', 'employee'], topics: [] }),
    makeEmployee({ id: 'top-ann', tenantId: tenant, displayName: 'Ann Outsider', roles: ['employee'], topics: [] }),
  ]);
}, 120_000);

afterAll(async () => {
  await test?.close();
});

function call(as: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown) {
  return fetch(`${test.baseUrl}${path}`, {
    method,
    headers: { 'x-dev-user': as, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}
const detail = async (as: string, id: string) => HubDetailSchema.parse(await (await call(as, 'GET', `/api/topics/${id}`)).json());

describe('hubs and the pyramid', () => {
  it('lists the seeded hubs with their unfilled roles and the caller’s role', async () => {
    const res = await call('demo-employee', 'GET', '/api/topics');
    expect(res.status).toBe(200);
    const list = HubListSchema.parse(await res.json());
    expect(list.canManage).toBe(false);
    const listening = list.hubs.find((h) => h.id === 'social-listening');
    expect(listening).toMatchObject({ myRole: 'social-mind', unfilledRoles: ['thought-leader', 'spokesperson'], memberCount: 2, influencerCount: 2 });
    expect(listening?.name.ja).toBe('ソーシャルリスニング');
    expect(list.hubs.find((h) => h.id === 'labour-participation')?.unfilledRoles).toHaveLength(4);
    const hub = await detail('demo-employee', 'social-listening');
    expect(hub.pyramid.find((l) => l.role === 'spokesperson')).toEqual({ role: 'spokesperson', holders: [], unfilled: true });
    expect(hub.pyramid.find((l) => l.role === 'social-mind')?.holders.map((h) => h.id)).toEqual(['demo-employee']);
    expect(hub.canOwnEntries).toBe(true);
    expect(hub.pending).toEqual([]); // only staff see others' proposals
    expect((await call('demo-employee', 'GET', '/api/topics/no-such-hub')).status).toBe(404);
  });

  it('staff create and edit hubs; employees are refused; bad input is a 400', async () => {
    const input = { name: { en: 'Community impact stories', it: 'Storie di impatto sociale' }, description: 'Stories employees are proud to share.', languages: ['en', 'it'] };
    expect((await call('demo-employee', 'POST', '/api/admin/topics', input)).status).toBe(403);
    expect((await call('top-coord', 'POST', '/api/admin/topics', { ...input, languages: [] })).status).toBe(400);
    expect((await call('top-coord', 'POST', '/api/admin/topics', { ...input, owner: 'marketing' })).status).toBe(400);
    const created = await call('top-coord', 'POST', '/api/admin/topics', input);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'community-impact-stories', languages: ['en', 'it'] });
    const edited = await call('demo-admin', 'PUT', '/api/admin/topics/community-impact-stories', { ...input, languages: ['en', 'it', 'ja'] });
    expect(edited.status).toBe(200);
    const again = await call('top-coord', 'POST', '/api/admin/topics', input);
    expect((await again.json()) as { id: string }).toMatchObject({ id: expect.stringMatching(/^community-impact-stories-[0-9a-f]+$/) });
    expect((await detail('demo-employee', 'community-impact-stories')).hub.languages).toEqual(['en', 'it', 'ja']);
  });
});

describe('roles and self-proposals', () => {
  it('an employee proposes themselves but cannot assign or decide; an admin accepts and the role is held', async () => {
    expect((await call('demo-employee', 'PUT', '/api/admin/topics/social-listening/roles/demo-employee', { role: 'spokesperson' })).status).toBe(403);
    expect((await call('demo-employee', 'POST', '/api/topics/social-listening/proposals', { role: 'social-mind' })).status).toBe(409); // already holds it
    const proposed = await call('demo-employee', 'POST', '/api/topics/social-listening/proposals', { role: 'thought-leader', note: 'I run our listening dashboard.' });
    expect(proposed.status).toBe(201);
    const proposal = (await proposed.json()) as { id: string; status: string };
    expect(proposal.status).toBe('pending');
    const twice = await call('demo-employee', 'POST', '/api/topics/social-listening/proposals', { role: 'spokesperson' });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { details: string } }).error.details).toBe('pending-exists');
    expect((await call('demo-employee', 'POST', `/api/admin/topics/proposals/${proposal.id}/accept`)).status).toBe(403);

    const queue = ProposalListSchema.parse(await (await call('demo-admin', 'GET', '/api/admin/topics/proposals')).json());
    expect(queue.proposals.map((p) => p.id)).toEqual(expect.arrayContaining([proposal.id, 'demo-prop-1', 'demo-prop-2']));
    expect((await detail('demo-admin', 'social-listening')).pending.map((p) => p.id)).toEqual([proposal.id]);

    expect((await call('demo-admin', 'POST', `/api/admin/topics/proposals/${proposal.id}/accept`)).status).toBe(200);
    expect((await call('demo-admin', 'POST', `/api/admin/topics/proposals/${proposal.id}/accept`)).status).toBe(409);
    const hub = await detail('demo-employee', 'social-listening');
    expect(hub.hub.myRole).toBe('thought-leader');
    expect(hub.pyramid.find((l) => l.role === 'thought-leader')).toMatchObject({ unfilled: false, holders: [{ id: 'demo-employee' }] });
    expect(hub.hub.unfilledRoles).toEqual(['social-mind', 'spokesperson']);
    expect(hub.myProposals[0]).toMatchObject({ id: proposal.id, status: 'accepted' });
  });

  it('a coordinator declines with a reason the person reads; no reason is a 400', async () => {
    const res = await call('top-ann', 'POST', '/api/topics/closed-loop-marketing/proposals', { role: 'spokesperson' });
    const { id } = (await res.json()) as { id: string };
    expect((await call('top-coord', 'POST', `/api/admin/topics/proposals/${id}/decline`, { reason: '  ' })).status).toBe(400);
    expect((await call('top-coord', 'POST', `/api/admin/topics/proposals/${id}/decline`, { reason: 'Press training first, then spokesperson.' })).status).toBe(200);
    const mine = ProposalListSchema.parse(await (await call('top-ann', 'GET', '/api/topics/proposals/mine')).json());
    expect(mine.proposals).toEqual([expect.objectContaining({ id, status: 'declined', reason: 'Press training first, then spokesperson.', topicId: 'closed-loop-marketing' })]);
    expect((await detail('top-ann', 'closed-loop-marketing')).hub.myRole).toBeUndefined();
  });

  it('staff fill an unfilled role and remove a person; unknown people are a 404', async () => {
    expect((await call('top-coord', 'PUT', '/api/admin/topics/labour-participation/roles/top-ann', { role: 'social-mind' })).status).toBe(200);
    expect((await detail('top-ann', 'labour-participation')).pyramid.find((l) => l.role === 'social-mind')).toMatchObject({ unfilled: false, holders: [{ id: 'top-ann', name: 'Ann Outsider' }] });
    expect((await call('top-coord', 'PUT', '/api/admin/topics/labour-participation/roles/nobody-here', { role: 'social-mind' })).status).toBe(404);
    expect((await call('top-coord', 'PUT', '/api/admin/topics/labour-participation/roles/top-ann', { role: 'chief' })).status).toBe(400);
    expect((await call('top-coord', 'DELETE', '/api/admin/topics/labour-participation/roles/top-ann')).status).toBe(200);
    expect((await call('top-coord', 'DELETE', '/api/admin/topics/labour-participation/roles/top-ann')).status).toBe(404);
    expect((await detail('top-ann', 'labour-participation')).hub.unfilledRoles).toHaveLength(4);
  });
});

describe('the external influencer map', () => {
  const entry = { name: 'Priya Natarajan', tier: 'mass-connector', handle: '@priya_listens', url: 'https://priya.example/posts', why: 'Posts daily listening tips to 40k followers.' };

  it('belongs to the employees who add it; https links only; outsiders and non-owners are refused', async () => {
    expect((await call('demo-employee', 'POST', '/api/topics/social-listening/influencers', { ...entry, url: 'http://priya.example' })).status).toBe(400);
    expect((await call('demo-employee', 'POST', '/api/topics/social-listening/influencers', { ...entry, ownerIds: ['demo-admin'] })).status).toBe(400);
    const outsider = await call('top-ann', 'POST', '/api/topics/social-listening/influencers', entry);
    expect(outsider.status).toBe(403);
    expect(((await outsider.json()) as { error: { details: string } }).error.details).toBe('not-on-topic');
    const added = await call('demo-employee', 'POST', '/api/topics/social-listening/influencers', entry);
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: string };

    const mine = (await detail('demo-employee', 'social-listening')).influencers.find((e) => e.id === id);
    expect(mine).toMatchObject({ tier: 'mass-connector', url: 'https://priya.example/posts', owners: [{ id: 'demo-employee', name: 'Sasha Moreau' }], permissions: { edit: true, remove: true, reassign: false }, issues: [] });
    expect((await call('emp-customer-success-003', 'PUT', `/api/topics/social-listening/influencers/${id}`, { ...entry, name: 'Hijacked' })).status).toBe(403);
    expect((await call('demo-admin', 'PUT', `/api/topics/social-listening/influencers/${id}`, { ...entry, name: 'Marketing edit' })).status).toBe(403);
    expect((await call('demo-employee', 'PUT', `/api/topics/social-listening/influencers/${id}`, { ...entry, tier: 'mass-maven' })).status).toBe(200);
    expect((await call('demo-employee', 'PUT', `/api/topics/closed-loop-marketing/influencers/${id}`, entry)).status).toBe(404); // wrong hub
  });

  it('staff reassign owners, never to nobody or to someone off the topic; then the old owner can no longer edit', async () => {
    const [target] = (await detail('demo-admin', 'social-listening')).influencers.filter((e) => e.name === 'Priya Natarajan');
    const path = `/api/admin/topics/social-listening/influencers/${target!.id}/owners`;
    expect((await call('demo-employee', 'PUT', path, { ownerIds: ['demo-employee'] })).status).toBe(403);
    expect((await call('demo-admin', 'PUT', path, { ownerIds: [] })).status).toBe(400);
    const offTopic = await call('demo-admin', 'PUT', path, { ownerIds: ['top-ann'] });
    expect(offTopic.status).toBe(400);
    expect(((await offTopic.json()) as { error: { details: string } }).error.details).toBe('owner-not-on-topic');
    expect((await call('demo-admin', 'PUT', path, { ownerIds: ['emp-customer-success-003'] })).status).toBe(200);
    expect((await call('demo-employee', 'PUT', `/api/topics/social-listening/influencers/${target!.id}`, { name: 'Priya N.', tier: 'media', why: 'x' })).status).toBe(403);
    expect((await call('demo-admin', 'DELETE', `/api/topics/social-listening/influencers/${target!.id}`)).status).toBe(200);
    expect((await detail('demo-admin', 'social-listening')).influencers.some((e) => e.id === target!.id)).toBe(false);
  });
});

describe('audit', () => {
  it('records each write with before/after and the refused ones with their status', async () => {
    const entries = (await (test.app.repositories as TableRepositories).auditLog.list(tenant, { limit: 2000 })) as unknown as Array<{ action: string; actorId: string; status: number; before?: Record<string, unknown>; after?: Record<string, unknown> }>;
    const find = (action: string, actorId: string, status: number) => entries.filter((e) => e.action === action && e.actorId === actorId && e.status === status);
    expect(find('POST /api/admin/topics', 'demo-employee', 403)).toHaveLength(1);
    expect(find('POST /api/admin/topics', 'top-coord', 201).map((e) => e.after?.id)).toEqual(expect.arrayContaining(['community-impact-stories']));
    expect(find('PUT /api/admin/topics/:id', 'demo-admin', 200)[0]).toMatchObject({ before: { languages: ['en', 'it'] }, after: { languages: ['en', 'it', 'ja'] } });
    expect(find('POST /api/admin/topics/proposals/:id/accept', 'demo-admin', 200)[0]).toMatchObject({ before: { status: 'pending' }, after: { status: 'accepted', decidedBy: 'demo-admin' } });
    expect(find('POST /api/admin/topics/proposals/:id/accept', 'demo-employee', 403)).toHaveLength(1);
    expect(find('POST /api/admin/topics/proposals/:id/decline', 'top-coord', 200)[0]?.after).toMatchObject({ status: 'declined', reason: 'Press training first, then spokesperson.' });
    expect(find('PUT /api/admin/topics/:id/roles/:employeeId', 'top-coord', 200)[0]).toMatchObject({ before: { role: null }, after: { role: 'social-mind' } });
    expect(find('DELETE /api/admin/topics/:id/roles/:employeeId', 'top-coord', 200)[0]).toMatchObject({ before: { role: 'social-mind' }, after: { role: null } });
    expect(find('POST /api/topics/:id/proposals', 'demo-employee', 201)[0]?.after).toMatchObject({ role: 'thought-leader', status: 'pending' });
    expect(find('POST /api/topics/:id/influencers', 'top-ann', 403)[0]?.after).toEqual({ refused: 'not-on-topic' });
    expect(find('PUT /api/topics/:id/influencers/:entryId', 'demo-employee', 200)[0]).toMatchObject({ before: { tier: 'mass-connector' }, after: { tier: 'mass-maven' } });
    expect(find('PUT /api/admin/topics/:id/influencers/:entryId/owners', 'demo-admin', 200)[0]).toMatchObject({ before: { ownerIds: ['demo-employee'] }, after: { ownerIds: ['emp-customer-success-003'] } });
    expect(find('DELETE /api/topics/:id/influencers/:entryId', 'demo-admin', 200)[0]?.before).toMatchObject({ name: 'Priya Natarajan' });
  });
});

describe("a person's data deletion", () => {
  it('removes their proposals and map ownerships; an entry they owned alone goes, a shared one keeps its other owner', async () => {
    const res = await call('demo-admin', 'DELETE', '/api/admin/people/emp-partners-002');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { erased: { topicRoles: number } }).erased.topicRoles).toBeGreaterThanOrEqual(1);
    expect((await call('demo-admin', 'DELETE', '/api/admin/people/emp-sales-004')).status).toBe(200);
    expect((await call('demo-admin', 'DELETE', '/api/admin/people/top-ann')).status).toBe(200);
    const stores = (test.app.repositories as TableRepositories).topicHubs;
    expect((await stores.influencers.get(tenant, 'demo-inf-3')).value.ownerIds).toEqual(['emp-marketing-003']);
    expect((await stores.influencers.list(tenant, 'closed-loop-marketing')).some((e) => e.id === 'demo-inf-5')).toBe(false);
    expect((await stores.proposals.list(tenant)).some((p) => p.employeeId === 'top-ann')).toBe(false);
  });
});
