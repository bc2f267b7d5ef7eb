/**
 * The services behind the tab's My impact, Leaderboard and Policy pages, built over the app's
 * repositories and shared services (one leaderboard, one policy gate) for the composition root.
 */
import { createGoalsService, type GoalsService } from './goals.service.js';
import type { GoalRepository } from './goals.ports.js';
import { createImpactService, type ImpactService } from './impact.service.js';
import type { LeaderboardService } from './leaderboard.service.js';
import { createLeaderboardViewService, type LeaderboardViewService } from './leaderboard-view.service.js';
import { createPolicyHistoryService, type PolicyHistoryService } from './policy-history.service.js';
import type { PolicyService } from './policy.service.js';
import type { Repositories } from './ports.js';

export interface TabPageServices {
  goals: GoalsService;
  impact: ImpactService;
  leaderboardView: LeaderboardViewService;
  policyHistory: PolicyHistoryService;
}

export interface TabPageDeps {
  repositories: Pick<Repositories, 'employees' | 'shares' | 'clicks' | 'contests' | 'policies'> & { goals: GoalRepository };
  leaderboard: Pick<LeaderboardService, 'top' | 'myRank' | 'myImpact'>;
  policy: Pick<PolicyService, 'acknowledge'>;
  clock?: () => Date;
}

export function createTabPageServices(deps: TabPageDeps): TabPageServices {
  const clock = deps.clock ?? (() => new Date());
  const { employees, shares, clicks, contests, policies, goals: goalRepository } = deps.repositories;
  const goals = createGoalsService({ employees, shares, clicks, goals: goalRepository, clock });
  return {
    goals,
    impact: createImpactService({ employees, shares, clicks, contests, leaderboard: deps.leaderboard, goals, clock }),
    leaderboardView: createLeaderboardViewService({ leaderboard: deps.leaderboard, contests, clock }),
    policyHistory: createPolicyHistoryService({ policies, policy: deps.policy, clock }),
  };
}
