import { describe, expect, it } from 'vitest';
import { checkContestDelete, contestPhase, endContestEarly } from '../../../src/shared/domain/contests-lifecycle.js';
import { defaultContest } from '../../../src/shared/domain/contests.js';

const contest = { ...defaultContest({ id: 'q1', name: 'Q1', startsAt: '2026-01-01T00:00:00.000Z' }), endsAt: '2026-04-01T00:00:00.000Z' };

describe('contest lifecycle', () => {
  it.each([
    ['2025-12-31T23:59:59.999Z', 'upcoming', undefined],
    ['2026-01-01T00:00:00.000Z', 'running', 'started'],
    ['2026-03-31T23:59:59.999Z', 'running', 'started'],
    ['2026-04-01T00:00:00.000Z', 'ended', 'ended'],
  ] as const)('at %s the contest is %s; delete refusal: %s', (now, phase, refusal) => {
    expect(contestPhase(contest, new Date(now))).toBe(phase);
    expect(checkContestDelete(contest, new Date(now))).toBe(refusal);
  });

  it('ends a running contest now and changes nothing else', () => {
    const ended = endContestEarly(contest, new Date('2026-02-10T12:00:00Z'));
    expect(ended).toEqual({ contest: { ...contest, endsAt: '2026-02-10T12:00:00.000Z' } });
    if ('contest' in ended) expect(contestPhase(ended.contest, new Date('2026-02-10T12:00:00Z'))).toBe('ended');
  });

  it('ending at the very start instant keeps a non-empty window', () => {
    expect(endContestEarly(contest, new Date(contest.startsAt))).toEqual({ contest: { ...contest, endsAt: '2026-01-01T00:00:00.001Z' } });
  });

  it('refuses to end one that has not started or has ended', () => {
    expect(endContestEarly(contest, new Date('2025-12-01T00:00:00Z'))).toEqual({ refused: 'not-started' });
    expect(endContestEarly(contest, new Date('2026-05-01T00:00:00Z'))).toEqual({ refused: 'ended' });
  });
});
