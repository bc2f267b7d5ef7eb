/**
 * Ports of the campaign pipeline (issue 9): campaigns, their delivery records, the delivery
 * queue, the shared send budget and job leases. Implemented in `src/bot/storage`; the worker and
 * the campaign service take them as arguments.
 */
import type { Campaign, Delivery } from '../../shared/domain/campaigns.js';
import type { ContentResponse } from '../../shared/domain/types.js';
import type { Versioned } from './ports.js';

export interface CampaignRepository {
  get(tenantId: string, id: string): Promise<Versioned<Campaign>>;
  list(tenantId: string): Promise<Campaign[]>;
  create(campaign: Campaign): Promise<Versioned<Campaign>>;
  /** Replace only at `etag`; ConflictError otherwise. */
  update(campaign: Campaign, etag: string): Promise<Versioned<Campaign>>;
  /** Delete only at `etag` (a draft: launched campaigns are never deleted); ConflictError otherwise. */
  delete(tenantId: string, id: string, etag: string): Promise<void>;
}

export interface DeliveryRepository {
  /** Insert many planned records (batched per campaign partition); existing ones are left as they are. */
  createMany(deliveries: readonly Delivery[]): Promise<void>;
  get(tenantId: string, campaignId: string, employeeId: string): Promise<Versioned<Delivery> | undefined>;
  /** Several records of one campaign in a few queries; missing ones are absent from the map (key: employee id). */
  getMany(tenantId: string, campaignId: string, employeeIds: readonly string[]): Promise<Map<string, Versioned<Delivery>>>;
  /** Replace only at `etag`; ConflictError when another worker changed it first. */
  update(delivery: Delivery, etag: string): Promise<Versioned<Delivery>>;
  /**
   * Replace up to 100 records of ONE campaign, each only at its `etag`, in one transaction: all
   * or none (ConflictError when any changed; then update them one by one to find which).
   */
  updateMany(items: readonly { delivery: Delivery; etag: string }[]): Promise<Versioned<Delivery>[]>;
  listByCampaign(tenantId: string, campaignId: string): Promise<Delivery[]>;
}

/** One queued delivery: which record to send. */
export interface DeliveryMessage {
  tenantId: string;
  campaignId: string;
  employeeId: string;
  /** Planned instant (ISO). */
  at: string;
}

export interface ReceivedDelivery {
  message: DeliveryMessage;
  messageId: string;
  popReceipt: string;
  dequeueCount: number;
}

/** The delivery queue (Azure Storage Queue): a message becomes visible at its planned time. */
export interface DeliveryQueue {
  /** Enqueue, invisible for `delayMs` (capped at the queue's 7-day limit; see `enqueueAt`). */
  enqueue(message: DeliveryMessage, delayMs: number): Promise<void>;
  /** Up to `max` visible messages, hidden from others for `visibilityMs` while processed. */
  receive(max: number, visibilityMs: number): Promise<ReceivedDelivery[]>;
  delete(received: ReceivedDelivery): Promise<void>;
  /** Hide a received message again for `delayMs` (retry later); returns the new receipt holder. */
  postpone(received: ReceivedDelivery, delayMs: number): Promise<ReceivedDelivery>;
}

/** Slices of a tenant's per-second send budget, shared by every worker through storage. */
export interface SendBudgetStore {
  /**
   * Takes up to `wanted` sends from the budget of the window starting at `windowStartMs` (each
   * window allows `perWindow`); returns how many were granted (0 when the window is spent).
   */
  take(tenantId: string, windowStartMs: number, perWindow: number, wanted: number): Promise<number>;
}

/** Leases that make a periodic job run once across instances. */
export interface JobLeaseStore {
  /**
   * Claims `(job, period)` for `holder` until `untilMs`: true when free, expired, or already
   * held by `holder`; false when another holder has it or it was completed.
   */
  acquire(job: string, period: string, holder: string, nowMs: number, untilMs: number): Promise<boolean>;
  /** Marks `(job, period)` done: nobody acquires it again. */
  complete(job: string, period: string, holder: string): Promise<void>;
}

/** Everyone's latest answer (shared, skipped = "not for me", snoozed) to one content item. */
export interface CampaignResponseReader {
  responsesTo(tenantId: string, contentId: string): Promise<ContentResponse[]>;
}

/** Conversation references of several people at once (the worker reads its batch together). */
export interface CampaignReferenceReader {
  /** Reference JSON per employee id; people without one are absent. */
  findMany(tenantId: string, employeeIds: readonly string[]): Promise<Map<string, string>>;
}

/** Everything the campaign pipeline stores, built by `createTableRepositories`. */
export interface CampaignStores {
  campaigns: CampaignRepository;
  deliveries: DeliveryRepository;
  queue: DeliveryQueue;
  budget: SendBudgetStore;
  leases: JobLeaseStore;
  responses: CampaignResponseReader;
  references: CampaignReferenceReader;
}
