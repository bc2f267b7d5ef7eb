/**
 * RateCountsBoard on a table: partition `rate`, one row per running instance holding its window
 * start and its counts as JSON (capped by the writer, so a row stays far below the 64 KiB
 * property limit). The table never grows with traffic: rows are overwritten, and removed at stop
 * or when stale.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { RateCountsBoard, RateCountsRow } from '../services/rate-sharing.ports.js';
import { guard, translateError } from './errors.js';
import { keys } from './keys.js';
import { listPartition } from './table-ops.js';

const countsSchema = z.record(z.string(), z.number().int().nonnegative());

export class TableRateCountsBoard implements RateCountsBoard {
  constructor(private readonly table: TableClient) {}

  async publish(row: RateCountsRow): Promise<void> {
    const entity = {
      partitionKey: keys.rateCounts.pk(),
      rowKey: keys.rateCounts.rk(row.instanceId),
      instanceId: row.instanceId,
      windowStartMs: row.windowStartMs,
      updatedAtMs: row.updatedAtMs,
      counts: JSON.stringify(row.counts),
    };
    await guard('rate counts', () => this.table.upsertEntity(entity, 'Replace'));
  }

  async list(): Promise<RateCountsRow[]> {
    const rows = await listPartition(this.table, keys.rateCounts.pk(), 'rate counts');
    return rows.flatMap((row) => {
      const counts = countsSchema.safeParse(safeJson(row.counts));
      if (!counts.success || typeof row.instanceId !== 'string') return [];
      return [{ instanceId: row.instanceId, windowStartMs: Number(row.windowStartMs), updatedAtMs: Number(row.updatedAtMs), counts: counts.data }];
    });
  }

  async remove(instanceId: string): Promise<void> {
    try {
      await this.table.deleteEntity(keys.rateCounts.pk(), keys.rateCounts.rk(instanceId));
    } catch (err) {
      if (translateError(err).statusCode !== 404) throw translateError(err, 'rate counts');
    }
  }
}

function safeJson(value: unknown): unknown {
  try {
    return typeof value === 'string' ? JSON.parse(value) : undefined;
  } catch {
    return undefined;
  }
}
