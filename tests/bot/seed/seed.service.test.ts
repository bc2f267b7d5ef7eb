/** The demo programme as `npm start` seeds it, read back from Azurite through the repositories. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoProgramme } from '../../../src/bot/seed/demo-programme.js';
import { ensureDemoPolicy, seedDemoProgramme, type SeedResult } from '../../../src/bot/seed/seed.service.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { rankLeaderboard } from '../../../src/shared/domain/contests.js';
import { summarizeTopicHub } from '../../../src/shared/domain/topics.js';
import { PERSONAS, type Employee } from '../../../src/shared/domain/types.js';
import { createTestRepositories } from '../../support/azurite.js';

const TENANT = 'seed-tenant';
const NOW = new Date('2026-11-24T12:00:00.000Z');

describe('demo programme seed', () => {
  let repos: TableRepositories;
  let first: SeedResult;
  let employees: Employee[];

  beforeAll(async () => {
    repos = await createTestRepositories('seed');
    first = await seedDemoProgramme(repos, TENANT, NOW);
    employees = await repos.employees.listByTenant(TENANT);
  }, 60_000);

  it('enrols about 200 people across teams, zones, languages and every persona', () => {
    expect(first.seeded).toBe(true);
    expect(employees).toHaveLength(first.employees);
    expect(employees.length).toBeGreaterThanOrEqual(190);
    expect(new Set(employees.map((e) => e.team)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(employees.map((e) => e.timeZone)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(employees.map((e) => e.language))).toEqual(new Set(['en', 'ja', 'th', 'ru', 'it', 'zh']));
    expect(new Set(employees.map((e) => e.persona))).toEqual(new Set(PERSONAS));
    const sundayToThursday = employees.filter((e) => e.workingDays.join() === '0,1,2,3,4');
    expect(sundayToThursday.length).toBeGreaterThan(0);
    for (const id of ['demo-admin', 'demo-trainer', 'demo-exec', 'demo-employee']) {
      expect(employees.some((e) => e.id === id), id).toBe(true);
    }
  });

  it('puts people in topic roles and leaves some roles open, as a real topic hub would', async () => {
    const topics = await repos.topics.list(TENANT);
    expect(topics.length).toBeGreaterThanOrEqual(5);
    const hubs = topics.map((t) => summarizeTopicHub(t.id, employees));
    expect(hubs.every((h) => Object.values(h.coveredRoles).some((ids) => ids.length > 0))).toBe(true);
    expect(hubs.some((h) => h.holders.spokesperson.length > 0)).toBe(true);
    expect(hubs.some((h) => h.unfilledRoles.length > 0)).toBe(true);
  });

  it('fills the board with 30+ items in three categories, including the five seed articles in their languages', async () => {
    const content = await repos.content.list(TENANT);
    expect(content.length).toBeGreaterThanOrEqual(30);
    expect(new Set(content.map((c) => c.category))).toEqual(new Set(['company', 'industry', 'personal-interest']));
    const articles = content.filter((c) => c.id.startsWith('seed-'));
    expect(articles.map((c) => c.language).sort()).toEqual(['it', 'ja', 'ru', 'th', 'zh']);
    expect(articles.find((c) => c.language === 'ja')?.title).toContain('インフルエンサー');
    // The scraping noise of the originals is cleaned (DIGEST: spam phrase in 004, "Life Style" in 001).
    const text = JSON.stringify(content);
    expect(text).not.toContain('乌干达电报数据');
    expect(text).not.toContain('Uganda Telegram');
    expect(text).not.toContain('Life Style');
    expect(content.some((c) => c.status === 'draft')).toBe(true);
    expect(content.some((c) => c.status === 'expired')).toBe(true);
  });

  it('runs a click contest with seed-003 rules and a leaderboard that excludes executives and coordinators', async () => {
    const [contest] = await repos.contests.list(TENANT);
    expect(contest).toBeDefined();
    expect(Date.parse(contest!.startsAt)).toBeLessThanOrEqual(NOW.getTime());
    expect(Date.parse(contest!.endsAt)).toBeGreaterThan(NOW.getTime());
    expect(contest!.weights).toEqual({ uniqueClick: 1, share: 0, conversion: 0 });
    const scores = await repos.scores.listByContest(contest!.id);
    expect(scores.length).toBeGreaterThan(20);
    const board = rankLeaderboard(contest!, scores, employees);
    expect(board[0]?.prize?.amountMinor).toBe(10_000);
    const excluded = new Set(employees.filter((e) => e.roles.includes('executive') || e.roles.includes('coordinator')).map((e) => e.id));
    expect(board.some((entry) => excluded.has(entry.employeeId))).toBe(false);
  });

  it('stores each share with its tracked link and counts clicks once per visitor and day', async () => {
    expect(first.shares).toBeGreaterThan(50);
    expect(first.clicks).toBeGreaterThan(first.shares);
    const someone = employees.find((e) => e.persona === 'influencer')!;
    const shares = await repos.shares.listByEmployee(TENANT, someone.id);
    for (const share of shares.slice(0, 3)) {
      const link = await repos.trackedLinks.find(share.linkCode);
      expect(link?.shareId).toBe(share.id);
      expect(link?.targetUrl).toContain(`utm_content=${share.linkCode}`);
      // Replaying the stored clicks adds none.
      const clicks = await repos.clicks.listByCode(share.linkCode);
      expect(await repos.clicks.recordMany(clicks)).toBe(0);
    }
  });

  it('publishes a short social media policy v1 in all six languages, disclosure on for "Contoso"', async () => {
    const [policy, ...more] = await repos.policies.list(TENANT);
    expect(more).toEqual([]);
    expect(policy?.version).toBe(1);
    expect(policy?.publishedAt).toBe(NOW.toISOString());
    expect(Object.keys(policy?.texts ?? {}).sort()).toEqual(['en', 'it', 'ja', 'ru', 'th', 'zh']);
    for (const text of Object.values(policy!.texts)) {
      expect(text.summary.length).toBeLessThan(200);
      expect(text.body.length).toBeLessThan(2200);
      expect(text.body).toContain('Contoso');
    }
    expect(await repos.settings.find(TENANT)).toEqual({ disclosureEnabled: true, companyName: 'Contoso', networks: ['linkedin', 'x', 'facebook'] });
    // An admin's later version is never overwritten by a restart.
    await repos.policies.upsert(TENANT, { ...policy!, version: 2 });
    await ensureDemoPolicy(repos, 'other-tenant', NOW);
    await seedDemoProgramme(repos, TENANT, NOW);
    expect((await repos.policies.list(TENANT)).map((p) => p.version)).toEqual([1, 2]);
    expect((await repos.policies.list('other-tenant')).map((p) => p.version)).toEqual([1]);
  });

  it('leads the pilot with the leadership team', async () => {
    const [pilot] = await repos.pilots.list(TENANT);
    const leaders = employees.filter((e) => e.leader).map((e) => e.id).sort();
    expect(pilot?.cohort.slice().sort()).toEqual(leaders);
    expect(leaders.length).toBeGreaterThanOrEqual(5);
  });

  it('a second seed adds nothing and keeps what a tester changed', async () => {
    const admin = await repos.employees.get(TENANT, 'demo-admin');
    await repos.employees.update({ ...admin.value, language: 'th' }, admin.etag);
    const again = await seedDemoProgramme(repos, TENANT, new Date(NOW.getTime() + 86_400_000));
    expect(again.seeded).toBe(false);
    expect(await repos.employees.listByTenant(TENANT)).toHaveLength(employees.length);
    expect((await repos.employees.get(TENANT, 'demo-admin')).value.language).toBe('th');
  });

  it('is deterministic: the same people and personas on every machine', () => {
    const a = buildDemoProgramme(TENANT, NOW);
    const b = buildDemoProgramme(TENANT, NOW);
    expect(a.employees.map((e) => `${e.id}:${e.persona}`)).toEqual(b.employees.map((e) => `${e.id}:${e.persona}`));
  });
});
