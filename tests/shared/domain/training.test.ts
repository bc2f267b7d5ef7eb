import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  fitTrainingModules,
  hasCompletedTraining,
  summarizeTrainingCompletion,
  validateTrainingModule,
} from '../../../src/shared/domain/training.js';
import type { TrainingLearner, TrainingModule, TrainingProgress } from '../../../src/shared/domain/training.js';
import { PERSONAS, TOPIC_ROLES } from '../../../src/shared/domain/types.js';

const module = (id: string, over: Partial<TrainingModule> = {}): TrainingModule => ({
  id,
  title: `Module ${id}`,
  format: 'video',
  learningStyle: 'video',
  durationMinutes: 15,
  targetPersonas: ['observer'],
  targetTopicRoles: [],
  languages: ['en'],
  link: `https://learn.example.com/${id}`,
  ...over,
});

const done = (employeeId: string, moduleId: string, status: TrainingProgress['status'] = 'completed'): TrainingProgress => ({
  employeeId,
  moduleId,
  status,
  at: '2026-11-20T10:00:00.000Z',
});

describe('validateTrainingModule', () => {
  it('accepts a targeted module', () => {
    expect(validateTrainingModule(module('a'))).toEqual({ valid: true, issues: [] });
    expect(validateTrainingModule(module('b', { targetPersonas: [], targetTopicRoles: ['thought-leader'], link: undefined, body: '# Steps' })).valid).toBe(true);
  });

  it.each([
    ['one course for everyone', { targetPersonas: [], targetTopicRoles: [] }, ['no-target']],
    ['blank title', { title: '  ' }, ['empty-title']],
    ['zero duration', { durationMinutes: 0 }, ['invalid-duration']],
    ['NaN duration', { durationMinutes: Number.NaN }, ['invalid-duration']],
    ['no language', { languages: [] }, ['no-language']],
    ['neither link nor body', { link: ' ', body: undefined }, ['no-content']],
  ])('rejects %s', (_label, over, issues) => {
    expect(validateTrainingModule(module('x', over))).toEqual({ valid: false, issues });
  });
});

describe('fitTrainingModules', () => {
  const learner: TrainingLearner = {
    id: 'ana',
    persona: 'observer',
    language: 'ja',
    learningStyle: 'reading',
    topics: [{ topicId: 'cx', role: 'thought-leader' }],
  };

  const modules = [
    module('observer-ja-article', { languages: ['ja', 'en'], format: 'article', learningStyle: 'reading', durationMinutes: 20 }),
    module('observer-ja-video', { languages: ['ja'] }),
    module('observer-en-only', { languages: ['en'] }),
    module('observer-it-only', { languages: ['it'] }),
    module('influencer-only', { targetPersonas: ['influencer'], languages: ['ja'] }),
    module('thought-leader', { targetPersonas: [], targetTopicRoles: ['thought-leader'], languages: ['ja'] }),
    module('social-mind-basics', { targetPersonas: [], targetTopicRoles: ['social-mind'], languages: ['ja'], durationMinutes: 5 }),
    module('spokesperson-media', { targetPersonas: [], targetTopicRoles: ['spokesperson'], languages: ['ja'] }),
    module('for-everyone', { targetPersonas: [], targetTopicRoles: [], languages: ['ja'] }),
    module('already-done', { languages: ['ja'] }),
  ];

  it('offers only modules aimed at the person, in their language or English, best first', () => {
    const fits = fitTrainingModules(learner, modules, [done('ana', 'already-done'), done('ana', 'observer-ja-video', 'started'), done('bob', 'observer-ja-article')]);
    expect(fits.map((f) => [f.module.id, f.score])).toEqual([
      ['observer-ja-article', 4],
      ['observer-ja-video', 3.5],
      ['thought-leader', 3],
      ['social-mind-basics', 2], // tie on score: the shorter module first
      ['observer-en-only', 2],
    ]);
    expect(fits.find((f) => f.module.id === 'observer-en-only')?.reasons).toEqual(['persona-match', 'english-fallback']);
    expect(fits.find((f) => f.module.id === 'social-mind-basics')?.reasons).toEqual(['topic-role-included', 'language-match']);
  });

  it('never returns completed, untargeted or invalid modules (property)', () => {
    const arbModule = fc.record({
      personas: fc.subarray([...PERSONAS]),
      roles: fc.subarray([...TOPIC_ROLES]),
      languages: fc.subarray(['en', 'ja', 'it'] as const),
    });
    fc.assert(
      fc.property(fc.array(arbModule, { maxLength: 15 }), fc.array(fc.nat(15)), (rows, completedIdx) => {
        const mods = rows.map((r, i) => module(`m${i}`, { targetPersonas: r.personas, targetTopicRoles: r.roles, languages: [...r.languages] }));
        const progress = completedIdx.map((i) => done('ana', `m${i}`));
        const fits = fitTrainingModules(learner, mods, progress);
        for (const { module: m } of fits) {
          expect(completedIdx.map((i) => `m${i}`)).not.toContain(m.id);
          expect(validateTrainingModule(m).valid).toBe(true);
          expect(m.targetPersonas.includes('observer') || m.targetTopicRoles.some((r) => r !== 'spokesperson')).toBe(true);
          expect(m.languages.includes('ja') || m.languages.includes('en')).toBe(true);
        }
      }),
    );
  });
});

describe('hasCompletedTraining', () => {
  const progress = [done('ana', 'a'), done('ana', 'b', 'started'), done('bob', 'b')];
  it.each([
    ['ana', [], true],
    ['ana', ['a'], true],
    ['ana', ['a', 'b'], false],
    ['bob', ['b'], true],
    ['cy', [], false],
  ])('%s with required %j -> %s', (id, required, expected) => {
    expect(hasCompletedTraining(id, progress, required)).toBe(expected);
  });
});

describe('summarizeTrainingCompletion', () => {
  it('counts completion per persona per module, completed winning over started', () => {
    const employees = [
      { id: 'a', persona: 'observer' as const },
      { id: 'b', persona: 'observer' as const },
      { id: 'c', persona: 'observer' as const },
      { id: 'd', persona: 'sharer' as const },
    ];
    const progress = [done('a', 'm1', 'started'), done('a', 'm1'), done('a', 'm1', 'started'), done('b', 'm1', 'started'), done('d', 'm1'), done('ghost', 'm1')];
    const rows = summarizeTrainingCompletion([{ id: 'm1', targetPersonas: ['observer'] }], employees, progress);
    expect(rows).toEqual([
      { moduleId: 'm1', persona: 'observer', targeted: true, people: 3, started: 1, completed: 1, completionPercent: 33.3 },
      { moduleId: 'm1', persona: 'sharer', targeted: false, people: 1, started: 0, completed: 1, completionPercent: 100 },
      { moduleId: 'm1', persona: 'networker', targeted: false, people: 0, started: 0, completed: 0, completionPercent: null },
      { moduleId: 'm1', persona: 'influencer', targeted: false, people: 0, started: 0, completed: 0, completionPercent: null },
    ]);
  });
});
