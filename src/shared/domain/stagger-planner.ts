/**
 * Stagger planner: one delivery time per person for a campaign. Seed 002 (GaggleAMP): spread
 * sharing organically over a period instead of a single blast; give people choice (a weekly cap,
 * a pause). Seed 003 (Oktopost): best times to post per channel, and staff who work Sunday to
 * Thursday. All "when" rules are read in the person's local time (`time-zones.ts`).
 *
 * The parts: `stagger-classes.ts` sorts people into classes of equal slots, `stagger-balance.ts`
 * water-fills the classes, `stagger-flow.ts` repairs the fill to the optimal spread and proves it.
 */
import { balanceSlotLoads, createSeededRandom } from './stagger-balance.js';
import { classifyAudience } from './stagger-classes.js';
import type { StaggerPlan, StaggerPlanInput } from './stagger-types.js';

export type { HourRange } from './time-zones.js';
export {
  DEFAULT_BEST_TIME_HOURS,
  UNPLACED_REASONS,
  type BestTimeHours,
  type PlanSlot,
  type PlannedDelivery,
  type PlannerRecipient,
  type StaggerPlan,
  type StaggerPlanInput,
  type UnplacedReason,
  type UnplacedRecipient,
} from './stagger-types.js';

/** Upper bound on slots per plan, so a typo (a year of 1-minute slots) cannot hang a worker. */
export const MAX_SLOTS = 20_000;

function buildSlots(input: StaggerPlanInput): number[] {
  const start = Date.parse(input.window.start);
  const end = Date.parse(input.window.end);
  const slotMs = input.slotMinutes * 60_000;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw new RangeError('Delivery window must have a valid start before its end.');
  }
  if (!(slotMs > 0) || Math.ceil((end - start) / slotMs) > MAX_SLOTS) {
    throw new RangeError(`Slot length must be positive and yield at most ${MAX_SLOTS} slots.`);
  }
  const starts: number[] = [];
  for (let ms = start; ms < end; ms += slotMs) starts.push(ms);
  return starts;
}

/**
 * Plans one prompt per person. Guarantees: every delivery is at a slot start inside the window,
 * on a local working day, inside local allowed hours and outside quiet hours; no person exceeds
 * the weekly cap of their local ISO week (earlier prompts counted) or gets a second prompt in a
 * slot that already holds one of theirs; every person is either delivered or listed in
 * `unplaced` with a reason; spread: no improving path (see `repairLoads`), so the busiest slot is
 * the smallest achievable (`stats.bottleneck` proves it) and
 * `stats.maxLoad <= stats.evenSpreadBound = ceil(placed / eligibleSlots) + 1` whenever any plan can
 * meet that bound (always when everyone shares the same slots); same input and seed, same plan.
 */
export function planStaggeredDelivery(input: StaggerPlanInput): StaggerPlan {
  const slotStarts = buildSlots(input);
  const slotCount = slotStarts.length;
  const bestHour = new Uint8Array(24);
  for (const hour of input.bestTimeHours[input.network] ?? []) if (hour >= 0 && hour < 24) bestHour[hour] = 1;
  const { classes, outcome, members } = classifyAudience(input.audience, { starts: slotStarts, slotMs: input.slotMinutes * 60_000, bestHour });

  const random = createSeededRandom(input.seed);
  const { occupants, loads, eligible, bottleneck } = balanceSlotLoads(classes, slotCount, random);
  for (const { first, size } of classes) {
    for (let i = size - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      const swap = members[first + i] ?? 0;
      members[first + i] = members[first + j] ?? 0;
      members[first + j] = swap;
    }
  }
  /** Slot per audience index (-1: unplaced); each class hands out its shuffled people slot by slot. */
  const slotOf = new Int32Array(input.audience.length).fill(-1);
  const handedOut = new Int32Array(classes.length);
  for (let slot = 0; slot < slotCount; slot += 1) {
    const list = occupants[slot] ?? [];
    for (let k = 0; k < list.length; k += 2) {
      const c = list[k] ?? 0;
      let next = (classes[c]?.first ?? 0) + (handedOut[c] ?? 0);
      for (let n = list[k + 1] ?? 0; n > 0; n -= 1) slotOf[members[next++] ?? 0] = slot;
      handedOut[c] = next - (classes[c]?.first ?? 0);
    }
  }

  const slotIso = slotStarts.map((ms) => new Date(ms).toISOString());
  let eligibleSlots = 0;
  let maxLoad = 0;
  for (let slot = 0; slot < slotCount; slot += 1) {
    eligibleSlots += eligible[slot] ?? 0;
    maxLoad = Math.max(maxLoad, loads[slot] ?? 0);
  }
  const plan: StaggerPlan = {
    deliveries: [],
    unplaced: [],
    slots: slotIso.map((at, i) => ({ at, load: loads[i] ?? 0, eligible: eligible[i] === 1 })),
    stats: {
      placed: 0,
      eligibleSlots,
      maxLoad,
      evenSpreadBound: 0,
      bottleneck: { slots: bottleneck, people: bottleneck.reduce((sum, slot) => sum + (loads[slot] ?? 0), 0) },
    },
  };
  for (let index = 0; index < input.audience.length; index += 1) {
    const id = input.audience[index]?.id ?? '';
    const result = outcome[index];
    const slot = slotOf[index] ?? -1;
    if (typeof result === 'number' && slot >= 0) {
      const preferred = classes[result]?.preferred[slot] ?? 0;
      plan.deliveries.push({ id, at: slotIso[slot] ?? '', slot, bestTime: preferred === 1 });
    } else if (typeof result === 'string') {
      plan.unplaced.push({ id, reason: result });
    }
  }
  plan.stats.placed = plan.deliveries.length;
  plan.stats.evenSpreadBound = eligibleSlots === 0 ? 0 : Math.ceil(plan.stats.placed / eligibleSlots) + 1;
  return plan;
}
