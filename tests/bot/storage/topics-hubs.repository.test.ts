/**
 * The topic hub stores on Azurite: hubs read and written with ETags (a stale one conflicts), the
 * `languages` field kept; proposals per tenant; influencer entries listed per topic with the
 * `odata` filter, removed only at the version read, and a row without an owner refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/bot/storage/errors.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import type { InfluencerEntry } from '../../../src/bot/services/topics.ports.js';
import { createTestRepositories } from '../../support/azurite.js';

let repos: TableRepositories;
beforeAll(async () => {
  repos = await createTestRepositories('tphub');
});

const AT = '2026-12-01T10:00:00.000Z';
const entry = (id: string, topicId: string, over: Partial<InfluencerEntry> = {}): InfluencerEntry => ({ id, topicId, name: `Person ${id}`, tier: 'media', ownerIds: ['ann'], notes: 'why', createdBy: 'ann', createdAt: AT, updatedAt: AT, ...over });

describe('topic hub stores', () => {
  it('creates and updates a hub with its etag; a stale etag conflicts; languages survive', async () => {
    const { hubs } = repos.topicHubs;
    const created = await hubs.create('t1', { id: 'listening', name: { en: 'Listening', ja: 'リスニング' }, languages: ['en', 'ja'] });
    await expect(hubs.create('t1', { id: 'listening', name: { en: 'Again' } })).rejects.toBeInstanceOf(ConflictError);
    await hubs.update('t1', { ...created.value, description: 'Hear customers.' }, created.etag);
    await expect(hubs.update('t1', { ...created.value, description: 'stale' }, created.etag)).rejects.toBeInstanceOf(ConflictError);
    expect((await hubs.get('t1', 'listening')).value).toEqual({ id: 'listening', name: { en: 'Listening', ja: 'リスニング' }, languages: ['en', 'ja'], description: 'Hear customers.' });
    expect((await repos.topics.list('t1')).map((t) => t.id)).toEqual(['listening']); // the board reads the same rows
    await expect(hubs.get('t1', 'none')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps proposals per tenant', async () => {
    const { proposals } = repos.topicHubs;
    const p = { id: 'p1', topicId: 'listening', employeeId: 'ann', role: 'spokesperson' as const, status: 'pending' as const, proposedAt: AT };
    const saved = await proposals.create('t1', p);
    await proposals.update('t1', { ...p, status: 'declined', reason: 'Later.', decidedAt: AT, decidedBy: 'robin' }, saved.etag);
    expect(await proposals.list('t1')).toEqual([{ ...p, status: 'declined', reason: 'Later.', decidedAt: AT, decidedBy: 'robin' }]);
    expect(await proposals.list('t2')).toEqual([]);
  });

  it('lists entries of one topic, removes only the version read, refuses an entry without owner', async () => {
    const { influencers } = repos.topicHubs;
    await influencers.upsertMany('t1', [entry('e1', 'listening'), entry('e2', "o'hara topic"), entry('e3', 'listening', { ownerIds: ['ann', 'bob'], profileUrl: 'https://x.example' })]);
    expect((await influencers.list('t1', 'listening')).map((e) => e.id).sort()).toEqual(['e1', 'e3']);
    expect((await influencers.list('t1', "o'hara topic")).map((e) => e.id)).toEqual(['e2']);
    expect(await influencers.list('t1')).toHaveLength(3);
    const read = await influencers.get('t1', 'e3');
    expect(read.value.ownerIds).toEqual(['ann', 'bob']);
    const changed = await influencers.update('t1', { ...read.value, tier: 'politics' }, read.etag);
    await expect(influencers.remove('t1', 'e3', read.etag)).rejects.toBeInstanceOf(ConflictError);
    await influencers.remove('t1', 'e3', changed.etag);
    await expect(influencers.get('t1', 'e3')).rejects.toBeInstanceOf(NotFoundError);
    await expect(influencers.create('t1', entry('e4', 'listening', { ownerIds: [] }))).rejects.toBeInstanceOf(ValidationError);
  });
});
