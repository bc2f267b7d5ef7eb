/**
 * What "my score" and "leaderboard" need, as a small port of the Teams layer: the composition
 * root adapts the scoring/leaderboard services to it. Kept apart so the commands work (and are
 * tested) whatever the scoring services' wider API looks like.
 */
import type { LeaderboardService } from '../services/leaderboard.service.js';

/** The contest running now, as the chat shows it. */
export interface ContestSummary {
  name: string;
  /** ISO instant. */
  endsAt: string;
}

/** One row of the leaderboard. */
export interface LeaderboardRow {
  rank: number;
  employeeId: string;
  displayName: string;
  points: number;
}

/** A person's standing in the running contest. */
export interface MyScore {
  contest: ContestSummary;
  points: number;
  /** 1-based; absent when the person has no points yet. */
  rank?: number;
  /** People ranked. */
  ranked: number;
  clicks: number;
  /** Clicks in the current ISO week (the Viva dashboard card); absent when the source cannot tell. */
  clicksThisWeek?: number;
  shares: number;
}

export interface ScoreSource {
  /** `undefined` when no contest is running. */
  myScore(tenantId: string, employeeId: string, now: Date): Promise<MyScore | undefined>;
  /** Top `limit` of the running contest; `undefined` when none is running. */
  leaderboard(tenantId: string, limit: number, now: Date): Promise<{ contest: ContestSummary; rows: LeaderboardRow[] } | undefined>;
}

/**
 * The leaderboard service (scoring, `leaderboard.service.ts`) as the chat needs it: the running
 * contest's top rows, and the person's points, rank, clicks and shares.
 */
export function scoreSourceFrom(leaderboard: Pick<LeaderboardService, 'top' | 'myImpact'>): ScoreSource {
  return {
    async myScore(tenantId, employeeId) {
      const [board, impact] = await Promise.all([leaderboard.top(tenantId, undefined, 0), leaderboard.myImpact(tenantId, employeeId)]);
      if (!board) return undefined;
      const rank = impact.contest?.rank;
      return {
        contest: { name: board.contest.name, endsAt: board.contest.endsAt },
        points: impact.contest?.score ?? 0,
        ...(rank?.status === 'ranked' && rank.rank !== null ? { rank: rank.rank } : {}),
        ranked: board.rankedCount,
        clicks: impact.clicks.total,
        clicksThisWeek: impact.clicks.thisWeek,
        shares: impact.shares,
      };
    },
    async leaderboard(tenantId, limit) {
      const board = await leaderboard.top(tenantId, undefined, limit);
      if (!board) return undefined;
      return {
        contest: { name: board.contest.name, endsAt: board.contest.endsAt },
        rows: board.entries.map((e) => ({ rank: e.rank, employeeId: e.employeeId, displayName: e.displayName, points: e.points })),
      };
    },
  };
}
