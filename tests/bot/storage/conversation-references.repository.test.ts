import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/bot/storage/errors.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import type { StoredConversationReference } from '../../../src/bot/services/ports.js';
import { createTestRepositories } from '../../support/azurite.js';

let repos: TableRepositories;
beforeAll(async () => {
  repos = await createTestRepositories('conv');
});

const aReference = (employeeId: string, overrides: Partial<StoredConversationReference> = {}): StoredConversationReference => ({
  tenantId: 'tenant-1',
  employeeId,
  reference: JSON.stringify({
    bot: { id: '28:bot', name: 'Advocacy Hub' },
    conversation: { id: `a:1${employeeId}`, tenantId: 'tenant-1', conversationType: 'personal' },
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
  }),
  updatedAt: '2026-04-01T10:00:00.000Z',
  ...overrides,
});

describe('TableConversationReferenceRepository', () => {
  it('round-trips a reference and returns undefined for a missing one', async () => {
    const ref = aReference('29:1abc/def#x?y');
    await repos.conversationReferences.upsert(ref);
    await expect(repos.conversationReferences.find('tenant-1', ref.employeeId)).resolves.toEqual(ref);
    await expect(repos.conversationReferences.find('tenant-1', 'nobody')).resolves.toBeUndefined();
  });

  it('replaces on upsert (Teams refreshes references) and lists a tenant', async () => {
    await repos.conversationReferences.upsert(aReference('e1', { tenantId: 'list-tenant' }));
    await repos.conversationReferences.upsert(aReference('e2', { tenantId: 'list-tenant' }));
    await repos.conversationReferences.upsert(aReference('e1', { tenantId: 'list-tenant', updatedAt: '2026-05-01T00:00:00.000Z' }));
    const listed = await repos.conversationReferences.listByTenant('list-tenant');
    expect(listed.map((r) => r.employeeId).sort()).toEqual(['e1', 'e2']);
    expect(listed.find((r) => r.employeeId === 'e1')?.updatedAt).toBe('2026-05-01T00:00:00.000Z');
  });

  it('rejects an empty tenant id with ValidationError', async () => {
    await expect(repos.conversationReferences.upsert(aReference('e1', { tenantId: '' }))).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.conversationReferences.find('', 'e1')).rejects.toBeInstanceOf(ValidationError);
  });
});
