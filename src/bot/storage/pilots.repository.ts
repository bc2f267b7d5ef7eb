/** Leadership pilots, one partition per tenant (one or two per programme). */
import type { TableClient } from '@azure/data-tables';
import type { Pilot } from '../../shared/domain/types.js';
import type { PilotRepository } from '../services/ports.js';
import { keys } from './keys.js';
import { pilotSchema } from './schemas.js';
import { TenantCollection, tenantCodec } from './tenant-collection.js';

const codec = tenantCodec<Pilot>({ keys: keys.pilot, schema: pilotSchema, label: 'pilot', plural: 'pilots' });

/** PilotRepository on Azure Table Storage. */
export class TablePilotRepository implements PilotRepository {
  private readonly pilots: TenantCollection<Pilot>;

  constructor(table: TableClient) {
    this.pilots = new TenantCollection(table, codec);
  }

  list(tenantId: string): Promise<Pilot[]> {
    return this.pilots.list(tenantId);
  }

  upsert(tenantId: string, pilot: Pilot): Promise<void> {
    return this.pilots.upsert(tenantId, pilot);
  }
}
