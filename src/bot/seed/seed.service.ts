/**
 * Seeds the demo programme once per tenant. Every row has a deterministic key and is upserted, so
 * a run that stopped half-way completes on the next start; the employees go last, and a tenant
 * that already has the demo admin is left untouched (a second start adds nothing and keeps what a
 * tester changed).
 */
import type { Repositories } from '../services/ports.js';
import { buildDemoProgramme } from './demo-programme.js';

export interface SeedResult {
  seeded: boolean;
  employees: number;
  content: number;
  topics: number;
}

export async function seedDemoProgramme(repos: Repositories, tenantId: string, now: Date): Promise<SeedResult> {
  const marker = await repos.employees.find(tenantId, 'demo-admin');
  if (marker) return { seeded: false, employees: 0, content: 0, topics: 0 };
  const demo = buildDemoProgramme(tenantId, now);
  await Promise.all([
    repos.topics.upsertMany(tenantId, demo.topics),
    repos.content.upsertMany(tenantId, demo.content),
    repos.contests.upsert(tenantId, demo.contest),
    repos.pilots.upsert(tenantId, demo.pilot),
  ]);
  await repos.employees.upsertMany(demo.employees);
  return { seeded: true, employees: demo.employees.length, content: demo.content.length, topics: demo.topics.length };
}
