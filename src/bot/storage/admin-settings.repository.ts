/**
 * Admin settings of a tenant: one row of the `Settings` table beside the programme row
 * (partition = tenant, row key `admin`). The conversion webhook key is a column of this row
 * (HMAC verification needs the key itself); the API never returns it after rotation.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { AdminSettingsRepository, StoredAdminSettings } from '../services/admin.ports.js';
import type { Weekday } from '../../shared/domain/types.js';
import { guard } from './errors.js';
import { fromRow, toRow, validateDomain } from './entity-codec.js';
import { keys } from './keys.js';
import { readRow } from './table-ops.js';

const hour = z.number().int().min(0).max(23);
export const adminSettingsSchema: z.ZodType<StoredAdminSettings, z.ZodTypeDef, unknown> = z.object({
  quietHours: z.object({ start: hour, end: hour }),
  weeklyPromptCap: z.number().int().min(0).max(21),
  defaultWorkingDays: z.array(z.number().int().min(0).max(6).transform((d) => d as Weekday)),
  disclosureLine: z.string().max(200),
  blockedPhrases: z.array(z.string().max(200)),
  aiHelp: z.boolean(),
  webhookSecret: z.string().optional(),
  webhookSecretRotatedAt: z.string().optional(),
});

/** AdminSettingsRepository on Azure Table Storage. */
export class TableAdminSettingsRepository implements AdminSettingsRepository {
  constructor(private readonly table: TableClient) {}

  async find(tenantId: string): Promise<StoredAdminSettings | undefined> {
    const label = `admin settings ${tenantId}`;
    const row = await readRow(this.table, keys.adminSettings.pk(tenantId), keys.adminSettings.rk(), label);
    return row && fromRow(adminSettingsSchema, row, label);
  }

  async upsert(tenantId: string, settings: StoredAdminSettings): Promise<void> {
    const label = `admin settings ${tenantId}`;
    const valid = validateDomain(adminSettingsSchema, settings, label);
    const row = toRow(keys.adminSettings.pk(tenantId), keys.adminSettings.rk(), { ...valid }, label);
    await guard(label, () => this.table.upsertEntity(row, 'Replace'));
  }
}
