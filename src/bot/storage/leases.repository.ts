/**
 * Coordination rows shared by every instance: the per-tenant send budget (window slots claimed
 * with ETags, so two workers together stay inside it) and job leases (a weekly job runs once).
 */
import type { TableClient } from '@azure/data-tables';
import type { JobLeaseStore, SendBudgetStore } from '../services/campaigns.ports.js';
import { guard, translateError } from './errors.js';
import { keys } from './keys.js';
import { readRow } from './table-ops.js';

/** Rotating window slots per tenant: rows are reused, so the table never grows with time. */
export const BUDGET_SLOTS = 64;

/** SendBudgetStore on a table: row `wNN` holds the window it counts and the sends granted in it. */
export class TableSendBudgetStore implements SendBudgetStore {
  constructor(private readonly table: TableClient) {}

  async take(tenantId: string, windowStartMs: number, perWindow: number, wanted: number): Promise<number> {
    const pk = keys.sendBudget.pk(tenantId);
    const rk = keys.sendBudget.rk(Math.floor(windowStartMs / 10) % BUDGET_SLOTS);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const row = await readRow(this.table, pk, rk, `send budget ${tenantId}`);
      const current = row && Number(row.windowStartMs) === windowStartMs ? Number(row.used) : 0;
      const granted = Math.max(0, Math.min(wanted, perWindow - current));
      if (granted === 0) return 0;
      const entity = { partitionKey: pk, rowKey: rk, windowStartMs, used: current + granted };
      try {
        if (row) await this.table.updateEntity(entity, 'Replace', { etag: String(row.etag) });
        else await this.table.createEntity(entity);
        return granted;
      } catch (err) {
        const status = translateError(err).statusCode;
        if (status !== 412 && status !== 409) throw translateError(err, `send budget ${tenantId}`);
      }
    }
    return 0;
  }
}

/** JobLeaseStore on a table: one row per (job, period) with holder, expiry and done flag. */
export class TableJobLeaseStore implements JobLeaseStore {
  constructor(private readonly table: TableClient) {}

  async acquire(job: string, period: string, holder: string, nowMs: number, untilMs: number): Promise<boolean> {
    const pk = keys.jobLease.pk(job);
    const rk = keys.jobLease.rk(period);
    const entity = { partitionKey: pk, rowKey: rk, holder, untilMs, done: false };
    const row = await readRow(this.table, pk, rk, `lease ${job}/${period}`);
    try {
      if (!row) {
        await this.table.createEntity(entity);
        return true;
      }
      if (row.done === true) return false;
      if (row.holder !== holder && Number(row.untilMs) > nowMs) return false;
      await this.table.updateEntity(entity, 'Replace', { etag: String(row.etag) });
      return true;
    } catch (err) {
      const status = translateError(err).statusCode;
      if (status === 409 || status === 412) return false;
      throw translateError(err, `lease ${job}/${period}`);
    }
  }

  async complete(job: string, period: string, holder: string): Promise<void> {
    const pk = keys.jobLease.pk(job);
    const rk = keys.jobLease.rk(period);
    await guard(`lease ${job}/${period}`, () => this.table.upsertEntity({ partitionKey: pk, rowKey: rk, holder, untilMs: 0, done: true }, 'Replace'));
  }
}
