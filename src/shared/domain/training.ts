/**
 * Training rules. Onalytica (seed 000/001): do NOT use the same training for different personas;
 * build it around current skills, personal goals and preferred learning style. Lam (seed 004):
 * train people for their role on a topic (social media, blogging, presenting, storytelling) and
 * respect each person's style.
 */
import { PERSONAS } from './types.js';
import type { Employee, IsoInstant, Language, LearningStyle, Persona, TopicRole } from './types.js';
import { roleIncludes } from './topics.js';

export const TRAINING_FORMATS = ['video', 'article', 'live-session', 'checklist'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

/** A training module aimed at some personas and/or topic roles. */
export interface TrainingModule {
  id: string;
  title: string;
  format: TrainingFormat;
  learningStyle: LearningStyle;
  durationMinutes: number;
  targetPersonas: Persona[];
  targetTopicRoles: TopicRole[];
  languages: Language[];
  link?: string;
  /** Markdown body for articles and checklists kept in the app. */
  body?: string;
  /** A module to complete first (e.g. "best times" before "what works on each network"). */
  prerequisiteId?: string;
}

/** Lifecycle of a module: written as a draft, published to learners, retired when outdated. */
export const TRAINING_MODULE_STATES = ['draft', 'published', 'retired'] as const;
export type TrainingModuleState = (typeof TRAINING_MODULE_STATES)[number];

/** A stored module: the module plus its lifecycle and who wrote it. */
export interface TrainingModuleRecord extends TrainingModule {
  tenantId: string;
  state: TrainingModuleState;
  /** Short summary shown on the nudge card and in lists. */
  summary?: string;
  /** Set on the starter modules shipped with the product (`<theme>`), absent on a trainer's own. */
  starterTheme?: string;
  createdBy: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  publishedAt?: IsoInstant;
  retiredAt?: IsoInstant;
}

/** Allowed lifecycle moves: publish a draft, retire a published module, publish a retired one again. */
const TRANSITIONS: Record<TrainingModuleState, readonly TrainingModuleState[]> = {
  draft: ['published'],
  published: ['retired'],
  retired: ['published'],
};

/** True when a module in `from` may move to `to`. */
export function canTransitionModule(from: TrainingModuleState, to: TrainingModuleState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** One person's progress on one module. */
export interface TrainingProgress {
  employeeId: string;
  moduleId: string;
  status: 'started' | 'completed';
  at: IsoInstant;
}

export type TrainingModuleIssue =
  | 'no-target'
  | 'empty-title'
  | 'invalid-duration'
  | 'no-language'
  | 'no-content'
  | 'self-prerequisite';

/**
 * Validates a module. A module with no target persona and no target topic role is invalid: it
 * would be one course for everyone, which the Onalytica report warns against (seed 000/001).
 * A module also needs a title, a positive duration, a language and a link or body.
 */
export function validateTrainingModule(module: TrainingModule): { valid: boolean; issues: TrainingModuleIssue[] } {
  const issues: TrainingModuleIssue[] = [];
  if (module.targetPersonas.length === 0 && module.targetTopicRoles.length === 0) issues.push('no-target');
  if (module.title.trim() === '') issues.push('empty-title');
  if (!Number.isFinite(module.durationMinutes) || module.durationMinutes <= 0) issues.push('invalid-duration');
  if (module.languages.length === 0) issues.push('no-language');
  if ((module.link ?? '').trim() === '' && (module.body ?? '').trim() === '') issues.push('no-content');
  if (module.prerequisiteId !== undefined && module.prerequisiteId === module.id) issues.push('self-prerequisite');
  return { valid: issues.length === 0, issues };
}

/** The parts of a person that decide which training fits. */
export type TrainingLearner = Pick<Employee, 'id' | 'persona' | 'topics' | 'language'> & {
  learningStyle?: LearningStyle;
};

export type TrainingFitReason =
  | 'persona-match'
  | 'topic-role-match'
  | 'topic-role-included'
  | 'language-match'
  | 'english-fallback'
  | 'learning-style-match'
  | 'in-progress';

export interface TrainingFit {
  module: TrainingModule;
  score: number;
  reasons: TrainingFitReason[];
}

const POINTS: Record<TrainingFitReason, number> = {
  'persona-match': 2,
  'topic-role-match': 2,
  'topic-role-included': 1,
  'language-match': 1,
  'english-fallback': 0,
  'learning-style-match': 1,
  'in-progress': 0.5,
};

/**
 * Modules that fit a person, best first. A module fits when its targets (personas OR topic roles,
 * as a union of audiences) reach the person and it is offered in the person's language or, as a
 * fallback, English. A topic-role target is reached when the person's role on any topic includes
 * it (pyramid inclusion, seed 004): an exact role ranks above an included one. The preferred
 * learning style ranks first among equals; completed modules are left out, started ones get a
 * small push to finish. Ties: shorter first, then id.
 */
export function fitTrainingModules(
  learner: TrainingLearner,
  modules: readonly TrainingModule[],
  progress: readonly TrainingProgress[],
): TrainingFit[] {
  const mine = progress.filter((p) => p.employeeId === learner.id);
  const completed = new Set(mine.filter((p) => p.status === 'completed').map((p) => p.moduleId));
  const started = new Set(mine.filter((p) => p.status === 'started').map((p) => p.moduleId));
  const roles = learner.topics.map((t) => t.role);
  const fits: TrainingFit[] = [];
  for (const module of modules) {
    if (completed.has(module.id) || !validateTrainingModule(module).valid) continue;
    const reasons: TrainingFitReason[] = [];
    if (module.targetPersonas.includes(learner.persona)) reasons.push('persona-match');
    if (module.targetTopicRoles.some((r) => roles.includes(r))) reasons.push('topic-role-match');
    else if (module.targetTopicRoles.some((r) => roles.some((held) => roleIncludes(held, r)))) {
      reasons.push('topic-role-included');
    }
    if (reasons.length === 0) continue;
    if (module.languages.includes(learner.language)) reasons.push('language-match');
    else if (module.languages.includes('en')) reasons.push('english-fallback');
    else continue;
    if (learner.learningStyle !== undefined && module.learningStyle === learner.learningStyle) {
      reasons.push('learning-style-match');
    }
    if (started.has(module.id)) reasons.push('in-progress');
    fits.push({ module, score: reasons.reduce((s, r) => s + POINTS[r], 0), reasons });
  }
  return fits.sort(
    (a, b) =>
      b.score - a.score ||
      a.module.durationMinutes - b.module.durationMinutes ||
      (a.module.id < b.module.id ? -1 : a.module.id > b.module.id ? 1 : 0),
  );
}

/**
 * Whether a person has completed training: every required module, or at least one module when no
 * list is given. Used by the pilot readiness checklist.
 */
export function hasCompletedTraining(
  employeeId: string,
  progress: readonly TrainingProgress[],
  requiredModuleIds: readonly string[] = [],
): boolean {
  const done = new Set(
    progress.filter((p) => p.employeeId === employeeId && p.status === 'completed').map((p) => p.moduleId),
  );
  if (requiredModuleIds.length === 0) return done.size > 0;
  return requiredModuleIds.every((id) => done.has(id));
}

/** Completion of one module among the people of one persona. */
export interface TrainingCompletionRow {
  moduleId: string;
  persona: Persona;
  /** Whether the module targets this persona directly. */
  targeted: boolean;
  people: number;
  started: number;
  completed: number;
  /** Completed / people in percent, one decimal; null when the persona has nobody. */
  completionPercent: number | null;
}

/**
 * Completion per persona per module for the trainer (design 1: "sees completion per persona and
 * module"). A person counts as completed if any record says so, otherwise as started if any does;
 * records of people not in `employees` are ignored.
 */
export function summarizeTrainingCompletion(
  modules: readonly Pick<TrainingModule, 'id' | 'targetPersonas'>[],
  employees: readonly Pick<Employee, 'id' | 'persona'>[],
  progress: readonly TrainingProgress[],
): TrainingCompletionRow[] {
  const status = new Map<string, 'started' | 'completed'>();
  for (const p of progress) {
    const key = `${p.moduleId}\u0000${p.employeeId}`;
    if (p.status === 'completed' || !status.has(key)) status.set(key, p.status);
  }
  const rows: TrainingCompletionRow[] = [];
  for (const module of modules) {
    for (const persona of PERSONAS) {
      const people = employees.filter((e) => e.persona === persona);
      let started = 0;
      let completed = 0;
      for (const person of people) {
        const s = status.get(`${module.id}\u0000${person.id}`);
        if (s === 'completed') completed += 1;
        else if (s === 'started') started += 1;
      }
      rows.push({
        moduleId: module.id,
        persona,
        targeted: module.targetPersonas.includes(persona),
        people: people.length,
        started,
        completed,
        completionPercent: people.length === 0 ? null : Math.round((completed / people.length) * 1000) / 10,
      });
    }
  }
  return rows;
}
