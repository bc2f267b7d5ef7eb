/**
 * The Analytics page's data: the report of a period (`GET /api/analytics`) and CSV downloads of
 * its tables (`GET /api/analytics/export`, a CSV saved as a file by the browser).
 */
import { AnalyticsResponseSchema, type AnalyticsResponse, type ExportTable } from '../../shared/contracts/analytics.js';
import type { PeriodKind } from '../../shared/domain/analytics-periods.js';
import type { ApiClient } from '../api/client.js';
import { useApiResource, type ResourceState } from '../impact/use-api.js';
import { saveFile } from '../shell/save-file.js';

/** The period asked for. */
export interface PeriodChoice {
  kind: PeriodKind;
  from?: string;
  to?: string;
}


function periodQuery(period: PeriodChoice): Record<string, string | undefined> {
  return period.kind === 'custom' ? { period: 'custom', from: period.from, to: period.to } : { period: period.kind };
}

/** The report of `period`, reloaded when it changes. */
export function useAnalytics(period: PeriodChoice): ResourceState<AnalyticsResponse> {
  return useApiResource((api, signal) => api.get('/api/analytics', AnalyticsResponseSchema, { query: periodQuery(period), signal }), [period.kind, period.from, period.to]);
}

/** Download one table as a CSV file. */
export async function downloadCsv(api: ApiClient, period: PeriodChoice, table: ExportTable): Promise<void> {
  const file = await api.download('/api/analytics/export', { query: { ...periodQuery(period), table }, fallbackName: `analytics-${table}.csv` });
  saveFile(file.filename, file.blob);
}
