/**
 * A pilot's plan (goals, hand-ticked checklist items with who and when) and its go/no-go
 * decisions, one partition per tenant. Decisions are append-only rows, newest first by row key.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { MANUAL_READINESS_ITEMS } from '../../shared/domain/analytics-pilot.js';
import { PilotDecisionSchema, type PilotDecision } from '../../shared/contracts/pilot.js';
import type { PilotPlan, PilotRecordRepository } from '../services/analytics.ports.js';
import type { Versioned } from '../services/ports.js';
import { fromRow, toRow, validateDomain } from './entity-codec.js';
import { guard } from './errors.js';
import { keys } from './keys.js';
import { readRow, requireEtag } from './table-ops.js';

const tickSchema = z.object({ checked: z.boolean(), by: z.string(), byName: z.string(), at: z.string() });
const planSchema: z.ZodType<PilotPlan, z.ZodTypeDef, unknown> = z.object({
  goals: z.array(z.string().max(200)).max(10),
  ticks: z.object(Object.fromEntries(MANUAL_READINESS_ITEMS.map((id) => [id, tickSchema.optional()])) as Record<(typeof MANUAL_READINESS_ITEMS)[number], z.ZodOptional<typeof tickSchema>>),
});

/** PilotRecordRepository on Azure Table Storage. */
export class TablePilotRecordRepository implements PilotRecordRepository {
  constructor(private readonly table: TableClient) {}

  async getPlan(tenantId: string, pilotId: string): Promise<Versioned<PilotPlan> | undefined> {
    const what = `pilot plan ${tenantId}/${pilotId}`;
    const row = await readRow(this.table, keys.pilotRecord.pk(tenantId), keys.pilotRecord.planRk(pilotId), what);
    return row ? { value: fromRow(planSchema, row, what), etag: String(row.etag) } : undefined;
  }

  async putPlan(tenantId: string, pilotId: string, plan: PilotPlan, etag?: string): Promise<void> {
    const what = `pilot plan ${tenantId}/${pilotId}`;
    const valid = validateDomain(planSchema, plan, what);
    const row = toRow(keys.pilotRecord.pk(tenantId), keys.pilotRecord.planRk(pilotId), { ...valid }, what);
    if (etag === undefined) await guard(what, () => this.table.createEntity(row));
    else await guard(what, () => this.table.updateEntity(row, 'Replace', { etag: requireEtag(etag) }));
  }

  async addDecision(tenantId: string, pilotId: string, decision: PilotDecision): Promise<void> {
    const what = `pilot decision ${tenantId}/${pilotId}/${decision.id}`;
    const valid = validateDomain(PilotDecisionSchema, decision, what);
    const row = toRow(keys.pilotRecord.pk(tenantId), keys.pilotRecord.decisionRk(pilotId, Date.parse(valid.at)), { ...valid }, what);
    await guard(what, () => this.table.createEntity(row));
  }

  async listDecisions(tenantId: string, pilotId: string, limit: number): Promise<PilotDecision[]> {
    const pk = keys.pilotRecord.pk(tenantId);
    const { from, to } = keys.pilotRecord.decisionRange(pilotId);
    const what = `pilot decisions ${tenantId}/${pilotId}`;
    const out: PilotDecision[] = [];
    const pages = this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${from} and RowKey lt ${to}` } });
    await guard(what, async () => {
      for await (const row of pages) {
        out.push(fromRow(PilotDecisionSchema, row, `${what} row`));
        if (out.length >= limit) break;
      }
    });
    return out;
  }
}
