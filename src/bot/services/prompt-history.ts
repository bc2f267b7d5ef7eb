/**
 * What people already received, for planning a campaign (`PromptHistory`): share prompts from the
 * prompt index (one range scan over the tenant's index rows) and share deliveries of the other
 * launched campaigns whose window meets the range (one partition read per campaign).
 */
import type { Delivery } from '../../shared/domain/campaigns.js';
import type { IsoInstant } from '../../shared/domain/types.js';
import type { CampaignRepository, DeliveryRepository } from './campaigns.ports.js';
import type { PromptHistory } from './prompt-history.ports.js';
import type { PromptRepository } from './sharing.ports.js';

/** Deliveries that reach (or may have reached) the person: they count as prompts. */
const COUNTED: ReadonlySet<Delivery['status']> = new Set(['planned', 'sending', 'sent', 'unknown']);

/** The prompt history over the campaign and prompt repositories. */
export function createPromptHistory(deps: {
  campaigns: Pick<CampaignRepository, 'list'>;
  deliveries: Pick<DeliveryRepository, 'listByCampaign'>;
  prompts: Pick<PromptRepository, 'listCreatedBetween'>;
}): PromptHistory {
  return {
    async promptTimes(tenantId, range, exceptCampaignId) {
      const from = Date.parse(range.from);
      const to = Date.parse(range.to);
      const campaigns = (await deps.campaigns.list(tenantId)).filter((c) => c.id !== exceptCampaignId && c.kind === 'share'
        && c.state !== 'draft' && Date.parse(c.window.start) < to && Date.parse(c.window.end) > from);
      const [prompts, ...deliveries] = await Promise.all([
        deps.prompts.listCreatedBetween(tenantId, range.from, range.to),
        ...campaigns.map((c) => deps.deliveries.listByCampaign(tenantId, c.id)),
      ]);
      const times = new Map<string, IsoInstant[]>();
      const add = (employeeId: string, at: IsoInstant) => {
        const list = times.get(employeeId);
        if (list) list.push(at);
        else times.set(employeeId, [at]);
      };
      /** (campaign, person) pairs already counted from a delivery record. */
      const counted = new Set<string>();
      for (const list of deliveries) {
        for (const d of list) {
          const at = Date.parse(d.at);
          if (d.kind !== 'share' || !COUNTED.has(d.status) || at < from || at >= to) continue;
          counted.add(`${d.campaignId}\n${d.employeeId}`);
          add(d.employeeId, d.sentAt ?? d.at);
        }
      }
      for (const p of prompts) {
        if (p.campaignId !== undefined && (p.campaignId === exceptCampaignId || counted.has(`${p.campaignId}\n${p.employeeId}`))) continue;
        add(p.employeeId, p.createdAt);
      }
      return times;
    },
  };
}
