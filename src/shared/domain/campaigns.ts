/**
 * Campaigns (issue 9): one content item offered to an audience over a delivery window, one prompt
 * per person, never as a single blast (seed 002, GaggleAMP). Pure rules: who is in the audience
 * and why someone is left out, the delivery statuses and their counts, and the retry schedule.
 */
import type { ContentResponse, Employee, Language, Persona, Share } from './types.js';

/** Who a campaign is for; empty lists do not narrow. `employeeIds` adds people whatever the filters. */
export interface CampaignAudience {
  personas: Persona[];
  teams: string[];
  topicIds: string[];
  languages: Language[];
  employeeIds: string[];
}

export const CAMPAIGN_STATES = ['draft', 'running', 'paused', 'cancelled', 'completed'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/**
 * What a dispatch carries; each kind has its message builder in the worker. `share`: a share
 * prompt for a content item (the subject is the content id); `training`: a training nudge (module
 * id); `reoffer`: a snoozed share prompt coming back (prompt code); `weekly-update`: the weekly
 * contest update to a channel (contest id); `pilot-digest`: the executive pilot digest (pilot id).
 * Records stored before kinds existed read as `share`.
 */
export const DISPATCH_KINDS = ['share', 'training', 'reoffer', 'weekly-update', 'pilot-digest'] as const;
export type DispatchKind = (typeof DISPATCH_KINDS)[number];

/** A campaign (or dispatch): one subject of one kind offered to an audience over a delivery window. */
export interface Campaign {
  id: string;
  tenantId: string;
  kind: DispatchKind;
  /** Content id for `share`, module id for `training`, prompt code for `reoffer`, ... */
  subjectId: string;
  audience: CampaignAudience;
  window: { start: string; end: string };
  slotMinutes: number;
  state: CampaignState;
  createdBy: string;
  createdAt: string;
  launchedAt?: string;
  /**
   * Set when a launch begins, before any delivery record exists: a draft carrying it is being (or
   * was half) launched, so it is no longer edited or deleted (`campaigns-lifecycle.ts`).
   */
  launchingAt?: string;
  seed: number;
}

/**
 * A delivery's life: `planned` (queued) -> `sending` (claimed by a worker) -> `sent`; or
 * `unreachable` (403/404: app removed, person gone), `failed` (tries spent, with the reason),
 * `unknown` (found `sending` after a crash: it may have arrived, so it is never sent again
 * automatically), `cancelled` (campaign cancelled before it was sent).
 */
export const DELIVERY_STATUSES = ['planned', 'sending', 'sent', 'unreachable', 'failed', 'unknown', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Delivery {
  campaignId: string;
  tenantId: string;
  /** The recipient: an employee id, or `channel:<id>` for a channel post. */
  employeeId: string;
  kind: DispatchKind;
  subjectId: string;
  /** Planned send time (ISO instant). */
  at: string;
  status: DeliveryStatus;
  attempts: number;
  reason?: string;
  updatedAt: string;
  sentAt?: string;
}

export type ExclusionReason = 'opted-out' | 'paused' | 'unknown-person';

/** The audience resolved against the roster: who is targeted, who is left out and why. */
export interface AudienceSelection {
  included: Employee[];
  excluded: { employeeId: string; reason: ExclusionReason }[];
}

/** Whether someone matches every non-empty filter. */
function matches(employee: Employee, audience: CampaignAudience): boolean {
  if (audience.personas.length > 0 && !audience.personas.includes(employee.persona)) return false;
  if (audience.teams.length > 0 && !audience.teams.includes(employee.team)) return false;
  if (audience.languages.length > 0 && !audience.languages.includes(employee.language)) return false;
  if (audience.topicIds.length > 0 && !employee.topics.some((t) => audience.topicIds.includes(t.topicId))) return false;
  return true;
}

/**
 * Resolves an audience: filters select people (all filters must hold), explicit ids are added;
 * a person who opted out (weekly cap 0) or paused prompts (`stop`) is excluded with the reason;
 * an explicit id not in the roster is reported, not silently dropped. With no filter and no id,
 * the audience is everyone.
 */
export function selectAudience(roster: readonly Employee[], audience: CampaignAudience, optedOut: ReadonlySet<string> = new Set()): AudienceSelection {
  const noFilter = audience.personas.length + audience.teams.length + audience.topicIds.length + audience.languages.length === 0;
  const explicit = new Set(audience.employeeIds);
  const selection: AudienceSelection = { included: [], excluded: [] };
  const byId = new Set<string>();
  for (const employee of roster) {
    byId.add(employee.id);
    const chosen = explicit.has(employee.id) || (noFilter ? explicit.size === 0 : matches(employee, audience));
    if (!chosen) continue;
    if (optedOut.has(employee.id) || employee.weeklyPromptCap <= 0) selection.excluded.push({ employeeId: employee.id, reason: 'opted-out' });
    else if (employee.promptsPaused) selection.excluded.push({ employeeId: employee.id, reason: 'paused' });
    else selection.included.push(employee);
  }
  for (const id of explicit) if (!byId.has(id)) selection.excluded.push({ employeeId: id, reason: 'unknown-person' });
  return selection;
}

export type DeliveryCounts = Record<DeliveryStatus, number>;

/** Counts per status for the live view. */
export function countDeliveries(deliveries: readonly Pick<Delivery, 'status'>[]): DeliveryCounts {
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as DeliveryCounts;
  for (const d of deliveries) counts[d.status] += 1;
  return counts;
}

/** What recipients did with a share campaign's prompt: people who shared, whose shares were clicked, who said "not for me". */
export interface EngagementCounts {
  shared: number;
  clicked: number;
  notForMe: number;
  /** Unique clicks on the campaign's shares. */
  clicks: number;
}

/**
 * Engagement of one campaign's recipients, in people: `shared` = recipients with a share carrying
 * the campaign id; `clicked` = those with at least one unique click on such a share (`clicksByCode`
 * per tracked-link code); `notForMe` = recipients whose latest answer to the item is "skipped".
 */
export function countEngagement(
  campaignId: string,
  recipients: readonly Pick<Delivery, 'employeeId'>[],
  shares: readonly Pick<Share, 'employeeId' | 'campaignId' | 'linkCode'>[],
  responses: readonly Pick<ContentResponse, 'employeeId' | 'kind'>[],
  clicksByCode: Readonly<Record<string, number>>,
): EngagementCounts {
  const people = new Set(recipients.map((r) => r.employeeId));
  const shared = new Set<string>();
  const clicked = new Set<string>();
  let clicks = 0;
  for (const share of shares) {
    if (share.campaignId !== campaignId || !people.has(share.employeeId)) continue;
    shared.add(share.employeeId);
    const n = clicksByCode[share.linkCode] ?? 0;
    clicks += n;
    if (n > 0) clicked.add(share.employeeId);
  }
  const notForMe = new Set(responses.filter((r) => r.kind === 'skipped' && people.has(r.employeeId) && !shared.has(r.employeeId)).map((r) => r.employeeId));
  return { shared: shared.size, clicked: clicked.size, notForMe: notForMe.size, clicks };
}

/**
 * Delay before retry number `attempt` (1-based) of a failed send: `Retry-After` when the
 * connector gave one (429), else exponential backoff from `baseMs` capped at `maxMs`, with full
 * jitter (`random` in [0, 1)) so workers that failed together do not retry together.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: number, baseMs = 500, maxMs = 30_000): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return retryAfterMs;
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(cap / 2 + (random * cap) / 2);
}

/** What to do with a send that did not succeed. */
export function classifySendFailure(status: number): 'unreachable' | 'retry' | 'fail' {
  if (status === 403 || status === 404) return 'unreachable';
  if (status === 429 || status === 412 || status === 408 || status >= 500 || status === 0) return 'retry';
  return 'fail';
}
