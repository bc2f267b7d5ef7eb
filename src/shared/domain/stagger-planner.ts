/**
 * Stagger planner: one delivery time per person for a campaign. Seed 002 (GaggleAMP): spread
 * sharing organically over a period instead of a single blast; give people choice (a weekly cap,
 * a pause). Seed 003 (Oktopost): best times to post per channel, and staff who work Sunday to
 * Thursday. All "when" rules are read in the person's local time (`time-zones.ts`).
 */
import { balanceSlotLoads, createSeededRandom, type BalanceClass } from './stagger-balance.js';
import { buildZoneTable, isMinuteInRange, isValidTimeZone, type HourRange, type ZoneTable } from './time-zones.js';
import type { IsoInstant, Network, Weekday } from './types.js';

export type { HourRange } from './time-zones.js';

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
  /** Prompts already planned or sent, any campaign. */
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

/** Upper bound on slots per plan, so a typo (a year of 1-minute slots) cannot hang a worker. */
export const MAX_SLOTS = 20_000;

interface Group {
  zone: ZoneTable;
  slots: number[];
  preferred: number[];
  classes: Map<string, number>;
}

function buildGroup(person: PlannerRecipient, zone: ZoneTable, best: ReadonlySet<number>): Group {
  const days = new Set<number>(person.workingDays);
  const group: Group = { zone, slots: [], preferred: [], classes: new Map() };
  for (let i = 0; i < zone.weekday.length; i += 1) {
    const minute = zone.minuteOfDay[i] ?? 0;
    if (!days.has(zone.weekday[i] ?? -1)) continue;
    if (!isMinuteInRange(minute, person.allowedHours)) continue;
    if (person.quietHours && isMinuteInRange(minute, person.quietHours)) continue;
    group.slots.push(i);
    group.preferred.push(best.has(zone.hour[i] ?? -1) ? 1 : 0);
  }
  return group;
}

/** Local weeks of the window in which the person already reached the cap, as a class key. */
function getBlockedWeeks(person: PlannerRecipient, zone: ZoneTable, cap: number): string {
  if (!(cap >= 1)) return 'all';
  const prompts = person.promptedAt ?? [];
  if (prompts.length < cap) return '';
  const counts = new Array<number>(zone.weekBounds.length).fill(0);
  for (const iso of prompts) {
    const ms = Date.parse(iso);
    const w = zone.weekBounds.findIndex((b) => ms >= b.startMs && ms < b.endMs);
    if (w >= 0) counts[w] = (counts[w] ?? 0) + 1;
  }
  return counts.flatMap((count, w) => (count >= cap ? [w] : [])).join(',');
}

function groupKey(p: PlannerRecipient): string {
  const days = [...new Set(p.workingDays)].sort().join('');
  const quiet = p.quietHours ? `${p.quietHours.start}-${p.quietHours.end}` : '';
  return `${p.timeZone}|${days}|${p.allowedHours.start}-${p.allowedHours.end}|${quiet}`;
}

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
 * the weekly cap of their local ISO week (already planned prompts counted); every person is either
 * delivered or listed in `unplaced` with a reason; spread: no improving path (see
 * `balanceSlotLoads`), so the busiest slot is the smallest achievable (`stats.bottleneck` proves
 * it) and `stats.maxLoad <= stats.evenSpreadBound = ceil(placed / eligibleSlots) + 1` whenever any
 * plan can meet that bound (always when everyone shares the same slots); same input and seed, same
 * plan.
 */
export function planStaggeredDelivery(input: StaggerPlanInput): StaggerPlan {
  const slotStarts = buildSlots(input);
  const slotIso = slotStarts.map((ms) => new Date(ms).toISOString());
  const best = new Set(input.bestTimeHours[input.network] ?? []);
  const zones = new Map<string, ZoneTable | null>();
  const groups = new Map<string, Group>();
  const classes: (BalanceClass & { people: number[] })[] = [];
  const outcome: (UnplacedReason | number)[] = new Array<UnplacedReason | number>(input.audience.length);
  const seen = new Set<string>();

  input.audience.forEach((person, index) => {
    if (seen.has(person.id)) return void (outcome[index] = 'duplicate-id');
    seen.add(person.id);
    if (person.paused) return void (outcome[index] = 'paused');
    let zone = zones.get(person.timeZone);
    if (zone === undefined) {
      zone = isValidTimeZone(person.timeZone) ? buildZoneTable(person.timeZone, slotStarts) : null;
      zones.set(person.timeZone, zone);
    }
    if (zone === null) return void (outcome[index] = 'invalid-time-zone');
    const key = groupKey(person);
    let group = groups.get(key);
    if (!group) {
      group = buildGroup(person, zone, best);
      groups.set(key, group);
    }
    if (group.slots.length === 0) return void (outcome[index] = 'no-allowed-time-in-window');
    const blocked = getBlockedWeeks(person, zone, Math.floor(person.weeklyPromptCap));
    let classIndex = group.classes.get(blocked);
    if (classIndex === undefined) {
      const blockedSet = new Set(blocked === '' ? [] : blocked.split(',').map(Number));
      const positions = group.slots.flatMap((slot, pos) =>
        blocked !== 'all' && !blockedSet.has(zone.week[slot] ?? -1) ? [pos] : [],
      );
      classIndex = classes.length;
      classes.push({
        slots: Int32Array.from(positions, (pos) => group.slots[pos] ?? 0),
        preferred: Uint8Array.from(positions, (pos) => group.preferred[pos] ?? 0),
        size: 0,
        people: [],
      });
      group.classes.set(blocked, classIndex);
    }
    const cls = classes[classIndex];
    if (!cls || cls.slots.length === 0) return void (outcome[index] = 'weekly-cap-reached');
    cls.size += 1;
    cls.people.push(index);
    outcome[index] = -1;
  });

  const random = createSeededRandom(input.seed);
  const { counts, loads, bottleneck } = balanceSlotLoads(classes, slotStarts.length, random);
  const bestFlags = new Uint8Array(input.audience.length);
  classes.forEach((cls, c) => {
    const people = cls.people;
    for (let i = people.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [people[i], people[j]] = [people[j] ?? 0, people[i] ?? 0];
    }
    let next = 0;
    cls.slots.forEach((slot, pos) => {
      for (let k = counts[c]?.[pos] ?? 0; k > 0; k -= 1) {
        const person = people[next++] ?? 0;
        outcome[person] = slot;
        bestFlags[person] = cls.preferred[pos] ?? 0;
      }
    });
  });

  const eligible = new Uint8Array(slotStarts.length);
  for (const cls of classes) if (cls.size > 0) for (const slot of cls.slots) eligible[slot] = 1;
  const plan: StaggerPlan = {
    deliveries: [],
    unplaced: [],
    slots: slotIso.map((at, i) => ({ at, load: loads[i] ?? 0, eligible: eligible[i] === 1 })),
    stats: { placed: 0, eligibleSlots: eligible.reduce((a, b) => a + b, 0), maxLoad: Math.max(0, ...loads),
      evenSpreadBound: 0,
      bottleneck: { slots: bottleneck, people: bottleneck.reduce((sum, slot) => sum + (loads[slot] ?? 0), 0) },
    },
  };
  input.audience.forEach((person, index) => {
    const result = outcome[index];
    if (typeof result === 'number') {
      plan.deliveries.push({ id: person.id, at: slotIso[result] ?? '', slot: result, bestTime: bestFlags[index] === 1 });
    } else if (result !== undefined) {
      plan.unplaced.push({ id: person.id, reason: result });
    }
  });
  plan.stats.placed = plan.deliveries.length;
  plan.stats.evenSpreadBound = plan.stats.eligibleSlots === 0 ? 0 : Math.ceil(plan.stats.placed / plan.stats.eligibleSlots) + 1;
  return plan;
}
