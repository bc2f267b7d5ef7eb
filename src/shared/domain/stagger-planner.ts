/**
 * Stagger planner: one delivery time per person for a campaign. Seed 002 (GaggleAMP): spread
 * sharing organically over a period instead of a single blast; give people choice (a weekly cap,
 * a pause). Seed 003 (Oktopost): best times to post per channel, and staff who work Sunday to
 * Thursday. All "when" rules are read in the person's local time (`time-zones.ts`).
 */
import { balanceSlotLoads, createSeededRandom, type BalanceClass } from './stagger-balance.js';
import { getAllowedMinutes, getAllowedRanges, buildZoneRuns, type ZoneRun } from './stagger-slots.js';
import { buildZoneTable, isValidTimeZone, type ZoneTable } from './time-zones.js';
import type { HourRange } from './time-zones.js';
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

const NO_WEEKS: ReadonlySet<number> = new Set();
const NO_SLOTS = new Int32Array(0);
const NO_FLAGS = new Uint8Array(0);

/** A balance class with its people and, until materialized, its slots as ranges. */
interface PlannerClass extends BalanceClass {
  people: number[];
  ranges: number[];
  hours: Uint8Array;
}

/**
 * Gives every class its slot list and best-time flags as views into two shared arrays: one
 * allocation instead of two per class (with per-person rules there are as many classes as people).
 */
function materializeSlots(classes: PlannerClass[], bestHour: Uint8Array): void {
  let total = 0;
  for (const cls of classes) for (let r = 0; r < cls.ranges.length; r += 2) total += (cls.ranges[r + 1] ?? 0) - (cls.ranges[r] ?? 0);
  const allSlots = new Int32Array(total);
  const allFlags = new Uint8Array(total);
  let at = 0;
  for (const cls of classes) {
    const start = at;
    for (let r = 0; r < cls.ranges.length; r += 2) {
      for (let slot = cls.ranges[r] ?? 0; slot < (cls.ranges[r + 1] ?? 0); slot += 1, at += 1) {
        allSlots[at] = slot;
        allFlags[at] = bestHour[cls.hours[slot] ?? 0] ?? 0;
      }
    }
    cls.slots = allSlots.subarray(start, at);
    cls.preferred = allFlags.subarray(start, at);
  }
}

/** Upper bound on slots per plan, so a typo (a year of 1-minute slots) cannot hang a worker. */
export const MAX_SLOTS = 20_000;

interface Zone {
  id: number;
  table: ZoneTable;
  runs: ZoneRun[];
}

/** Class index, or why nobody with this profile can be placed. */
type ProfileOutcome = number | 'no-allowed-time-in-window' | 'weekly-cap-reached';

/** Local weeks of the window in which the person already reached the cap, as a class key. */
function getBlockedWeeks(person: PlannerRecipient, zone: ZoneTable, cap: number): string {
  if (!(cap >= 1)) return 'all';
  const prompts = person.promptedAt ?? [];
  if (prompts.length < cap) return '';
  let blocked = '';
  for (let w = 0; w < zone.weekBounds.length; w += 1) {
    const bounds = zone.weekBounds[w];
    if (!bounds) continue;
    let count = 0;
    for (const iso of prompts) {
      const ms = Date.parse(iso);
      if (ms >= bounds.startMs && ms < bounds.endMs) count += 1;
    }
    if (count >= cap) blocked = blocked === '' ? `${w}` : `${blocked},${w}`;
  }
  return blocked;
}

/** FNV-1a over a zone and its slot ranges: classes are found without building a key string per person. */
function hashRanges(ranges: readonly number[], zoneId: number): number {
  let hash = Math.imul(2166136261 ^ zoneId, 16777619);
  for (const value of ranges) hash = Math.imul(hash ^ value, 16777619);
  return hash >>> 0;
}

function sameRanges(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function profileKey(p: PlannerRecipient, blocked: string): string {
  const quiet = p.quietHours ? `${p.quietHours.start}-${p.quietHours.end}` : '';
  return `${p.timeZone}|${getDayMask(p)}|${p.allowedHours.start}-${p.allowedHours.end}|${quiet}|${blocked}`;
}

function getDayMask(p: PlannerRecipient): number {
  let mask = 0;
  for (const day of p.workingDays) mask |= 1 << day;
  return mask;
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
  const bestHour = new Uint8Array(24);
  for (const hour of input.bestTimeHours[input.network] ?? []) if (hour >= 0 && hour < 24) bestHour[hour] = 1;
  const zones = new Map<string, Zone | null>();
  const profiles = new Map<string, ProfileOutcome>();
  const classIndex = new Map<number, number[]>();
  const classes: PlannerClass[] = [];
  const outcome: (UnplacedReason | number)[] = new Array<UnplacedReason | number>(input.audience.length);
  const seen = new Set<string>();

  /** Equal slot sets in one zone (same local hours, so same best-time flags) share one class. */
  const classify = (person: PlannerRecipient, zone: Zone, blocked: string): ProfileOutcome => {
    const days = getDayMask(person);
    const minutes = getAllowedMinutes(person.allowedHours, person.quietHours);
    const open = getAllowedRanges(zone.table, zone.runs, days, minutes, NO_WEEKS);
    if (open.length === 0) return 'no-allowed-time-in-window';
    if (blocked === 'all') return 'weekly-cap-reached';
    const ranges = blocked === '' ? open : getAllowedRanges(zone.table, zone.runs, days, minutes, new Set(blocked.split(',').map(Number)));
    if (ranges.length === 0) return 'weekly-cap-reached';
    const hash = hashRanges(ranges, zone.id);
    const bucket = classIndex.get(hash) ?? [];
    for (const known of bucket) {
      const other = classes[known];
      if (other && other.hours === zone.table.hour && sameRanges(other.ranges, ranges)) return known;
    }
    classes.push({ slots: NO_SLOTS, preferred: NO_FLAGS, size: 0, people: [], ranges, hours: zone.table.hour });
    bucket.push(classes.length - 1);
    classIndex.set(hash, bucket);
    return classes.length - 1;
  };

  input.audience.forEach((person, index) => {
    if (seen.has(person.id)) return void (outcome[index] = 'duplicate-id');
    seen.add(person.id);
    if (person.paused) return void (outcome[index] = 'paused');
    let zone = zones.get(person.timeZone);
    if (zone === undefined) {
      const table = isValidTimeZone(person.timeZone) ? buildZoneTable(person.timeZone, slotStarts) : null;
      zone = table && { id: zones.size, table, runs: buildZoneRuns(table) };
      zones.set(person.timeZone, zone);
    }
    if (zone === null) return void (outcome[index] = 'invalid-time-zone');
    const blocked = getBlockedWeeks(person, zone.table, Math.floor(person.weeklyPromptCap));
    const key = profileKey(person, blocked);
    let result = profiles.get(key);
    if (result === undefined) {
      result = classify(person, zone, blocked);
      profiles.set(key, result);
    }
    if (typeof result !== 'number') return void (outcome[index] = result);
    const cls = classes[result];
    if (!cls) return;
    cls.size += 1;
    cls.people.push(index);
    outcome[index] = -1;
  });

  materializeSlots(classes, bestHour);
  const random = createSeededRandom(input.seed);
  const { counts, loads, bottleneck } = balanceSlotLoads(classes, slotStarts.length, random);
  const bestFlags = new Uint8Array(input.audience.length);
  classes.forEach((cls, c) => {
    const people = cls.people;
    for (let i = people.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [people[i], people[j]] = [people[j] ?? 0, people[i] ?? 0];
    }
    const count = counts[c] ?? new Int32Array(0);
    for (let pos = 0, next = 0; next < people.length && pos < count.length; pos += 1) {
      for (let k = count[pos] ?? 0; k > 0; k -= 1) {
        const person = people[next++] ?? 0;
        outcome[person] = cls.slots[pos] ?? 0;
        bestFlags[person] = cls.preferred[pos] ?? 0;
      }
    }
  });

  const eligible = new Uint8Array(slotStarts.length);
  for (const cls of classes) for (let pos = 0; pos < cls.slots.length; pos += 1) eligible[cls.slots[pos] ?? 0] = 1;
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
