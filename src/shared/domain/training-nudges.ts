/**
 * Training nudge rules (issue 11): who a pushed module reaches, how a person's answers on the
 * nudge card (Start, Done, Not now) move their progress, when someone counts as stuck, and when a
 * cadence push runs again. Pure: time comes in as an argument.
 *
 * Seeds: never one course for everyone (000/001: persona, skills, goals, learning style); train
 * per topic role (004); choice, not obligation (002): "Not now" three times and the module is
 * never offered again, a completed module never comes back.
 */
import { fitTrainingModules, type TrainingLearner, type TrainingModule, type TrainingModuleRecord, type TrainingProgress } from './training.js';
import { roleIncludes } from './topics.js';
import type { Employee, IsoInstant, Language, LearningStyle, Persona, TopicRole } from './types.js';

/** After this many "Not now" answers a module is never nudged to that person again. */
export const MAX_NOT_NOWS = 3;
/** Default minimum days between two training nudges to one person (any module). */
export const DEFAULT_NUDGE_GAP_DAYS = 7;
/** Default days after which a started, unfinished module makes a person "stuck". */
export const DEFAULT_STUCK_AFTER_DAYS = 14;

const DAY_MS = 86_400_000;

export const TRAINING_PROGRESS_STATUSES = ['nudged', 'started', 'completed'] as const;
export type TrainingProgressStatus = (typeof TRAINING_PROGRESS_STATUSES)[number];

/** One person's state on one module: the row behind the nudge rules and the dashboard. */
export interface TrainingProgressRecord {
  employeeId: string;
  moduleId: string;
  status: TrainingProgressStatus;
  /** Nudges sent for this module. */
  nudges: number;
  /** "Not now" answers. */
  notNows: number;
  lastNudgedAt?: IsoInstant;
  startedAt?: IsoInstant;
  completedAt?: IsoInstant;
  updatedAt: IsoInstant;
}

/** What can happen to a person's progress on a module. */
export const TRAINING_ACTIONS = ['nudged', 'start', 'done', 'not-now'] as const;
export type TrainingAction = (typeof TRAINING_ACTIONS)[number];

/** Result of {@link applyTrainingAction}. */
export interface TrainingActionResult {
  record: TrainingProgressRecord;
  /** False when the action changed nothing (e.g. Done twice, Start after Done). */
  changed: boolean;
  /** True only on the first Done: the moment to count a win. */
  completedNow: boolean;
}

/**
 * Applies one action. Done is final: nothing after it changes the record (so a second Done is no
 * second win). Start keeps the first start time; Not now counts up without touching the status.
 */
export function applyTrainingAction(
  current: TrainingProgressRecord | undefined,
  who: { employeeId: string; moduleId: string },
  action: TrainingAction,
  at: IsoInstant,
): TrainingActionResult {
  const base: TrainingProgressRecord = current ?? { employeeId: who.employeeId, moduleId: who.moduleId, status: 'nudged', nudges: 0, notNows: 0, updatedAt: at };
  if (base.status === 'completed') return { record: base, changed: false, completedNow: false };
  switch (action) {
    case 'nudged':
      return { record: { ...base, nudges: base.nudges + 1, lastNudgedAt: at, updatedAt: at }, changed: true, completedNow: false };
    case 'start':
      if (base.status === 'started') return { record: base, changed: current === undefined, completedNow: false };
      return { record: { ...base, status: 'started', startedAt: base.startedAt ?? at, updatedAt: at }, changed: true, completedNow: false };
    case 'done':
      return { record: { ...base, status: 'completed', startedAt: base.startedAt ?? at, completedAt: at, updatedAt: at }, changed: true, completedNow: true };
    case 'not-now':
      return { record: { ...base, notNows: base.notNows + 1, updatedAt: at }, changed: true, completedNow: false };
  }
}

/** Progress records as the started/completed events the completion rules read. */
export function toTrainingProgress(records: readonly TrainingProgressRecord[]): TrainingProgress[] {
  const out: TrainingProgress[] = [];
  for (const r of records) {
    if (r.status === 'completed') out.push({ employeeId: r.employeeId, moduleId: r.moduleId, status: 'completed', at: r.completedAt ?? r.updatedAt });
    else if (r.status === 'started') out.push({ employeeId: r.employeeId, moduleId: r.moduleId, status: 'started', at: r.startedAt ?? r.updatedAt });
  }
  return out;
}

/** Who a push is aimed at. Empty lists do not restrict; all empty = everyone the module targets. */
export interface TrainingAudience {
  personas: Persona[];
  /** Exact topic roles (a push "to spokespeople" reaches spokespeople, not every role below). */
  topicRoles: TopicRole[];
  teams: string[];
  learningStyles: LearningStyle[];
}

/** The parts of a person the nudge rules read. */
export type TrainingNudgeLearner = TrainingLearner & Pick<Employee, 'team' | 'promptsPaused'>;

/** Why a person does not get a nudge. */
export const NUDGE_EXCLUSIONS = [
  'not-published',
  'outside-audience',
  'learning-style',
  'not-targeted',
  'language',
  'paused',
  'completed',
  'declined',
  'prerequisite',
  'recently-nudged',
  /** Selected, but the delivery planner found no allowed time in the spread window (hours, days, weekly cap). */
  'not-scheduled',
] as const;
export type NudgeExclusion = (typeof NUDGE_EXCLUSIONS)[number];

/** Options of the nudge rules. */
export interface NudgeRuleOptions {
  /** Minimum days between two training nudges to one person, any module (the training cap). */
  gapDays?: number;
  /**
   * Languages in which another published version of the same module exists (a starter theme in
   * six languages): a person who reads one of them gets that version, not this one in English.
   */
  otherLanguageVersions?: readonly Language[];
}

/** True when `learner` is inside `audience` (every non-empty dimension must match). */
export function inTrainingAudience(learner: TrainingNudgeLearner, audience: TrainingAudience): boolean {
  if (audience.personas.length > 0 && !audience.personas.includes(learner.persona)) return false;
  if (audience.teams.length > 0 && !audience.teams.includes(learner.team)) return false;
  if (audience.topicRoles.length > 0 && !learner.topics.some((t) => audience.topicRoles.includes(t.role))) return false;
  return true;
}

/** True when the module's targets reach the person (persona, or a topic role their role includes). */
export function moduleTargetsLearner(module: Pick<TrainingModule, 'targetPersonas' | 'targetTopicRoles'>, learner: Pick<TrainingLearner, 'persona' | 'topics'>): boolean {
  if (module.targetPersonas.includes(learner.persona)) return true;
  return module.targetTopicRoles.some((required) => learner.topics.some((t) => roleIncludes(t.role, required)));
}

/**
 * Why `learner` should not get a nudge for `module` now, or `undefined` when they should. Checked
 * in this order: published, audience, learning style, the module's own targets, language (theirs,
 * or English when no version in theirs exists), paused prompts, completed, three Not-nows, prerequisite not done, and the training
 * cap (no two training nudges within `gapDays`, whatever the module).
 */
export function nudgeExclusion(
  module: TrainingModuleRecord,
  audience: TrainingAudience,
  learner: TrainingNudgeLearner,
  records: readonly TrainingProgressRecord[],
  now: IsoInstant,
  options: NudgeRuleOptions = {},
): NudgeExclusion | undefined {
  if (module.state !== 'published') return 'not-published';
  if (!inTrainingAudience(learner, audience)) return 'outside-audience';
  if (audience.learningStyles.length > 0 && (learner.learningStyle === undefined || !audience.learningStyles.includes(learner.learningStyle))) return 'learning-style';
  if (!moduleTargetsLearner(module, learner)) return 'not-targeted';
  if (!module.languages.includes(learner.language) && (!module.languages.includes('en') || (options.otherLanguageVersions ?? []).includes(learner.language))) return 'language';
  if (learner.promptsPaused) return 'paused';
  const mine = records.filter((r) => r.employeeId === learner.id);
  const own = mine.find((r) => r.moduleId === module.id);
  if (own?.status === 'completed') return 'completed';
  if ((own?.notNows ?? 0) >= MAX_NOT_NOWS) return 'declined';
  if (module.prerequisiteId !== undefined && !mine.some((r) => r.moduleId === module.prerequisiteId && r.status === 'completed')) return 'prerequisite';
  const gapMs = (options.gapDays ?? DEFAULT_NUDGE_GAP_DAYS) * DAY_MS;
  const nowMs = Date.parse(now);
  if (gapMs > 0 && mine.some((r) => r.lastNudgedAt !== undefined && nowMs - Date.parse(r.lastNudgedAt) < gapMs)) return 'recently-nudged';
  return undefined;
}

/** Who a push reaches and why the others do not. */
export interface NudgeSelection {
  included: string[];
  excluded: { employeeId: string; reason: NudgeExclusion }[];
}

/** Applies {@link nudgeExclusion} to everyone (ids in roster order). */
export function selectNudgeRecipients(
  module: TrainingModuleRecord,
  audience: TrainingAudience,
  learners: readonly TrainingNudgeLearner[],
  records: readonly TrainingProgressRecord[],
  now: IsoInstant,
  options: NudgeRuleOptions = {},
): NudgeSelection {
  const byPerson = new Map<string, TrainingProgressRecord[]>();
  for (const r of records) byPerson.set(r.employeeId, [...(byPerson.get(r.employeeId) ?? []), r]);
  const selection: NudgeSelection = { included: [], excluded: [] };
  for (const learner of learners) {
    const reason = nudgeExclusion(module, audience, learner, byPerson.get(learner.id) ?? [], now, options);
    if (reason === undefined) selection.included.push(learner.id);
    else selection.excluded.push({ employeeId: learner.id, reason });
  }
  return selection;
}

/**
 * The published modules a person may take now, best first (persona, topic role, language and
 * learning style, see `fitTrainingModules`), leaving out those declined three times, those whose
 * prerequisite is not done yet, and a second language version of the same starter theme.
 */
export function recommendTrainingModules(
  learner: TrainingLearner,
  modules: readonly TrainingModuleRecord[],
  records: readonly TrainingProgressRecord[],
): TrainingModuleRecord[] {
  const mine = records.filter((r) => r.employeeId === learner.id);
  const done = new Set(mine.filter((r) => r.status === 'completed').map((r) => r.moduleId));
  const declined = new Set(mine.filter((r) => r.notNows >= MAX_NOT_NOWS).map((r) => r.moduleId));
  const open = modules.filter((m) => m.state === 'published' && !declined.has(m.id) && (m.prerequisiteId === undefined || done.has(m.prerequisiteId)));
  const byId = new Map(open.map((m) => [m.id, m]));
  // One module per starter theme: the best-ranked version (their language before the English one).
  const themes = new Set<string>();
  return fitTrainingModules(learner, open, toTrainingProgress(mine))
    .map((fit) => byId.get(fit.module.id)!)
    .filter((m) => {
      if (m.starterTheme === undefined) return true;
      if (themes.has(m.starterTheme)) return false;
      themes.add(m.starterTheme);
      return true;
    });
}

/** A person who started a module and has not finished it after the threshold. */
export interface StuckLearner {
  employeeId: string;
  moduleId: string;
  startedAt: IsoInstant;
  /** Whole days since the start. */
  days: number;
}

/** Who is stuck: started, not completed, `afterDays` or more ago; longest first, then by id. */
export function findStuckLearners(records: readonly TrainingProgressRecord[], now: IsoInstant, afterDays = DEFAULT_STUCK_AFTER_DAYS): StuckLearner[] {
  const nowMs = Date.parse(now);
  const stuck: StuckLearner[] = [];
  for (const r of records) {
    if (r.status !== 'started' || r.startedAt === undefined) continue;
    const days = Math.floor((nowMs - Date.parse(r.startedAt)) / DAY_MS);
    if (days >= afterDays) stuck.push({ employeeId: r.employeeId, moduleId: r.moduleId, startedAt: r.startedAt, days });
  }
  return stuck.sort((a, b) => b.days - a.days || (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : a.moduleId < b.moduleId ? -1 : 1));
}

/** Completion of each module over everyone it was nudged to or taken by. */
export interface ModuleCompletion {
  moduleId: string;
  reached: number;
  started: number;
  completed: number;
  declined: number;
  /** completed / reached in percent, one decimal; null when nobody was reached. */
  completionPercent: number | null;
}

/** Per module: how many were reached (any record), started (not done), completed, declined. */
export function summarizeModuleCompletion(moduleIds: readonly string[], records: readonly TrainingProgressRecord[]): ModuleCompletion[] {
  return moduleIds.map((moduleId) => {
    const rows = records.filter((r) => r.moduleId === moduleId);
    const completed = rows.filter((r) => r.status === 'completed').length;
    return {
      moduleId,
      reached: rows.length,
      started: rows.filter((r) => r.status === 'started').length,
      completed,
      declined: rows.filter((r) => r.status !== 'completed' && r.notNows >= MAX_NOT_NOWS).length,
      completionPercent: rows.length === 0 ? null : Math.round((completed / rows.length) * 1000) / 10,
    };
  });
}

/** A repeating push: every `everyDays` days until stopped (or `until`). */
export interface TrainingCadence {
  everyDays: number;
  until?: IsoInstant;
}

/** When a cadence push runs next after a run at `lastRunAt`; undefined when past `until`. */
export function nextCadenceRun(lastRunAt: IsoInstant, cadence: TrainingCadence): IsoInstant | undefined {
  if (!Number.isFinite(cadence.everyDays) || cadence.everyDays <= 0) return undefined;
  const next = new Date(Date.parse(lastRunAt) + cadence.everyDays * DAY_MS).toISOString();
  if (cadence.until !== undefined && Date.parse(next) > Date.parse(cadence.until)) return undefined;
  return next;
}

/** True when an active push's next run has come. */
export function isCadenceDue(push: { state: string; nextRunAt?: IsoInstant }, now: IsoInstant): boolean {
  return push.state === 'active' && push.nextRunAt !== undefined && Date.parse(push.nextRunAt) <= Date.parse(now);
}
