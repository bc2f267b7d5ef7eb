import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyTrainingAction,
  findStuckLearners,
  isCadenceDue,
  MAX_NOT_NOWS,
  nextCadenceRun,
  recommendTrainingModules,
  selectNudgeRecipients,
  summarizeModuleCompletion,
  toTrainingProgress,
  type TrainingAction,
  type TrainingAudience,
  type TrainingNudgeLearner,
  type TrainingProgressRecord,
} from '../../../src/shared/domain/training-nudges.js';
import { canTransitionModule, validateTrainingModule, type TrainingModuleRecord } from '../../../src/shared/domain/training.js';

const NOW = '2026-12-03T10:00:00.000Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();

const mod = (id: string, over: Partial<TrainingModuleRecord> = {}): TrainingModuleRecord => ({
  id,
  tenantId: 't',
  title: id,
  format: 'article',
  learningStyle: 'reading',
  durationMinutes: 10,
  targetPersonas: ['networker'],
  targetTopicRoles: [],
  languages: ['ja'],
  body: '# Steps',
  state: 'published',
  createdBy: 'trainer',
  createdAt: daysAgo(30),
  updatedAt: daysAgo(30),
  ...over,
});

const person = (id: string, over: Partial<TrainingNudgeLearner> = {}): TrainingNudgeLearner => ({
  id,
  persona: 'networker',
  topics: [],
  language: 'ja',
  learningStyle: 'reading',
  team: 'Sales',
  promptsPaused: false,
  ...over,
});

const rec = (employeeId: string, moduleId: string, over: Partial<TrainingProgressRecord> = {}): TrainingProgressRecord => ({
  employeeId,
  moduleId,
  status: 'nudged',
  nudges: 1,
  notNows: 0,
  updatedAt: daysAgo(20),
  lastNudgedAt: daysAgo(20),
  ...over,
});

const ALL: TrainingAudience = { personas: [], topicRoles: [], teams: [], learningStyles: [] };

describe('selectNudgeRecipients: targeting by persona, role, team and style', () => {
  const learners = [
    person('net-ja'),
    person('obs-ja', { persona: 'observer' }),
    person('net-it', { language: 'it' }),
    person('net-video', { learningStyle: 'video' }),
    person('net-mkt', { team: 'Marketing' }),
    person('spoke', { persona: 'observer', topics: [{ topicId: 'ai', role: 'spokesperson' }] }),
    person('tl', { persona: 'observer', topics: [{ topicId: 'ai', role: 'thought-leader' }] }),
    person('paused', { promptsPaused: true }),
  ];
  it.each([
    ['the module targets alone', mod('m'), ALL, ['net-ja', 'net-video', 'net-mkt']],
    ['a persona audience', mod('m'), { ...ALL, personas: ['networker'] }, ['net-ja', 'net-video', 'net-mkt']],
    ['a team audience', mod('m'), { ...ALL, teams: ['Marketing'] }, ['net-mkt']],
    ['a learning-style audience', mod('m'), { ...ALL, learningStyles: ['video'] }, ['net-video']],
    ['an English fallback', mod('m', { languages: ['en'] }), ALL, ['net-ja', 'net-it', 'net-video', 'net-mkt']],
    ['a topic-role target (pyramid inclusion)', mod('m', { targetPersonas: [], targetTopicRoles: ['thought-leader'] }), ALL, ['spoke', 'tl']],
    ['an exact topic-role audience', mod('m', { targetPersonas: [], targetTopicRoles: ['thought-leader'] }), { ...ALL, topicRoles: ['spokesperson'] }, ['spoke']],
    ['spokespeople only', mod('press', { targetPersonas: [], targetTopicRoles: ['spokesperson'] }), ALL, ['spoke']],
    ['a draft', mod('m', { state: 'draft' }), ALL, []],
  ] as const)('%s', (_label, module, audience, expected) => {
    expect(selectNudgeRecipients(module, { ...audience } as TrainingAudience, learners, [], NOW).included).toEqual(expected);
  });

  it('says why each person was left out', () => {
    const { excluded } = selectNudgeRecipients(mod('m'), { ...ALL, learningStyles: ['reading'] }, learners, [], NOW);
    expect(Object.fromEntries(excluded.map((e) => [e.employeeId, e.reason]))).toEqual({
      'obs-ja': 'not-targeted',
      'net-it': 'language',
      'net-video': 'learning-style',
      spoke: 'not-targeted',
      tl: 'not-targeted',
      paused: 'paused',
    });
  });
});

describe('repeat rules and the training cap', () => {
  const one = [person('p')];
  it.each([
    ['never nudged', [], true],
    ['nudged 20 days ago', [rec('p', 'm')], true],
    ['done', [rec('p', 'm', { status: 'completed', completedAt: daysAgo(10) })], false],
    ['two Not-nows', [rec('p', 'm', { notNows: 2 })], true],
    ['three Not-nows', [rec('p', 'm', { notNows: MAX_NOT_NOWS })], false],
    ['started and stuck', [rec('p', 'm', { status: 'started', startedAt: daysAgo(15) })], true],
    ['another module nudged 2 days ago (cap)', [rec('p', 'other', { lastNudgedAt: daysAgo(2) })], false],
    ['another module nudged 8 days ago', [rec('p', 'other', { lastNudgedAt: daysAgo(8) })], true],
    ['someone else done', [rec('q', 'm', { status: 'completed' })], true],
  ] as const)('%s -> nudged: %s', (_label, records, expected) => {
    expect(selectNudgeRecipients(mod('m'), ALL, one, [...records], NOW).included.length === 1).toBe(expected);
  });

  it('waits for the prerequisite', () => {
    const m = mod('m', { prerequisiteId: 'basics' });
    expect(selectNudgeRecipients(m, ALL, one, [], NOW).excluded[0]?.reason).toBe('prerequisite');
    expect(selectNudgeRecipients(m, ALL, one, [rec('p', 'basics', { status: 'completed', lastNudgedAt: daysAgo(9) })], NOW).included).toEqual(['p']);
  });

  it('sends the English version only to people without a version in their language', () => {
    const english = mod('best-en', { starterTheme: 'best-times', languages: ['en'] });
    const learners = [person('ja-reader'), person('it-reader', { language: 'it' }), person('en-reader', { language: 'en' })];
    const selection = selectNudgeRecipients(english, ALL, learners, [], NOW, { otherLanguageVersions: ['ja', 'th'] });
    expect(selection.included).toEqual(['it-reader', 'en-reader']);
    expect(selection.excluded).toEqual([{ employeeId: 'ja-reader', reason: 'language' }]);
  });

  it('a gap of 0 days turns the cap off', () => {
    expect(selectNudgeRecipients(mod('m'), ALL, one, [rec('p', 'other', { lastNudgedAt: daysAgo(0) })], NOW, { gapDays: 0 }).included).toEqual(['p']);
  });
});

describe('applyTrainingAction', () => {
  const who = { employeeId: 'p', moduleId: 'm' };
  it.each([
    ['first nudge', undefined, 'nudged', { status: 'nudged', nudges: 1, notNows: 0 }, false],
    ['Not now', rec('p', 'm'), 'not-now', { status: 'nudged', notNows: 1 }, false],
    ['Start', rec('p', 'm'), 'start', { status: 'started', startedAt: NOW }, false],
    ['Done without Start', rec('p', 'm'), 'done', { status: 'completed', startedAt: NOW, completedAt: NOW }, true],
    ['Done after Start keeps the start', rec('p', 'm', { status: 'started', startedAt: daysAgo(3) }), 'done', { status: 'completed', startedAt: daysAgo(3) }, true],
  ] as const)('%s', (_label, current, action, expected, completedNow) => {
    const result = applyTrainingAction(current, who, action, NOW);
    expect(result.record).toMatchObject(expected);
    expect(result.completedNow).toBe(completedNow);
  });

  it('Done is final: nothing after it changes the record or counts a second win (property)', () => {
    const actions = fc.array(fc.constantFrom<TrainingAction>('nudged', 'start', 'done', 'not-now'), { maxLength: 12 });
    fc.assert(
      fc.property(actions, (list) => {
        let record: TrainingProgressRecord | undefined;
        let wins = 0;
        let doneSeen = false;
        for (const action of list) {
          const before = record;
          const result = applyTrainingAction(record, who, action, NOW);
          if (doneSeen) expect(result.record).toEqual(before);
          if (result.completedNow) wins += 1;
          if (action === 'done') doneSeen = true;
          record = result.record;
        }
        expect(wins).toBe(list.includes('done') ? 1 : 0);
      }),
    );
  });
});

describe('progress and stuck detection', () => {
  const records = [
    rec('a', 'm', { status: 'started', startedAt: daysAgo(20) }),
    rec('b', 'm', { status: 'started', startedAt: daysAgo(14) }),
    rec('c', 'm', { status: 'started', startedAt: daysAgo(13) }),
    rec('d', 'm', { status: 'completed', startedAt: daysAgo(30), completedAt: daysAgo(1) }),
    rec('e', 'm', { notNows: 3 }),
  ];
  it('finds who started and did not finish after N days, longest first', () => {
    expect(findStuckLearners(records, NOW, 14).map((s) => [s.employeeId, s.days])).toEqual([['a', 20], ['b', 14]]);
    expect(findStuckLearners(records, NOW, 30)).toEqual([]);
  });
  it('turns records into started/completed events (nudged alone is not progress)', () => {
    expect(toTrainingProgress(records).map((p) => `${p.employeeId}:${p.status}`)).toEqual(['a:started', 'b:started', 'c:started', 'd:completed']);
  });
  it('summarises completion per module', () => {
    expect(summarizeModuleCompletion(['m', 'x'], records)).toEqual([
      { moduleId: 'm', reached: 5, started: 3, completed: 1, declined: 1, completionPercent: 20 },
      { moduleId: 'x', reached: 0, started: 0, completed: 0, declined: 0, completionPercent: null },
    ]);
  });
});

describe('recommendTrainingModules', () => {
  it('ranks by learning style and leaves out declined, done and locked modules', () => {
    const learner = person('p', { learningStyle: 'video' });
    const modules = [
      mod('read'),
      mod('watch', { format: 'video', learningStyle: 'video', link: 'https://example.com/v' }),
      mod('declined'),
      mod('done'),
      mod('locked', { prerequisiteId: 'read' }),
      mod('retired', { state: 'retired' }),
    ];
    const records = [rec('p', 'declined', { notNows: 3 }), rec('p', 'done', { status: 'completed' })];
    expect(recommendTrainingModules(learner, modules, records).map((m) => m.id)).toEqual(['watch', 'read']);
  });

  it('offers one version of a starter theme: theirs before the English one', () => {
    const learner = person('p');
    const modules = [mod('best-en', { starterTheme: 'best-times', languages: ['en'] }), mod('best-ja', { starterTheme: 'best-times' }), mod('own', {})];
    expect(recommendTrainingModules(learner, modules, []).map((m) => m.id)).toEqual(['best-ja', 'own']);
  });
});

describe('lifecycle and validation', () => {
  it.each([
    ['draft', 'published', true],
    ['published', 'retired', true],
    ['retired', 'published', true],
    ['draft', 'retired', false],
    ['published', 'draft', false],
  ] as const)('%s -> %s: %s', (from, to, ok) => {
    expect(canTransitionModule(from, to)).toBe(ok);
  });
  it('refuses a module that requires itself', () => {
    expect(validateTrainingModule(mod('m', { prerequisiteId: 'm' })).issues).toEqual(['self-prerequisite']);
  });
});

describe('cadence', () => {
  it.each([
    [{ everyDays: 7 }, '2026-12-10T10:00:00.000Z'],
    [{ everyDays: 7, until: '2026-12-05T00:00:00.000Z' }, undefined],
    [{ everyDays: 0 }, undefined],
  ])('%j -> %s', (cadence, expected) => {
    expect(nextCadenceRun(NOW, cadence)).toBe(expected);
  });
  it('is due only when active and the time has come', () => {
    expect(isCadenceDue({ state: 'active', nextRunAt: daysAgo(0) }, NOW)).toBe(true);
    expect(isCadenceDue({ state: 'active', nextRunAt: '2026-12-04T00:00:00.000Z' }, NOW)).toBe(false);
    expect(isCadenceDue({ state: 'stopped', nextRunAt: daysAgo(1) }, NOW)).toBe(false);
  });
});
