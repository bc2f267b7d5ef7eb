/**
 * Contract of the Analytics API (`GET /api/analytics`, `GET /api/analytics/export`), shared by the
 * server route and the tab page: which period, the KPIs against the period before, the trend, the
 * weekdays and every breakdown, with the attributed conversions and revenue.
 */
import { z } from 'zod';
import { BREAKDOWN_DIMENSIONS } from '../domain/analytics.js';
import { PERIOD_KINDS } from '../domain/analytics-periods.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** Longest custom period, in days (two years: long enough for year-over-year, bounded reads). */
export const MAX_CUSTOM_DAYS = 731;

/** `?period=quarter|month|week|custom&from=YYYY-MM-DD&to=YYYY-MM-DD` (`to` exclusive, custom only). */
export const AnalyticsQuerySchema = z
  .object({
    period: z.enum(PERIOD_KINDS).default('quarter'),
    from: day.optional(),
    to: day.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.period !== 'custom') {
      if (q.from !== undefined || q.to !== undefined) ctx.addIssue({ code: 'custom', message: 'from/to are only for period=custom' });
      return;
    }
    if (q.from === undefined || q.to === undefined) {
      ctx.addIssue({ code: 'custom', message: 'period=custom needs from and to' });
      return;
    }
    const length = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
    if (!Number.isFinite(length) || length < 1) ctx.addIssue({ code: 'custom', message: 'to must be after from' });
    else if (length > MAX_CUSTOM_DAYS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_CUSTOM_DAYS} days` });
  });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuerySchema>;

export const TotalsSchema = z.object({
  sessions: z.number(),
  shares: z.number(),
  engagement: z.number(),
  clicks: z.number(),
  conversions: z.number(),
  /** Attributed revenue in minor units of `currency`. */
  revenue: z.number(),
});
export type Totals = z.infer<typeof TotalsSchema>;

export const KpiSchema = z.object({ current: z.number(), previous: z.number(), changePercent: z.number().nullable() });
export const KPI_NAMES = ['sessions', 'shares', 'engagement', 'clicks', 'conversions', 'revenue', 'activeAdvocatesPercent'] as const;
export type KpiKey = (typeof KPI_NAMES)[number];

const PeriodSchema = z.object({ from: day, to: day });

export const BreakdownRowSchema = z.object({ key: z.string(), label: z.string(), current: TotalsSchema, previous: TotalsSchema });
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;

export const BreakdownSchema = z.object({
  rows: z.array(BreakdownRowSchema),
  /** Rows left off the page (the CSV export has them all). */
  omitted: z.number().int(),
});

export const AnalyticsResponseSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  period: PeriodSchema,
  previousPeriod: PeriodSchema,
  /** ISO 4217 code of `revenue`. */
  currency: z.string(),
  /** When the read model was last rebuilt from the stored events. */
  builtAt: z.string().nullable(),
  kpis: z.object(Object.fromEntries(KPI_NAMES.map((k) => [k, KpiSchema])) as Record<KpiKey, typeof KpiSchema>),
  activeAdvocates: z.object({
    current: z.object({ enrolled: z.number(), active: z.number(), percent: z.number().nullable() }),
    previous: z.object({ enrolled: z.number(), active: z.number(), percent: z.number().nullable() }),
  }),
  trend: z.array(z.object({ day, current: TotalsSchema, previousDay: day.nullable(), previous: TotalsSchema.nullable() })),
  weekdays: z.array(z.object({ weekday: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), current: TotalsSchema, previous: TotalsSchema })),
  breakdowns: z.object(Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [d, BreakdownSchema])) as Record<(typeof BREAKDOWN_DIMENSIONS)[number], typeof BreakdownSchema>),
});
export type AnalyticsResponse = z.infer<typeof AnalyticsResponseSchema>;

/** Tables the CSV export offers: each one the page shows. */
export const EXPORT_TABLES = ['kpis', 'trend', 'weekdays', ...BREAKDOWN_DIMENSIONS, 'attribution-content', 'attribution-campaign', 'attribution-person'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** `GET /api/analytics/export?table=...&period=...` */
export const AnalyticsExportQuerySchema = z
  .object({
    table: z.enum(EXPORT_TABLES),
    period: z.enum(PERIOD_KINDS).default('quarter'),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();

/** Most rows a breakdown shows on the page (the export has all). */
export const PAGE_ROWS = 50;
