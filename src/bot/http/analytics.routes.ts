/**
 * Analytics routes (executives, admins). Transport only: validate with the shared contract, call
 * the analytics service, shape the answer.
 *
 * - `GET /api/analytics?period=quarter|month|week|custom[&from&to]`: KPIs against the period
 *   before, trend, weekdays, breakdowns (the page's JSON).
 * - `GET /api/analytics/export?table=<name>&period=...`: one table of the page as CSV (all rows);
 *   columns in docs/analytics.md.
 *
 * Board sessions: an `onResponse` hook records one when `GET /api/board` answered 200 to a
 * person (at most one per person per 30 minutes, see `recordSession`). It sits here rather than
 * in the board route so the board keeps one concern; it never delays or fails the board.
 */
import type { FastifyInstance } from 'fastify';
import { AnalyticsExportQuerySchema, AnalyticsQuerySchema, type BreakdownRow, type ExportTable, type Totals } from '../../shared/contracts/analytics.js';
import type { AnalyticsReport, AnalyticsService } from '../services/analytics.service.js';
import { requireRole } from './auth.js';
import { sendCsv, type CsvColumn } from './csv.js';
import { describeZodError, requestLanguage, sendError } from './errors.js';

export interface AnalyticsRoutesDeps {
  analytics: AnalyticsService;
  now?: () => Date;
}

const allowed = { preHandler: requireRole('executive', 'admin') };

const TOTAL_NAMES = ['sessions', 'shares', 'engagement', 'clicks', 'conversions', 'revenue'] as const;

/** Columns of a metric-totals pair: `<metric>` and `<metric>_previous` for each metric. */
function totalsColumns<Row>(current: (row: Row) => Totals, previous: (row: Row) => Totals | null): CsvColumn<Row>[] {
  return TOTAL_NAMES.flatMap((name) => [
    { header: name, value: (row: Row) => current(row)[name] },
    { header: `${name}_previous`, value: (row: Row) => previous(row)?.[name] ?? null },
  ]);
}

const breakdownColumns: CsvColumn<BreakdownRow>[] = [
  { header: 'key', value: (r) => r.key },
  { header: 'label', value: (r) => r.label },
  ...totalsColumns<BreakdownRow>((r) => r.current, (r) => r.previous),
];

const attributionColumns = (currency: string): CsvColumn<BreakdownRow>[] => [
  { header: 'key', value: (r) => r.key },
  { header: 'label', value: (r) => r.label },
  { header: 'conversions', value: (r) => r.current.conversions },
  { header: 'revenue_minor', value: (r) => r.current.revenue },
  { header: 'currency', value: () => currency },
  { header: 'clicks', value: (r) => r.current.clicks },
  { header: 'shares', value: (r) => r.current.shares },
];

/** Rows with at least one conversion, most revenue first (the attribution tables). */
export function attributionRows(rows: readonly BreakdownRow[]): BreakdownRow[] {
  return rows.filter((r) => r.current.conversions > 0).sort((a, b) => b.current.revenue - a.current.revenue || b.current.conversions - a.current.conversions || (a.key < b.key ? -1 : 1));
}

/** Send one table of a report as CSV. */
function exportTable(report: AnalyticsReport, table: ExportTable): { columns: CsvColumn<never>[]; rows: unknown[] } {
  const r = report.response;
  const as = <Row>(columns: CsvColumn<Row>[], rows: Row[]) => ({ columns: columns as unknown as CsvColumn<never>[], rows });
  switch (table) {
    case 'kpis':
      return as<[string, { current: number; previous: number; changePercent: number | null }]>(
        [
          { header: 'kpi', value: ([k]) => k },
          { header: 'current', value: ([, v]) => v.current },
          { header: 'previous', value: ([, v]) => v.previous },
          { header: 'change_percent', value: ([, v]) => v.changePercent },
          { header: 'period_from', value: () => r.period.from },
          { header: 'period_to', value: () => r.period.to },
          { header: 'previous_from', value: () => r.previousPeriod.from },
          { header: 'previous_to', value: () => r.previousPeriod.to },
          { header: 'currency', value: () => r.currency },
        ],
        Object.entries(r.kpis),
      );
    case 'trend':
      return as([{ header: 'day', value: (d) => d.day }, { header: 'previous_day', value: (d) => d.previousDay }, ...totalsColumns<(typeof r.trend)[number]>((d) => d.current, (d) => d.previous)], r.trend);
    case 'weekdays':
      return as([{ header: 'weekday', value: (d) => d.weekday }, ...totalsColumns<(typeof r.weekdays)[number]>((d) => d.current, (d) => d.previous)], r.weekdays);
    case 'attribution-content':
    case 'attribution-campaign':
    case 'attribution-person': {
      const dimension = table.slice('attribution-'.length) as 'content' | 'campaign' | 'person';
      return as(attributionColumns(r.currency), attributionRows(report.fullBreakdowns[dimension]));
    }
    default:
      return as(breakdownColumns, report.fullBreakdowns[table]);
  }
}

/** Registers the analytics routes and the board-session hook. */
export function registerAnalyticsRoutes(fastify: FastifyInstance, deps: AnalyticsRoutesDeps): void {
  const now = deps.now ?? (() => new Date());

  fastify.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' || request.routeOptions.url !== '/api/board' || reply.statusCode !== 200 || !request.identity || request.identity.roles.length === 0) return;
    const { tenantId, employeeId } = request.identity;
    await deps.analytics.recordSession(tenantId, employeeId, now()).catch((err: unknown) => {
      request.log.warn({ error: err instanceof Error ? err.message : String(err) }, 'board session not recorded');
    });
  });

  fastify.get('/api/analytics', allowed, async (request, reply) => {
    const { lang: _lang, ...rest } = (request.query ?? {}) as Record<string, unknown>;
    const query = AnalyticsQuerySchema.safeParse(rest);
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    const report = await deps.analytics.report(request.identity!.tenantId, query.data, requestLanguage(request));
    return reply.header('cache-control', 'private, no-store').send(report.response);
  });

  fastify.get('/api/analytics/export', allowed, async (request, reply) => {
    const { lang: _lang, ...rest } = (request.query ?? {}) as Record<string, unknown>;
    const parsed = AnalyticsExportQuerySchema.safeParse(rest);
    if (!parsed.success) return sendError(reply, request, 400, 'badRequest', describeZodError(parsed.error));
    const { table, ...period } = parsed.data;
    const query = AnalyticsQuerySchema.safeParse(Object.fromEntries(Object.entries(period).filter(([, v]) => v !== undefined)));
    if (!query.success) return sendError(reply, request, 400, 'badRequest', describeZodError(query.error));
    const report = await deps.analytics.report(request.identity!.tenantId, query.data, requestLanguage(request));
    const { columns, rows } = exportTable(report, table);
    const filename = `analytics-${table}-${report.response.period.from}-${report.response.period.to}.csv`;
    return sendCsv(reply, filename, columns, rows as never[]);
  });
}
