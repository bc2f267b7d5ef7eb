/**
 * Campaign use cases (issue 9): create, preview the stagger plan, launch (one delivery record and
 * one queue message per recipient, visible at its planned time), pause, resume, cancel, and live
 * counts. The planner (`stagger-planner.ts`) decides the times; the delivery worker sends.
 */
import { countDeliveries, selectAudience, type Campaign, type CampaignAudience, type Delivery, type DeliveryCounts } from '../../shared/domain/campaigns.js';
import { planStaggeredDelivery, type StaggerPlan } from '../../shared/domain/stagger-planner.js';
import type { Employee } from '../../shared/domain/types.js';
import type { CampaignStores } from './campaigns.ports.js';
import { ConflictError, ValidationError } from './errors.js';
import type { EmployeeRepository } from './ports.js';

export interface CampaignServiceDeps {
  stores: CampaignStores;
  employees: Pick<EmployeeRepository, 'listByTenant'>;
  now: () => Date;
  newId: () => string;
}

export interface CampaignDraft {
  contentId: string;
  audience: CampaignAudience;
  window: { start: string; end: string };
  slotMinutes: number;
}

/** What an admin sees before launching. */
export interface CampaignPreview {
  recipients: number;
  perDay: Record<string, number>;
  perHour: Record<string, number>;
  perTimeZone: Record<string, number>;
  notPlaced: { employeeId: string; reason: string }[];
  maxPerSlot: number;
  bottleneck: StaggerPlan['stats']['bottleneck'];
}

function planFor(campaign: Campaign, people: readonly Employee[]): StaggerPlan {
  return planStaggeredDelivery({
    audience: people.map((e) => ({
      id: e.id,
      timeZone: e.timeZone,
      workingDays: e.workingDays,
      allowedHours: e.workingHours,
      weeklyPromptCap: e.weeklyPromptCap,
      paused: e.promptsPaused,
    })),
    window: campaign.window,
    slotMinutes: campaign.slotMinutes,
    bestTimeHours: {},
    network: 'linkedin',
    seed: campaign.seed,
  });
}

const ENQUEUE_CONCURRENCY = 32;

/** The campaign service. */
export function createCampaignService(deps: CampaignServiceDeps) {
  const { stores } = deps;

  async function plan(campaign: Campaign): Promise<{ plan: StaggerPlan; people: Employee[]; excluded: { employeeId: string; reason: string }[] }> {
    const roster = await deps.employees.listByTenant(campaign.tenantId);
    const selection = selectAudience(roster, campaign.audience);
    return { plan: planFor(campaign, selection.included), people: selection.included, excluded: selection.excluded };
  }

  async function transition(tenantId: string, id: string, from: Campaign['state'][], to: Campaign['state']): Promise<Campaign> {
    const current = await stores.campaigns.get(tenantId, id);
    if (!from.includes(current.value.state)) throw new ConflictError(`campaign ${id} is ${current.value.state}, cannot become ${to}`, 409);
    return (await stores.campaigns.update({ ...current.value, state: to }, current.etag)).value;
  }

  return {
    async create(tenantId: string, createdBy: string, draft: CampaignDraft): Promise<Campaign> {
      if (Date.parse(draft.window.end) <= Date.parse(draft.window.start)) throw new ValidationError('The delivery window must end after it starts.');
      const campaign: Campaign = { id: deps.newId(), tenantId, ...draft, state: 'draft', createdBy, createdAt: deps.now().toISOString(), seed: Math.floor(deps.now().getTime() % 2_147_483_647) };
      return (await stores.campaigns.create(campaign)).value;
    },

    async preview(tenantId: string, id: string): Promise<CampaignPreview> {
      const campaign = (await stores.campaigns.get(tenantId, id)).value;
      const { plan: p, people, excluded } = await plan(campaign);
      const zoneOf = new Map(people.map((e) => [e.id, e.timeZone]));
      const preview: CampaignPreview = { recipients: p.deliveries.length, perDay: {}, perHour: {}, perTimeZone: {}, notPlaced: [...excluded, ...p.unplaced.map((u) => ({ employeeId: u.id, reason: u.reason }))], maxPerSlot: p.stats.maxLoad, bottleneck: p.stats.bottleneck };
      for (const d of p.deliveries) {
        const day = d.at.slice(0, 10);
        const hour = `${d.at.slice(0, 13)}:00Z`;
        const zone = zoneOf.get(d.id) ?? 'UTC';
        preview.perDay[day] = (preview.perDay[day] ?? 0) + 1;
        preview.perHour[hour] = (preview.perHour[hour] ?? 0) + 1;
        preview.perTimeZone[zone] = (preview.perTimeZone[zone] ?? 0) + 1;
      }
      return preview;
    },

    /** Plans, stores one `planned` record per recipient, then enqueues each visible at its time. Safe to retry. */
    async launch(tenantId: string, id: string): Promise<{ planned: number }> {
      const current = await stores.campaigns.get(tenantId, id);
      if (current.value.state !== 'draft') throw new ConflictError(`campaign ${id} is ${current.value.state}, only a draft can be launched`, 409);
      const { plan: p } = await plan(current.value);
      const nowIso = deps.now().toISOString();
      const deliveries: Delivery[] = p.deliveries.map((d) => ({ campaignId: id, tenantId, employeeId: d.id, contentId: current.value.contentId, at: d.at, status: 'planned', attempts: 0, updatedAt: nowIso }));
      await stores.deliveries.createMany(deliveries);
      const nowMs = deps.now().getTime();
      for (let i = 0; i < deliveries.length; i += ENQUEUE_CONCURRENCY) {
        await Promise.all(deliveries.slice(i, i + ENQUEUE_CONCURRENCY).map((d) => stores.queue.enqueue({ tenantId, campaignId: id, employeeId: d.employeeId, at: d.at }, Date.parse(d.at) - nowMs)));
      }
      await stores.campaigns.update({ ...current.value, state: 'running', launchedAt: nowIso }, current.etag);
      return { planned: deliveries.length };
    },

    pause: (tenantId: string, id: string) => transition(tenantId, id, ['running'], 'paused'),
    resume: (tenantId: string, id: string) => transition(tenantId, id, ['paused'], 'running'),
    cancel: (tenantId: string, id: string) => transition(tenantId, id, ['draft', 'running', 'paused'], 'cancelled'),

    async status(tenantId: string, id: string): Promise<{ campaign: Campaign; counts: DeliveryCounts }> {
      const campaign = (await stores.campaigns.get(tenantId, id)).value;
      return { campaign, counts: countDeliveries(await stores.deliveries.listByCampaign(tenantId, id)) };
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
