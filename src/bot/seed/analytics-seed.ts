/**
 * Demo data for the Pilot and Analytics pages: a leadership pilot mid-way (maintenance phase,
 * goals, two checklist items ticked, leaders with persona journeys), campaigns on some of this
 * quarter's shares, and a previous quarter of shares, links and clicks so this quarter has
 * something to compare with; board sessions (Wednesday busiest, weekends growing), engagement
 * and attributed conversions in both quarters. Deterministic; built with the live rules (link
 * codes, UTM, visitor keys, once per visitor and day).
 */
import { createHmac } from 'node:crypto';
import { clickDay, countUniqueClicks, visitorKey } from '../../shared/domain/clicks.js';
import type { Conversion } from '../../shared/domain/conversions.js';
import { createSeededRandom } from '../../shared/domain/stagger-balance.js';
import { buildTrackedUrl } from '../../shared/domain/tracked-links.js';
import { createLinkCodes, type LinkCodes } from '../services/link-codes.js';
import type { Click, Employee, Network, PersonaHistoryEntry, Share, TrackedLink } from '../../shared/domain/types.js';
import type { AnalyticsEventRepository, PilotPlan, PilotRecordRepository, StoredAnalyticsEvent } from '../services/analytics.ports.js';
import type { Repositories } from '../services/ports.js';
import type { ConversionRepository } from '../services/scoring.ports.js';
import { mapLimit } from '../util/map-limit.js';
import type { DemoActivity } from './demo-activity.js';
import type { DemoProgramme } from './demo-programme.js';

/** The stores the analytics demo writes besides the core ones (absent in slimmer test set-ups). */
export interface AnalyticsSeedStores {
  conversions: ConversionRepository;
  analyticsEvents: AnalyticsEventRepository;
  pilotRecords: PilotRecordRepository;
}

export interface AnalyticsDemo {
  shares: Share[];
  links: TrackedLink[];
  clicks: Click[];
  conversions: Conversion[];
  events: StoredAnalyticsEvent[];
  plan: PilotPlan;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Relative board traffic per weekday (Sunday first): Wednesday busiest (seed 003). */
const WEEKDAY_WEIGHT = [0.2, 1.0, 1.1, 1.6, 1.1, 0.9, 0.25];
const NETWORK_MIX: Network[] = ['linkedin', 'linkedin', 'linkedin', 'x', 'x', 'facebook'];
const CAMPAIGNS_NOW = ['winter-launch', 'customer-stories'];
const CAMPAIGN_BEFORE = 'summer-hiring';
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/**
 * Builds the demo and adjusts `demo` and `activity` in place before they are written: the pilot
 * moves to maintenance, leaders get journeys, some of this quarter's shares get a campaign.
 */
export function buildAnalyticsDemo(demo: DemoProgramme, activity: DemoActivity, now: Date, linkCodes: Pick<LinkCodes, 'create'> = createLinkCodes()): AnalyticsDemo {
  const rand = createSeededRandom(1212);
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  const keyedHash = (data: string) => createHmac('sha256', 'advocacy-hub-demo').update(data).digest('base64url');
  const t = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();

  demo.pilot.phase = 'maintenance';
  demo.pilot.startedAt = iso(t - 45 * DAY);
  for (const leader of demo.employees.filter((e) => e.leader)) leader.personaHistory = journeyOf(leader, t, rand);

  const linkByCode = new Map(activity.links.map((l) => [l.code, l] as const));
  activity.shares.forEach((share, i) => {
    if (i % 3 !== 0) return;
    const campaignId = CAMPAIGNS_NOW[(i / 3) % CAMPAIGNS_NOW.length] as string;
    share.campaignId = campaignId;
    const link = linkByCode.get(share.linkCode);
    if (link) link.campaignId = campaignId;
  });

  const quarterStart = Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1);
  const previousStart = Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 3, 1);
  const out: AnalyticsDemo = { shares: [], links: [], clicks: [], conversions: [], events: [], plan: { goals: [], ticks: {} } };

  // The previous quarter: fewer sharers and shares than now, older content, one hiring campaign.
  const published = demo.content.filter((c) => c.status !== 'draft');
  const sharers = demo.employees.filter((e) => !e.promptsPaused && rand() < 0.5);
  for (const person of sharers) {
    const count = person.persona === 'influencer' ? 4 : person.persona === 'sharer' ? 3 : rand() < 0.7 ? 1 : 0;
    for (let i = 0; i < count && published.length > 0; i++) {
      const item = published[Math.floor(rand() * published.length)]!;
      const network = NETWORK_MIX[Math.floor(rand() * NETWORK_MIX.length)] as Network;
      const sharedAt = previousStart + rand() * (quarterStart - previousStart - 3 * DAY);
      const code = linkCodes.create(randomBytes);
      const campaignId = rand() < 0.3 ? CAMPAIGN_BEFORE : undefined;
      const share: Share = { id: `share-${code}`, employeeId: person.id, contentId: item.id, network, linkCode: code, text: item.title, sharedAt: iso(sharedAt), ...(campaignId ? { campaignId } : {}) };
      out.shares.push(share);
      out.links.push({ code, tenantId: person.tenantId, targetUrl: buildTrackedUrl(item.url, { network, campaign: campaignId ?? 'demo', code }), shareId: share.id, employeeId: person.id, contentId: item.id, network, createdAt: share.sharedAt, ...(campaignId ? { campaignId } : {}) });
      const audience = person.audit?.audience[network] ?? 50;
      const clicks = Math.floor(rand() * Math.min(40, 4 + audience / 100));
      for (let n = 0; n < clicks; n++) {
        const at = sharedAt + rand() * 72 * HOUR;
        out.clicks.push({ code, tenantId: person.tenantId, visitorKey: visitorKey(`203.0.113.${Math.floor(rand() * 250)}`, UA, keyedHash), day: clickDay(at), at: iso(at), employeeId: person.id, contentId: item.id, network });
      }
    }
  }
  out.clicks = countUniqueClicks(out.clicks).unique;

  // Conversions: leads and deals through the links of both quarters, more (and larger) now.
  const convert = (share: Share, link: TrackedLink | undefined, n: number, from: number, to: number) => {
    if (!link) return;
    const deal = n % 3 === 0;
    const occurredAt = Math.min(to - HOUR, Date.parse(share.sharedAt) + (1 + rand() * 10) * DAY);
    if (occurredAt < from) return;
    out.conversions.push({
      externalId: `demo-crm-${share.id}`,
      tenantId: link.tenantId,
      kind: deal ? 'deal' : 'lead',
      ...(deal ? { amountMinor: (2_000 + Math.floor(rand() * 18) * 1_000) * 100, currency: 'EUR' } : {}),
      linkCode: share.linkCode,
      shareId: share.id,
      employeeId: share.employeeId,
      contentId: share.contentId,
      ...(share.campaignId ? { campaignId: share.campaignId } : {}),
      network: share.network,
      occurredAt: iso(occurredAt),
      receivedAt: iso(occurredAt + HOUR),
    });
  };
  const outLinks = new Map(out.links.map((l) => [l.code, l] as const));
  out.shares.filter((_, i) => i % 12 === 5).forEach((s, n) => convert(s, outLinks.get(s.linkCode), n, previousStart, quarterStart));
  activity.shares.filter((_, i) => i % 7 === 3).forEach((s, n) => convert(s, linkByCode.get(s.linkCode), n + 1, quarterStart, t));

  // Board sessions: weekday-shaped; weekends grow this quarter (seed 003: Saturday +205%).
  const sessions = new Map<string, StoredAnalyticsEvent>();
  const addSessions = (from: number, to: number, perDay: number, weekendBoost: number) => {
    for (let day = from; day < to; day += DAY) {
      const weekday = new Date(day).getUTCDay();
      const weight = (WEEKDAY_WEIGHT[weekday] as number) * (weekday === 0 || weekday === 6 ? weekendBoost : 1);
      const count = Math.round(perDay * weight * (0.8 + rand() * 0.4));
      for (let i = 0; i < count; i++) {
        const person = demo.employees[Math.floor(rand() * demo.employees.length)]!;
        const at = Math.min(to - 1, day + (7 + rand() * 11) * HOUR);
        const id = `session|${person.id}|${Math.floor(at / (30 * 60_000))}`;
        sessions.set(id, { id, kind: 'session', employeeId: person.id, at: iso(at) });
      }
    }
  };
  addSessions(previousStart, quarterStart, 22, 1);
  addSessions(quarterStart, t, 30, 2.6);
  out.events.push(...sessions.values());

  // Engagement (reactions and comments synced per post), a few hours after each share.
  for (const share of [...out.shares, ...activity.shares]) {
    const count = Math.floor(rand() * 14);
    const at = Math.min(t - HOUR, Date.parse(share.sharedAt) + (2 + rand() * 20) * HOUR);
    if (count > 0) out.events.push({ id: `engagement|${share.id}`, kind: 'engagement', employeeId: share.employeeId, at: iso(at), contentId: share.contentId, network: share.network, count });
  }

  out.plan = {
    goals: ['Every leader shares twice a month', '50 clicks from the cohort before rollout', 'Two customer stories told by leaders'],
    ticks: {
      'legal-review': { checked: true, by: 'demo-admin', byName: 'Robin Adeyemi', at: iso(t - 20 * DAY) },
      'communications-plan': { checked: true, by: 'demo-exec', byName: 'Dana Whitfield', at: iso(t - 6 * DAY) },
    },
  };
  return out;
}

/** A leader's journey towards the persona they hold now (one to three steps over the pilot). */
function journeyOf(leader: Employee, t: number, rand: () => number): PersonaHistoryEntry[] {
  const at = (days: number) => new Date(t - Math.floor(days + rand() * 5) * DAY).toISOString();
  switch (leader.persona) {
    case 'influencer':
      return rand() < 0.5
        ? [{ persona: 'observer', since: at(120) }, { persona: 'networker', since: at(60) }, { persona: 'influencer', since: at(15) }]
        : [{ persona: 'networker', since: at(90) }, { persona: 'influencer', since: at(25) }];
    case 'networker':
      return [{ persona: 'observer', since: at(80) }, { persona: 'networker', since: at(30) }];
    case 'sharer':
      return [{ persona: 'observer', since: at(70) }, { persona: 'sharer', since: at(20) }];
    case 'observer':
      return [{ persona: 'observer', since: at(60) }];
  }
}

/** Write the demo (idempotent: deterministic keys, upserts, repeats ignored). */
export async function writeAnalyticsDemo(repos: Repositories & Partial<AnalyticsSeedStores>, tenantId: string, pilotId: string, demo: AnalyticsDemo): Promise<void> {
  await Promise.all([
    mapLimit(demo.links, 16, (link) => repos.trackedLinks.create(link).catch((err: Error) => {
      if (err.name !== 'ConflictError') throw err;
    })),
    mapLimit(demo.shares, 16, (share) => repos.shares.record(tenantId, share)),
    repos.clicks.recordMany(demo.clicks),
    repos.conversions ? mapLimit(demo.conversions, 8, (c) => repos.conversions!.record(c)) : undefined,
    repos.analyticsEvents?.upsertMany(tenantId, demo.events),
    repos.pilotRecords
      ? repos.pilotRecords.getPlan(tenantId, pilotId).then((existing) => (existing ? undefined : repos.pilotRecords!.putPlan(tenantId, pilotId, demo.plan)))
      : undefined,
  ]);
}
