/**
 * Analytics use cases: the page's report for a period against the one before it, the tables for
 * the CSV export, the read model's rebuild from the stored events, and board sessions.
 *
 * The report reads only the read model (aggregate rows, see `domain/analytics.ts`): three month
 * partitions for a quarter whatever the number of events. The read model is rebuilt from the
 * Clicks, Shares, Conversions and AnalyticsEvents tables by `rebuild`: synchronously the first
 * time a month is asked for, then in the background when the current month's build is older than
 * `staleAfterMs` (the page shows when the figures were built). A rebuild recomputes whole months,
 * so replays, late conversions and retried webhooks can never count twice.
 */
import { activeAdvocatesFrom, buildAggregateRows, BREAKDOWN_DIMENSIONS, compareKpis, summarizeAggregates, utcDay, type AggregateSummary, type BreakdownDimension } from '../../shared/domain/analytics.js';
import { currentPeriod, previousPeriod, segmentPeriod, type DayPeriod, type PeriodKind } from '../../shared/domain/analytics-periods.js';
import { emptyTotals, type MetricTotals } from '../../shared/domain/metrics.js';
import type { AnalyticsQuery, AnalyticsResponse, BreakdownRow } from '../../shared/contracts/analytics.js';
import { PAGE_ROWS } from '../../shared/contracts/analytics.js';
import type { Employee, Language } from '../../shared/domain/types.js';
import { ERASED_PERSON_ID } from '../../shared/domain/data-requests.js';
import { translator } from '../../shared/i18n/index.js';
import type { AnalyticsAggregateRepository, AnalyticsEventRepository, StoredAnalyticsEvent } from './analytics.ports.js';
import { toMetricEvents } from './analytics-events.js';
import type { ContentRepository, TopicRepository } from './ports.js';
import type { EventArchive } from './scoring.ports.js';

/** The roster as analytics needs it. */
export type AnalyticsPerson = Pick<Employee, 'id' | 'team' | 'persona' | 'displayName' | 'roles'>;

export interface AnalyticsDeps {
  aggregates: AnalyticsAggregateRepository;
  events: AnalyticsEventRepository;
  archive: EventArchive;
  /** The tenant's people (read through a cache here). */
  people(tenantId: string): Promise<AnalyticsPerson[]>;
  content: Pick<ContentRepository, 'list'>;
  topics: Pick<TopicRepository, 'list'>;
  /** Programme currency of revenue (ISO 4217); default EUR. */
  currency?: string;
  clock?: () => Date;
  /** Age after which the current month is rebuilt in the background; default 60 s. */
  staleAfterMs?: number;
  /** How long the roster and labels are reused; default 60 s. */
  cacheMs?: number;
  logger?: { warn(details: object, message: string): void };
}

/** A full report: the page's answer plus every breakdown row (for the export). */
export interface AnalyticsReport {
  response: AnalyticsResponse;
  fullBreakdowns: Record<BreakdownDimension, BreakdownRow[]>;
}

export interface AnalyticsService {
  /** The report of `query` (period against the one before it). `rows` caps the page's breakdowns. */
  report(tenantId: string, query: AnalyticsQuery, language: Language): Promise<AnalyticsReport>;
  /** Rebuild the read model of these months (default: the last 13 months) from the stored events. */
  rebuild(tenantId: string, months?: readonly string[]): Promise<{ months: number; events: number }>;
  /** A person opened the board: a session, at most one per person per 30 minutes. */
  recordSession(tenantId: string, employeeId: string, at: Date): Promise<void>;
}

/** Reports kept in memory (per tenant, period, language and build). */
const REPORT_CACHE = 32;

/** Sessions closer together than this are one session. */
export const SESSION_WINDOW_MS = 30 * 60_000;

/** Build the analytics service. */
export function createAnalyticsService(deps: AnalyticsDeps): AnalyticsService {
  const clock = deps.clock ?? (() => new Date());
  const currency = deps.currency ?? 'EUR';
  const staleAfterMs = deps.staleAfterMs ?? 60_000;
  const cacheMs = deps.cacheMs ?? 60_000;
  const rebuilding = new Map<string, Promise<{ months: number; events: number }>>();
  const lastSession = new Map<string, number>();
  const caches = new Map<string, { at: number; value: Promise<unknown> }>();
  const reports = new Map<string, AnalyticsReport>();

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = caches.get(key);
    const now = Date.now();
    if (hit && now - hit.at < cacheMs) return hit.value as Promise<T>;
    const value = load();
    caches.set(key, { at: now, value });
    value.catch(() => caches.delete(key));
    return value;
  }
  const peopleOf = (tenantId: string) => cached(`people\u0000${tenantId}`, () => deps.people(tenantId));

  async function doRebuild(tenantId: string, months: readonly string[]): Promise<{ months: number; events: number }> {
    const wanted = new Set(months);
    const [clicks, shares, conversions, people, content, other] = await Promise.all([
      deps.archive.listClicks(tenantId),
      deps.archive.listShares(tenantId),
      deps.archive.listConversions(tenantId),
      deps.people(tenantId),
      deps.content.list(tenantId),
      Promise.all([...wanted].map((m) => deps.events.listMonth(tenantId, m))).then((lists) => lists.flat()),
    ]);
    // What the rebuild read is the freshest roster and board: the labels follow the build.
    caches.set(`people\u0000${tenantId}`, { at: Date.now(), value: Promise.resolve(people) });
    caches.set(`content\u0000${tenantId}`, { at: Date.now(), value: Promise.resolve(content) });
    const events = toMetricEvents({ clicks, shares, conversions, other, employees: people, content, currency }).filter((e) => wanted.has(utcDay(e.at).slice(0, 7)));
    const rows = buildAggregateRows(events);
    const builtAt = clock().toISOString();
    for (const month of wanted) await deps.aggregates.replaceMonth(tenantId, month, rows.filter((r) => r.scope.startsWith(month)), builtAt);
    return { months: wanted.size, events: events.length };
  }

  function rebuild(tenantId: string, months?: readonly string[]): Promise<{ months: number; events: number }> {
    const running = rebuilding.get(tenantId);
    if (running) return running.then(() => rebuild(tenantId, months));
    const list = months ?? lastMonths(clock(), 13);
    const job = doRebuild(tenantId, list).finally(() => rebuilding.delete(tenantId));
    rebuilding.set(tenantId, job);
    return job;
  }

  /** Build months never built (waiting), and refresh the current month when stale (not waiting); answers each month's build time. */
  async function ensureFresh(tenantId: string, months: readonly string[]): Promise<Map<string, string>> {
    const built = await deps.aggregates.builtAt(tenantId, months);
    const missing = months.filter((m) => !built.has(m));
    if (missing.length > 0) {
      await rebuild(tenantId, [...new Set([...lastMonths(clock(), 13), ...missing])]);
      return deps.aggregates.builtAt(tenantId, months);
    }
    const current = clock().toISOString().slice(0, 7);
    const at = built.get(current);
    if (at !== undefined && clock().getTime() - Date.parse(at) > staleAfterMs && !rebuilding.has(tenantId)) {
      void rebuild(tenantId).catch((err: unknown) => deps.logger?.warn({ error: err instanceof Error ? err.message : String(err) }, 'analytics rebuild failed'));
    }
    return built;
  }

  async function summarize(tenantId: string, period: DayPeriod): Promise<{ summary: AggregateSummary; builtAt: string | null }> {
    const read = await deps.aggregates.read(tenantId, segmentPeriod(period));
    return { summary: summarizeAggregates(period, read.segmentRows, read.dayRows), builtAt: read.builtAt };
  }

  async function labels(tenantId: string, language: Language): Promise<Labels> {
    const [topics, content, people] = await Promise.all([
      cached(`topics\u0000${tenantId}`, () => deps.topics.list(tenantId)),
      cached(`content\u0000${tenantId}`, () => deps.content.list(tenantId)),
      peopleOf(tenantId),
    ]);
    return {
      topic: new Map(topics.map((t) => [t.id, t.name[language] ?? t.name.en] as const)),
      content: new Map(content.map((c) => [c.id, c.title] as const)),
      person: new Map(people.map((p) => [p.id, p.displayName] as const)),
      erased: translator(language, 'analytics')('analytics.deletedPerson'),
    };
  }

  return {
    rebuild,
    async report(tenantId, query, language) {
      const kind: PeriodKind = query.period;
      const period = kind === 'custom' ? { from: query.from as string, to: query.to as string } : currentPeriod(kind, clock().toISOString());
      const previous = previousPeriod(period, kind);
      const months = [...new Set([...segmentPeriod(previous), ...segmentPeriod(period)].map((s) => s.month))];
      const built = await ensureFresh(tenantId, months);
      // The same build of the same months gives the same report: answer it from memory until a
      // rebuild stamps a month anew (the key holds every month's build time).
      const key = [tenantId, kind, period.from, period.to, language, ...months.map((m) => built.get(m) ?? '-')].join('\u0000');
      const hit = reports.get(key);
      if (hit) return hit;
      const [current, before, people, names] = await Promise.all([summarize(tenantId, period), summarize(tenantId, previous), peopleOf(tenantId), labels(tenantId, language)]);
      const enrolled = people.filter((p) => p.roles.length > 0).map((p) => p.id);
      const activeNow = activeAdvocatesFrom(current.summary.breakdowns.person, enrolled);
      const activeBefore = activeAdvocatesFrom(before.summary.breakdowns.person, enrolled);
      const kpis = compareKpis(
        { ...current.summary.totals, activeAdvocatesPercent: activeNow.percent },
        { ...before.summary.totals, activeAdvocatesPercent: activeBefore.percent },
      );
      const fullBreakdowns = Object.fromEntries(
        BREAKDOWN_DIMENSIONS.map((dimension) => [dimension, breakdownRows(current.summary.breakdowns[dimension], before.summary.breakdowns[dimension], (key) => labelOf(dimension, key, names))]),
      ) as Record<BreakdownDimension, BreakdownRow[]>;
      const builtAts = [current.builtAt, before.builtAt];
      const response: AnalyticsResponse = {
        kind,
        period,
        previousPeriod: previous,
        currency,
        builtAt: builtAts.includes(null) ? null : ([...builtAts].sort()[0] ?? null),
        kpis,
        activeAdvocates: { current: activeNow, previous: activeBefore },
        trend: current.summary.byDay.map((d, i) => {
          const prior = before.summary.byDay[i];
          return { day: d.day, current: d.totals, previousDay: prior?.day ?? null, previous: prior?.totals ?? null };
        }),
        weekdays: current.summary.byWeekday.map((w, i) => ({ weekday: w.weekday, current: w.totals, previous: before.summary.byWeekday[i]?.totals ?? emptyTotals() })),
        breakdowns: Object.fromEntries(
          BREAKDOWN_DIMENSIONS.map((d) => [d, { rows: fullBreakdowns[d].slice(0, PAGE_ROWS), omitted: Math.max(0, fullBreakdowns[d].length - PAGE_ROWS) }]),
        ) as AnalyticsResponse['breakdowns'],
      };
      const report = { response, fullBreakdowns };
      reports.set(key, report);
      if (reports.size > REPORT_CACHE) reports.delete(reports.keys().next().value as string);
      return report;
    },
    async recordSession(tenantId, employeeId, at) {
      const key = `${tenantId}\u0000${employeeId}`;
      const t = at.getTime();
      const last = lastSession.get(key);
      if (last !== undefined && t - last < SESSION_WINDOW_MS) return;
      lastSession.set(key, t);
      if (lastSession.size > 100_000) lastSession.clear();
      // The id names the 30-minute window, so instances that do not share the map still store at
      // most one session per person and window.
      const event: StoredAnalyticsEvent = { id: `session|${employeeId}|${Math.floor(t / SESSION_WINDOW_MS)}`, kind: 'session', employeeId, at: at.toISOString() };
      await deps.events.recordOnce(tenantId, event);
    },
  };
}

/** Rows of one breakdown, both periods, most clicks first (then shares, then key). */
function breakdownRows(current: Map<string, MetricTotals>, previous: Map<string, MetricTotals>, label: (key: string) => string): BreakdownRow[] {
  const keys = new Set([...current.keys(), ...previous.keys()]);
  return [...keys]
    .map((key) => ({ key, label: label(key), current: current.get(key) ?? emptyTotals(), previous: previous.get(key) ?? emptyTotals() }))
    .sort((a, b) => b.current.clicks - a.current.clicks || b.current.shares - a.current.shares || b.current.revenue - a.current.revenue || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Names of the keys of the topic, content and person breakdowns; `erased` for a deleted person's key (`~erased...`). */
type Labels = Record<'topic' | 'content' | 'person', Map<string, string>> & { erased: string };

function labelOf(dimension: BreakdownDimension, key: string, names: Labels): string {
  // A deleted person's totals stay under `~erased` or their pseudonym (data requests): no id shown.
  if (dimension === 'person' && key.startsWith(ERASED_PERSON_ID)) return names.erased;
  if (dimension === 'topic' || dimension === 'content' || dimension === 'person') return names[dimension].get(key) ?? key;
  return key;
}

/** `count` months up to the month of `now`, oldest first (`YYYY-MM`). */
export function lastMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1)).toISOString().slice(0, 7));
}
