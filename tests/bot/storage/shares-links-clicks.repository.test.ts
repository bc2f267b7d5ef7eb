import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/bot/storage/errors.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { createTestRepositories } from '../../support/azurite.js';
import { aClick, aShare, aTrackedLink, jsonRoundTrips } from './storage-fixtures.js';

let repos: TableRepositories;
beforeAll(async () => {
  repos = await createTestRepositories('slc');
});

describe('TableShareRepository', () => {
  it('records a share once, visible by employee and by content', async () => {
    const share = aShare({ id: 's-1' });
    await repos.shares.record('tenant-1', share);
    await repos.shares.record('tenant-1', share); // retried card action
    expect(await repos.shares.listByEmployee('tenant-1', share.employeeId)).toEqual([share]);
    expect(await repos.shares.listByContent('tenant-1', share.contentId)).toEqual([share]);
  });

  it('lists several shares in time order and keeps tenants apart', async () => {
    const later = aShare({ id: 's-b', employeeId: 'emp-7', contentId: 'c-7', sharedAt: '2026-04-03T00:00:00.000Z', network: 'x' });
    const earlier = aShare({ id: 's-a', employeeId: 'emp-7', contentId: 'c-7', sharedAt: '2026-04-01T00:00:00.000Z', campaignId: undefined });
    await repos.shares.record('tenant-2', later);
    const { campaignId: _c, ...earlierStored } = earlier;
    await repos.shares.record('tenant-2', earlierStored);
    expect(await repos.shares.listByEmployee('tenant-2', 'emp-7')).toEqual([earlierStored, later]);
    expect(await repos.shares.listByContent('tenant-2', 'c-7')).toEqual([earlierStored, later]);
    expect(await repos.shares.listByEmployee('tenant-1', 'emp-7')).toEqual([]);
  });
});

describe('TableTrackedLinkRepository', () => {
  it('round-trips a link and finds nothing for an unknown code', async () => {
    const link = aTrackedLink({ code: 'Zx9-_abc' });
    await repos.trackedLinks.create(link);
    const found = await repos.trackedLinks.find('Zx9-_abc');
    expect(found).toEqual(link);
    expect(jsonRoundTrips(found)).toBe(true);
    await expect(repos.trackedLinks.find('unknown')).resolves.toBeUndefined();
  });

  it('never reuses a code', async () => {
    await repos.trackedLinks.create(aTrackedLink({ code: 'dup' }));
    const err = await repos.trackedLinks.create(aTrackedLink({ code: 'dup', targetUrl: 'https://evil.example' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((await repos.trackedLinks.find('dup'))?.targetUrl).toBe(aTrackedLink().targetUrl);
  });
});

describe('TableClickRepository', () => {
  it('counts the same click (code, visitor, day) once, in one call and across calls', async () => {
    const click = aClick({ code: 'idem' });
    expect(await repos.clicks.recordMany([click, { ...click, at: '2026-04-02T18:00:00.000Z' }])).toBe(1);
    expect(await repos.clicks.recordMany([click])).toBe(0);
    expect(await repos.clicks.countByCode('idem')).toBe(1);
    expect(await repos.clicks.listByCode('idem')).toEqual([click]); // the first click of the day is kept
  });

  it('counts the same visitor again on another day, and other visitors', async () => {
    const base = aClick({ code: 'days' });
    const clicks = [base, { ...base, day: '2026-04-03', at: '2026-04-03T01:00:00.000Z' }, { ...base, visitorKey: 'v-other' }];
    expect(await repos.clicks.recordMany(clicks)).toBe(3);
    expect(await repos.clicks.countByCode('days')).toBe(3);
  });

  it('replays a flushed journal: 250 clicks over 3 codes, half already stored, counts only the new', async () => {
    const clicks = ['j1', 'j2', 'j3'].flatMap((code) =>
      Array.from({ length: 250 / 2 }, (_, i) => aClick({ code, visitorKey: `v${i}` })),
    );
    const firstHalf = clicks.filter((_, i) => i % 2 === 0);
    expect(await repos.clicks.recordMany(firstHalf)).toBe(firstHalf.length);
    expect(await repos.clicks.recordMany(clicks)).toBe(clicks.length - firstHalf.length);
    expect(await repos.clicks.recordMany(clicks)).toBe(0);
    for (const code of ['j1', 'j2', 'j3']) expect(await repos.clicks.countByCode(code)).toBe(125);
  });

  it('returns 0 and an empty list for a code without clicks', async () => {
    expect(await repos.clicks.recordMany([])).toBe(0);
    expect(await repos.clicks.countByCode('none')).toBe(0);
    expect(await repos.clicks.listByCode('none')).toEqual([]);
  });
});
