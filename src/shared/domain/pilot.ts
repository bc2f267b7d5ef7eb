/**
 * Leadership pilot rules. Onalytica (seed 000/001): build confidence by having the C-suite pilot
 * first (where do leaders sit on the persona chart? what first steps model the behaviour?).
 * Oktopost (seed 003): three phases (education and launch, maintenance, results) and a board with
 * enough content in each of the three categories.
 */
import { CONTENT_CATEGORIES, PILOT_PHASES } from './types.js';
import type { ContentCategory, ContentItem, Employee, IsoInstant, Pilot, PilotPhase } from './types.js';
import { currentPolicyVersion } from './policy.js';
import type { PolicyVersion } from './policy.js';
import { hasCompletedTraining } from './training.js';
import type { TrainingProgress } from './training.js';
import { isLive } from './targeting.js';

/** Goals the pilot must reach before rollout; programme-configurable. */
export interface PilotTargets {
  /** Share of the cohort that completed training, in percent. */
  trainingCompletionPercent: number;
  /** Shares by the cohort over the pilot. */
  cohortShares: number;
  /** Counted clicks on the cohort's links (clicks, not shares: seed 003). */
  cohortClicks: number;
  /** Live published items the board needs in each category. */
  publishedPerCategory: number;
  /** Modules each leader must complete; empty = any one module. */
  requiredModuleIds: string[];
  /** Checklist items that are reported but do not block go. */
  nonBlocking: ReadinessItemId[];
}

export const DEFAULT_PILOT_TARGETS: Readonly<PilotTargets> = Object.freeze({
  trainingCompletionPercent: 80,
  cohortShares: 20,
  cohortClicks: 50,
  publishedPerCategory: 3,
  requiredModuleIds: [],
  nonBlocking: [],
});

export type ReadinessItemId =
  | 'cohort-not-empty'
  | 'policy-published'
  | 'cohort-audited'
  | 'training-completed'
  | 'cohort-shares'
  | 'cohort-clicks'
  | `board-${ContentCategory}`;

/** One line of the readiness checklist. */
export interface ReadinessItem {
  id: ReadinessItemId;
  met: boolean;
  actual: number;
  target: number;
  blocking: boolean;
}

/** What the checklist is computed from. */
export interface PilotReadinessInput {
  pilot: Pick<Pilot, 'cohort' | 'phase'>;
  now: IsoInstant;
  /** Employees; only cohort members are looked at. */
  employees: readonly Pick<Employee, 'id' | 'audit'>[];
  policies: readonly PolicyVersion[];
  trainingProgress: readonly TrainingProgress[];
  shares: readonly { employeeId: string }[];
  clicks: readonly { employeeId: string }[];
  content: readonly ContentItem[];
}

export interface PilotReadiness {
  items: ReadinessItem[];
  /** Met items / all items, whole percent. */
  percent: number;
}

/**
 * Evaluates the readiness checklist: cohort set, policy published, every leader audited (so they
 * sit on the persona chart), training done by enough leaders, enough shares and clicks from the
 * cohort, and enough live content per category.
 */
export function evaluatePilotReadiness(
  input: PilotReadinessInput,
  overrides: Partial<PilotTargets> = {},
): PilotReadiness {
  const targets: PilotTargets = { ...DEFAULT_PILOT_TARGETS, ...overrides };
  const cohort = new Set(input.pilot.cohort);
  const size = cohort.size;
  const audited = new Set(input.employees.filter((e) => cohort.has(e.id) && e.audit !== undefined).map((e) => e.id)).size;
  const trained = [...cohort].filter((id) =>
    hasCompletedTraining(id, input.trainingProgress, targets.requiredModuleIds),
  ).length;
  const trainedPercent = size === 0 ? 0 : Math.round((trained / size) * 1000) / 10;
  const shares = input.shares.filter((s) => cohort.has(s.employeeId)).length;
  const clicks = input.clicks.filter((c) => cohort.has(c.employeeId)).length;
  const live = input.content.filter((item) => isLive(item, input.now));
  const item = (id: ReadinessItemId, actual: number, target: number): ReadinessItem => ({
    id,
    met: actual >= target,
    actual,
    target,
    blocking: !targets.nonBlocking.includes(id),
  });
  const items: ReadinessItem[] = [
    item('cohort-not-empty', size, 1),
    item('policy-published', currentPolicyVersion(input.policies, input.now) === undefined ? 0 : 1, 1),
    { ...item('cohort-audited', audited, size), met: size > 0 && audited >= size },
    {
      ...item('training-completed', trainedPercent, targets.trainingCompletionPercent),
      met: size > 0 && trainedPercent >= targets.trainingCompletionPercent,
    },
    item('cohort-shares', shares, targets.cohortShares),
    item('cohort-clicks', clicks, targets.cohortClicks),
    ...CONTENT_CATEGORIES.map((category) =>
      item(`board-${category}`, live.filter((c) => c.category === category).length, targets.publishedPerCategory),
    ),
  ];
  const met = items.filter((i) => i.met).length;
  return { items, percent: Math.round((met / items.length) * 100) };
}

/**
 * Checklist items that must be met to enter each phase. Launch -> maintenance needs the basics
 * (cohort, policy, audits, training: "education and launch were key", seed 003); maintenance ->
 * results additionally needs activity (shares and clicks) and a stocked board.
 */
export const PHASE_ENTRY_REQUIREMENTS: Readonly<Record<PilotPhase, readonly ReadinessItemId[]>> = Object.freeze({
  'education-and-launch': [],
  maintenance: ['cohort-not-empty', 'policy-published', 'cohort-audited', 'training-completed'],
  results: [
    'cohort-not-empty',
    'policy-published',
    'cohort-audited',
    'training-completed',
    'cohort-shares',
    'cohort-clicks',
    'board-company',
    'board-industry',
    'board-personal-interest',
  ],
});

export type PhaseAdvance =
  | { ok: true; phase: PilotPhase }
  | { ok: false; reason: 'final-phase' | 'not-next-phase'; phase: PilotPhase }
  | { ok: false; reason: 'conditions-not-met'; phase: PilotPhase; unmet: ReadinessItemId[] };

/** The phase after `phase`, or undefined from `results`. */
export function nextPilotPhase(phase: PilotPhase): PilotPhase | undefined {
  return PILOT_PHASES[PILOT_PHASES.indexOf(phase) + 1];
}

/**
 * Moves the pilot one phase forward when the entry conditions are met. Phases only go forward and
 * never skip (the three Oktopost phases build on each other); `to` defaults to the next phase.
 */
export function advancePilotPhase(
  phase: PilotPhase,
  readiness: PilotReadiness,
  to: PilotPhase | undefined = nextPilotPhase(phase),
): PhaseAdvance {
  const next = nextPilotPhase(phase);
  if (next === undefined) return { ok: false, reason: 'final-phase', phase };
  if (to !== next) return { ok: false, reason: 'not-next-phase', phase };
  const unmet = PHASE_ENTRY_REQUIREMENTS[next].filter((id) => readiness.items.find((i) => i.id === id)?.met !== true);
  if (unmet.length > 0) return { ok: false, reason: 'conditions-not-met', phase, unmet };
  return { ok: true, phase: next };
}

export type GoNoGoBlocker = ReadinessItemId | 'pilot-not-in-results-phase';

export interface GoNoGoDecision {
  decision: 'go' | 'no-go';
  readinessPercent: number;
  blockingReasons: GoNoGoBlocker[];
}

/**
 * Go/no-go for company rollout: go only in the results phase with every blocking checklist item
 * met; otherwise no-go listing what blocks, so the executive digest can say what is missing.
 */
export function decideRollout(phase: PilotPhase, readiness: PilotReadiness): GoNoGoDecision {
  const blockingReasons: GoNoGoBlocker[] = [];
  if (phase !== 'results') blockingReasons.push('pilot-not-in-results-phase');
  for (const item of readiness.items) if (item.blocking && !item.met) blockingReasons.push(item.id);
  return {
    decision: blockingReasons.length === 0 ? 'go' : 'no-go',
    readinessPercent: readiness.percent,
    blockingReasons,
  };
}
