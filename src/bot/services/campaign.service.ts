/**
 * Campaign use cases (issue 9): create, preview the stagger plan, launch (one delivery record and
 * one queue message per recipient, visible at its planned time), pause, resume, cancel, and live
 * counts. The planner (`stagger-planner.ts`) decides the times; the delivery worker sends.
 */
import { countDeliveries, countEngagement, selectAudience, type Campaign, type CampaignAudience, type Delivery, type DeliveryCounts, type DispatchKind, type EngagementCounts } from '../../shared/domain/campaigns.js';
import { planStaggeredDelivery, type StaggerPlan } from '../../shared/domain/stagger-planner.js';
import type { Employee } from '../../shared/domain/types.js';
import { createCampaignDraftOps } from './campaign-drafts.js';
import type { CampaignStores } from './campaigns.ports.js';
import { ConflictError, ValidationError } from './errors.js';
import type { EmployeeRepository, ShareRepository, TopicRepository, Versioned } from './ports.js';
import type { PromptHistory } from './prompt-history.ports.js';

export interface CampaignServiceDeps {
  stores: CampaignStores;
  employees: Pick<EmployeeRepository, 'listByTenant'>;
  now: () => Date;
  newId: () => string;
  /** Where the live counts of share campaigns read shares and unique clicks (without it they are 0). */
  engagement?: {
    shares: Pick<ShareRepository, 'listByContent'>;
    /** Unique clicks per tracked-link code (the live-counts service: cached, bounded reads). */
    clicksForShares(linkCodes: readonly string[]): Promise<Record<string, number>>;
  };
  /** Prompts people already received or have planned (weekly cap, taken slots); without it, none. */
  history?: PromptHistory;
  /** Topic names for the audience picker (without it, topics are named by id). */
  topics?: Pick<TopicRepository, 'list'>;
  /** The programme's quiet hours (Admin > Settings, local hours): no prompt is planned inside them. */
  quietHours?: (tenantId: string) => Promise<{ start: number; end: number } | undefined>;
}

/** What an audience can be built from (the admin's picker): teams, topics, people and who is left out. */
export interface AudienceOptionsResult {
  teams: string[];
  topics: { id: string; name: Record<string, string> }[];
  people: { id: string; name: string; team: string; language: Employee['language']; persona: Employee['persona']; topicIds: string[]; excluded?: 'opted-out' | 'paused' }[];
}

/** Live counts: recipients per delivery status, and what they did with a share prompt. */
export type CampaignCounts = DeliveryCounts & EngagementCounts;

/**
 * A campaign to create: a subject of a kind (`contentId` alone means a `share` of that item)
 * for an audience over a window, planned in slots of `slotMinutes`.
 */
export type CampaignDraft = ({ kind?: 'share'; contentId: string; subjectId?: undefined } | { kind: DispatchKind; subjectId: string; contentId?: undefined }) & {
  audience: CampaignAudience;
  window: { start: string; end: string };
  slotMinutes: number;
};

/** One delivery to one recipient at a set time (no planning): a re-offer, a channel post, a digest. */
export interface SingleDispatch {
  /** Stable id, so a retried call schedules nothing twice (e.g. `reoffer-<promptCode>`). */
  id: string;
  tenantId: string;
  kind: DispatchKind;
  subjectId: string;
  /** Employee id, or `channel:<id>`. */
  recipientId: string;
  /** When it becomes due (ISO instant). */
  at: string;
  createdBy: string;
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

/** Earlier prompts are read this far around the window: far enough for any zone's local week. */
const HISTORY_MARGIN_MS = 8 * 86_400_000;

function planFor(campaign: Campaign, people: readonly Employee[], promptedAt: ReadonlyMap<string, string[]>, quietHours?: { start: number; end: number }): StaggerPlan {
  return planStaggeredDelivery({
    audience: people.map((e) => ({
      id: e.id,
      timeZone: e.timeZone,
      workingDays: e.workingDays,
      allowedHours: e.workingHours,
      ...(quietHours ? { quietHours } : {}),
      weeklyPromptCap: e.weeklyPromptCap,
      ...(promptedAt.has(e.id) ? { promptedAt: promptedAt.get(e.id) } : {}),
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
    const range = {
      from: new Date(Date.parse(campaign.window.start) - HISTORY_MARGIN_MS).toISOString(),
      to: new Date(Date.parse(campaign.window.end) + HISTORY_MARGIN_MS).toISOString(),
    };
    const [roster, promptedAt, quietHours] = await Promise.all([
      deps.employees.listByTenant(campaign.tenantId),
      campaign.kind === 'share' && deps.history ? deps.history.promptTimes(campaign.tenantId, range, campaign.id) : new Map<string, string[]>(),
      campaign.kind === 'share' && deps.quietHours ? deps.quietHours(campaign.tenantId) : undefined,
    ]);
    const selection = selectAudience(roster, campaign.audience);
    return { plan: planFor(campaign, selection.included, promptedAt, quietHours), people: selection.included, excluded: selection.excluded };
  }

  /** The campaign, refused with a ConflictError when `version` is given and is not the stored one. */
  async function read(tenantId: string, id: string, version?: string): Promise<Versioned<Campaign>> {
    const current = await stores.campaigns.get(tenantId, id);
    if (version !== undefined && version !== current.etag) throw new ConflictError(`campaign ${id}: changed since version ${version}`, 412);
    return current;
  }

  async function transition(tenantId: string, id: string, from: Campaign['state'][], to: Campaign['state'], version?: string): Promise<Campaign> {
    const current = await read(tenantId, id, version);
    if (!from.includes(current.value.state)) throw new ConflictError(`campaign ${id} is ${current.value.state}, cannot become ${to}`, 409);
    return (await stores.campaigns.update({ ...current.value, state: to }, current.etag)).value;
  }

  return {
    ...createCampaignDraftOps({ campaigns: stores.campaigns, now: deps.now, newId: deps.newId }),

    async create(tenantId: string, createdBy: string, draft: CampaignDraft): Promise<Campaign> {
      if (Date.parse(draft.window.end) <= Date.parse(draft.window.start)) throw new ValidationError('The delivery window must end after it starts.');
      const { audience, window, slotMinutes } = draft;
      const kind = draft.kind ?? 'share';
      const subjectId = draft.subjectId ?? draft.contentId;
      if (!subjectId) throw new ValidationError('A campaign needs a subject (contentId or subjectId).');
      const campaign: Campaign = { id: deps.newId(), tenantId, kind, subjectId, audience, window, slotMinutes, state: 'draft', createdBy, createdAt: deps.now().toISOString(), seed: Math.floor(deps.now().getTime() % 2_147_483_647) };
      return (await stores.campaigns.create(campaign)).value;
    },

    /**
     * Schedule one delivery to one recipient at `at` without planning (the caller chose the time,
     * e.g. the person's next allowed slot). Idempotent on `id`: a second call returns the first.
     */
    async dispatchOne(input: SingleDispatch): Promise<Campaign> {
      const nowIso = deps.now().toISOString();
      const at = new Date(Math.max(Date.parse(input.at), deps.now().getTime())).toISOString();
      let campaign: Campaign = {
        id: input.id,
        tenantId: input.tenantId,
        kind: input.kind,
        subjectId: input.subjectId,
        audience: { personas: [], teams: [], topicIds: [], languages: [], employeeIds: [input.recipientId] },
        window: { start: at, end: new Date(Date.parse(at) + 60_000).toISOString() },
        slotMinutes: 5,
        state: 'running',
        createdBy: input.createdBy,
        createdAt: nowIso,
        launchedAt: nowIso,
        seed: 0,
      };
      try {
        await stores.campaigns.create(campaign);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        campaign = (await stores.campaigns.get(input.tenantId, input.id)).value;
      }
      // The campaign exists before its message, so a worker never finds a message without it. A
      // retried call (or one after a crash here) makes sure the record and a message exist; a
      // second message for a record is harmless (the claim sends once).
      await stores.deliveries.createMany([{ campaignId: input.id, tenantId: input.tenantId, employeeId: input.recipientId, kind: campaign.kind, subjectId: campaign.subjectId, at: campaign.window.start, status: 'planned', attempts: 0, updatedAt: nowIso }]);
      const record = await stores.deliveries.get(input.tenantId, input.id, input.recipientId);
      if (record?.value.status === 'planned' && record.value.attempts === 0) {
        await stores.queue.enqueue({ tenantId: input.tenantId, campaignId: input.id, employeeId: input.recipientId, at: record.value.at }, Date.parse(record.value.at) - deps.now().getTime());
      }
      return campaign;
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

    /**
     * Plans, stores one `planned` record per recipient, then enqueues each visible at its time. Safe
     * to retry. The draft is first marked `launchingAt` at its ETag, so an edit or delete racing the
     * launch either lands before (the launch is refused with a ConflictError, nothing planned) or
     * finds the draft locked. With `version`, a draft changed since the admin's preview is refused.
     */
    async launch(tenantId: string, id: string, version?: string): Promise<{ planned: number }> {
      const read0 = await read(tenantId, id, version);
      if (read0.value.state !== 'draft') throw new ConflictError(`campaign ${id} is ${read0.value.state}, only a draft can be launched`, 409);
      const nowIso = deps.now().toISOString();
      const current = await stores.campaigns.update({ ...read0.value, launchingAt: read0.value.launchingAt ?? nowIso }, read0.etag);
      const { plan: p } = await plan(current.value);
      const { kind, subjectId } = current.value;
      const deliveries: Delivery[] = p.deliveries.map((d) => ({ campaignId: id, tenantId, employeeId: d.id, kind, subjectId, at: d.at, status: 'planned', attempts: 0, updatedAt: nowIso }));
      await stores.deliveries.createMany(deliveries);
      const nowMs = deps.now().getTime();
      for (let i = 0; i < deliveries.length; i += ENQUEUE_CONCURRENCY) {
        await Promise.all(deliveries.slice(i, i + ENQUEUE_CONCURRENCY).map((d) => stores.queue.enqueue({ tenantId, campaignId: id, employeeId: d.employeeId, at: d.at }, Date.parse(d.at) - nowMs)));
      }
      await stores.campaigns.update({ ...current.value, state: 'running', launchedAt: nowIso }, current.etag);
      return { planned: deliveries.length };
    },

    pause: (tenantId: string, id: string, version?: string) => transition(tenantId, id, ['running'], 'paused', version),
    resume: (tenantId: string, id: string, version?: string) => transition(tenantId, id, ['paused'], 'running', version),
    cancel: (tenantId: string, id: string, version?: string) => transition(tenantId, id, ['draft', 'running', 'paused'], 'cancelled', version),

    /** State, version (ETag, for an edit) and live counts (one read of the records; for share campaigns, the item's shares, their clicks and answers). */
    async status(tenantId: string, id: string): Promise<{ campaign: Campaign; version: string; counts: CampaignCounts }> {
      const stored = await stores.campaigns.get(tenantId, id);
      const campaign = stored.value;
      const records = await stores.deliveries.listByCampaign(tenantId, id);
      let engagement: EngagementCounts = { shared: 0, clicked: 0, notForMe: 0, clicks: 0 };
      if (campaign.kind === 'share' && campaign.state !== 'draft') {
        const [shares, responses] = await Promise.all([deps.engagement?.shares.listByContent(tenantId, campaign.subjectId) ?? [], stores.responses.responsesTo(tenantId, campaign.subjectId)]);
        const ours = shares.filter((s) => s.campaignId === id);
        const clicks = ours.length > 0 && deps.engagement ? await deps.engagement.clicksForShares(ours.map((s) => s.linkCode)) : {};
        engagement = countEngagement(id, records.filter((r) => r.status === 'sent' || r.status === 'unknown'), ours, responses, clicks);
      }
      return { campaign, version: stored.etag, counts: { ...countDeliveries(records), ...engagement } };
    },

    /**
     * Campaigns of one kind, newest first (at most `limit`, `more` counts the rest), each with its
     * delivery counts (one read of the records per launched campaign; drafts have none).
     */
    async list(tenantId: string, kind: DispatchKind, limit: number): Promise<{ items: { campaign: Campaign; counts: DeliveryCounts }[]; more: number }> {
      const all = (await stores.campaigns.list(tenantId)).filter((c) => c.kind === kind).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
      const page = all.slice(0, limit);
      const items = await Promise.all(page.map(async (campaign) => ({ campaign, counts: countDeliveries(campaign.state === 'draft' ? [] : await stores.deliveries.listByCampaign(tenantId, campaign.id)) })));
      return { items, more: all.length - page.length };
    },

    /** The audience picker's options: teams and topics in use, everyone with why they would be left out. */
    async audienceOptions(tenantId: string): Promise<AudienceOptionsResult> {
      const [roster, topics] = await Promise.all([deps.employees.listByTenant(tenantId), deps.topics?.list(tenantId) ?? []]);
      const teams = [...new Set(roster.map((e) => e.team).filter((t) => t !== ''))].sort((a, b) => a.localeCompare(b));
      const named = new Map(topics.map((t) => [t.id, t.name as Record<string, string>]));
      const used = new Set(roster.flatMap((e) => e.topics.map((t) => t.topicId)));
      for (const id of named.keys()) used.add(id);
      const people = roster
        .map((e) => {
          const excluded = e.weeklyPromptCap <= 0 ? ('opted-out' as const) : e.promptsPaused ? ('paused' as const) : undefined;
          return { id: e.id, name: e.displayName, team: e.team, language: e.language, persona: e.persona, topicIds: e.topics.map((t) => t.topicId), ...(excluded ? { excluded } : {}) };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      return { teams, topics: [...used].sort().map((id) => ({ id, name: named.get(id) ?? { en: id } })), people };
    },

    /** One recipient's delivery record (status, reason, sentAt), or undefined when none was planned. */
    async delivery(tenantId: string, campaignId: string, recipientId: string): Promise<Delivery | undefined> {
      return (await stores.deliveries.get(tenantId, campaignId, recipientId))?.value;
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
