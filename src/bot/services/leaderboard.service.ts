/**
 * Leaderboard, "my rank" and "My impact", fast at 50,000 participants and correct on several
 * instances (docs/scoring.md):
 *
 * - The ranked board of a contest is a DERIVED SNAPSHOT per instance: built from storage (the
 *   contest's score rows, 16 bucket range reads in parallel, and the roster's id/name/roles) with
 *   the domain's `rankLeaderboard`. Nothing lives only in one process; every instance converges.
 * - Staleness is bounded: a snapshot older than `staleAfterMs` (default 5 s) is served while ONE
 *   background rebuild runs; one older than `maxStaleMs` (default 30 s) is rebuilt before
 *   answering. The roster is refreshed the same way (default 60 s / 5 min).
 * - `top` is a slice of the snapshot. `myRank` reads the person's own score fresh (one point read)
 *   and places it on the snapshot by binary search (domain `locateOnBoard`), so people see their
 *   own new points at once; only others' points may lag by the staleness bound.
 */
import { rankLeaderboard, selectCurrentContest, type LeaderboardEntry, type MyRankView } from '../../shared/domain/contests.js';
import { isoWeekKey, locateOnBoard } from '../../shared/domain/contest-snapshots.js';
import type { Contest } from '../../shared/domain/types.js';
import { NotFoundError } from './errors.js';
import type { ContestRepository } from './ports.js';
import type { Participant, ParticipantDirectory, StoredWin, TallyRepository } from './scoring.ports.js';
import type { WinsService } from './wins.service.js';

/** A ranked board with the names the cards show. */
export interface BoardEntry extends LeaderboardEntry {
  displayName: string;
}

export interface LeaderboardView {
  contest: Pick<Contest, 'id' | 'name' | 'startsAt' | 'endsAt' | 'prizes'>;
  entries: BoardEntry[];
  rankedCount: number;
  /** When the snapshot was built from storage (ISO). */
  asOf: string;
}

export interface MyImpact {
  employeeId: string;
  clicks: { total: number; thisWeek: number };
  shares: number;
  conversions: number;
  /** The current contest, if any: score, rank (or why not ranked). */
  contest?: { id: string; name: string; score: number; rank: MyRankView };
  wins: StoredWin[];
}

export interface LeaderboardService {
  /** Top `n` of a contest (default: the current one; undefined when the tenant has none). */
  top(tenantId: string, contestId?: string, n?: number): Promise<LeaderboardView | undefined>;
  /** The person's rank in a contest (default: the current one). */
  myRank(tenantId: string, employeeId: string, contestId?: string): Promise<(MyRankView & { contestId: string }) | undefined>;
  /** Totals, this week's clicks, score, rank and wins: the "my score" command and the tab. */
  myImpact(tenantId: string, employeeId: string): Promise<MyImpact>;
  /** Build the snapshot now (the weekly update wants the board as it stands). */
  refresh(tenantId: string, contestId: string): Promise<Board>;
}

/** A built snapshot. */
export interface Board {
  contest: Contest;
  entries: BoardEntry[];
  index: Map<string, number>;
  builtAt: number;
}

export interface LeaderboardDeps {
  tallies: TallyRepository;
  contests: Pick<ContestRepository, 'list'>;
  participants: ParticipantDirectory;
  /** Point read of one person when the cached roster does not know them (just enrolled). */
  findParticipant?: (tenantId: string, employeeId: string) => Promise<Participant | undefined>;
  wins: Pick<WinsService, 'listWins'>;
  now?: () => Date;
  staleAfterMs?: number;
  maxStaleMs?: number;
  rosterStaleAfterMs?: number;
  rosterMaxStaleMs?: number;
}

interface Cached<T> {
  value?: T;
  builtAt: number;
  pending?: Promise<T>;
}

/** Serve a value no older than `maxStale`, refreshing in the background once older than `staleAfter`. */
async function cached<T>(cache: Map<string, Cached<T>>, key: string, build: () => Promise<T>, now: number, staleAfter: number, maxStale: number): Promise<T> {
  let entry = cache.get(key);
  if (!entry) cache.set(key, (entry = { builtAt: 0 }));
  const slot = entry;
  const start = () => {
    slot.pending ??= build()
      .then((value) => {
        slot.value = value;
        slot.builtAt = now;
        return value;
      })
      .finally(() => {
        slot.pending = undefined;
      });
    return slot.pending;
  };
  const age = now - slot.builtAt;
  if (slot.value === undefined || age > maxStale) return start();
  if (age > staleAfter) start().catch(() => undefined);
  return slot.value;
}

/** Build the leaderboard service. */
export function createLeaderboardService(deps: LeaderboardDeps): LeaderboardService {
  const now = deps.now ?? (() => new Date());
  const staleAfter = deps.staleAfterMs ?? 5_000;
  const maxStale = deps.maxStaleMs ?? 30_000;
  const boards = new Map<string, Cached<Board>>();
  const rosters = new Map<string, Cached<Map<string, Participant>>>();
  const contestLists = new Map<string, Cached<Contest[]>>();

  const roster = (tenantId: string) =>
    cached(rosters, tenantId, async () => new Map((await deps.participants.listParticipants(tenantId)).map((p) => [p.id, p])), now().getTime(), deps.rosterStaleAfterMs ?? 60_000, deps.rosterMaxStaleMs ?? 300_000);

  async function build(tenantId: string, contest: Contest, people: Map<string, Participant>): Promise<Board> {
    const builtAt = now().getTime();
    const scores = await deps.tallies.listScores(tenantId, contest.id);
    const ranked = rankLeaderboard(contest, scores, [...people.values()]);
    const entries = ranked.map((e) => ({ ...e, displayName: people.get(e.employeeId)?.displayName ?? e.employeeId }));
    return { contest, entries, index: new Map(entries.map((e, i) => [e.employeeId, i])), builtAt };
  }

  async function resolveContest(tenantId: string, contestId?: string): Promise<Contest | undefined> {
    const contests = await cached(contestLists, tenantId, () => deps.contests.list(tenantId), now().getTime(), staleAfter, maxStale);
    if (contestId === undefined) return selectCurrentContest(contests, now().toISOString());
    const contest = contests.find((c) => c.id === contestId);
    if (!contest) throw new NotFoundError(`contest ${tenantId}/${contestId}: not found`);
    return contest;
  }

  async function boardOf(tenantId: string, contest: Contest): Promise<Board> {
    const people = await roster(tenantId);
    return cached(boards, `${tenantId}\u0000${contest.id}`, () => build(tenantId, contest, people), now().getTime(), staleAfter, maxStale);
  }

  async function participant(tenantId: string, employeeId: string): Promise<Participant | undefined> {
    return (await roster(tenantId)).get(employeeId) ?? (await deps.findParticipant?.(tenantId, employeeId));
  }

  async function myRank(tenantId: string, employeeId: string, contestId?: string) {
    const contest = await resolveContest(tenantId, contestId);
    if (!contest) return undefined;
    const [board, mine, person] = await Promise.all([
      boardOf(tenantId, contest),
      deps.tallies.getScore(tenantId, contest.id, employeeId),
      participant(tenantId, employeeId),
    ]);
    return { contestId: contest.id, ...locateOnBoard(contest, board.entries, mine, person, employeeId, board.index.get(employeeId)) };
  }

  return {
    async top(tenantId, contestId, n = 10) {
      const contest = await resolveContest(tenantId, contestId);
      if (!contest) return undefined;
      const board = await boardOf(tenantId, contest);
      const { id, name, startsAt, endsAt, prizes } = contest;
      return { contest: { id, name, startsAt, endsAt, prizes }, entries: board.entries.slice(0, Math.max(0, n)), rankedCount: board.entries.length, asOf: new Date(board.builtAt).toISOString() };
    },
    myRank,
    async myImpact(tenantId, employeeId) {
      const [totals, week, rank, wins, contest] = await Promise.all([
        deps.tallies.getTotals(tenantId, employeeId),
        deps.tallies.getWeek(tenantId, employeeId, isoWeekKey(now())),
        myRank(tenantId, employeeId),
        deps.wins.listWins(tenantId, employeeId),
        resolveContest(tenantId),
      ]);
      return {
        employeeId,
        clicks: { total: totals?.clicks ?? 0, thisWeek: week?.clicks ?? 0 },
        shares: totals?.shares ?? 0,
        conversions: totals?.conversions ?? 0,
        ...(rank && contest ? { contest: { id: contest.id, name: contest.name, score: rank.points, rank } } : {}),
        wins,
      };
    },
    async refresh(tenantId, contestId) {
      const contest = await resolveContest(tenantId, contestId);
      if (!contest) throw new NotFoundError(`contest ${tenantId}/${contestId}: not found`);
      const board = await build(tenantId, contest, await roster(tenantId));
      boards.set(`${tenantId}\u0000${contest.id}`, { value: board, builtAt: board.builtAt });
      return board;
    },
  };
}
