import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/bot/storage/errors.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import type { ContentItem, SuggestedText } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';
import { aContentItem, jsonRoundTrips } from './storage-fixtures.js';

let repos: TableRepositories;
beforeAll(async () => {
  repos = await createTestRepositories('content');
});

const manyTexts = (chars: number): SuggestedText[] =>
  (['linkedin', 'x', 'facebook'] as const).flatMap((network) =>
    (['en', 'ja', 'th', 'ru', 'it', 'zh'] as const).map((language) => ({
      network,
      language,
      variants: Array.from({ length: 5 }, (_, v) => `${network}/${language}/${v} `.padEnd(chars, 'é')),
    })),
  );

describe('TableContentRepository', () => {
  it('round-trips an item and throws NotFoundError for a missing one', async () => {
    const item = aContentItem({ id: 'rt' });
    const created = await repos.content.create('tenant-1', item);
    expect(created.value).toEqual(item);
    const read = await repos.content.get('tenant-1', 'rt');
    expect(read.value).toEqual(item);
    expect(jsonRoundTrips(read.value)).toBe(true);
    await expect(repos.content.get('tenant-1', 'missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('stores an item whose suggested texts exceed one property (split JSON column)', async () => {
    const item = aContentItem({ id: 'large', suggestedTexts: manyTexts(1000) }); // ~90k characters of JSON
    await repos.content.create('tenant-1', item);
    expect((await repos.content.get('tenant-1', 'large')).value).toEqual(item);
  });

  it('rejects an item over the 1 MiB entity limit with a clear ValidationError', async () => {
    const item = aContentItem({ id: 'huge', suggestedTexts: manyTexts(6000) }); // ~540k characters = ~1 MiB UTF-16
    const err = await repos.content.create('tenant-1', item).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(/too large/);
    await expect(repos.content.get('tenant-1', 'huge')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects a single string property over 64 KiB', async () => {
    const item = aContentItem({ id: 'long-summary', summary: 'x'.repeat(40_000) });
    await expect(repos.content.create('tenant-1', item)).rejects.toThrow(/summary is 40000 characters/);
  });

  it('updates with the current etag and conflicts with a stale one', async () => {
    const { etag } = await repos.content.create('tenant-1', aContentItem({ id: 'upd', status: 'draft' }));
    const approved = await repos.content.update('tenant-1', aContentItem({ id: 'upd', status: 'approved' }), etag);
    expect(approved.value.status).toBe('approved');
    const err = await repos.content.update('tenant-1', aContentItem({ id: 'upd', status: 'expired' }), etag).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((await repos.content.get('tenant-1', 'upd')).value.status).toBe('approved');
  });

  it('lists a tenant, filtered by status on the server', async () => {
    const statuses: ContentItem['status'][] = ['draft', 'published', 'published', 'expired'];
    await repos.content.upsertMany('list-tenant', statuses.map((status, i) => aContentItem({ id: `c${i}`, status })));
    expect(await repos.content.list('list-tenant')).toHaveLength(4);
    const published = await repos.content.list('list-tenant', { status: 'published' });
    expect(published.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(await repos.content.list('other-tenant')).toEqual([]);
  });

  it('upserts 230 items of one tenant across transactions', async () => {
    const items = Array.from({ length: 230 }, (_, i) => aContentItem({ id: `bulk-${i}` }));
    await repos.content.upsertMany('bulk-tenant', items);
    expect(await repos.content.list('bulk-tenant')).toHaveLength(230);
  });

  it('splits a batch of large items by payload size as well as count', async () => {
    const items = Array.from({ length: 12 }, (_, i) => aContentItem({ id: `heavy-${i}`, suggestedTexts: manyTexts(3000) }));
    await repos.content.upsertMany('heavy-tenant', items); // ~12 x 560 KiB: more than one 4 MiB transaction
    expect(await repos.content.list('heavy-tenant')).toHaveLength(12);
  });
});
