/**
 * The audit log on a table: one partition per tenant and month (`tenant|YYYY-MM`), row keys
 * ordered newest first (inverted milliseconds), so "the latest N" is a forward range read.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { AuditEntry, AuditLogRepository } from '../services/audit.ports.js';
import { guard } from './errors.js';
import { keys } from './keys.js';

const rowSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRoles: z.string(),
  action: z.string(),
  target: z.string(),
  status: z.number().int(),
  before: z.string().optional(),
  after: z.string().optional(),
});

/** Largest JSON kept for before/after; bigger values are cut with a marker (Table Storage caps a property at 64 KiB). */
const MAX_STATE_CHARS = 16_000;

function stateJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value);
  return json.length <= MAX_STATE_CHARS ? json : `${json.slice(0, MAX_STATE_CHARS)}…(truncated)`;
}

function parseState(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/** Months to look back when listing without `since` (a year of history). */
const DEFAULT_MONTHS = 12;

export class TableAuditLogRepository implements AuditLogRepository {
  constructor(private readonly table: TableClient) {}

  async append(entry: AuditEntry): Promise<void> {
    const atMs = Date.parse(entry.at);
    const row = {
      partitionKey: keys.auditLog.pk(entry.tenantId, entry.at.slice(0, 7)),
      rowKey: keys.auditLog.rk(atMs, entry.id),
      id: entry.id,
      at: entry.at,
      actorId: entry.actorId,
      actorName: entry.actorName,
      actorRoles: entry.actorRoles.join(','),
      action: entry.action,
      target: JSON.stringify(entry.target),
      status: entry.status,
      ...(entry.before !== undefined ? { before: stateJson(entry.before) } : {}),
      ...(entry.after !== undefined ? { after: stateJson(entry.after) } : {}),
    };
    await guard(`audit entry ${entry.id}`, () => this.table.createEntity(row));
  }

  async list(tenantId: string, options: { limit: number; since?: string }): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    const sinceMonth = options.since?.slice(0, 7);
    for (const month of monthsBack(new Date(), DEFAULT_MONTHS)) {
      if (sinceMonth && month < sinceMonth) break;
      const pk = keys.auditLog.pk(tenantId, month);
      const filter = odata`PartitionKey eq ${pk}`;
      await guard(`audit log ${tenantId} ${month}`, async () => {
        for await (const raw of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
          const row = rowSchema.parse(raw);
          if (options.since && row.at < options.since) return;
          out.push({
            tenantId,
            id: row.id,
            at: row.at,
            actorId: row.actorId,
            actorName: row.actorName,
            actorRoles: row.actorRoles === '' ? [] : row.actorRoles.split(','),
            action: row.action,
            target: parseState(row.target) as Record<string, string>,
            status: row.status,
            ...(row.before !== undefined ? { before: parseState(row.before) } : {}),
            ...(row.after !== undefined ? { after: parseState(row.after) } : {}),
          });
          if (out.length >= options.limit) return;
        }
      });
      if (out.length >= options.limit) break;
    }
    return out;
  }
}

/** `YYYY-MM` of `now` and the `count - 1` months before it, newest first. */
function monthsBack(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}
