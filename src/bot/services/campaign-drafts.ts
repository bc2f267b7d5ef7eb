/**
 * The draft side of campaigns (Admin > Campaigns): edit a draft (subject, audience, window, slot
 * length), delete (discard) a draft, duplicate any campaign into a new draft. The lifecycle rules
 * (`campaigns-lifecycle.ts`) decide what a state allows; a refusal is a `CampaignRefusedError`
 * (409 `campaignLocked` at the route). Writes go at the version (ETag) the admin saw, so a second
 * admin editing the same draft gets a ConflictError instead of overwriting the first.
 */
import type { Campaign } from '../../shared/domain/campaigns.js';
import { applyCampaignEdit, checkCampaignChange, duplicateWindow, type CampaignChange, type CampaignEdit, type CampaignRefusal } from '../../shared/domain/campaigns-lifecycle.js';
import type { CampaignRepository } from './campaigns.ports.js';
import { ConflictError, ValidationError } from './errors.js';
import type { Versioned } from './ports.js';

/** A change the campaign's state does not allow (the route answers 409 with the matching code). */
export class CampaignRefusedError extends ConflictError {
  constructor(readonly refusal: CampaignRefusal, campaign: Pick<Campaign, 'id' | 'state'>, change: CampaignChange) {
    super(`campaign ${campaign.id} is ${campaign.state}${refusal === 'launching' ? ' (launch begun)' : ''}: cannot ${change}`, 409, 'CampaignRefused');
    this.name = 'CampaignRefusedError';
  }
}

/** Throws `CampaignRefusedError` when the campaign's state does not allow `change`. */
export function assertCampaignChange(campaign: Campaign, change: CampaignChange): void {
  const refusal = checkCampaignChange(campaign, change);
  if (refusal) throw new CampaignRefusedError(refusal, campaign, change);
}

export interface CampaignDraftDeps {
  campaigns: CampaignRepository;
  now: () => Date;
  newId: () => string;
}

/** Edit, delete and duplicate; the campaign service offers them beside create and launch. */
export function createCampaignDraftOps(deps: CampaignDraftDeps) {
  return {
    /**
     * Replace a draft's subject, audience, window and slot length at `version`. Refused for a
     * launched, launching or finished campaign; ConflictError when it changed since `version`.
     */
    async edit(tenantId: string, id: string, version: string, edit: CampaignEdit): Promise<{ before: Campaign; after: Versioned<Campaign> }> {
      if (Date.parse(edit.window.end) <= Date.parse(edit.window.start)) throw new ValidationError('The delivery window must end after it starts.');
      const current = await deps.campaigns.get(tenantId, id);
      assertCampaignChange(current.value, 'edit');
      const after = await deps.campaigns.update(applyCampaignEdit(current.value, edit), version);
      return { before: current.value, after };
    },

    /** Delete a draft at `version` (it has no delivery records); launched campaigns are only cancelled. */
    async remove(tenantId: string, id: string, version: string): Promise<Campaign> {
      const current = await deps.campaigns.get(tenantId, id);
      assertCampaignChange(current.value, 'delete');
      await deps.campaigns.delete(tenantId, id, version);
      return current.value;
    },

    /** A new draft with the same subject, audience and slot length; a window that has begun moves to the next hour. */
    async duplicate(tenantId: string, id: string, createdBy: string): Promise<Campaign> {
      const source = (await deps.campaigns.get(tenantId, id)).value;
      assertCampaignChange(source, 'duplicate');
      const now = deps.now();
      const copy: Campaign = {
        id: deps.newId(),
        tenantId,
        kind: source.kind,
        subjectId: source.subjectId,
        audience: structuredClone(source.audience),
        window: duplicateWindow(source.window, now),
        slotMinutes: source.slotMinutes,
        state: 'draft',
        createdBy,
        createdAt: now.toISOString(),
        seed: Math.floor(now.getTime() % 2_147_483_647),
      };
      return (await deps.campaigns.create(copy)).value;
    },
  };
}
