/**
 * How training looks to one person, pure: the learner the nudge rules read from an employee, a
 * module's row under "My training", and the view a nudge card is built from.
 */
import type { MyTrainingItem } from '../../shared/contracts/training.js';
import type { TrainingModuleRecord } from '../../shared/domain/training.js';
import { moduleTargetsLearner, type TrainingNudgeLearner, type TrainingProgressRecord } from '../../shared/domain/training-nudges.js';
import { roleIncludes } from '../../shared/domain/topics.js';
import { SUPPORTED_LANGUAGES, type Employee, type Language, type Persona, type TopicRole } from '../../shared/domain/types.js';

/** The parts of an employee the training rules read. */
export function toLearner(employee: Employee): TrainingNudgeLearner {
  return {
    id: employee.id,
    persona: employee.persona,
    topics: employee.topics,
    language: employee.language,
    team: employee.team,
    promptsPaused: employee.promptsPaused,
    ...(employee.audit ? { learningStyle: employee.audit.learningStyle } : {}),
  };
}

/** Order of a module's first language in the product's language list (stable lists across languages). */
export const languageRank = (m: TrainingModuleRecord) => SUPPORTED_LANGUAGES.indexOf(m.languages[0] ?? 'en');

/** A person's row for a module, as they see it. */
export function itemOf(module: TrainingModuleRecord, record: TrainingProgressRecord | undefined, withContent: boolean): MyTrainingItem {
  return {
    moduleId: module.id,
    title: module.title,
    ...(module.summary ? { summary: module.summary } : {}),
    format: module.format,
    durationMinutes: module.durationMinutes,
    status: record?.status ?? 'new',
    notNows: record?.notNows ?? 0,
    ...(record?.startedAt ? { startedAt: record.startedAt } : {}),
    ...(record?.completedAt ? { completedAt: record.completedAt } : {}),
    ...(module.link ? { link: module.link } : {}),
    ...(withContent && module.body ? { body: module.body } : {}),
  };
}

/** What a nudge card needs about a module and the person it goes to. */
export interface TrainingNudgeView {
  module: TrainingModuleRecord;
  record?: TrainingProgressRecord;
  language: Language;
  /** Why it fits: the person's persona when targeted, else the targeted role their role includes. */
  fit: { persona?: Persona; topicRole?: TopicRole };
}

/** The nudge view of a module for a person. */
export function viewOf(module: TrainingModuleRecord, record: TrainingProgressRecord | undefined, employee: Employee): TrainingNudgeView {
  const fit: TrainingNudgeView['fit'] = {};
  if (module.targetPersonas.includes(employee.persona)) fit.persona = employee.persona;
  else if (moduleTargetsLearner(module, employee)) {
    const role = module.targetTopicRoles.find((r) => employee.topics.some((t) => roleIncludes(t.role, r)));
    if (role) fit.topicRole = role;
  }
  return { module, ...(record ? { record } : {}), language: employee.language, fit };
}
