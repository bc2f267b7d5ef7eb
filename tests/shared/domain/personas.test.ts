import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PERSONA_THRESHOLDS,
  PERSONA_ADVICE_KEYS,
  PERSONA_LEVEL,
  advisePersonaNextStep,
  classifyPersona,
  isLeader,
  isPersonaLevelUp,
  latestPersonaEntry,
  recordPersona,
  sumAudience,
} from '../../../src/shared/domain/personas.js';
import { PERSONAS } from '../../../src/shared/domain/types.js';
import type { Persona, PersonaHistoryEntry, Role } from '../../../src/shared/domain/types.js';

describe('sumAudience', () => {
  it.each([
    [{}, 0],
    [{ linkedin: 300, x: 150, facebook: 60 }, 510],
    [{ linkedin: -40, x: 100 }, 100],
    [{ linkedin: Number.NaN, x: Number.POSITIVE_INFINITY, facebook: 7 }, 7],
  ])('sums %j to %i, ignoring invalid values', (audience, expected) => {
    expect(sumAudience({ audience })).toBe(expected);
  });
});

describe('classifyPersona', () => {
  it.each<[string, Record<string, number>, number, Persona]>([
    ['small and inactive', { linkedin: 120 }, 1, 'observer'],
    ['small and active', { linkedin: 120 }, 8, 'sharer'],
    ['large (summed over networks) and inactive', { linkedin: 300, x: 200 }, 0, 'networker'],
    ['large and active', { linkedin: 2000 }, 12, 'influencer'],
    ['exactly at both thresholds (inclusive)', { linkedin: 500 }, 4, 'influencer'],
    ['just below both thresholds', { linkedin: 499 }, 3.9, 'observer'],
    ['non-finite posts count as inactive', { linkedin: 10 }, Number.NaN, 'observer'],
  ])('%s -> %s', (_label, audience, postsPerMonth, expected) => {
    expect(classifyPersona({ audience, postsPerMonth })).toBe(expected);
  });

  it('uses configurable thresholds', () => {
    const audit = { audience: { linkedin: 200 }, postsPerMonth: 2 };
    expect(classifyPersona(audit)).toBe('observer');
    expect(classifyPersona(audit, { audience: 150, postsPerMonth: 2 })).toBe('influencer');
    expect(classifyPersona(audit, { audience: 150, postsPerMonth: 3 })).toBe('networker');
  });

  it('is monotone: more audience or more posts never lowers the level', () => {
    fc.assert(
      fc.property(
        fc.nat(5000),
        fc.nat(5000),
        fc.nat(30),
        fc.nat(30),
        (a1, extraA, p1, extraP) => {
          const before = classifyPersona({ audience: { linkedin: a1 }, postsPerMonth: p1 });
          const after = classifyPersona({ audience: { linkedin: a1 + extraA }, postsPerMonth: p1 + extraP });
          expect(PERSONA_LEVEL[after]).toBeGreaterThanOrEqual(PERSONA_LEVEL[before]);
        },
      ),
    );
  });
});

describe('isLeader', () => {
  it.each<[Role[], boolean]>([
    [['employee'], false],
    [['employee', 'executive'], true],
    [['admin', 'coordinator'], false],
    [[], false],
  ])('%j -> %s', (roles, expected) => {
    expect(isLeader(roles)).toBe(expected);
  });
});

describe('isPersonaLevelUp', () => {
  it.each<[Persona, Persona, boolean]>([
    ['observer', 'sharer', true],
    ['observer', 'networker', true],
    ['observer', 'influencer', true],
    ['sharer', 'influencer', true],
    ['networker', 'influencer', true],
    ['sharer', 'networker', false],
    ['networker', 'sharer', false],
    ['influencer', 'sharer', false],
    ['sharer', 'sharer', false],
  ])('%s -> %s is level-up: %s', (from, to, expected) => {
    expect(isPersonaLevelUp(from, to)).toBe(expected);
  });
});

describe('recordPersona', () => {
  const t1 = '2026-01-10T09:00:00.000Z';
  const t2 = '2026-03-10T09:00:00.000Z';
  const t3 = '2026-05-10T09:00:00.000Z';

  it('starts the history with the first classification, which is not a level-up', () => {
    const update = recordPersona([], 'sharer', t1);
    expect(update).toEqual({ history: [{ persona: 'sharer', since: t1 }], changed: true, levelUp: false });
  });

  it('does not append when the persona is unchanged', () => {
    const history: PersonaHistoryEntry[] = [{ persona: 'observer', since: t1 }];
    const update = recordPersona(history, 'observer', t2);
    expect(update.changed).toBe(false);
    expect(update.history).toEqual(history);
    expect(update.previous).toBe('observer');
  });

  it('appends a change and flags the level-up, without mutating the input', () => {
    const history: PersonaHistoryEntry[] = [{ persona: 'observer', since: t1 }];
    const update = recordPersona(history, 'sharer', t2);
    expect(update).toEqual({
      history: [
        { persona: 'observer', since: t1 },
        { persona: 'sharer', since: t2 },
      ],
      changed: true,
      levelUp: true,
      previous: 'observer',
    });
    expect(history).toHaveLength(1);
  });

  it('records a lateral or downward change without a level-up', () => {
    const history: PersonaHistoryEntry[] = [{ persona: 'sharer', since: t1 }];
    expect(recordPersona(history, 'networker', t2)).toMatchObject({ changed: true, levelUp: false });
    expect(recordPersona(history, 'observer', t2)).toMatchObject({ changed: true, levelUp: false });
  });

  it('compares against the latest entry by time, not by array position', () => {
    const history: PersonaHistoryEntry[] = [
      { persona: 'influencer', since: t3 },
      { persona: 'observer', since: t1 },
    ];
    expect(latestPersonaEntry(history)?.persona).toBe('influencer');
    expect(recordPersona(history, 'influencer', '2026-06-01T00:00:00.000Z').changed).toBe(false);
  });

  it('never holds two consecutive equal personas (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PERSONAS), { maxLength: 30 }), (sequence) => {
        let history: PersonaHistoryEntry[] = [];
        sequence.forEach((persona, i) => {
          history = recordPersona(history, persona, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()).history;
        });
        for (let i = 1; i < history.length; i++) {
          expect(history[i]?.persona).not.toBe(history[i - 1]?.persona);
        }
        expect(history.at(-1)?.persona).toBe(sequence.at(-1));
      }),
    );
  });
});

describe('advisePersonaNextStep', () => {
  const grow = (audience: number, postsPerMonth: number) => ({
    audience: { linkedin: audience },
    postsPerMonth,
    wantsToGrow: true,
  });

  it.each([
    ['observer', grow(120, 1), { key: 'persona.next.observer.grow', params: { postsNeeded: 3, targetPostsPerMonth: 4, audienceNeeded: 380 } }],
    ['sharer', grow(300, 6), { key: 'persona.next.sharer.grow-network', params: { audienceNeeded: 200, targetAudience: 500 } }],
    ['networker', grow(900, 1.5), { key: 'persona.next.networker.post-more', params: { postsNeeded: 3, targetPostsPerMonth: 4 } }],
    ['influencer', grow(2500, 10), { key: 'persona.next.influencer.lead-topics', params: { audience: 2500, postsPerMonth: 10 } }],
  ] as const)('%s who wants to grow gets concrete, persona-specific advice', (persona, audit, expected) => {
    expect(advisePersonaNextStep({ persona, audit })).toEqual(expected);
  });

  it('tells someone who does not want to grow to keep their pace, whatever the persona', () => {
    for (const persona of PERSONAS) {
      const advice = advisePersonaNextStep({ persona, audit: { audience: { x: 10 }, postsPerMonth: 2, wantsToGrow: false } });
      expect(advice).toEqual({ key: 'persona.next.keep-pace', params: { persona, postsPerMonth: 2 } });
    }
  });

  it('asks for the audit first when there is none', () => {
    expect(advisePersonaNextStep({ persona: 'observer' })).toEqual({
      key: 'persona.next.take-audit',
      params: { persona: 'observer' },
    });
  });

  it('asks leaders who want to grow to model the behaviour, but respects a leader who opts out', () => {
    expect(advisePersonaNextStep({ persona: 'networker', leader: true, audit: grow(900, 0) }).key).toBe(
      'persona.next.leader.model-behaviour',
    );
    expect(
      advisePersonaNextStep({ persona: 'networker', leader: true, audit: { ...grow(900, 0), wantsToGrow: false } }).key,
    ).toBe('persona.next.keep-pace');
  });

  it('uses the thresholds passed in and never reports a negative gap', () => {
    const advice = advisePersonaNextStep(
      { persona: 'observer', audit: { audience: { x: 50 }, postsPerMonth: Number.NaN, wantsToGrow: true } },
      { audience: 40, postsPerMonth: 2 },
    );
    expect(advice.params).toEqual({ postsNeeded: 2, targetPostsPerMonth: 2, audienceNeeded: 0 });
  });

  it('only ever returns catalogued keys and no English text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PERSONAS),
        fc.boolean(),
        fc.boolean(),
        fc.nat(5000),
        fc.nat(40),
        (persona, leader, wantsToGrow, audience, posts) => {
          const advice = advisePersonaNextStep({
            persona,
            leader,
            audit: { audience: { linkedin: audience }, postsPerMonth: posts, wantsToGrow },
          });
          expect(PERSONA_ADVICE_KEYS).toContain(advice.key);
          for (const value of Object.values(advice.params)) {
            if (typeof value === 'string') expect(PERSONAS).toContain(value);
          }
        },
      ),
    );
  });

  it('has the documented default thresholds', () => {
    expect(DEFAULT_PERSONA_THRESHOLDS).toEqual({ audience: 500, postsPerMonth: 4 });
  });
});
