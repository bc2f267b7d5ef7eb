import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  advancePilotPhase,
  decideRollout,
  evaluatePilotReadiness,
  nextPilotPhase,
} from '../../../src/shared/domain/pilot.js';
import type { PilotReadiness, PilotReadinessInput, ReadinessItemId } from '../../../src/shared/domain/pilot.js';
import { PILOT_PHASES } from '../../../src/shared/domain/types.js';
import type { ContentCategory, ContentItem, SocialAudit } from '../../../src/shared/domain/types.js';
import { makeContentItem } from '../../support/fixtures.js';

const NOW = '2026-11-24T12:00:00.000Z';
const audit: SocialAudit = { audience: { linkedin: 800 }, postsPerMonth: 2, goals: [], learningStyle: 'video', wantsToGrow: true, auditedAt: NOW };
const content = (id: string, category: ContentCategory, over: Partial<ContentItem> = {}): ContentItem =>
  makeContentItem(id, { category, ...over });
const board = (['company', 'industry', 'personal-interest'] as const).flatMap((c) => [1, 2, 3].map((i) => content(`${c}-${i}`, c)));

const ready = (): PilotReadinessInput => ({
  pilot: { cohort: ['ceo', 'cfo'], phase: 'maintenance' },
  now: NOW,
  employees: [{ id: 'ceo', audit }, { id: 'cfo', audit }, { id: 'intern' }],
  policies: [{ version: 1, publishedAt: '2026-10-01T00:00:00.000Z', body: '# Policy' }],
  trainingProgress: [
    { employeeId: 'ceo', moduleId: 'm1', status: 'completed', at: NOW },
    { employeeId: 'cfo', moduleId: 'm1', status: 'completed', at: NOW },
  ],
  shares: Array.from({ length: 20 }, (_, i) => ({ employeeId: i % 2 === 0 ? 'ceo' : 'cfo' })),
  clicks: Array.from({ length: 50 }, () => ({ employeeId: 'cfo' })),
  content: board,
});

const unmetIds = (r: PilotReadiness) => r.items.filter((i) => !i.met).map((i) => i.id);

describe('evaluatePilotReadiness', () => {
  it('is 100% when every item is met', () => {
    const r = evaluatePilotReadiness(ready());
    expect(unmetIds(r)).toEqual([]);
    expect(r.percent).toBe(100);
    expect(r.items.map((i) => i.id)).toEqual([
      'cohort-not-empty',
      'policy-published',
      'cohort-audited',
      'training-completed',
      'cohort-shares',
      'cohort-clicks',
      'board-company',
      'board-industry',
      'board-personal-interest',
    ]);
  });

  it.each<[string, (i: PilotReadinessInput) => PilotReadinessInput, ReadinessItemId[]]>([
    ['no policy published yet', (i) => ({ ...i, policies: [{ version: 1, publishedAt: '2026-12-01T00:00:00.000Z', body: 'x' }] }), ['policy-published']],
    ['a leader not audited', (i) => ({ ...i, employees: [{ id: 'ceo', audit }, { id: 'cfo' }] }), ['cohort-audited']],
    ['one leader listed twice, the other not audited', (i) => ({ ...i, employees: [{ id: 'ceo', audit }, { id: 'ceo', audit }, { id: 'cfo' }] }), ['cohort-audited']],
    ['training below 80%', (i) => ({ ...i, trainingProgress: i.trainingProgress.slice(0, 1) }), ['training-completed']],
    ['shares by non-members only', (i) => ({ ...i, shares: i.shares.map(() => ({ employeeId: 'intern' })) }), ['cohort-shares']],
    ['too few clicks', (i) => ({ ...i, clicks: i.clicks.slice(1) }), ['cohort-clicks']],
    ['expired industry content', (i) => ({ ...i, content: i.content.map((c) => (c.category === 'industry' ? { ...c, expiresAt: NOW } : c)) }), ['board-industry']],
    ['a draft in personal-interest', (i) => ({ ...i, content: [...i.content.slice(0, 6), content('d', 'personal-interest', { status: 'draft' })] }), ['board-personal-interest']],
    [
      'an empty cohort',
      (i) => ({ ...i, pilot: { ...i.pilot, cohort: [] } }),
      ['cohort-not-empty', 'cohort-audited', 'training-completed', 'cohort-shares', 'cohort-clicks'],
    ],
  ])('flags %s', (_label, change, expected) => {
    expect(unmetIds(evaluatePilotReadiness(change(ready())))).toEqual(expected);
  });

  it('computes the readiness percentage and honours custom targets', () => {
    const r = evaluatePilotReadiness(ready(), { cohortClicks: 100, cohortShares: 21, trainingCompletionPercent: 50, requiredModuleIds: ['m1', 'm2'] });
    expect(unmetIds(r)).toEqual(['training-completed', 'cohort-shares', 'cohort-clicks']);
    expect(r.percent).toBe(67);
    expect(r.items.find((i) => i.id === 'training-completed')).toMatchObject({ actual: 0, target: 50 });
  });
});

describe('advancePilotPhase', () => {
  const full = evaluatePilotReadiness(ready());
  const launchedOnly = evaluatePilotReadiness({ ...ready(), shares: [], clicks: [] });

  it.each([
    ['launch -> maintenance with basics met', 'education-and-launch', launchedOnly, undefined, { ok: true, phase: 'maintenance' }],
    ['maintenance -> results needs activity', 'maintenance', launchedOnly, undefined, { ok: false, reason: 'conditions-not-met', phase: 'maintenance', unmet: ['cohort-shares', 'cohort-clicks'] }],
    ['maintenance -> results when met', 'maintenance', full, 'results', { ok: true, phase: 'results' }],
    ['no skipping', 'education-and-launch', full, 'results', { ok: false, reason: 'not-next-phase', phase: 'education-and-launch' }],
    ['no going back', 'maintenance', full, 'education-and-launch', { ok: false, reason: 'not-next-phase', phase: 'maintenance' }],
    ['results is final', 'results', full, undefined, { ok: false, reason: 'final-phase', phase: 'results' }],
  ] as const)('%s', (_label, phase, readiness, to, expected) => {
    expect(advancePilotPhase(phase, readiness, to)).toEqual(expected);
  });

  it('only ever moves one phase forward (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PILOT_PHASES), fc.constantFrom(...PILOT_PHASES), fc.boolean(), (from, to, met) => {
        const result = advancePilotPhase(from, met ? full : launchedOnly, to);
        if (result.ok) {
          expect(PILOT_PHASES.indexOf(result.phase)).toBe(PILOT_PHASES.indexOf(from) + 1);
          expect(nextPilotPhase(from)).toBe(to);
        }
      }),
    );
  });
});

describe('decideRollout', () => {
  it('says go only in the results phase with all blocking items met', () => {
    const r = evaluatePilotReadiness(ready());
    expect(decideRollout('results', r)).toEqual({ decision: 'go', readinessPercent: 100, blockingReasons: [] });
    expect(decideRollout('maintenance', r)).toEqual({ decision: 'no-go', readinessPercent: 100, blockingReasons: ['pilot-not-in-results-phase'] });
  });

  it('lists blocking reasons, ignoring items marked non-blocking', () => {
    const input = { ...ready(), clicks: [], content: board.filter((c) => c.category !== 'industry') };
    expect(decideRollout('results', evaluatePilotReadiness(input))).toEqual({
      decision: 'no-go',
      readinessPercent: 78,
      blockingReasons: ['cohort-clicks', 'board-industry'],
    });
    expect(decideRollout('results', evaluatePilotReadiness(input, { nonBlocking: ['board-industry'] })).blockingReasons).toEqual(['cohort-clicks']);
  });
});
