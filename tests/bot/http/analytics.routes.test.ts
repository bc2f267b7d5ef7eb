/**
 * Analytics and pilot API on the real app (seeded demo, dev identity) over Azurite: role checks,
 * the page's figures against the domain's metrics computed from the same stored events, board
 * sessions, CSV export read back, and the pilot's writes (ticks, phase, go/no-go with who/when).
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsResponseSchema, type AnalyticsResponse } from '../../../src/shared/contracts/analytics.js';
import { PilotResponseSchema } from '../../../src/shared/contracts/pilot.js';
import { previousPeriod, toMetricPeriod, type DayPeriod } from '../../../src/shared/domain/analytics-periods.js';
import { aggregateMetrics, countActiveAdvocates, sumMetrics, type MetricEvent } from '../../../src/shared/domain/metrics.js';
import { toMetricEvents } from '../../../src/bot/services/analytics-events.js';
import { lastMonths } from '../../../src/bot/services/analytics.service.js';
import type { TableRepositories } from '../../../src/bot/storage/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';

let app: TestApp;
let repos: TableRepositories;
let tenantId: string;

beforeAll(async () => {
  app = await startTestApp();
  repos = app.app.repositories as TableRepositories;
  tenantId = app.app.config.auth.mode === 'dev' ? app.app.config.auth.tenantId : '';
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function call(path: string, as: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${app.baseUrl}${path}`, { ...init, headers: { 'x-dev-user': as, accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) } });
}

/** The stored events as metric events (the same sources the read model is built from). */
async function storedEvents(): Promise<{ events: MetricEvent[]; enrolled: string[] }> {
  const months = lastMonths(new Date(), 13);
  const [clicks, shares, conversions, employees, content, other] = await Promise.all([
    repos.eventArchive.listClicks(tenantId),
    repos.eventArchive.listShares(tenantId),
    repos.eventArchive.listConversions(tenantId),
    repos.employees.listByTenant(tenantId),
    repos.content.list(tenantId),
    Promise.all(months.map((m) => repos.analyticsEvents.listMonth(tenantId, m))).then((l) => l.flat()),
  ]);
  return { events: toMetricEvents({ clicks, shares, conversions, other, employees, content, currency: 'EUR' }), enrolled: employees.filter((e) => e.roles.length > 0).map((e) => e.id) };
}

function expectMatchesDomain(page: AnalyticsResponse, events: MetricEvent[], enrolled: string[], period: DayPeriod, previous: DayPeriod): void {
  const now = sumMetrics(events, toMetricPeriod(period));
  const before = sumMetrics(events, toMetricPeriod(previous));
  for (const name of ['sessions', 'shares', 'engagement', 'clicks', 'conversions', 'revenue'] as const) {
    expect(page.kpis[name].current, name).toBe(now[name]);
    expect(page.kpis[name].previous, `${name} previous`).toBe(before[name]);
  }
  expect(page.activeAdvocates.current).toEqual(countActiveAdvocates(events, enrolled, toMetricPeriod(period)));
  expect(page.activeAdvocates.previous).toEqual(countActiveAdvocates(events, enrolled, toMetricPeriod(previous)));
  const weekdays = aggregateMetrics(events, 'day-of-week', { period: toMetricPeriod(period) });
  for (const row of page.weekdays) expect(row.current, row.weekday).toEqual(weekdays.get(row.weekday) ?? { sessions: 0, shares: 0, engagement: 0, clicks: 0, conversions: 0, revenue: 0 });
  for (const dimension of ['team', 'persona', 'topic', 'network', 'campaign', 'content'] as const) {
    const expected = aggregateMetrics(events, dimension, { period: toMetricPeriod(period) });
    const shown = page.breakdowns[dimension];
    expect(shown.omitted, dimension).toBe(0);
    for (const row of shown.rows) {
      if (expected.has(row.key)) expect(row.current, `${dimension} ${row.key}`).toEqual(expected.get(row.key));
    }
    expect(shown.rows.filter((r) => expected.has(r.key)).length, dimension).toBe(expected.size);
  }
}

describe('analytics API', () => {
  it('refuses employees (403) on analytics, export and pilot, and strangers (403 not enrolled)', async () => {
    for (const path of ['/api/analytics', '/api/analytics/export?table=kpis', '/api/pilot']) {
      expect((await call(path, 'demo-employee')).status, path).toBe(403);
      expect((await call(path, 'nobody-here')).status, path).toBe(403);
    }
    const decision = await call('/api/pilot/decision', 'demo-employee', { method: 'POST', body: JSON.stringify({ decision: 'go', reason: 'because' }) });
    expect(decision.status).toBe(403);
  });

  it('shows this quarter against the last with the figures of the domain metrics over the stored events', async () => {
    const res = await call('/api/analytics?period=quarter', 'demo-exec');
    expect(res.status).toBe(200);
    const page = AnalyticsResponseSchema.parse(await res.json());
    const { events, enrolled } = await storedEvents();
    expectMatchesDomain(page, events, enrolled, page.period, page.previousPeriod);
    // The seed holds two comparable quarters: real figures on both sides.
    expect(page.kpis.shares.previous).toBeGreaterThan(50);
    expect(page.kpis.clicks.current).toBeGreaterThan(page.kpis.clicks.previous);
    expect(page.kpis.sessions.current).toBeGreaterThan(0);
    expect(page.kpis.revenue.current).toBeGreaterThan(0);
    expect(page.builtAt).not.toBeNull();
  });

  it('answers a custom period (partial months from day rows) the same way', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 40 * 86_400_000);
    const period = { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
    const res = await call(`/api/analytics?period=custom&from=${period.from}&to=${period.to}`, 'demo-admin');
    expect(res.status).toBe(200);
    const page = AnalyticsResponseSchema.parse(await res.json());
    expect(page.period).toEqual(period);
    expect(page.previousPeriod).toEqual(previousPeriod(period, 'custom'));
    const { events, enrolled } = await storedEvents();
    expectMatchesDomain(page, events, enrolled, page.period, page.previousPeriod);
  });

  it('refuses bad periods with 400', async () => {
    for (const query of ['period=year', 'period=custom', 'period=custom&from=2026-05-01&to=2026-04-01', 'period=custom&from=2020-01-01&to=2026-01-01', 'period=quarter&from=2026-01-01', 'period=quarter&extra=1']) {
      expect((await call(`/api/analytics?${query}`, 'demo-exec')).status, query).toBe(400);
    }
    expect((await call('/api/analytics/export?table=nope', 'demo-exec')).status).toBe(400);
  });

  it('records a board session once per person per 30 minutes and counts it after a rebuild', async () => {
    const before = AnalyticsResponseSchema.parse(await (await call('/api/analytics?period=month', 'demo-exec')).json());
    expect((await call('/api/board', 'demo-trainer')).status).toBe(200);
    expect((await call('/api/board', 'demo-trainer')).status).toBe(200);
    await app.app.services.analytics.rebuild(tenantId);
    const after = AnalyticsResponseSchema.parse(await (await call('/api/analytics?period=month', 'demo-exec')).json());
    expect(after.kpis.sessions.current).toBe(before.kpis.sessions.current + 1);
  });

  it('exports each table as CSV that reads back to the figures shown', async () => {
    const page = AnalyticsResponseSchema.parse(await (await call('/api/analytics?period=quarter', 'demo-exec')).json());
    const res = await call('/api/analytics/export?table=team&period=quarter', 'demo-exec');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="analytics-team-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"/);
    const records = parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(records.length).toBe(page.breakdowns.team.rows.length);
    for (const row of page.breakdowns.team.rows) {
      const record = records.find((r) => r.key === row.key);
      expect(Number(record?.clicks)).toBe(row.current.clicks);
      expect(Number(record?.shares_previous)).toBe(row.previous.shares);
    }
    const kpis = parse((await (await call('/api/analytics/export?table=kpis&period=quarter', 'demo-exec')).text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(Number(kpis.find((k) => k.kpi === 'clicks')?.current)).toBe(page.kpis.clicks.current);
    const attribution = parse((await (await call('/api/analytics/export?table=attribution-person&period=quarter', 'demo-exec')).text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(attribution.reduce((sum, r) => sum + Number(r.revenue_minor), 0)).toBe(page.kpis.revenue.current);
  });
});

describe('analytics CSV export', () => {
  it('neutralises formula cells and keeps non-ASCII labels (RFC 4180 via csv-stringify, UTF-8 with BOM)', async () => {
    const now = new Date();
    const item = { id: 'formula-item', title: '=HYPERLINK("http://evil.example","x")', url: 'https://news.contoso.example/f', summary: 's', language: 'en' as const, category: 'company' as const, topics: [], targetTeams: [], targetPersonas: [], targetLanguages: [], suggestedTexts: [], status: 'published' as const, createdAt: now.toISOString() };
    const jaItem = { ...item, id: 'ja-item', title: '社内インフルエンサー、始めよう' };
    await repos.content.upsertMany(tenantId, [item, jaItem]);
    await repos.analyticsEvents.upsertMany(tenantId, [
      { id: 'engagement|csv-1', kind: 'engagement', employeeId: 'demo-exec', at: now.toISOString(), contentId: item.id, count: 2 },
      { id: 'engagement|csv-2', kind: 'engagement', employeeId: 'demo-exec', at: now.toISOString(), contentId: jaItem.id, count: 1 },
    ]);
    await app.app.services.analytics.rebuild(tenantId);
    const res = await call('/api/analytics/export?table=content&period=month', 'demo-exec');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const records = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(records.find((r) => r.key === 'formula-item')?.label).toBe(`'${item.title}`);
    expect(records.find((r) => r.key === 'ja-item')?.label).toBe(jaItem.title);
    expect(Number(records.find((r) => r.key === 'formula-item')?.engagement)).toBeGreaterThanOrEqual(2);
    // The tab saves it under the name the server gives (its API client reads Content-Disposition).
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="analytics-content-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
  });
});

describe('pilot API', () => {
  it('shows the seeded pilot mid-way with the persona chart, leaders and checklist', async () => {
    const res = await call('/api/pilot', 'demo-exec');
    expect(res.status).toBe(200);
    const page = PilotResponseSchema.parse(await res.json());
    expect(page.pilot.phase).toBe('maintenance');
    expect(page.pilot.goals.length).toBeGreaterThan(0);
    expect(page.leaders.length).toBe(page.pilot.cohortSize);
    expect(page.leaders.some((l) => l.journey.length > 1)).toBe(true);
    expect(page.points.filter((p) => p.inCohort).every((p) => p.displayName !== undefined)).toBe(true);
    expect(page.points.filter((p) => !p.inCohort).every((p) => p.displayName === undefined)).toBe(true);
    const ticked = page.checklist.items.filter((i) => i.source === 'manual' && i.met).map((i) => i.id);
    expect(ticked.sort()).toEqual(['communications-plan', 'legal-review']);
    expect(page.checklist.items.find((i) => i.id === 'policy-published')?.met).toBe(true);
  });

  it('ticks an item by hand and stores a go/no-go decision with who, when and why (audited)', async () => {
    const tick = await call('/api/pilot/checklist/security-review', 'demo-admin', { method: 'PUT', body: JSON.stringify({ checked: true }) });
    expect(tick.status).toBe(200);
    const afterTick = PilotResponseSchema.parse(await tick.json());
    expect(afterTick.checklist.items.find((i) => i.id === 'security-review')?.tick).toMatchObject({ checked: true, by: 'demo-admin', byName: 'Robin Adeyemi' });

    const decided = await call('/api/pilot/decision', 'demo-exec', { method: 'POST', body: JSON.stringify({ decision: 'no-go', reason: 'Training not done by the cohort yet' }) });
    expect(decided.status).toBe(200);
    const page = PilotResponseSchema.parse(await decided.json());
    expect(page.decisions[0]).toMatchObject({ decision: 'no-go', reason: 'Training not done by the cohort yet', decidedBy: 'demo-exec', decidedByName: 'Dana Whitfield', recommended: page.recommendation.decision });
    const audit = await repos.auditLog.list(tenantId, { limit: 20 });
    expect(audit.some((e) => e.action === 'POST /api/pilot/decision' && e.actorId === 'demo-exec' && e.status === 200)).toBe(true);
    expect(audit.some((e) => e.action === 'PUT /api/pilot/checklist/:item' && e.actorId === 'demo-admin')).toBe(true);
  });

  it('validates writes and refuses a phase that is not ready or not next', async () => {
    expect((await call('/api/pilot/checklist/policy-published', 'demo-admin', { method: 'PUT', body: JSON.stringify({ checked: true }) })).status).toBe(400);
    expect((await call('/api/pilot/decision', 'demo-exec', { method: 'POST', body: JSON.stringify({ decision: 'maybe', reason: 'x' }) })).status).toBe(400);
    expect((await call('/api/pilot/decision', 'demo-exec', { method: 'POST', body: JSON.stringify({ decision: 'go', reason: '' }) })).status).toBe(400);
    expect((await call('/api/pilot/phase', 'demo-exec', { method: 'POST', body: JSON.stringify({ to: 'education-and-launch' }) })).status).toBe(409);
    const view = PilotResponseSchema.parse(await (await call('/api/pilot', 'demo-exec')).json());
    const phase = await call('/api/pilot/phase', 'demo-exec', { method: 'POST', body: JSON.stringify({ to: 'results' }) });
    expect(phase.status).toBe(view.nextPhase?.ready ? 200 : 409);
  });

  it('gives the weekly digest data to cohort members only', async () => {
    const view = PilotResponseSchema.parse(await (await call('/api/pilot', 'demo-exec')).json());
    const weekStart = new Date(Date.now() - 7 * 86_400_000);
    const digest = await app.app.services.pilot.digestFor(tenantId, 'demo-exec', weekStart);
    expect(digest?.cohort.size).toBe(view.pilot.cohortSize);
    expect(digest?.readinessPercent).toBe(view.checklist.percent);
    expect(await app.app.services.pilot.digestFor(tenantId, 'demo-employee', weekStart)).toBeUndefined();
  });
});
