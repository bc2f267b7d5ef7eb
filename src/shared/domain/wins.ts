/**
 * Wins to celebrate. Seed 000/001 (Onalytica): be patient with KPIs and "celebrate one-off and
 * individual wins"; the persona journey (observer -> sharer -> influencer) is a goal people choose.
 * Seed 003 (Oktopost): click-based results and weekly updates kept momentum. Each win has a stable
 * id so that replays, retries and a second worker celebrate it exactly once.
 */
import type { IsoInstant, Persona } from './types.js';

export const WIN_KINDS = ['first-share', 'clicks-10', 'clicks-100', 'first-conversion', 'persona-level-up', 'training-completed'] as const;
export type WinKind = (typeof WIN_KINDS)[number];

/** Click milestones celebrated once each. */
export const CLICK_MILESTONES: readonly { clicks: number; kind: WinKind }[] = [
  { clicks: 10, kind: 'clicks-10' },
  { clicks: 100, kind: 'clicks-100' },
];

/**
 * Journey level of a persona: observer, then sharer or networker (one axis grown), then
 * influencer (both). Moving sideways (sharer <-> networker) is not a level-up.
 */
export const PERSONA_LEVEL: Readonly<Record<Persona, number>> = { observer: 0, sharer: 1, networker: 1, influencer: 2 };

/** What "My impact" knows about one person at a point in time. */
export interface ProgressSnapshot {
  employeeId: string;
  shares: number;
  /** Counted unique clicks on the person's links. */
  uniqueClicks: number;
  conversions: number;
  persona: Persona;
  /** Ids of completed training modules. */
  trainingsCompleted: readonly string[];
}

export interface Win {
  /** Stable: the same achievement always yields the same id (use as the celebration key). */
  id: string;
  employeeId: string;
  kind: WinKind;
  /** The persona reached or the training module completed. */
  detail?: string;
  at: IsoInstant;
}

/** Stable id of a win: `<employee>:<kind>[:<detail>]`. */
export function buildWinId(employeeId: string, kind: WinKind, detail?: string): string {
  return detail === undefined ? `${employeeId}:${kind}` : `${employeeId}:${kind}:${detail}`;
}

function makeWin(employeeId: string, kind: WinKind, at: IsoInstant, detail?: string): Win {
  return { id: buildWinId(employeeId, kind, detail), employeeId, kind, at, ...(detail === undefined ? {} : { detail }) };
}

/**
 * Wins reached between two snapshots of the same person (`before` undefined = a new person).
 * Thresholds are crossings, so a count that jumps from 3 to 150 yields both click milestones.
 */
export function detectWins(before: ProgressSnapshot | undefined, after: ProgressSnapshot, at: IsoInstant): Win[] {
  if (before && before.employeeId !== after.employeeId) throw new RangeError('Snapshots of different people.');
  const id = after.employeeId;
  const wins: Win[] = [];
  if ((before?.shares ?? 0) < 1 && after.shares >= 1) wins.push(makeWin(id, 'first-share', at));
  for (const milestone of CLICK_MILESTONES) {
    if ((before?.uniqueClicks ?? 0) < milestone.clicks && after.uniqueClicks >= milestone.clicks) wins.push(makeWin(id, milestone.kind, at));
  }
  if ((before?.conversions ?? 0) < 1 && after.conversions >= 1) wins.push(makeWin(id, 'first-conversion', at));
  if (before && PERSONA_LEVEL[after.persona] > PERSONA_LEVEL[before.persona]) wins.push(makeWin(id, 'persona-level-up', at, after.persona));
  const done = new Set(before?.trainingsCompleted ?? []);
  for (const moduleId of new Set(after.trainingsCompleted)) {
    if (!done.has(moduleId)) wins.push(makeWin(id, 'training-completed', at, moduleId));
  }
  return wins;
}

/** Wins not yet celebrated, each once even if listed twice: what the bot should post now. */
export function selectUncelebratedWins(wins: readonly Win[], celebratedIds: ReadonlySet<string>): Win[] {
  const seen = new Set(celebratedIds);
  return wins.filter((win) => {
    if (seen.has(win.id)) return false;
    seen.add(win.id);
    return true;
  });
}

/** Which win the weekly update celebrates first: the rarest achievements lead. */
export const WIN_PRIORITY: readonly WinKind[] = ['clicks-100', 'first-conversion', 'persona-level-up', 'clicks-10', 'training-completed', 'first-share'];

/** The one win a weekly update features: highest priority kind, then the most recent, then id. */
export function pickWinToCelebrate(wins: readonly Win[]): Win | undefined {
  const order = (w: Win) => WIN_PRIORITY.indexOf(w.kind);
  return [...wins].sort((a, b) => order(a) - order(b) || Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? -1 : 1))[0];
}

/**
 * Every win the current totals imply, as if from zero (persona level-ups and trainings excluded:
 * they come from their own events). Stored celebrations are idempotent by id, so re-deriving
 * after a crash recovers a win that was reached but never stored.
 */
export function winsReached(totals: Pick<ProgressSnapshot, 'employeeId' | 'shares' | 'uniqueClicks' | 'conversions'>, at: IsoInstant): Win[] {
  const zero: ProgressSnapshot = { employeeId: totals.employeeId, shares: 0, uniqueClicks: 0, conversions: 0, persona: 'observer', trainingsCompleted: [] };
  return detectWins(zero, { ...zero, ...totals }, at);
}

/** One event of a person's history, as far as wins are concerned. */
export interface HistoryEvent {
  kind: 'share' | 'click' | 'conversion';
  at: IsoInstant;
}

/**
 * The wins a person's history reached, each dated at the event that crossed its threshold (events
 * in any order; each click is a counted unique click). For wins found afterwards, e.g. history
 * imported or seeded without the live path: the same ids as the live path, so nothing is twice.
 */
export function winsFromHistory(employeeId: string, events: readonly HistoryEvent[]): Win[] {
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let before: ProgressSnapshot = { employeeId, shares: 0, uniqueClicks: 0, conversions: 0, persona: 'observer', trainingsCompleted: [] };
  const wins: Win[] = [];
  for (const event of sorted) {
    const after = {
      ...before,
      shares: before.shares + (event.kind === 'share' ? 1 : 0),
      uniqueClicks: before.uniqueClicks + (event.kind === 'click' ? 1 : 0),
      conversions: before.conversions + (event.kind === 'conversion' ? 1 : 0),
    };
    wins.push(...detectWins(before, after, event.at));
    before = after;
  }
  return wins;
}
