/** Campaign and delivery rows on Azurite: rows written before dispatch kinds existed read as `share`. */
import { TableClient } from '@azure/data-tables';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTableRepositories, type TableRepositories } from '../../../src/bot/storage/index.js';
import { keys, tableName } from '../../../src/bot/storage/keys.js';
import { uniqueTablePrefix } from '../../support/azurite.js';

const TENANT = 'legacy-tenant';
let repos: TableRepositories;
let prefix: string;
const raw = (table: 'campaigns' | 'deliveries') => TableClient.fromConnectionString(inject('azuriteConnectionString'), tableName(prefix, table), { allowInsecureConnection: true });

beforeAll(async () => {
  prefix = uniqueTablePrefix('camprepo');
  repos = await createTableRepositories({ connectionString: inject('azuriteConnectionString'), tablePrefix: prefix });
  await repos.ensure();
});

describe('campaign rows', () => {
  it('a campaign and a delivery stored with contentId and no kind read as share of that item', async () => {
    const at = '2026-12-03T10:00:00.000Z';
    await raw('campaigns').createEntity({
      partitionKey: keys.campaign.pk(TENANT), rowKey: keys.campaign.rk('old'), id: 'old', tenantId: TENANT, contentId: 'item-9',
      audienceJson: JSON.stringify({ personas: [], teams: [], topicIds: [], languages: [], employeeIds: [] }), windowJson: JSON.stringify({ start: at, end: '2026-12-04T10:00:00.000Z' }),
      slotMinutes: 30, state: 'running', createdBy: 'admin', createdAt: at, seed: 1,
    });
    await raw('deliveries').createEntity({ partitionKey: keys.delivery.pk(TENANT, 'old'), rowKey: keys.delivery.rk('p0'), campaignId: 'old', tenantId: TENANT, employeeId: 'p0', contentId: 'item-9', at, status: 'sent', attempts: 1, updatedAt: at });
    expect((await repos.campaigns.campaigns.get(TENANT, 'old')).value).toMatchObject({ kind: 'share', subjectId: 'item-9' });
    const delivery = await repos.campaigns.deliveries.get(TENANT, 'old', 'p0');
    expect(delivery?.value).toMatchObject({ kind: 'share', subjectId: 'item-9', status: 'sent' });
    expect(delivery?.value).not.toHaveProperty('contentId');
  });

  it('new rows keep their kind and subject', async () => {
    const at = '2026-12-03T10:00:00.000Z';
    await repos.campaigns.deliveries.createMany([{ campaignId: 'tr', tenantId: TENANT, employeeId: 'p1', kind: 'training', subjectId: 'module-3', at, status: 'planned', attempts: 0, updatedAt: at }]);
    expect((await repos.campaigns.deliveries.get(TENANT, 'tr', 'p1'))?.value).toMatchObject({ kind: 'training', subjectId: 'module-3' });
  });
});
