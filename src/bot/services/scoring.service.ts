/**
 * Scores, totals and weekly counts, derived from stored events exactly once (docs/scoring.md).
 *
 * Each event becomes a ledger row keyed by its identity in the person's tally partition, created
 * in the SAME batch transaction that moves the person's aggregates (ETag-guarded). A replay (the
 * click flusher after a crash, a retried webhook, a share recorded twice) fails that transaction
 * with 409; the events already in the ledger are dropped and the rest is committed. So the hooks
 * may be called any number of times with the same events, by any instance, and each event counts
 * once. A rebuild tops the ledger up from the Clicks, Shares and Conversions tables and recomputes
 * every aggregate from the ledger with the same arithmetic (tally-math.ts).
 */
import { contestsOpenAt } from '../../shared/domain/contests.js';
import { isoWeekKey } from '../../shared/domain/contest-snapshots.js';
import type { Conversion } from '../../shared/domain/conversions.js';
import type { Click, Contest, Persona, Share } from '../../shared/domain/types.js';
import { CLICK_MILESTONES, winsFromHistory, type Win } from '../../shared/domain/wins.js';
import { mapLimit } from '../util/map-limit.js';
import { ConflictError } from './errors.js';
import type { ContestRepository } from './ports.js';
import type { EventArchive, LedgerEvent, PersonTallyRows, PersonTotals, TallyRepository, TallyWrite } from './scoring.ports.js';
export { clickEvent, conversionEvent, shareEvent } from './tally-math.js';
import { addToScore, addToTotals, addToWeeks, clickEvent, conversionEvent, dedupeEvents, eventKey, shareEvent } from './tally-math.js';
import { rebuildTallies, type RebuildReport } from './scoring-rebuild.js';
import type { WinsService } from './wins.service.js';

export type { RebuildReport } from './scoring-rebuild.js';

export interface ScoringService {
  /** Hook of the click flusher: every stored click of a flushed batch (replays are harmless). */
  onClicksFlushed(clicks: readonly Click[]): Promise<void>;
  /** Hook of the sharing service: a share was recorded (idempotent on share id). */
  onShareRecorded(share: Share & { tenantId: string }): Promise<void>;
  /** A conversion was stored (idempotent on its external id). */
  onConversionRecorded(conversion: Conversion): Promise<void>;
  /** Recompute a contest's scores (and everyone's totals) from the stored events. */
  rebuildContest(tenantId: string, contestId: string): Promise<RebuildReport>;
  /** Recompute every aggregate of a tenant from the stored events (all contests). */
  rebuildTenant(tenantId: string): Promise<RebuildReport>;
  /** Onboarding: a persona changed; a level-up is a win (once). */
  recordPersonaChange(tenantId: string, employeeId: string, from: Persona, to: Persona, at: Date): Promise<Win[]>;
  /** Training: a module was completed; a win (once per module). */
  recordTrainingCompleted(tenantId: string, employeeId: string, moduleId: string, at: Date): Promise<Win[]>;
}

export interface ScoringDeps {
  tallies: TallyRepository;
  contests: Pick<ContestRepository, 'list'>;
  archive: EventArchive;
  wins: WinsService;
  now?: () => Date;
  /** How long a tenant's contest list is reused (contests change rarely; a rebuild fixes a late one). Default 10 s. */
  contestCacheMs?: number;
  logger?: { warn(details: object, message: string): void };
}

/** Commit attempts per chunk when other writers keep winning (each re-reads the aggregates). */
const ATTEMPTS = 8;
const PEOPLE_CONCURRENCY = 8;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Build the scoring service. */
export function createScoringService(deps: ScoringDeps): ScoringService {
  const now = deps.now ?? (() => new Date());
  const contestCacheMs = deps.contestCacheMs ?? 10_000;
  const contestCache = new Map<string, { at: number; contests: Promise<Contest[]> }>();
  // One update per person at a time in this process: concurrent hook calls queue instead of
  // fighting over the same ETags (other instances may still race; the commit loop handles that).
  const personQueues = new Map<string, Promise<void>>();
  function serialized(key: string, work: () => Promise<void>): Promise<void> {
    const previous = personQueues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    // The queue's tail never rejects: the caller handles `next`'s failure, and a rejected tail that
    // no later call picks up was an unhandled rejection, which ends the process (a storage blip
    // while scoring a flushed batch took the app down).
    const tail = next.catch(() => undefined).finally(() => {
      if (personQueues.get(key) === tail) personQueues.delete(key);
    });
    personQueues.set(key, tail);
    return next;
  }

  function contestsOf(tenantId: string): Promise<Contest[]> {
    const cached = contestCache.get(tenantId);
    const t = now().getTime();
    if (cached && t - cached.at < contestCacheMs) return cached.contests;
    const contests = deps.contests.list(tenantId);
    contestCache.set(tenantId, { at: t, contests });
    contests.catch(() => contestCache.delete(tenantId));
    return contests;
  }

  /** One chunk of one person's new events: commit with the aggregates, dropping replays. */
  async function applyChunk(tenantId: string, employeeId: string, chunk: LedgerEvent[], contests: Contest[]): Promise<{ totals?: PersonTotals; before?: PersonTotals; replayed: boolean }> {
    let pending = chunk;
    let replayed = false;
    for (let attempt = 1; ; attempt++) {
      const weeks = [...new Set(pending.map((e) => isoWeekKey(e.at)))];
      const open = contests.filter((c) => pending.some((e) => contestsOpenAt([c], e.at).length > 0));
      const slice = await deps.tallies.readSlice(tenantId, employeeId, { weeks, contestIds: open.map((c) => c.id) });
      const totals = addToTotals(slice.totals?.value, employeeId, pending);
      const writes: TallyWrite[] = [{ kind: 'totals', value: totals, etag: slice.totals?.etag }];
      const weekValues = addToWeeks(Object.fromEntries(Object.entries(slice.weeks).map(([w, v]) => [w, v.value])), employeeId, pending);
      for (const [week, value] of Object.entries(weekValues)) writes.push({ kind: 'week', value, etag: slice.weeks[week]?.etag });
      for (const contest of open) {
        const stored = slice.scores[contest.id];
        const value = addToScore(contest, stored?.value, employeeId, pending);
        if (value) writes.push({ kind: 'score', value, etag: stored?.etag });
      }
      try {
        await deps.tallies.commit(tenantId, employeeId, pending, writes);
        return { totals, before: slice.totals?.value, replayed };
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= ATTEMPTS) throw err;
      }
      const known = await deps.tallies.knownEvents(tenantId, employeeId, pending);
      if (known.size > 0) {
        replayed = true;
        pending = pending.filter((e) => !known.has(eventKey(e)));
        if (pending.length === 0) return { replayed };
      } else {
        await sleep(5 * 2 ** attempt * (0.5 + Math.random()));
      }
    }
  }

  async function applyPerson(tenantId: string, employeeId: string, events: LedgerEvent[], contests: Contest[]): Promise<void> {
    let before: PersonTotals | undefined;
    let after: PersonTotals | undefined;
    let replayed = false;
    for (const chunk of commitChunks(events, deps.tallies.maxEventsPerCommit)) {
      const result = await applyChunk(tenantId, employeeId, chunk, contests);
      if (result.totals) {
        before ??= result.before;
        after = result.totals;
      }
      replayed ||= result.replayed;
    }
    // Wins: on a crossing, or after a replay (the process may have died between the commit and
    // the celebration: re-derive from the stored totals; claims are idempotent).
    const crossed = after !== undefined && crossesMilestone(before, after);
    if (!crossed && !replayed) return;
    const totals = after && !replayed ? after : await deps.tallies.getTotals(tenantId, employeeId);
    if (totals) await deps.wins.checkTotals(tenantId, totals, now());
  }

  async function applyEvents(tenantId: string, events: readonly LedgerEvent[]): Promise<void> {
    if (events.length === 0) return;
    const contests = await contestsOf(tenantId);
    const byPerson = new Map<string, LedgerEvent[]>();
    for (const event of dedupeEvents(events)) byPerson.set(event.employeeId, [...(byPerson.get(event.employeeId) ?? []), event]);
    await mapLimit([...byPerson], PEOPLE_CONCURRENCY, ([employeeId, list]) =>
      serialized(`${tenantId}\u0000${employeeId}`, () => applyPerson(tenantId, employeeId, list, contests)),
    );
  }

  async function byTenant<T extends { tenantId: string }>(items: readonly T[], toEvent: (item: T) => LedgerEvent): Promise<void> {
    const groups = new Map<string, LedgerEvent[]>();
    for (const item of items) groups.set(item.tenantId, [...(groups.get(item.tenantId) ?? []), toEvent(item)]);
    for (const [tenantId, events] of groups) await applyEvents(tenantId, events);
  }

  return {
    onClicksFlushed: (clicks) => byTenant(clicks, clickEvent),
    onShareRecorded: (share) => applyEvents(share.tenantId, [shareEvent(share)]),
    onConversionRecorded: (conversion) => applyEvents(conversion.tenantId, [conversionEvent(conversion)]),
    async rebuildContest(tenantId, contestId) {
      const contests = await deps.contests.list(tenantId);
      return rebuildTallies({ tallies: deps.tallies, archive: deps.archive }, tenantId, contests.filter((c) => c.id === contestId));
    },
    async rebuildTenant(tenantId) {
      const contests = await deps.contests.list(tenantId);
      // Wins the history reached but nobody stored (seeded or imported events): stored, dated at
      // the crossing event, without a card.
      const pastWins = (person: PersonTallyRows) => deps.wins.recordPast(tenantId, person.employeeId, winsFromHistory(person.employeeId, person.events)).then(() => undefined);
      return rebuildTallies({ tallies: deps.tallies, archive: deps.archive }, tenantId, contests, pastWins);
    },
    recordPersonaChange: (tenantId, employeeId, from, to, at) => deps.wins.recordPersonaChange(tenantId, employeeId, from, to, at),
    recordTrainingCompleted: (tenantId, employeeId, moduleId, at) => deps.wins.recordTrainingCompleted(tenantId, employeeId, moduleId, at),
  };
}

/** Most ISO weeks one commit touches, so ledger rows + totals + weeks + scores stay under 100 actions. */
const MAX_WEEKS_PER_COMMIT = 8;

/** A person's events in time order, cut so each commit fits one transaction. */
function commitChunks(events: readonly LedgerEvent[], maxEvents: number): LedgerEvent[][] {
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const chunks: LedgerEvent[][] = [];
  let chunk: LedgerEvent[] = [];
  let weeks = new Set<string>();
  for (const event of sorted) {
    const week = isoWeekKey(event.at);
    if (chunk.length >= maxEvents || (!weeks.has(week) && weeks.size >= MAX_WEEKS_PER_COMMIT)) {
      chunks.push(chunk);
      chunk = [];
      weeks = new Set();
    }
    chunk.push(event);
    weeks.add(week);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Whether the counts crossed a count milestone (first share, 10/100 clicks, first conversion). */
function crossesMilestone(before: PersonTotals | undefined, after: PersonTotals): boolean {
  const b = before ?? { clicks: 0, shares: 0, conversions: 0 };
  return (b.shares < 1 && after.shares >= 1) || (b.conversions < 1 && after.conversions >= 1) || CLICK_MILESTONES.some((m) => b.clicks < m.clicks && after.clicks >= m.clicks);
}
