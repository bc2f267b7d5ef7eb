/** The admin API as the Admin page calls it; every answer parsed with `src/shared/contracts/admin.ts`. */
import { z } from 'zod';
import {
  AdminContentItemSchema,
  AdminContentListSchema,
  AdminPeopleListSchema,
  AdminPolicyViewSchema,
  AdminSettingsSchema,
  AdminSuggestionListSchema,
  ApproveSuggestionResultSchema,
  AuditListSchema,
  ImportStartedSchema,
  ImportStatusSchema,
  PublishPolicyResultSchema,
  RotatedSecretSchema,
  type AdminContentInput,
  type AdminSettingsInput,
} from '../../shared/contracts/admin.js';
import type { ContentAction } from '../../shared/domain/content-lifecycle.js';
import type { Role } from '../../shared/domain/types.js';
import type { ApiClient, DownloadedFile, QueryParams } from '../api/client.js';
import { saveFile } from '../shell/save-file.js';

const enc = encodeURIComponent;
const opts = (signal?: AbortSignal, query?: QueryParams) => ({ ...(signal ? { signal } : {}), ...(query ? { query } : {}) });

export const adminApi = {
  content: (api: ApiClient, query: QueryParams, signal?: AbortSignal) => api.get('/api/admin/content', AdminContentListSchema, opts(signal, query)),
  createContent: (api: ApiClient, input: AdminContentInput) => api.send('POST', '/api/admin/content', AdminContentItemSchema, input),
  updateContent: (api: ApiClient, id: string, input: AdminContentInput) => api.send('PUT', `/api/admin/content/${enc(id)}`, AdminContentItemSchema, input),
  transition: (api: ApiClient, id: string, action: ContentAction) => api.send('POST', `/api/admin/content/${enc(id)}/transition`, AdminContentItemSchema, { action }),
  suggestions: (api: ApiClient, status: string, signal?: AbortSignal) => api.get('/api/admin/suggestions', AdminSuggestionListSchema, opts(signal, { status })),
  approve: (api: ApiClient, id: string) => api.send('POST', `/api/admin/suggestions/${enc(id)}/approve`, ApproveSuggestionResultSchema),
  reject: (api: ApiClient, id: string, reason: string) => api.send('POST', `/api/admin/suggestions/${enc(id)}/reject`, z.object({ notified: z.string() }).passthrough(), { reason }),
  settings: (api: ApiClient, signal?: AbortSignal) => api.get('/api/admin/settings', AdminSettingsSchema, opts(signal)),
  saveSettings: (api: ApiClient, input: AdminSettingsInput) => api.send('PUT', '/api/admin/settings', AdminSettingsSchema, input),
  rotateSecret: (api: ApiClient) => api.send('POST', '/api/admin/settings/webhook-secret', RotatedSecretSchema),
  people: (api: ApiClient, signal?: AbortSignal) => api.get('/api/admin/people', AdminPeopleListSchema, opts(signal)),
  setRoles: (api: ApiClient, id: string, roles: Role[]) => api.send('PUT', `/api/admin/people/${enc(id)}/roles`, z.object({ roles: z.array(z.string()) }).passthrough(), { roles }),
  importCsv: (api: ApiClient, csv: string) => api.upload('POST', '/api/admin/people/import', 'text/csv', csv, ImportStartedSchema),
  sync: (api: ApiClient) => api.send('POST', '/api/admin/people/sync', ImportStartedSchema),
  importStatus: (api: ApiClient, id: string, signal?: AbortSignal) => api.get(`/api/admin/people/import/${enc(id)}`, ImportStatusSchema, opts(signal)),
  policy: (api: ApiClient, signal?: AbortSignal) => api.get('/api/admin/policy', AdminPolicyViewSchema, opts(signal)),
  publishPolicy: (api: ApiClient, input: { title: string; summary: string; body: string }) => api.send('POST', '/api/admin/policy/versions', PublishPolicyResultSchema, input),
  audit: (api: ApiClient, signal?: AbortSignal) => api.get('/api/admin/audit', AuditListSchema, opts(signal, { limit: 500 })),
  exportPerson: (api: ApiClient, id: string) => api.get(`/api/admin/people/${enc(id)}/export`, z.record(z.unknown())),
  auditCsv: (api: ApiClient) => api.download('/api/admin/audit', { query: { format: 'csv' }, fallbackName: 'audit-log.csv' }),
  importCsvReport: (api: ApiClient, id: string) => api.download(`/api/admin/people/import/${enc(id)}/report.csv`),
};

/** Save a downloaded file (a CSV export) in the browser. */
export function saveCsv(file: DownloadedFile): void {
  saveFile(file.filename, file.blob);
}

/** Save a JSON document as a file download (a person's data export). */
export function saveJson(filename: string, data: unknown): void {
  saveFile(filename, JSON.stringify(data, null, 2), 'application/json');
}
