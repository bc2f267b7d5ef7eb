/**
 * What "my score" and "leaderboard" need, as a small port of the Teams layer: the composition
 * root adapts the scoring/leaderboard services to it. Kept apart so the commands work (and are
 * tested) whatever the scoring services' wider API looks like.
 */

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
  shares: number;
}

export interface ScoreSource {
  /** `undefined` when no contest is running. */
  myScore(tenantId: string, employeeId: string, now: Date): Promise<MyScore | undefined>;
  /** Top `limit` of the running contest; `undefined` when none is running. */
  leaderboard(tenantId: string, limit: number, now: Date): Promise<{ contest: ContestSummary; rows: LeaderboardRow[] } | undefined>;
}
