/** Storage port of personal goals (implemented by `TableGoalRepository` in src/bot/storage). */
import type { PersonalGoal } from '../../shared/domain/goals.js';

export interface GoalRepository {
  /** The person's goals (at most one per kind), in no particular order. */
  list(tenantId: string, employeeId: string): Promise<PersonalGoal[]>;
  /** Replace the person's whole set: kinds left out are removed. */
  replace(tenantId: string, employeeId: string, goals: readonly PersonalGoal[]): Promise<void>;
}
