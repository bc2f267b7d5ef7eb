/**
 * "My impact" for the tab: the person's totals, contest score and rank, clicks over time, wins,
 * persona with the next step on the journey, and goals. Only ever for the caller: the route passes
 * the authenticated identity, never an id from the request.
 */
import { contestDaysLeft } from '../../shared/domain/contests.js';
import { countSeries } from '../../shared/domain/goals.js';
import { advisePersonaNextStep, latestPersonaEntry } from '../../shared/domain/personas.js';
import type { ImpactResponse } from '../../shared/contracts/impact.js';
import type { GoalsService, ActivityDeps } from './goals.service.js';
import { readPersonalActivity } from './goals.service.js';
import type { LeaderboardService } from './leaderboard.service.js';
import type { ContestRepository } from './ports.js';

/** Days in the daily series and weeks in the weekly one. */
export const IMPACT_DAYS = 30;
export const IMPACT_WEEKS = 12;

export interface ImpactService {
  myImpact(tenantId: string, employeeId: string): Promise<ImpactResponse>;
}

export interface ImpactDeps extends ActivityDeps {
  leaderboard: Pick<LeaderboardService, 'myImpact'>;
  contests: Pick<ContestRepository, 'get'>;
  goals: GoalsService;
  clock: () => Date;
}

export function createImpactService(deps: ImpactDeps): ImpactService {
  return {
    async myImpact(tenantId, employeeId) {
      const [impact, activity] = await Promise.all([deps.leaderboard.myImpact(tenantId, employeeId), readPersonalActivity(deps, tenantId, employeeId)]);
      const [goals, contest] = await Promise.all([
        deps.goals.progress(tenantId, employeeId, activity),
        impact.contest ? deps.contests.get(tenantId, impact.contest.id).then((c) => c.value) : undefined,
      ]);
      const now = deps.clock().toISOString();
      const { employee } = activity;
      const since = latestPersonaEntry(employee.personaHistory)?.since;
      const rank = impact.contest?.rank;
      return {
        employeeId,
        displayName: employee.displayName,
        timeZone: employee.timeZone,
        totals: { clicks: impact.clicks.total, clicksThisWeek: impact.clicks.thisWeek, shares: impact.shares, conversions: impact.conversions },
        ...(impact.contest && contest && rank
          ? {
              contest: {
                id: contest.id,
                name: contest.name,
                endsAt: contest.endsAt,
                daysLeft: contestDaysLeft(contest, now),
                score: impact.contest.score,
                status: rank.status,
                ...(rank.excludedReason ? { excludedReason: rank.excludedReason } : {}),
                rank: rank.rank,
                rankedCount: rank.rankedCount,
                gapToNext: rank.gapToNext,
                prize: rank.prize,
              },
            }
          : {}),
        clicksByDay: countSeries(activity.clickTimes, 'day', IMPACT_DAYS, employee.timeZone, now),
        clicksByWeek: countSeries(activity.clickTimes, 'week', IMPACT_WEEKS, employee.timeZone, now),
        wins: impact.wins
          .map((w) => ({ id: w.id, kind: w.kind, at: w.at, ...(w.detail !== undefined ? { detail: w.detail } : {}) }))
          .sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
        persona: {
          current: employee.persona,
          leader: employee.leader,
          ...(since ? { since } : {}),
          next: advisePersonaNextStep({ persona: employee.persona, ...(employee.audit ? { audit: employee.audit } : {}), leader: employee.leader }),
        },
        goals,
      };
    },
  };
}
