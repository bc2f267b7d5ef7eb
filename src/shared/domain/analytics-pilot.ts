/**
 * The leadership pilot's figures beside the rules of `pilot.ts`: where each person sits on the
 * persona chart, a leader's reach, shares that brought clicks, and the readiness checklist with
 * the items only a person can tick (legal, security, communications, champions).
 */
import { DEFAULT_PERSONA_THRESHOLDS, sumAudience, type PersonaThresholds } from './personas.js';
import type { PilotReadiness, ReadinessItemId } from './pilot.js';
import type { Employee, Network, Persona } from './types.js';

/** One person on the persona chart: audience (x) against posts per month (y). */
export interface PersonaChartPoint {
  employeeId: string;
  audience: number;
  postsPerMonth: number;
  persona: Persona;
  leader: boolean;
}

/** The person's point, or undefined before the social audit (nothing to place). */
export function personaChartPoint(employee: Pick<Employee, 'id' | 'audit' | 'persona' | 'leader'>): PersonaChartPoint | undefined {
  if (employee.audit === undefined) return undefined;
  const posts = Number.isFinite(employee.audit.postsPerMonth) ? Math.max(0, employee.audit.postsPerMonth) : 0;
  return { employeeId: employee.id, audience: sumAudience(employee.audit), postsPerMonth: posts, persona: employee.persona, leader: employee.leader };
}

/** The chart's quadrant lines: the classification thresholds. */
export function personaQuadrants(thresholds: PersonaThresholds = DEFAULT_PERSONA_THRESHOLDS): { audience: number; postsPerMonth: number } {
  return { audience: thresholds.audience, postsPerMonth: thresholds.postsPerMonth };
}

/**
 * Potential reach of a person's shares: for each share, the audience the person has on that
 * network (what a post can reach, not what it reached). A network missing from the audit counts 0.
 */
export function potentialReach(shares: readonly { network: Network }[], audience: Partial<Record<Network, number>> | undefined): number {
  let reach = 0;
  for (const share of shares) {
    const value = audience?.[share.network];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) reach += value;
  }
  return reach;
}

/** Shares whose tracked link brought at least one counted click ("N shares with clicks"). */
export function countSharesWithClicks(shares: readonly { linkCode: string }[], clicks: readonly { code: string }[]): number {
  const clicked = new Set(clicks.map((c) => c.code));
  return shares.filter((s) => clicked.has(s.linkCode)).length;
}

/** Checklist items nobody can compute: a person ticks them by hand. */
export const MANUAL_READINESS_ITEMS = ['legal-review', 'security-review', 'communications-plan', 'champions-named'] as const;
export type ManualReadinessItemId = (typeof MANUAL_READINESS_ITEMS)[number];

/** A hand tick: who, when. */
export interface ManualTick {
  checked: boolean;
  by: string;
  byName: string;
  at: string;
}

/** One line of the rollout checklist as the page shows it. */
export interface RolloutChecklistItem {
  id: ReadinessItemId | 'shares-with-clicks' | ManualReadinessItemId;
  source: 'computed' | 'manual';
  met: boolean;
  actual?: number;
  target?: number;
  tick?: ManualTick;
}

/**
 * The company-rollout checklist: the computed items of `evaluatePilotReadiness`, shares with
 * clicks against a target, and the hand-ticked items. `percent` is met items over all items.
 */
export function rolloutChecklist(
  readiness: PilotReadiness,
  sharesWithClicks: { actual: number; target: number },
  ticks: Partial<Record<ManualReadinessItemId, ManualTick>>,
): { items: RolloutChecklistItem[]; percent: number; allMet: boolean } {
  const items: RolloutChecklistItem[] = [
    ...readiness.items.map((i): RolloutChecklistItem => ({ id: i.id, source: 'computed', met: i.met, actual: i.actual, target: i.target })),
    { id: 'shares-with-clicks', source: 'computed', met: sharesWithClicks.actual >= sharesWithClicks.target, ...sharesWithClicks },
    ...MANUAL_READINESS_ITEMS.map((id): RolloutChecklistItem => {
      const tick = ticks[id];
      return { id, source: 'manual', met: tick?.checked === true, ...(tick ? { tick } : {}) };
    }),
  ];
  const met = items.filter((i) => i.met).length;
  return { items, percent: Math.round((met / items.length) * 100), allMet: met === items.length };
}
