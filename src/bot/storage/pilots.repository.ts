/** Leadership pilots, one partition per tenant (one or two per programme). */
import { odata, type TableClient } from '@azure/data-tables';
import type { Pilot } from '../../shared/domain/types.js';
import type { PilotRepository } from '../services/ports.js';
import { guard } from './errors.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { pilotSchema } from './schemas.js';
import { listRows } from './table-ops.js';

const what = (tenantId: string, id: string) => `pilot ${tenantId}/${id}`;

/** Domain -> entity: validates the value, builds the keys, checks sizes (throws ValidationError). */
export function toPilotEntity(tenantId: string, pilot: Pilot): Row {
  const valid = validateDomain(pilotSchema, pilot, what(tenantId, pilot.id));
  return toRow(keys.pilot.pk(tenantId), keys.pilot.rk(valid.id), { ...valid }, what(tenantId, valid.id));
}

/** Entity -> domain: parses defensively; a row that does not fit is a `CorruptRow` ValidationError. */
export function fromPilotEntity(row: Record<string, unknown>): Pilot {
  return fromRow(pilotSchema, row, `pilot row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

/** PilotRepository on Azure Table Storage. */
export class TablePilotRepository implements PilotRepository {
  constructor(private readonly table: TableClient) {}

  async list(tenantId: string): Promise<Pilot[]> {
    const pk = keys.pilot.pk(tenantId);
    const rows = await listRows(this.table, `pilots of ${tenantId}`, { filter: odata`PartitionKey eq ${pk}` });
    return rows.map(fromPilotEntity);
  }

  async upsert(tenantId: string, pilot: Pilot): Promise<void> {
    const row = toPilotEntity(tenantId, pilot);
    await guard(what(tenantId, pilot.id), () => this.table.upsertEntity(row, 'Replace'));
  }
}
