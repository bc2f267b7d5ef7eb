/**
 * Ranked snapshots of a contest: "my rank" answered in O(log n) on a stored board, weekly movers
 * between two snapshots, and the ISO week key snapshots are filed under. Split from contests.ts
 * (the scoring and ranking rules); same seeds (003, Oktopost).
 */
import { checkContestEligibility, DAY_MS, type ContestParticipant, type LeaderboardEntry, type MyRankView } from './contests.js';
import type { IsoInstant, Score, Contest } from './types.js';

/** A score reduced to what ordering needs. */
export type RankedScore = Pick<Score, 'employeeId' | 'points' | 'reachedAt'>;

/**
 * How many board entries are strictly ahead of (points, reachedAt): binary search on a board in
 * `rankLeaderboard` order, O(log n). Equal points and instant are a tie, not ahead.
 */
export function countAhead(board: readonly RankedScore[], points: number, reachedAt: IsoInstant): number {
  const ms = Date.parse(reachedAt);
  let low = 0;
  let high = board.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const entry = board[mid] as RankedScore;
    const ahead = entry.points > points || (entry.points === points && Date.parse(entry.reachedAt) < ms);
    if (ahead) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * "My rank" in O(log n) against a ranked board (a snapshot), with the person's own score read
 * fresh: the same answer as `getMyRank` on a board that includes that score. `selfIndex` is the
 * person's position on the board if they are on it (so a stale copy of them is not counted).
 * `person` undefined means not in the programme: never ranked.
 */
export function locateOnBoard(
  contest: Contest,
  board: readonly LeaderboardEntry[],
  mine: RankedScore | undefined,
  person: ContestParticipant | undefined,
  employeeId: string,
  selfIndex?: number,
): MyRankView {
  const points = mine?.points ?? 0;
  const onBoard = selfIndex !== undefined && board[selfIndex]?.employeeId === employeeId;
  const base = { employeeId, points, prize: null };
  if (!person) return { ...base, rankedCount: board.length - (onBoard ? 1 : 0), status: 'excluded', excludedReason: 'not-participant', rank: null, gapToNext: null };
  const eligibility = checkContestEligibility(contest, person);
  const othersCount = board.length - (onBoard ? 1 : 0);
  if (!eligibility.eligible) return { ...base, rankedCount: othersCount, status: 'excluded', excludedReason: eligibility.reason, rank: null, gapToNext: null };
  if (!mine || points <= 0) {
    const last = board[board.length - 1];
    return { ...base, rankedCount: othersCount, status: 'unranked', rank: null, gapToNext: last ? last.points - points + 1 : 1 };
  }
  let ahead = countAhead(board, points, mine.reachedAt);
  const selfAhead = onBoard && (selfIndex as number) < ahead;
  if (selfAhead) ahead -= 1;
  let aboveIndex = ahead - 1;
  if (selfAhead && aboveIndex >= (selfIndex as number)) aboveIndex += 1;
  const above = aboveIndex >= 0 ? board[aboveIndex] : undefined;
  const rank = ahead + 1;
  const prize = contest.prizes.find((p) => p.rank === rank) ?? null;
  return { ...base, rankedCount: othersCount + 1, status: 'ranked', rank, gapToNext: above ? above.points - points + 1 : null, prize };
}

/** One person's place in a stored weekly snapshot of a board. */
export interface RankSnapshotEntry {
  employeeId: string;
  rank: number;
  points: number;
}

/** A person who climbed since the last snapshot (`from` null: new on the board). */
export interface Mover {
  employeeId: string;
  from: number | null;
  to: number;
  /** Places gained; a newcomer counts from just below last week's last place. */
  placesGained: number;
  points: number;
  pointsGained: number;
}

/**
 * The weekly update's "movers": who climbed most since last week's snapshot, biggest climb first,
 * then best current rank. Nobody who stayed or dropped is a mover. Pure and order-independent.
 */
export function computeMovers(previous: readonly RankSnapshotEntry[], current: readonly LeaderboardEntry[], limit = 3): Mover[] {
  const before = new Map(previous.map((e) => [e.employeeId, e]));
  const floor = previous.length + 1;
  const movers: Mover[] = [];
  for (const entry of current) {
    const last = before.get(entry.employeeId);
    const from = last?.rank ?? null;
    const placesGained = (from ?? floor) - entry.rank;
    if (placesGained <= 0) continue;
    movers.push({ employeeId: entry.employeeId, from, to: entry.rank, placesGained, points: entry.points, pointsGained: entry.points - (last?.points ?? 0) });
  }
  return movers
    .sort((a, b) => b.placesGained - a.placesGained || a.to - b.to || (a.employeeId < b.employeeId ? -1 : 1))
    .slice(0, Math.max(0, limit));
}

/** ISO-8601 week of an instant in UTC, `YYYY-Www` (weeks start on Monday; week 1 holds a Thursday). */
export function isoWeekKey(at: IsoInstant | Date): string {
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError('Invalid instant.');
  const day = new Date(ms);
  const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${date.getUTCFullYear()}-W${week.toString().padStart(2, '0')}`;
}
