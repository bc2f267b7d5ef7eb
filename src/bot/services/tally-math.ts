/**
 * Aggregates from ledger events, written once for both paths: the incremental update (stored
 * aggregate + new events) and the rebuild (nothing + every event). Sums and maxima are
 * commutative, so both paths give the same rows whatever the order or batching of events.
 */
import { clickIdentity } from '../../shared/domain/clicks.js';
import type { Conversion } from '../../shared/domain/conversions.js';
import { applyEventToScore, isContestOpenAt, type ContestEvent } from '../../shared/domain/contests.js';
import { isoWeekKey } from '../../shared/domain/contest-snapshots.js';
import type { Click, Contest, Share } from '../../shared/domain/types.js';
import type { ContestScore, LedgerEvent, LedgerKind, PersonTotals, WeekTotals } from './scoring.ports.js';

const CONTEST_KIND: Record<LedgerKind, ContestEvent['kind']> = { click: 'unique-click', share: 'share', conversion: 'conversion' };
const COUNT_FIELD: Record<LedgerKind, 'clicks' | 'shares' | 'conversions'> = { click: 'clicks', share: 'shares', conversion: 'conversions' };

/** `kind|eventId`: an event's identity within one person's ledger. */
export const eventKey = (event: Pick<LedgerEvent, 'kind' | 'eventId'>): string => `${event.kind}|${event.eventId}`;

/** Totals plus the counts of `events`. */
export function addToTotals(base: PersonTotals | undefined, employeeId: string, events: readonly LedgerEvent[]): PersonTotals {
  const totals = { employeeId, clicks: base?.clicks ?? 0, shares: base?.shares ?? 0, conversions: base?.conversions ?? 0 };
  for (const event of events) totals[COUNT_FIELD[event.kind]] += 1;
  return totals;
}

/** Weekly totals (UTC ISO week of each event) plus the counts of the events in that week. */
export function addToWeeks(base: Readonly<Record<string, WeekTotals>>, employeeId: string, events: readonly LedgerEvent[]): Record<string, WeekTotals> {
  const byWeek = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    const week = isoWeekKey(event.at);
    byWeek.set(week, [...(byWeek.get(week) ?? []), event]);
  }
  const out: Record<string, WeekTotals> = {};
  for (const [week, list] of byWeek) out[week] = { ...addToTotals(base[week], employeeId, list), week };
  return out;
}

/**
 * A contest score plus the events inside its window: points by the contest's weights (domain
 * `applyEventToScore`, so `reachedAt` is the latest scoring event), counts of every event in the
 * window. A row with 0 points carries the contest start as `reachedAt` (never ranked).
 * Undefined when no event falls in the window and there was no row.
 */
export function addToScore(contest: Contest, base: ContestScore | undefined, employeeId: string, events: readonly LedgerEvent[]): ContestScore | undefined {
  const inside = events.filter((e) => isContestOpenAt(contest, e.at));
  if (inside.length === 0) return base;
  let score = base && base.points > 0 ? { contestId: contest.id, employeeId, points: base.points, reachedAt: base.reachedAt } : undefined;
  for (const event of inside) score = applyEventToScore(contest, score, { kind: CONTEST_KIND[event.kind], employeeId, at: event.at });
  const counts = addToTotals(base, employeeId, inside);
  return {
    contestId: contest.id,
    employeeId,
    points: score?.points ?? 0,
    reachedAt: score?.reachedAt ?? new Date(Date.parse(contest.startsAt)).toISOString(),
    clicks: counts.clicks,
    shares: counts.shares,
    conversions: counts.conversions,
  };
}

/** Keeps the earliest copy of each event identity (a batch may carry the same click twice). */
export function dedupeEvents(events: readonly LedgerEvent[]): LedgerEvent[] {
  const first = new Map<string, LedgerEvent>();
  for (const event of events) {
    const key = `${event.employeeId}\u0000${eventKey(event)}`;
    const seen = first.get(key);
    if (!seen || Date.parse(event.at) < Date.parse(seen.at)) first.set(key, event);
  }
  return [...first.values()];
}

/** Same aggregate values (ignoring ETags and key order). */
export function sameTotals(a: Omit<PersonTotals, 'employeeId'> | undefined, b: Omit<PersonTotals, 'employeeId'> | undefined): boolean {
  return (a?.clicks ?? 0) === (b?.clicks ?? 0) && (a?.shares ?? 0) === (b?.shares ?? 0) && (a?.conversions ?? 0) === (b?.conversions ?? 0);
}

/** Ledger event of a stored click: identity `code|visitorKey|day` (the Clicks row's identity). */
export function clickEvent(click: Click): LedgerEvent {
  return { kind: 'click', eventId: clickIdentity(click.code, click.visitorKey, click.day), employeeId: click.employeeId, at: click.at };
}

/** Ledger event of a share: identity = share id. */
export function shareEvent(share: Share): LedgerEvent {
  return { kind: 'share', eventId: share.id, employeeId: share.employeeId, at: share.sharedAt };
}

/** Ledger event of a conversion: identity = the CRM's external id. */
export function conversionEvent(conversion: Conversion): LedgerEvent {
  return { kind: 'conversion', eventId: conversion.externalId, employeeId: conversion.employeeId, at: conversion.occurredAt };
}

