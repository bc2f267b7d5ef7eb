/**
 * The stagger planner's input and output shapes (`planStaggeredDelivery` in `stagger-planner.ts`),
 * kept apart from the algorithm so the services, the tab and the benchmark read one definition.
 */
import type { HourRange } from './time-zones.js';
import type { IsoInstant, Network, Weekday } from './types.js';

/** One person as the planner sees them (a projection of `Employee` plus prompt history). */
export interface PlannerRecipient {
  id: string;
  /** IANA zone, e.g. `Asia/Jerusalem`. */
  timeZone: string;
  /** Local working days (0 = Sunday); a Sunday-Thursday team has `[0,1,2,3,4]`. */
  workingDays: readonly Weekday[];
  /** Local hours when prompts may arrive. */
  allowedHours: HourRange;
  /** Local hours when prompts never arrive, even inside `allowedHours`. */
  quietHours?: HourRange;
  /** Max prompts per ISO week in local time, counting `promptedAt`. */
  weeklyPromptCap: number;
  /**
   * Prompts already planned or sent, any campaign: they count against the cap of their local
   * week, and no second prompt is planned in a slot that already holds one of them.
   */
  promptedAt?: readonly IsoInstant[];
  /** The person said `stop`. */
  paused?: boolean;
}

/** Local hours (0-23) per network when posts do best; preferred among equally loaded slots. */
export type BestTimeHours = Partial<Record<Network, readonly number[]>>;

/**
 * Conventional best-time guidance (seed 003 presented best times per channel at launch but gives
 * no figures): a default for admins to override, not a finding of the seeds.
 */
export const DEFAULT_BEST_TIME_HOURS: BestTimeHours = {
  linkedin: [8, 9, 10, 12, 17],
  x: [8, 9, 12, 17],
  facebook: [9, 13, 15],
};

export interface StaggerPlanInput {
  audience: readonly PlannerRecipient[];
  /** `[start, end)`; slots start at `start` every `slotMinutes`. */
  window: { start: IsoInstant; end: IsoInstant };
  slotMinutes: number;
  bestTimeHours: BestTimeHours;
  network: Network;
  seed: number;
}

/** A planned prompt: sent at the start of its slot. */
export interface PlannedDelivery {
  id: string;
  at: IsoInstant;
  slot: number;
  /** The slot's local hour is a best-time hour for the network. */
  bestTime: boolean;
}

export const UNPLACED_REASONS = [
  'paused',
  'invalid-time-zone',
  'no-allowed-time-in-window',
  'weekly-cap-reached',
  /** Every allowed slot under the cap already holds one of the person's earlier prompts. */
  'every-slot-taken',
  'duplicate-id',
] as const;
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

/** Someone who gets no prompt, with the reason, so nobody is dropped silently. */
export interface UnplacedRecipient {
  id: string;
  reason: UnplacedReason;
}

export interface PlanSlot {
  at: IsoInstant;
  load: number;
  /** At least one audience member may receive a prompt in it. */
  eligible: boolean;
}

export interface StaggerPlan {
  /** In audience order. */
  deliveries: PlannedDelivery[];
  /** In audience order. */
  unplaced: UnplacedRecipient[];
  slots: PlanSlot[];
  stats: {
    placed: number;
    /** Slots where at least one audience member may receive a prompt. */
    eligibleSlots: number;
    maxLoad: number;
    /** `ceil(placed / eligibleSlots) + 1`, the DESIGN target (reachable only if the audience allows). */
    evenSpreadBound: number;
    /**
     * Optimality certificate: `people` placed in `slots` can use no other slot, so no plan can have
     * a busiest slot below `ceil(people / slots.length)`; the planner's `maxLoad` equals it.
     */
    bottleneck: { slots: number[]; people: number };
  };
}
