/**
 * Rebuild: the aggregates recomputed from the stored events. Two steps, both safe to run while
 * clicks keep flowing and on several instances:
 * 1. Top the ledger up from the Clicks, Shares and Conversions tables (idempotent upserts), so an
 *    event whose hook never ran (a crash before the hook, a failed call) is in the ledger and a
 *    later replay of it is recognised.
 * 2. Per bucket, per person: recompute totals, weekly totals and contest scores from the ledger
 *    (tally-math.ts, the arithmetic of the incremental path) and write what differs with the
 *    ETags read. A concurrent incremental commit changes an ETag; the person is then re-read and
 *    recomputed.
 */
import type { Contest } from '../../shared/domain/types.js';
import { mapLimit } from '../util/map-limit.js';
import { ConflictError } from './errors.js';
import type { ContestScore, EventArchive, PersonTallyRows, TallyRepository, TallyWrite } from './scoring.ports.js';
import { addToScore, addToTotals, addToWeeks, clickEvent, conversionEvent, dedupeEvents, eventKey, sameTotals, shareEvent } from './tally-math.js';

export interface RebuildReport {
  /** Events found in the event tables. */
  events: number;
  /** People with a ledger. */
  people: number;
  /** Aggregate rows written because they differed from the recomputation. */
  rowsWritten: number;
}

const ATTEMPTS = 5;
const MAX_WRITES = 100;

/** Writes that bring one person's stored aggregates to what the ledger implies. */
export function rebuildWrites(person: PersonTallyRows, contests: readonly Contest[]): TallyWrite[] {
  const { employeeId, events } = person;
  const writes: TallyWrite[] = [];
  const totals = addToTotals(undefined, employeeId, events);
  if (person.totals ? !sameTotals(person.totals.value, totals) : events.length > 0) writes.push({ kind: 'totals', value: totals, etag: person.totals?.etag });
  const weeks = addToWeeks({}, employeeId, events);
  for (const week of Object.keys(person.weeks)) weeks[week] ??= { employeeId, week, clicks: 0, shares: 0, conversions: 0 };
  for (const [week, value] of Object.entries(weeks)) {
    const stored = person.weeks[week];
    if (!stored || !sameTotals(stored.value, value)) writes.push({ kind: 'week', value, etag: stored?.etag });
  }
  for (const contest of contests) {
    const stored = person.scores[contest.id];
    const value = addToScore(contest, undefined, employeeId, events) ?? (stored ? emptyScore(contest, employeeId) : undefined);
    if (value && !(stored && sameScore(stored.value, value))) writes.push({ kind: 'score', value, etag: stored?.etag });
  }
  return writes;
}

function emptyScore(contest: Contest, employeeId: string): ContestScore {
  return { contestId: contest.id, employeeId, points: 0, reachedAt: new Date(Date.parse(contest.startsAt)).toISOString(), clicks: 0, shares: 0, conversions: 0 };
}

function sameScore(a: ContestScore, b: ContestScore): boolean {
  return a.points === b.points && Date.parse(a.reachedAt) === Date.parse(b.reachedAt) && sameTotals(a, b);
}

/** Recompute `contests` (and every person's totals) of a tenant from its stored events. */
export async function rebuildTallies(
  deps: { tallies: TallyRepository; archive: EventArchive },
  tenantId: string,
  contests: readonly Contest[],
  /** Called with each person's full ledger once their aggregates are written (wins found afterwards). */
  afterPerson?: (person: PersonTallyRows) => Promise<void>,
): Promise<RebuildReport> {
  const [clicks, shares, conversions] = await Promise.all([
    deps.archive.listClicks(tenantId),
    deps.archive.listShares(tenantId),
    deps.archive.listConversions(tenantId),
  ]);
  const events = [...clicks.map(clickEvent), ...shares.map(shareEvent), ...conversions.map(conversionEvent)];
  const buckets = Array.from({ length: deps.tallies.buckets }, (_, n) => n);
  const stored = (await mapLimit(buckets, 4, (bucket) => deps.tallies.listBucket(tenantId, bucket))).flat();
  const people = new Map(stored.map((p) => [p.employeeId, p]));
  const inLedger = new Set(stored.flatMap((p) => p.events.map((e) => `${p.employeeId}\u0000${eventKey(e)}`)));
  // Only what the ledger lacks is written (a first rebuild writes everything, later ones little).
  const missing = dedupeEvents(events).filter((e) => !inLedger.has(`${e.employeeId}\u0000${eventKey(e)}`));
  await deps.tallies.upsertEvents(tenantId, missing);
  for (const event of missing) {
    let person = people.get(event.employeeId);
    if (!person) people.set(event.employeeId, (person = { employeeId: event.employeeId, events: [], weeks: {}, scores: {} }));
    person.events.push(event);
  }

  let rowsWritten = 0;
  let todo = [...people.values()];
  for (let attempt = 1; todo.length > 0; attempt++) {
    const conflicted = new Set<string>();
    await mapLimit(todo, 16, async (person) => {
      const writes = rebuildWrites(person, contests);
      try {
        for (let i = 0; i < writes.length; i += MAX_WRITES) await deps.tallies.commit(tenantId, person.employeeId, [], writes.slice(i, i + MAX_WRITES));
        rowsWritten += writes.length;
        await afterPerson?.(person);
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= ATTEMPTS) throw err;
        conflicted.add(person.employeeId);
      }
    });
    if (conflicted.size === 0) break;
    // Someone committed meanwhile: re-read those people (their ledger now includes the new events).
    const again = (await mapLimit(buckets, 4, (bucket) => deps.tallies.listBucket(tenantId, bucket))).flat();
    todo = again.filter((p) => conflicted.has(p.employeeId));
  }
  const peopleWithEvents = [...people.values()].filter((p) => p.events.length > 0).length;
  return { events: events.length, people: peopleWithEvents, rowsWritten };
}
