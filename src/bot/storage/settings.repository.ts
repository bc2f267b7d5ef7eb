/** Programme settings of a tenant (table `Settings`, one row per tenant). */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { NETWORKS } from '../../shared/domain/types.js';
import type { ProgrammeSettings, SettingsRepository } from '../services/sharing.ports.js';
import { guard } from './errors.js';
import { fromRow, toRow, validateDomain } from './entity-codec.js';
import { keys } from './keys.js';
import { readRow } from './table-ops.js';

export const programmeSettingsSchema: z.ZodType<ProgrammeSettings, z.ZodTypeDef, unknown> = z.object({
  disclosureEnabled: z.boolean(),
  companyName: z.string().min(1).max(100),
  networks: z.array(z.enum(NETWORKS)),
});

/** SettingsRepository on Azure Table Storage. */
export class TableSettingsRepository implements SettingsRepository {
  constructor(private readonly table: TableClient) {}

  async find(tenantId: string): Promise<ProgrammeSettings | undefined> {
    const label = `settings ${tenantId}`;
    const row = await readRow(this.table, keys.settings.pk(tenantId), keys.settings.rk(), label);
    return row && fromRow(programmeSettingsSchema, row, label);
  }

  async upsert(tenantId: string, settings: ProgrammeSettings): Promise<void> {
    const label = `settings ${tenantId}`;
    const valid = validateDomain(programmeSettingsSchema, settings, label);
    const row = toRow(keys.settings.pk(tenantId), keys.settings.rk(), { ...valid }, label);
    await guard(label, () => this.table.upsertEntity(row, 'Replace'));
  }
}
