/**
 * Demo activity for the running contest: shares through tracked links and the clicks they
 * brought, scored with the contest rules, so the leaderboard, "My impact" and analytics have
 * something to show on a fresh machine. Built with the same domain rules the live endpoints use
 * (link codes, UTM, visitor keys, once per visitor and day, contest scoring). Deterministic.
 */
import { createHmac } from 'node:crypto';
import { clickDay, countUniqueClicks, visitorKey } from '../../shared/domain/clicks.js';
import { scoreContest } from '../../shared/domain/contests.js';
import { isLive } from '../../shared/domain/targeting.js';
import { buildTrackedUrl } from '../../shared/domain/tracked-links.js';
import { createLinkCodes, type LinkCodes } from '../services/link-codes.js';
import { createSeededRandom } from '../../shared/domain/stagger-balance.js';
import type { Click, ContentItem, Employee, Network, Persona, Score, Share, TrackedLink } from '../../shared/domain/types.js';
import type { DemoProgramme } from './demo-programme.js';

export interface DemoActivity {
  shares: Share[];
  links: TrackedLink[];
  clicks: Click[];
  scores: Score[];
}

const HOUR = 3_600_000;
/** How many posts a person of each persona shares over the period (min, max). */
const SHARES_BY_PERSONA: Record<Persona, [number, number]> = {
  observer: [0, 1], sharer: [2, 6], networker: [1, 3], influencer: [3, 8],
};
const NETWORK_MIX: Network[] = ['linkedin', 'linkedin', 'linkedin', 'x', 'x', 'facebook'];
const READER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
];

/** Shares, links, clicks and scores between the contest start and `now`. */
export function buildDemoActivity(demo: DemoProgramme, now: Date, linkCodes: Pick<LinkCodes, 'create'> = createLinkCodes()): DemoActivity {
  const rand = createSeededRandom(42);
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  // Demo-only key: real visitor keys use the SECRET_ from config; raw addresses are never stored.
  const keyedHash = (data: string) => createHmac('sha256', 'advocacy-hub-demo').update(data).digest('base64url');
  const live = demo.content.filter((item) => isLive(item, now.toISOString()));
  const activity: DemoActivity = { shares: [], links: [], clicks: [], scores: [] };

  for (const person of demo.employees.filter((e) => !e.promptsPaused && rand() < 0.55)) {
    const [min, max] = SHARES_BY_PERSONA[person.persona];
    const count = min + Math.floor(rand() * (max - min + 1));
    const offered = live.filter((item) => item.language === person.language || item.language === 'en');
    for (let i = 0; i < count && offered.length > 0; i++) {
      const item = offered[Math.floor(rand() * offered.length)] as ContentItem;
      const network = NETWORK_MIX[Math.floor(rand() * NETWORK_MIX.length)] as Network;
      const from = Date.parse(item.publishAt ?? item.createdAt);
      const sharedAt = new Date(from + rand() * (now.getTime() - from - HOUR));
      addShare(activity, person, item, network, sharedAt, now, { rand, randomBytes, keyedHash, linkCodes });
    }
  }
  const unique = countUniqueClicks(activity.clicks).unique;
  activity.clicks = unique;
  activity.scores = scoreContest(
    demo.contest,
    unique.map((c) => ({ kind: 'unique-click' as const, employeeId: c.employeeId, at: c.at, id: `${c.code}|${c.visitorKey}|${c.day}` })),
  );
  return activity;
}

interface Tools {
  rand: () => number;
  randomBytes: (n: number) => Uint8Array;
  keyedHash: (data: string) => string;
  linkCodes: Pick<LinkCodes, 'create'>;
}

function addShare(activity: DemoActivity, person: Employee, item: ContentItem, network: Network, sharedAt: Date, now: Date, tools: Tools): void {
  const code = tools.linkCodes.create(tools.randomBytes);
  const share: Share = {
    id: `share-${code}`,
    employeeId: person.id,
    contentId: item.id,
    network,
    linkCode: code,
    text: item.suggestedTexts.find((s) => s.network === network)?.variants[0] ?? item.title,
    sharedAt: sharedAt.toISOString(),
  };
  activity.shares.push(share);
  activity.links.push({
    code,
    tenantId: person.tenantId,
    targetUrl: buildTrackedUrl(item.url, { network, campaign: 'demo', code }),
    shareId: share.id,
    employeeId: person.id,
    contentId: item.id,
    network,
    createdAt: share.sharedAt,
  });
  // Reach grows with the audience on that network; most posts get a handful of clicks.
  const audience = person.audit?.audience[network] ?? 50;
  const clicks = Math.floor(tools.rand() * Math.min(40, 2 + audience / 150));
  for (let n = 0; n < clicks; n++) {
    const at = new Date(sharedAt.getTime() + tools.rand() * Math.min(72 * HOUR, now.getTime() - sharedAt.getTime()));
    const ua = READER_AGENTS[n % READER_AGENTS.length] as string;
    activity.clicks.push({
      code,
      tenantId: person.tenantId,
      visitorKey: visitorKey(`198.51.100.${Math.floor(tools.rand() * 250)}`, ua, tools.keyedHash),
      day: clickDay(at),
      at: at.toISOString(),
      employeeId: person.id,
      contentId: item.id,
      network,
    });
  }
}
