/**
 * Data of the weekly contest update (the card and its delivery come with the delivery issue):
 * top ten, movers since last week's stored snapshot, days left, prizes and one celebrated win of
 * the past seven days. Each call stores this week's snapshot (replacing an earlier one of the
 * same ISO week), so next week's movers compare with the board as it was last posted.
 */
import { contestDaysLeft } from '../../shared/domain/contests.js';
import { computeMovers, isoWeekKey, type Mover } from '../../shared/domain/contest-snapshots.js';
import type { Contest, Prize } from '../../shared/domain/types.js';
import { pickWinToCelebrate, type Win } from '../../shared/domain/wins.js';
import type { BoardEntry, LeaderboardService } from './leaderboard.service.js';
import type { ContestSnapshotRepository, ParticipantDirectory, WinRepository } from './scoring.ports.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * The team channels that get a contest's weekly update: the contest's own channel when an admin
 * picked one and the bot is still installed there; otherwise (none picked, or the bot was removed
 * from it) every team channel the bot is installed in, as before channels could be picked.
 */
export function weeklyUpdateChannels<T extends { employeeId: string }>(contest: Pick<Contest, 'updateChannelId'>, channels: readonly T[]): T[] {
  const picked = contest.updateChannelId === undefined ? undefined : channels.find((c) => c.employeeId === contest.updateChannelId);
  return picked ? [picked] : [...channels];
}

export interface WeeklyContestUpdate {
  contest: { id: string; name: string; startsAt: string; endsAt: string };
  week: string;
  asOf: string;
  daysLeft: number;
  prizes: Prize[];
  top: BoardEntry[];
  rankedCount: number;
  /** Biggest climbers since last week's snapshot (empty on the first week). */
  movers: Array<Mover & { displayName: string }>;
  /** One win of the past seven days to celebrate, if any. */
  win?: Win & { displayName: string };
}

export interface WeeklyUpdateService {
  weeklyContestUpdate(tenantId: string, contestId: string, now: Date): Promise<WeeklyContestUpdate>;
}

export function createWeeklyUpdateService(deps: {
  leaderboard: Pick<LeaderboardService, 'refresh'>;
  snapshots: ContestSnapshotRepository;
  wins: Pick<WinRepository, 'listByWeek'>;
  participants: ParticipantDirectory;
}): WeeklyUpdateService {
  return {
    async weeklyContestUpdate(tenantId, contestId, now) {
      const board = await deps.leaderboard.refresh(tenantId, contestId);
      const week = isoWeekKey(now);
      const lastWeek = isoWeekKey(new Date(now.getTime() - WEEK_MS));
      const [previous, recent, earlier] = await Promise.all([
        deps.snapshots.load(tenantId, contestId, lastWeek),
        deps.wins.listByWeek(tenantId, week),
        deps.wins.listByWeek(tenantId, lastWeek),
      ]);
      await deps.snapshots.save(tenantId, contestId, week, board.entries);
      const names = new Map(board.entries.map((e) => [e.employeeId, e.displayName]));
      const from = now.getTime() - WEEK_MS;
      const win = pickWinToCelebrate([...recent, ...earlier].filter((w) => Date.parse(w.at) > from && Date.parse(w.at) <= now.getTime()));
      let winName = win && names.get(win.employeeId);
      if (win && winName === undefined) winName = (await deps.participants.listParticipants(tenantId)).find((p) => p.id === win.employeeId)?.displayName ?? win.employeeId;
      const { contest } = board;
      return {
        contest: { id: contest.id, name: contest.name, startsAt: contest.startsAt, endsAt: contest.endsAt },
        week,
        asOf: new Date(board.builtAt).toISOString(),
        daysLeft: contestDaysLeft(contest, now.toISOString()),
        prizes: contest.prizes,
        top: board.entries.slice(0, 10),
        rankedCount: board.entries.length,
        movers: computeMovers(previous ?? [], board.entries, 3).map((m) => ({ ...m, displayName: names.get(m.employeeId) ?? m.employeeId })),
        ...(win ? { win: { ...win, displayName: winName ?? win.employeeId } } : {}),
      };
    },
  };
}
