/**
 * Seeds the demo programme once per tenant. Every row has a deterministic key and is upserted, so
 * a run that stopped half-way completes on the next start; the employees go last, and a tenant
 * that already has the demo admin is left untouched (a second start adds nothing and keeps what a
 * tester changed).
 */
import type { Repositories } from '../services/ports.js';
import { mapLimit } from '../util/map-limit.js';
import { createLinkCodes, type LinkCodes } from '../services/link-codes.js';
import { buildDemoActivity } from './demo-activity.js';
import { buildDemoProgramme } from './demo-programme.js';
import { buildDemoPolicy, DEMO_SETTINGS } from './demo-policy.js';
import { buildAnalyticsDemo, writeAnalyticsDemo, type AnalyticsSeedStores } from './analytics-seed.js';

export interface SeedResult {
  seeded: boolean;
  employees: number;
  content: number;
  topics: number;
  shares: number;
  clicks: number;
}

export async function seedDemoProgramme(repos: Repositories & Partial<AnalyticsSeedStores>, tenantId: string, now: Date, options: { linkCodes?: Pick<LinkCodes, 'create'> } = {}): Promise<SeedResult> {
  await ensureDemoPolicy(repos, tenantId, now);
  const marker = await repos.employees.find(tenantId, 'demo-admin');
  if (marker) return { seeded: false, employees: 0, content: 0, topics: 0, shares: 0, clicks: 0 };
  const demo = buildDemoProgramme(tenantId, now);
  // Demo link codes carry the tag of the configured key, so `/l/` accepts them (link-codes.ts).
  const linkCodes = options.linkCodes ?? createLinkCodes();
  const activity = buildDemoActivity(demo, now, linkCodes);
  const analyticsDemo = buildAnalyticsDemo(demo, activity, now, linkCodes);
  await Promise.all([
    repos.topics.upsertMany(tenantId, demo.topics),
    repos.content.upsertMany(tenantId, demo.content),
    repos.contests.upsert(tenantId, demo.contest),
    repos.pilots.upsert(tenantId, demo.pilot),
    writeAnalyticsDemo(repos, tenantId, demo.pilot.id, analyticsDemo),
    mapLimit(activity.links, 16, (link) => repos.trackedLinks.create(link).catch((err: Error) => {
      if (err.name !== 'ConflictError') throw err; // written by an earlier, interrupted seed
    })),
    mapLimit(activity.shares, 16, (share) => repos.shares.record(tenantId, share)),
    repos.clicks.recordMany(activity.clicks),
    mapLimit(activity.scores, 16, async (score) => {
      const existing = await repos.scores.get(score.contestId, score.employeeId);
      await repos.scores.put(score, existing?.etag);
    }),
  ]);
  await repos.employees.upsertMany(demo.employees);
  return {
    seeded: true,
    employees: demo.employees.length,
    content: demo.content.length,
    topics: demo.topics.length,
    shares: activity.shares.length,
    clicks: activity.clicks.length,
  };
}

/**
 * The social media policy v1 and programme settings (disclosure on, company "Contoso"), added
 * when the tenant has none, also to a tenant seeded before they existed; never overwrites what an
 * admin published or changed.
 */
export async function ensureDemoPolicy(repos: Pick<Repositories, 'policies' | 'settings'>, tenantId: string, now: Date): Promise<void> {
  const [policies, settings] = await Promise.all([repos.policies.list(tenantId), repos.settings.find(tenantId)]);
  await Promise.all([
    policies.length === 0 ? repos.policies.upsert(tenantId, buildDemoPolicy(now)) : undefined,
    settings === undefined ? repos.settings.upsert(tenantId, DEMO_SETTINGS) : undefined,
  ]);
}
