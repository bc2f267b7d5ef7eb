/**
 * What an admin may do with a contest in each phase (Admin > Contests): one that has not started
 * may be deleted (nobody has scored yet); a running one may be ended early (its end becomes now,
 * so its results freeze as for any contest that ended); an ended one is history: neither deleted
 * nor ended again. Pure rules; time comes in as an argument.
 */
import type { Contest } from './types.js';

export type ContestPhase = 'upcoming' | 'running' | 'ended';

/** Upcoming until its start (an event at the start instant scores), running until its end (exclusive), then ended. */
export function contestPhase(contest: Pick<Contest, 'startsAt' | 'endsAt'>, now: Date): ContestPhase {
  const t = now.getTime();
  if (t < Date.parse(contest.startsAt)) return 'upcoming';
  return t < Date.parse(contest.endsAt) ? 'running' : 'ended';
}

/** Why a delete or an early end is refused: `started` (delete a running one: end it instead), `ended` (results are history), `not-started` (end one that has not begun: delete or edit it). */
export type ContestRefusal = 'started' | 'ended' | 'not-started';

/** Undefined when the contest may be deleted at `now`, else why not. */
export function checkContestDelete(contest: Pick<Contest, 'startsAt' | 'endsAt'>, now: Date): ContestRefusal | undefined {
  const phase = contestPhase(contest, now);
  return phase === 'upcoming' ? undefined : phase === 'running' ? 'started' : 'ended';
}

/**
 * A running contest ended at `now` (its end becomes `now`, nothing else changes), or why it cannot
 * be: one that has not started is deleted or edited instead; an ended one stays as it ended.
 */
export function endContestEarly(contest: Contest, now: Date): { contest: Contest } | { refused: ContestRefusal } {
  const phase = contestPhase(contest, now);
  if (phase === 'upcoming') return { refused: 'not-started' };
  if (phase === 'ended') return { refused: 'ended' };
  // Running means start <= now < end; an end equal to the start would be an empty window.
  const end = Math.max(now.getTime(), Date.parse(contest.startsAt) + 1);
  return { contest: { ...contest, endsAt: new Date(end).toISOString() } };
}
