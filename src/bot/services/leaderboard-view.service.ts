/**
 * The Leaderboard page: the running contest with its rules (weights, prizes, exclusions as rules),
 * days left, the top N and, in the personal view, the caller's own rank. The ranking itself is
 * the leaderboard service's snapshot; this only shapes it for the tab.
 */
import { contestDaysLeft, isContestOpenAt } from '../../shared/domain/contests.js';
import type { LeaderboardResponse } from '../../shared/contracts/leaderboard.js';
import type { LeaderboardService } from './leaderboard.service.js';
import type { ContestRepository } from './ports.js';

export interface LeaderboardViewService {
  /** `view: 'channel'` leaves out everything personal (no `me`, no `isMe`). */
  board(tenantId: string, employeeId: string, options: { top: number; view: 'personal' | 'channel' }): Promise<LeaderboardResponse>;
}

export interface LeaderboardViewDeps {
  leaderboard: Pick<LeaderboardService, 'top' | 'myRank'>;
  contests: Pick<ContestRepository, 'get'>;
  clock: () => Date;
}

export function createLeaderboardViewService(deps: LeaderboardViewDeps): LeaderboardViewService {
  return {
    async board(tenantId, employeeId, { top, view }) {
      const board = await deps.leaderboard.top(tenantId, undefined, top);
      if (!board) return { contest: null, entries: [], rankedCount: 0 };
      const personal = view === 'personal';
      const [contest, mine] = await Promise.all([
        deps.contests.get(tenantId, board.contest.id).then((c) => c.value),
        personal ? deps.leaderboard.myRank(tenantId, employeeId, board.contest.id) : undefined,
      ]);
      const now = deps.clock().toISOString();
      return {
        contest: {
          id: contest.id,
          name: contest.name,
          startsAt: contest.startsAt,
          endsAt: contest.endsAt,
          daysLeft: contestDaysLeft(contest, now),
          open: isContestOpenAt(contest, now),
          weights: { ...contest.weights },
          prizes: contest.prizes.map((p) => ({ ...p })),
          excludedRoles: [...contest.excludedRoles],
          excludedPeopleCount: new Set(contest.excludedEmployeeIds).size,
        },
        entries: board.entries.map((e) => ({
          rank: e.rank,
          displayName: e.displayName,
          points: e.points,
          ...(e.prize ? { prize: e.prize } : {}),
          isMe: personal && e.employeeId === employeeId,
        })),
        rankedCount: board.rankedCount,
        asOf: board.asOf,
        ...(mine
          ? {
              me: {
                status: mine.status,
                ...(mine.excludedReason ? { excludedReason: mine.excludedReason } : {}),
                rank: mine.rank,
                points: mine.points,
                gapToNext: mine.gapToNext,
              },
            }
          : {}),
      };
    },
  };
}
