/**
 * Personal goals (table `Goals`): one partition per person, one row per goal kind, so reading a
 * person's goals is one single-partition read and replacing them is one batch transaction.
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { GOAL_KINDS, type PersonalGoal } from '../../shared/domain/goals.js';
import type { GoalRepository } from '../services/goals.ports.js';
import { guard } from './errors.js';
import { fromRow, toRow, validateDomain } from './entity-codec.js';
import { keys } from './keys.js';
import { listPartition } from './table-ops.js';

export const personalGoalSchema: z.ZodType<PersonalGoal, z.ZodTypeDef, unknown> = z.object({
  kind: z.enum(GOAL_KINDS),
  target: z.number().int().min(1),
  setAt: z.string().min(1),
});

/** GoalRepository on Azure Table Storage. */
export class TableGoalRepository implements GoalRepository {
  constructor(private readonly table: TableClient) {}

  async list(tenantId: string, employeeId: string): Promise<PersonalGoal[]> {
    const label = `goals of ${tenantId}/${employeeId}`;
    const rows = await listPartition(this.table, keys.goal.pk(tenantId, employeeId), label);
    return rows.map((row) => fromRow(personalGoalSchema, row, label));
  }

  async replace(tenantId: string, employeeId: string, goals: readonly PersonalGoal[]): Promise<void> {
    const label = `goals of ${tenantId}/${employeeId}`;
    const pk = keys.goal.pk(tenantId, employeeId);
    const valid = goals.map((goal) => validateDomain(personalGoalSchema, goal, label));
    const kept = new Set(valid.map((g) => g.kind));
    // A delete of a row that does not exist fails the whole batch: delete only stored kinds.
    const stale = (await this.list(tenantId, employeeId)).filter((g) => !kept.has(g.kind));
    const actions: TransactionAction[] = [
      ...valid.map((goal): TransactionAction => ['upsert', toRow(pk, keys.goal.rk(goal.kind), { ...goal }, label), 'Replace']),
      ...stale.map((goal): TransactionAction => ['delete', { partitionKey: pk, rowKey: keys.goal.rk(goal.kind) }]),
    ];
    if (actions.length === 0) return;
    await guard(label, () => this.table.submitTransaction(actions));
  }
}
