import { describe, it, expect } from 'vitest';
import { buildWinId, detectWins, pickWinToCelebrate, selectUncelebratedWins, WIN_KINDS, WIN_PRIORITY, winsFromHistory, winsReached, type ProgressSnapshot, type WinKind } from '../../../src/shared/domain/wins.js';

const AT = '2026-03-09T10:00:00.000Z';
const base: ProgressSnapshot = { employeeId: 'ana', shares: 0, uniqueClicks: 0, conversions: 0, persona: 'observer', trainingsCompleted: [] };

describe('detectWins', () => {
  it.each([
    ['first share', {}, { shares: 1 }, ['ana:first-share']],
    ['second share is no win', { shares: 1 }, { shares: 2 }, []],
    ['10 clicks', { uniqueClicks: 9 }, { uniqueClicks: 10 }, ['ana:clicks-10']],
    ['jump past both milestones', { uniqueClicks: 3 }, { uniqueClicks: 150 }, ['ana:clicks-10', 'ana:clicks-100']],
    ['already past 10', { uniqueClicks: 10 }, { uniqueClicks: 99 }, []],
    ['first conversion', {}, { conversions: 2 }, ['ana:first-conversion']],
    ['observer -> sharer', {}, { persona: 'sharer' }, ['ana:persona-level-up:sharer']],
    ['sharer -> influencer', { persona: 'sharer' }, { persona: 'influencer' }, ['ana:persona-level-up:influencer']],
    ['sideways sharer -> networker', { persona: 'sharer' }, { persona: 'networker' }, []],
    ['down influencer -> sharer', { persona: 'influencer' }, { persona: 'sharer' }, []],
    ['training completed once', { trainingsCompleted: ['t1'] }, { trainingsCompleted: ['t1', 't2', 't2'] }, ['ana:training-completed:t2']],
  ] as const)('%s', (_label, before, after, ids) => {
    const wins = detectWins({ ...base, ...before }, { ...base, ...before, ...after } as ProgressSnapshot, AT);
    expect(wins.map((w) => w.id)).toEqual(ids);
    expect(wins.every((w) => w.at === AT && w.employeeId === 'ana')).toBe(true);
  });

  it('treats a new person as starting from zero, without a level-up for their first persona', () => {
    const wins = detectWins(undefined, { ...base, persona: 'influencer', shares: 1, uniqueClicks: 12, trainingsCompleted: ['t1'] }, AT);
    expect(wins.map((w) => w.kind)).toEqual(['first-share', 'clicks-10', 'training-completed']);
    expect(wins[2]).toEqual({ id: 'ana:training-completed:t1', employeeId: 'ana', kind: 'training-completed', detail: 't1', at: AT });
  });

  it('refuses snapshots of two people', () => {
    expect(() => detectWins(base, { ...base, employeeId: 'ben' }, AT)).toThrow(RangeError);
  });

  it('yields the same ids when detected again later, so a win is celebrated once', () => {
    const first = detectWins(base, { ...base, shares: 1 }, AT);
    const replay = detectWins(base, { ...base, shares: 1 }, '2026-03-10T00:00:00.000Z');
    expect(replay.map((w) => w.id)).toEqual(first.map((w) => w.id));
    expect(selectUncelebratedWins([...first, ...replay], new Set())).toEqual(first);
    expect(selectUncelebratedWins(replay, new Set(first.map((w) => w.id)))).toEqual([]);
  });

  it('builds ids with and without detail', () => {
    expect(buildWinId('ana', 'clicks-100')).toBe('ana:clicks-100');
    expect(buildWinId('ana', 'persona-level-up', 'sharer')).toBe('ana:persona-level-up:sharer');
  });
});

describe('weekly celebration and crash-safe re-derivation', () => {
  const win = (kind: WinKind, at: string, detail?: string) => ({ id: buildWinId('ana', kind, detail), employeeId: 'ana', kind, at, ...(detail ? { detail } : {}) });
  it('features the rarest win, then the most recent', () => {
    expect(pickWinToCelebrate([win('first-share', AT), win('clicks-10', AT), win('training-completed', '2026-03-10T00:00:00.000Z', 't1')])?.kind).toBe('clicks-10');
    expect(pickWinToCelebrate([win('first-share', '2026-03-01T00:00:00.000Z'), { ...win('first-share', '2026-03-05T00:00:00.000Z'), id: 'ben:first-share', employeeId: 'ben' }])?.employeeId).toBe('ben');
    expect(pickWinToCelebrate([win('clicks-100', AT), { ...win('clicks-100', AT), id: 'a:clicks-100' }])?.id).toBe('a:clicks-100');
    expect(pickWinToCelebrate([])).toBeUndefined();
    expect(WIN_PRIORITY).toHaveLength(WIN_KINDS.length);
  });
  it('derives every count milestone from the totals alone', () => {
    expect(winsReached({ employeeId: 'ana', shares: 3, uniqueClicks: 120, conversions: 1 }, AT).map((w) => w.kind)).toEqual(['first-share', 'clicks-10', 'clicks-100', 'first-conversion']);
    expect(winsReached({ employeeId: 'ana', shares: 0, uniqueClicks: 9, conversions: 0 }, AT)).toEqual([]);
  });
});

describe('winsFromHistory', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 9, 1, 8, minute)).toISOString();
  it('dates each win at the event that crossed it, whatever the order given, with the live ids', () => {
    const events = [
      ...Array.from({ length: 101 }, (_, i) => ({ kind: 'click' as const, at: at(10 + i) })),
      { kind: 'share' as const, at: at(5) },
      { kind: 'share' as const, at: at(6) },
      { kind: 'conversion' as const, at: at(50) },
    ].reverse();
    const wins = winsFromHistory('ann', events);
    expect(wins.map((w) => [w.kind, w.at])).toEqual([
      ['first-share', at(5)],
      ['clicks-10', at(19)],
      ['first-conversion', at(50)],
      ['clicks-100', at(109)],
    ]);
    expect(wins.map((w) => w.id).sort()).toEqual(winsReached({ employeeId: 'ann', shares: 2, uniqueClicks: 101, conversions: 1 }, at(0)).map((w) => w.id).sort());
  });
  it('finds nothing in an empty or sub-threshold history', () => {
    expect(winsFromHistory('bo', [])).toEqual([]);
    expect(winsFromHistory('bo', Array.from({ length: 9 }, (_, i) => ({ kind: 'click' as const, at: at(i) })))).toEqual([]);
  });
});
