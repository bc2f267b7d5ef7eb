/**
 * Personal goals of "My impact": a person sets their own targets (shares or clicks this month, an
 * audience size) and sees progress computed from what is stored: their shares, the unique clicks
 * on their tracked links, and the audience of their own social audit.
 */
import { computeGoalProgress, type GoalKind, type GoalProgress, type PersonalGoal } from '../../shared/domain/goals.js';
import type { Employee } from '../../shared/domain/types.js';
import { mapLimit } from '../util/map-limit.js';
import { NotFoundError } from './errors.js';
import type { GoalRepository } from './goals.ports.js';
import type { ClickRepository, EmployeeRepository, ShareRepository } from './ports.js';

/** What a person did, as the impact page and goals read it. */
export interface PersonalActivity {
  employee: Employee;
  shareTimes: string[];
  /** When each unique click on the person's links happened (one per visitor, link and day). */
  clickTimes: string[];
}

export interface ActivityDeps {
  employees: Pick<EmployeeRepository, 'find'>;
  shares: Pick<ShareRepository, 'listByEmployee'>;
  clicks: Pick<ClickRepository, 'listByCode'>;
}

/**
 * The person's shares (one partition read) and the clicks of each share's link (one partition
 * read per link, 8 in flight). NotFoundError when the person has no record.
 */
export async function readPersonalActivity(deps: ActivityDeps, tenantId: string, employeeId: string): Promise<PersonalActivity> {
  const [found, shares] = await Promise.all([deps.employees.find(tenantId, employeeId), deps.shares.listByEmployee(tenantId, employeeId)]);
  if (!found) throw new NotFoundError(`employee ${tenantId}/${employeeId}: not found`);
  const codes = [...new Set(shares.map((s) => s.linkCode))];
  const clicks = await mapLimit(codes, 8, (code) => deps.clicks.listByCode(code));
  return {
    employee: found.value,
    shareTimes: shares.map((s) => s.sharedAt),
    clickTimes: clicks.flat().filter((c) => c.tenantId === tenantId).map((c) => c.at),
  };
}

export interface GoalsService {
  /** The person's goals with progress. */
  progress(tenantId: string, employeeId: string, activity?: PersonalActivity): Promise<GoalProgress[]>;
  /** Replace the person's goals (validated by the route's contract) and return their progress. */
  set(tenantId: string, employeeId: string, goals: readonly { kind: GoalKind; target: number }[]): Promise<GoalProgress[]>;
}

export interface GoalsDeps extends ActivityDeps {
  goals: GoalRepository;
  clock: () => Date;
}

export function createGoalsService(deps: GoalsDeps): GoalsService {
  async function progress(tenantId: string, employeeId: string, known?: PersonalActivity): Promise<GoalProgress[]> {
    const [goals, activity] = await Promise.all([deps.goals.list(tenantId, employeeId), known ?? readPersonalActivity(deps, tenantId, employeeId)]);
    const { employee } = activity;
    return computeGoalProgress(goals, {
      shareTimes: activity.shareTimes,
      clickTimes: activity.clickTimes,
      ...(employee.audit ? { audit: employee.audit } : {}),
      timeZone: employee.timeZone,
      now: deps.clock().toISOString(),
    });
  }
  return {
    progress,
    async set(tenantId, employeeId, input) {
      const found = await deps.employees.find(tenantId, employeeId);
      if (!found) throw new NotFoundError(`employee ${tenantId}/${employeeId}: not found`);
      const stored = new Map((await deps.goals.list(tenantId, employeeId)).map((g) => [g.kind, g]));
      const setAt = deps.clock().toISOString();
      // An unchanged target keeps when it was first set.
      const next: PersonalGoal[] = input.map((g) => {
        const before = stored.get(g.kind);
        return before && before.target === g.target ? before : { kind: g.kind, target: g.target, setAt };
      });
      await deps.goals.replace(tenantId, employeeId, next);
      return progress(tenantId, employeeId);
    },
  };
}
