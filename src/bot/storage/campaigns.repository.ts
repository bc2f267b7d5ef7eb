/**
 * Campaigns (tenant partition) and their delivery records (one partition per campaign, row per
 * recipient). A delivery record is the exactly-once guard: a worker claims it with its ETag.
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { CAMPAIGN_STATES, DELIVERY_STATUSES, DISPATCH_KINDS, type Campaign, type Delivery } from '../../shared/domain/campaigns.js';
import { PERSONAS, SUPPORTED_LANGUAGES } from '../../shared/domain/types.js';
import type { ContentResponse } from '../../shared/domain/types.js';
import type { CampaignReferenceReader, CampaignRepository, CampaignResponseReader, DeliveryRepository } from '../services/campaigns.ports.js';
import { fromContentResponseEntity } from './content-responses.repository.js';
import { fromConversationReferenceEntity } from './conversation-references.repository.js';
import type { Versioned } from '../services/ports.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { guard, translateError } from './errors.js';
import { keys } from './keys.js';
import { chunkByPartition, listPartition, listRows, readRow, requireEtag } from './table-ops.js';
import { TenantCollection, tenantCodec } from './tenant-collection.js';

const iso = z.string().datetime();

/** Rows written before dispatch kinds existed carry `contentId` and no kind: they read as `share`. */
function withKind(row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return row;
  const { contentId, ...rest } = row as Record<string, unknown>;
  return { ...rest, kind: rest.kind ?? 'share', subjectId: rest.subjectId ?? contentId };
}

const campaignSchema: z.ZodType<Campaign, z.ZodTypeDef, unknown> = z.preprocess(withKind, z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  kind: z.enum(DISPATCH_KINDS),
  subjectId: z.string().min(1),
  audience: z.object({
    personas: z.array(z.enum(PERSONAS)),
    teams: z.array(z.string()),
    topicIds: z.array(z.string()),
    languages: z.array(z.enum(SUPPORTED_LANGUAGES)),
    employeeIds: z.array(z.string()),
  }),
  window: z.object({ start: iso, end: iso }),
  slotMinutes: z.number().int().positive(),
  state: z.enum(CAMPAIGN_STATES),
  createdBy: z.string(),
  createdAt: iso,
  launchedAt: iso.optional(),
  launchingAt: iso.optional(),
  seed: z.number().int(),
}));

const deliverySchema: z.ZodType<Delivery, z.ZodTypeDef, unknown> = z.preprocess(withKind, z.object({
  campaignId: z.string().min(1),
  tenantId: z.string().min(1),
  employeeId: z.string().min(1),
  kind: z.enum(DISPATCH_KINDS),
  subjectId: z.string().min(1),
  at: iso,
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().nonnegative(),
  reason: z.string().max(500).optional(),
  updatedAt: iso,
  sentAt: iso.optional(),
}));

/** CampaignRepository on Table Storage. */
export class TableCampaignRepository implements CampaignRepository {
  private readonly collection: TenantCollection<Campaign>;

  constructor(table: TableClient) {
    this.collection = new TenantCollection(table, tenantCodec({ keys: keys.campaign, schema: campaignSchema, label: 'campaign', plural: 'campaigns' }));
  }

  get(tenantId: string, id: string): Promise<Versioned<Campaign>> {
    return this.collection.get(tenantId, id);
  }

  list(tenantId: string): Promise<Campaign[]> {
    return this.collection.list(tenantId);
  }

  create(campaign: Campaign): Promise<Versioned<Campaign>> {
    return this.collection.create(campaign.tenantId, campaign);
  }

  update(campaign: Campaign, etag: string): Promise<Versioned<Campaign>> {
    return this.collection.update(campaign.tenantId, campaign, etag);
  }

  delete(tenantId: string, id: string, etag: string): Promise<void> {
    return this.collection.delete(tenantId, id, etag);
  }
}

const what = (d: Pick<Delivery, 'tenantId' | 'campaignId' | 'employeeId'>) => `delivery ${d.tenantId}/${d.campaignId}/${d.employeeId}`;

function toEntity(delivery: Delivery): Row {
  const valid = validateDomain(deliverySchema, delivery, what(delivery));
  return toRow(keys.delivery.pk(valid.tenantId, valid.campaignId), keys.delivery.rk(valid.employeeId), { ...valid }, what(valid));
}

const fromEntity = (row: Record<string, unknown>): Delivery => fromRow(deliverySchema, row, `delivery row ${String(row.partitionKey)}/${String(row.rowKey)}`);

/** DeliveryRepository on Table Storage. */
export class TableDeliveryRepository implements DeliveryRepository {
  constructor(private readonly table: TableClient) {}

  async createMany(deliveries: readonly Delivery[]): Promise<void> {
    const chunks = chunkByPartition(deliveries.map(toEntity));
    for (const chunk of chunks) {
      try {
        await this.table.submitTransaction(chunk.map((row) => ['create', row]));
      } catch (err) {
        if (translateError(err).statusCode !== 409) throw translateError(err, `create ${chunk.length} deliveries`);
        // Some already exist (a launch retried): create the rest one by one, keep what is there.
        for (const row of chunk) {
          try {
            await this.table.createEntity(row);
          } catch (one) {
            if (translateError(one).statusCode !== 409) throw translateError(one, 'create delivery');
          }
        }
      }
    }
  }

  async get(tenantId: string, campaignId: string, employeeId: string): Promise<Versioned<Delivery> | undefined> {
    const row = await readRow(this.table, keys.delivery.pk(tenantId, campaignId), keys.delivery.rk(employeeId), what({ tenantId, campaignId, employeeId }));
    return row && { value: fromEntity(row), etag: String(row.etag) };
  }

  async update(delivery: Delivery, etag: string): Promise<Versioned<Delivery>> {
    const row = toEntity(delivery);
    const res = await guard(what(delivery), () => this.table.updateEntity(row, 'Replace', { etag: requireEtag(etag) }));
    return { value: delivery, etag: res.etag ?? '' };
  }

  async getMany(tenantId: string, campaignId: string, employeeIds: readonly string[]): Promise<Map<string, Versioned<Delivery>>> {
    const pk = keys.delivery.pk(tenantId, campaignId);
    const rows = await readRowsOf(this.table, pk, employeeIds.map((id) => keys.delivery.rk(id)), `deliveries of ${tenantId}/${campaignId}`);
    return new Map(rows.map((row) => { const value = fromEntity(row); return [value.employeeId, { value, etag: String(row.etag) }]; }));
  }

  async updateMany(items: readonly { delivery: Delivery; etag: string }[]): Promise<Versioned<Delivery>[]> {
    if (items.length === 0) return [];
    const rows = items.map((item) => toEntity(item.delivery));
    if (rows.some((row) => row.partitionKey !== rows[0]!.partitionKey) || rows.length > 100) throw new Error('updateMany: one campaign, at most 100 records');
    const actions: TransactionAction[] = rows.map((row, i) => ['update', row, 'Replace', { etag: requireEtag(items[i]!.etag) }]);
    const res = await guard(`${items.length} deliveries of ${items[0]!.delivery.campaignId}`, () => this.table.submitTransaction(actions));
    return items.map((item, i) => ({ value: item.delivery, etag: res.subResponses[i]?.etag ?? '' }));
  }

  async listByCampaign(tenantId: string, campaignId: string): Promise<Delivery[]> {
    const rows = await listPartition(this.table, keys.delivery.pk(tenantId, campaignId), `deliveries of ${tenantId}/${campaignId}`);
    return rows.map(fromEntity);
  }
}

/**
 * People's answers to one content item across a tenant, for a campaign's live counts: one query
 * over the tenant's range of response partitions (one per person) filtered to the item's row key,
 * instead of one read per recipient.
 */
export class TableCampaignResponseReader implements CampaignResponseReader {
  constructor(private readonly table: TableClient) {}

  async responsesTo(tenantId: string, contentId: string): Promise<ContentResponse[]> {
    const probe = keys.contentResponse.pk(tenantId, 'x');
    const low = probe.slice(0, -1);
    const high = `${low.slice(0, -1)}${String.fromCharCode(low.charCodeAt(low.length - 1) + 1)}`;
    const rk = keys.contentResponse.rk(contentId);
    const rows = await listRows(this.table, `responses to ${tenantId}/${contentId}`, { filter: odata`PartitionKey ge ${low} and PartitionKey lt ${high} and RowKey eq ${rk}` });
    return rows.map(fromContentResponseEntity);
  }
}

/**
 * Rows of one partition with these row keys: point reads in parallel. (A filter of OR-ed row keys
 * would be one request per 14 keys, but the emulator answers it by scanning the whole table, which
 * at 10,000 rows costs far more than the point reads it saves.)
 */
async function readRowsOf(table: TableClient, pk: string, rowKeys: readonly string[], what: string): Promise<Record<string, unknown>[]> {
  const rows = await Promise.all([...new Set(rowKeys)].map((rk) => readRow(table, pk, rk, what)));
  return rows.filter((row): row is Record<string, unknown> => row !== undefined);
}

/** People's conversation references read a few at a time (the worker's batch), from the references table. */
export class TableCampaignReferenceReader implements CampaignReferenceReader {
  constructor(private readonly table: TableClient) {}

  async findMany(tenantId: string, employeeIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await readRowsOf(this.table, keys.conversationReference.pk(tenantId), employeeIds.map((id) => keys.conversationReference.rk(id)), `conversation references of ${tenantId}`);
    return new Map(rows.map((row) => { const ref = fromConversationReferenceEntity(row); return [ref.employeeId, ref.reference]; }));
  }
}
