/**
 * Contests, as run in seed 003 (Oktopost): one quarter (90 days), scored on unique clicks rather
 * than shares (value over noise: blind sharing earns nothing), cash prizes for the top three
 * ($100, $50, $25), and the executive team and the contest coordinators excluded so that people
 * who were not usually active have a real chance. Weekly updates show each person their rank.
 */
import type { Contest, IsoInstant, Prize, Role, Score } from './types.js';

/** One day in milliseconds (contest windows and ISO weeks). */
export const DAY_MS = 86_400_000;

/** One quarter, as in the Oktopost contest. */
export const DEFAULT_CONTEST_DAYS = 90;
/** Unique clicks only; shares and conversions score nothing unless an admin says so. */
export const DEFAULT_CONTEST_WEIGHTS: Contest['weights'] = { uniqueClick: 1, share: 0, conversion: 0 };
/** $100 / $50 / $25 in cents. */
export const DEFAULT_CONTEST_PRIZES: readonly Prize[] = [
  { rank: 1, label: '1st place', amountMinor: 10_000, currency: 'USD' },
  { rank: 2, label: '2nd place', amountMinor: 5_000, currency: 'USD' },
  { rank: 3, label: '3rd place', amountMinor: 2_500, currency: 'USD' },
];
/** Executives and coordinators step aside to encourage the usually inactive. */
export const DEFAULT_EXCLUDED_ROLES: readonly Role[] = ['executive', 'coordinator'];

/** `[start, start + 90 days)`: the contest closes at the exclusive end. */
export function defaultContestWindow(start: IsoInstant): { startsAt: IsoInstant; endsAt: IsoInstant } {
  const ms = Date.parse(start);
  if (!Number.isFinite(ms)) throw new RangeError('Invalid contest start.');
  return { startsAt: new Date(ms).toISOString(), endsAt: new Date(ms + DEFAULT_CONTEST_DAYS * DAY_MS).toISOString() };
}

/** A contest with the seed-003 defaults, ready for an admin to adjust. */
export function defaultContest(init: { id: string; name: string; startsAt: IsoInstant }): Contest {
  return {
    id: init.id,
    name: init.name,
    ...defaultContestWindow(init.startsAt),
    weights: { ...DEFAULT_CONTEST_WEIGHTS },
    prizes: DEFAULT_CONTEST_PRIZES.map((prize) => ({ ...prize })),
    excludedRoles: [...DEFAULT_EXCLUDED_ROLES],
    excludedEmployeeIds: [],
  };
}

export interface ContestParticipant {
  id: string;
  roles: readonly Role[];
}

export type ContestEligibility = { eligible: true } | { eligible: false; reason: 'excluded-role' | 'excluded-person' };

/** Whether a person may rank and win; excluded people still see their own figures. */
export function checkContestEligibility(contest: Contest, person: ContestParticipant): ContestEligibility {
  if (contest.excludedEmployeeIds.includes(person.id)) return { eligible: false, reason: 'excluded-person' };
  if (person.roles.some((role) => contest.excludedRoles.includes(role))) return { eligible: false, reason: 'excluded-role' };
  return { eligible: true };
}

/** A scoring event; unique clicks must already be de-duplicated (`countUniqueClicks`). */
export interface ContestEvent {
  kind: 'unique-click' | 'share' | 'conversion';
  employeeId: string;
  at: IsoInstant;
  /** When present, `scoreContest` counts an id once per person (replayed events). */
  id?: string;
  /** How many such events this one stands for (batched); default 1. Never negative. */
  count?: number;
}

/** Refuses a count that could subtract or is not a whole number of events. */
function eventCount(event: ContestEvent): number {
  const count = event.count ?? 1;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`Invalid event count ${String(count)}: a count is a whole number >= 0.`);
  return count;
}

/** Points an event is worth in this contest: 0 outside `[startsAt, endsAt)`; a negative count throws. */
export function getEventPoints(contest: Contest, event: ContestEvent): number {
  const count = eventCount(event);
  if (!isContestOpenAt(contest, event.at)) return 0;
  const weight = event.kind === 'unique-click' ? contest.weights.uniqueClick : event.kind === 'share' ? contest.weights.share : contest.weights.conversion;
  return Math.max(0, weight) * count;
}

/** Whether `at` falls inside the contest window `[startsAt, endsAt)`. */
export function isContestOpenAt(contest: Contest, at: IsoInstant): boolean {
  const ms = Date.parse(at);
  return ms >= Date.parse(contest.startsAt) && ms < Date.parse(contest.endsAt);
}

/** The contests an event at `at` scores in (a tenant may run several at once). */
export function contestsOpenAt(contests: readonly Contest[], at: IsoInstant): Contest[] {
  return contests.filter((contest) => isContestOpenAt(contest, at));
}

/**
 * The contest a "leaderboard" or "my rank" question means when none is named: the open contest
 * that ends first; when none is open, the one that ended last (its final board); else undefined.
 */
export function selectCurrentContest(contests: readonly Contest[], now: IsoInstant): Contest | undefined {
  const open = contestsOpenAt(contests, now).sort((a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt) || a.id.localeCompare(b.id));
  if (open[0]) return open[0];
  const ms = Date.parse(now);
  const ended = contests.filter((c) => Date.parse(c.endsAt) <= ms).sort((a, b) => Date.parse(b.endsAt) - Date.parse(a.endsAt) || a.id.localeCompare(b.id));
  return ended[0];
}

/** Whole days left before the contest closes, counting a started day as a day; 0 once closed. */
export function contestDaysLeft(contest: Contest, now: IsoInstant): number {
  const left = Date.parse(contest.endsAt) - Date.parse(now);
  if (!Number.isFinite(left)) throw new RangeError('Invalid instant.');
  return left <= 0 ? 0 : Math.ceil(left / DAY_MS);
}

/**
 * Adds one event to a running score. `reachedAt` is the latest instant of a scoring event, i.e.
 * when the current points were reached, whatever order events arrive in; zero-point events leave
 * the score untouched, so a share in a clicks-only contest cannot move anyone in a tie. A score
 * with negative points is refused: points only ever grow.
 */
export function applyEventToScore(contest: Contest, score: Score | undefined, event: ContestEvent): Score | undefined {
  if (score && !(score.points >= 0)) throw new RangeError(`Invalid score ${String(score.points)} for ${score.employeeId}: points are never negative.`);
  const points = getEventPoints(contest, event);
  if (points === 0) return score;
  if (!score) return { contestId: contest.id, employeeId: event.employeeId, points, reachedAt: event.at };
  return { ...score, points: score.points + points, reachedAt: Date.parse(event.at) > Date.parse(score.reachedAt) ? event.at : score.reachedAt };
}

/**
 * All scores of a contest from its events, one per person with points. An id counts once per
 * person: the same id used by two people is two events (ids are only unique per person).
 */
export function scoreContest(contest: Contest, events: readonly ContestEvent[]): Score[] {
  const seen = new Set<string>();
  const scores = new Map<string, Score>();
  for (const event of events) {
    if (event.id !== undefined) {
      const key = `${event.employeeId}\u0000${event.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const next = applyEventToScore(contest, scores.get(event.employeeId), event);
    if (next) scores.set(event.employeeId, next);
  }
  return [...scores.values()];
}

export interface LeaderboardEntry {
  employeeId: string;
  points: number;
  reachedAt: IsoInstant;
  /** Standard competition rank: equal only when points and reachedAt are both equal. */
  rank: number;
  prize?: Prize;
}

/**
 * Leaderboard order: points desc, then earliest `reachedAt`, then id (stable order only). Exported
 * so storage-side sorts and the domain agree on one order.
 */
export function compareScores(a: Pick<Score, 'points' | 'reachedAt' | 'employeeId'>, b: Pick<Score, 'points' | 'reachedAt' | 'employeeId'>): number {
  return compareReach(a, b) || (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0);
}

/** Points desc, then earliest `reachedAt`: the order that decides ranks (0 = a full tie). */
function compareReach(a: Pick<Score, 'points' | 'reachedAt'>, b: Pick<Score, 'points' | 'reachedAt'>): number {
  if (a.points !== b.points) return b.points - a.points;
  return Date.parse(a.reachedAt) - Date.parse(b.reachedAt);
}

/**
 * Leaderboard of eligible people with points: points desc, then earliest `reachedAt` (whoever got
 * there first stays ahead), then id only for a stable order. Ranks are sequential unless points
 * and `reachedAt` are both equal; such people share a rank ("1224") and each gets that rank's
 * prize. People without points, not eligible, or missing from `participants` (unknown people:
 * an excluded coordinator without a record must not win) are never ranked.
 */
export function rankLeaderboard(contest: Contest, scores: readonly Score[], participants: readonly ContestParticipant[]): LeaderboardEntry[] {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const ranked = scores
    .filter((s) => s.points > 0)
    .filter((s) => {
      const person = byId.get(s.employeeId);
      return person !== undefined && checkContestEligibility(contest, person).eligible;
    })
    .map((s) => ({ score: s, ms: Date.parse(s.reachedAt) }))
    .sort((a, b) => b.score.points - a.score.points || a.ms - b.ms || (a.score.employeeId < b.score.employeeId ? -1 : a.score.employeeId > b.score.employeeId ? 1 : 0));
  const entries: LeaderboardEntry[] = [];
  let previousMs = Number.NaN;
  ranked.forEach(({ score, ms }, index) => {
    const previous = entries[index - 1];
    const tied = previous !== undefined && previous.points === score.points && previousMs === ms;
    const rank = tied ? previous.rank : index + 1;
    const prize = contest.prizes.find((p) => p.rank === rank);
    entries.push({ employeeId: score.employeeId, points: score.points, reachedAt: score.reachedAt, rank, ...(prize ? { prize } : {}) });
    previousMs = ms;
  });
  return entries;
}

export interface MyRankView {
  employeeId: string;
  status: 'ranked' | 'unranked' | 'excluded';
  /** `not-participant`: no record in the programme (unknown people are never ranked). */
  excludedReason?: 'excluded-role' | 'excluded-person' | 'not-participant';
  rank: number | null;
  points: number;
  /** Points needed to pass the next person above; null at the top or when excluded. */
  gapToNext: number | null;
  prize: Prize | null;
  rankedCount: number;
}

/**
 * "My rank" for the weekly update and My impact: rank, points, the gap to the next rank and the
 * prize if any. Excluded people see their points and the reason, never a rank.
 */
export function getMyRank(contest: Contest, leaderboard: readonly LeaderboardEntry[], scores: readonly Score[], person: ContestParticipant): MyRankView {
  const points = scores.find((s) => s.employeeId === person.id)?.points ?? 0;
  const base = { employeeId: person.id, points, rankedCount: leaderboard.length, prize: null };
  const eligibility = checkContestEligibility(contest, person);
  if (!eligibility.eligible) return { ...base, status: 'excluded', excludedReason: eligibility.reason, rank: null, gapToNext: null };
  const index = leaderboard.findIndex((e) => e.employeeId === person.id);
  const mine = leaderboard[index];
  if (!mine) {
    const last = leaderboard[leaderboard.length - 1];
    return { ...base, status: 'unranked', rank: null, gapToNext: last ? last.points - points + 1 : 1 };
  }
  const above = leaderboard.slice(0, index).reverse().find((e) => e.rank < mine.rank);
  return { ...base, status: 'ranked', rank: mine.rank, gapToNext: above ? above.points - mine.points + 1 : null, prize: mine.prize ?? null };
}

/** Bounds an admin's contest must stay within (`validateContest`). */
export const CONTEST_LIMITS = Object.freeze({ maxWeight: 100, maxDays: 366, maxPrizes: 20, maxPrizeRank: 100, maxExcludedPeople: 1_000 });

/** What is wrong with a contest an admin entered (the API names it; the tab translates it). */
export type ContestProblem =
  | 'window-invalid'
  | 'window-order'
  | 'window-too-long'
  | 'weight-range'
  | 'weights-all-zero'
  | 'prize-rank-range'
  | 'prize-rank-repeated'
  | 'too-many-prizes'
  | 'too-many-exclusions';

/**
 * The rules of a contest an admin saves: a window that starts before it ends and lasts at most a
 * year; weights that are whole points from 0 to 100 with at least one above 0 (a contest where
 * nothing scores ranks no one); prizes with distinct ranks from 1 to 100. Contests of a tenant may
 * overlap (`contestsOpenAt`: an event scores in every open contest), so overlap is not a problem.
 * Returns every problem found, in this order; an empty list means the contest is valid.
 */
export function validateContest(contest: Pick<Contest, 'startsAt' | 'endsAt' | 'weights' | 'prizes' | 'excludedEmployeeIds'>): ContestProblem[] {
  const problems: ContestProblem[] = [];
  const start = Date.parse(contest.startsAt);
  const end = Date.parse(contest.endsAt);
  if (!Number.isFinite(start) || !Number.isFinite(end)) problems.push('window-invalid');
  else if (end <= start) problems.push('window-order');
  else if (end - start > CONTEST_LIMITS.maxDays * DAY_MS) problems.push('window-too-long');
  const weights = [contest.weights.uniqueClick, contest.weights.share, contest.weights.conversion];
  if (weights.some((w) => !Number.isInteger(w) || w < 0 || w > CONTEST_LIMITS.maxWeight)) problems.push('weight-range');
  else if (weights.every((w) => w === 0)) problems.push('weights-all-zero');
  if (contest.prizes.length > CONTEST_LIMITS.maxPrizes) problems.push('too-many-prizes');
  if (contest.prizes.some((p) => !Number.isInteger(p.rank) || p.rank < 1 || p.rank > CONTEST_LIMITS.maxPrizeRank)) problems.push('prize-rank-range');
  if (new Set(contest.prizes.map((p) => p.rank)).size !== contest.prizes.length) problems.push('prize-rank-repeated');
  if (contest.excludedEmployeeIds.length > CONTEST_LIMITS.maxExcludedPeople) problems.push('too-many-exclusions');
  return problems;
}
