/**
 * Sorting an audience into the planner's classes: people who may receive a prompt in exactly the
 * same slots are interchangeable, so the balancing works on classes, not people. A person's
 * slots follow from their zone, working days, hours, quiet hours, the local weeks where earlier
 * prompts already reach the weekly cap, and the slots that already hold one of their prompts.
 * Equal rules are recognised by a numeric profile hash (no key string per person), and equal slot
 * sets by a hash of the ranges, so different rules that allow the same slots share a class.
 */
import { getAllowedMinutes, getAllowedRanges, buildZoneRuns, removeSlots, countSlots, type ZoneRun } from './stagger-slots.js';
import { buildZoneTable, isValidTimeZone, type ZoneTable } from './time-zones.js';
import type { BalanceClass } from './stagger-balance.js';
import { UNPLACED_REASONS, type PlannerRecipient, type UnplacedReason } from './stagger-types.js';

/** A balance class; its people are `members[first .. first + size)`. */
export interface PlannerClass extends BalanceClass {
  first: number;
}

/** The slots of the plan: start instants, their length, and the best-time hours of the network. */
export interface SlotGrid {
  starts: readonly number[];
  slotMs: number;
  /** 1 at a local hour (0-23) that is a best time to post. */
  bestHour: Uint8Array;
}

/** Per audience index, a class index or why the person gets no prompt; members grouped by class. */
export interface Classification {
  classes: PlannerClass[];
  outcome: (UnplacedReason | number)[];
  /** Audience indexes grouped by class (in audience order within a class). */
  members: Int32Array;
}

interface Zone {
  id: number;
  table: ZoneTable;
  runs: ZoneRun[];
  /** Per slot: 1 where the zone's local hour is a best time to post. */
  preferred: Uint8Array;
}

/**
 * Distinct profiles (a person's rules reduced to numbers, taken slots apart: equal profiles have
 * equal slots) as records in one growable array, no object per profile:
 * `[next record or -1, zone, days, outcome, hours count, ...hours, blocked count, ...blocked]`.
 * The outcome is a class index, or `-1 - i` for reason `UNPLACED_REASONS[i]`.
 */
interface ProfilePool {
  data: Float64Array;
  used: number;
  /** First record offset per profile hash. */
  heads: Map<number, number>;
}

type ProfileOutcome = UnplacedReason | number;

const NO_WEEKS: ReadonlySet<number> = new Set();
const NONE: readonly string[] = [];
const NONE_NUMBERS: readonly number[] = [];
const NO_HISTORY = { blocked: NONE_NUMBERS, taken: NONE_NUMBERS };

/** The number in `iso[from, from + count)` as decimal digits, or NaN. */
function readDigits(iso: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) {
    const d = iso.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * `Date.parse` for the `YYYY-MM-DDTHH:MM:SS[.fff]Z` instants we store, without the general parser
 * (prompt history is read for every person); anything else goes to `Date.parse`.
 */
function parseInstant(iso: string): number {
  const n = iso.length;
  if ((n === 20 || n === 24) && iso.charCodeAt(n - 1) === 90 && iso.charCodeAt(10) === 84) {
    const ms = Date.UTC(readDigits(iso, 0, 4), readDigits(iso, 5, 2) - 1, readDigits(iso, 8, 2), readDigits(iso, 11, 2),
      readDigits(iso, 14, 2), readDigits(iso, 17, 2), n === 24 ? readDigits(iso, 20, 3) : 0);
    if (Number.isFinite(ms)) return ms;
  }
  return Date.parse(iso);
}

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ (value | 0), 16777619);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Capped weeks and taken slots of one person, from their earlier prompts: one parse per prompt,
 * bucketed by the zone's local week bounds. Returns null when the cap is below one.
 */
function readHistory(person: PlannerRecipient, zone: Zone, grid: SlotGrid): { blocked: readonly number[]; taken: readonly number[] } | null {
  const cap = Math.floor(person.weeklyPromptCap);
  if (!(cap >= 1)) return null;
  const prompts = person.promptedAt ?? NONE;
  if (prompts.length === 0) return NO_HISTORY;
  const bounds = zone.table.weekBounds;
  const perWeek = prompts.length >= cap ? new Array<number>(bounds.length).fill(0) : null;
  const first = grid.starts[0] ?? 0;
  const slotCount = grid.starts.length;
  let taken: number[] | null = null;
  for (const iso of prompts) {
    const ms = parseInstant(iso);
    if (!Number.isFinite(ms)) continue;
    for (let w = 0; perWeek && w < bounds.length; w += 1) {
      const week = bounds[w];
      if (week && ms >= week.startMs && ms < week.endMs) perWeek[w] = (perWeek[w] ?? 0) + 1;
    }
    const slot = Math.floor((ms - first) / grid.slotMs);
    if (slot >= 0 && slot < slotCount) (taken ??= []).push(slot);
  }
  let blocked: number[] | null = null;
  for (let w = 0; perWeek && w < perWeek.length; w += 1) if ((perWeek[w] ?? 0) >= cap) (blocked ??= []).push(w);
  if (taken && taken.length > 1) taken.sort((a, b) => a - b);
  return blocked || taken ? { blocked: blocked ?? NONE_NUMBERS, taken: taken ?? NONE_NUMBERS } : NO_HISTORY;
}

/**
 * FNV-1a over numbers: classes and profiles are found without building a key string per person.
 * Kept to 30 bits so map keys stay small integers (no boxed number per lookup).
 */
function hashNumbers(seed: number, values: readonly number[]): number {
  let hash = Math.imul(2166136261 ^ seed, 16777619);
  for (const value of values) hash = mix(hash, value);
  return hash & 0x3fffffff;
}

/** What classification keeps while it walks the audience. */
interface Sorter {
  grid: SlotGrid;
  zones: Map<string, Zone | null>;
  /** Base profiles (zone, days, hours, capped weeks; not taken slots). */
  profiles: ProfilePool;
  /** First class by a hash of its ranges; `sameHash[c]` chains the next one (-1: none). */
  classIndex: Map<number, number>;
  sameHash: number[];
  classes: PlannerClass[];
}

function zoneOf(sorter: Sorter, name: string): Zone | null {
  let zone = sorter.zones.get(name);
  if (zone !== undefined) return zone;
  const { grid } = sorter;
  const table = isValidTimeZone(name) ? buildZoneTable(name, grid.starts) : null;
  zone = table && { id: sorter.zones.size, table, runs: buildZoneRuns(table), preferred: table.hour.map((hour) => grid.bestHour[hour] ?? 0) };
  sorter.zones.set(name, zone);
  return zone;
}

/** The class of these slots in this zone (same local hours, so same best-time flags), new if needed. */
function classOf(sorter: Sorter, zone: Zone, ranges: number[]): number {
  const { classes, classIndex, sameHash } = sorter;
  const hash = hashNumbers(zone.id, ranges);
  const head = classIndex.get(hash) ?? -1;
  for (let known = head; known >= 0; known = sameHash[known] ?? -1) {
    const other = classes[known];
    if (other && other.preferred === zone.preferred && sameNumbers(other.ranges, ranges)) return known;
  }
  // An exact-size copy: classes live until the plan is done, the grown working array does not.
  classes.push({ ranges: ranges.slice(), slotCount: countSlots(ranges), preferred: zone.preferred, size: 0, first: 0 });
  sameHash.push(head);
  classIndex.set(hash, classes.length - 1);
  return classes.length - 1;
}

/** Whether the pool record at `at` holds these numbers (from its zone field on). */
function sameProfile(data: Float64Array, at: number, zone: number, days: number, hours: readonly number[], blocked: readonly number[]): boolean {
  if (data[at + 1] !== zone || data[at + 2] !== days || data[at + 4] !== hours.length) return false;
  let i = at + 5;
  for (const value of hours) if (data[i++] !== value) return false;
  if (data[i++] !== blocked.length) return false;
  for (const value of blocked) if (data[i++] !== value) return false;
  return true;
}

function decodeOutcome(value: number): ProfileOutcome {
  return value >= 0 ? value : (UNPLACED_REASONS[-1 - value] ?? 'no-allowed-time-in-window');
}

/** Class or reason of a base profile, computed once per distinct profile. */
function classifyProfile(sorter: Sorter, zone: Zone, days: number, hours: number[], blocked: readonly number[]): ProfileOutcome {
  const pool = sorter.profiles;
  const hash = hashNumbers(mix(mix(hashNumbers(zone.id, hours), days), blocked.length), blocked);
  const head = pool.heads.get(hash) ?? -1;
  for (let at = head; at >= 0; at = pool.data[at] ?? -1) {
    if (sameProfile(pool.data, at, zone.id, days, hours, blocked)) return decodeOutcome(pool.data[at + 3] ?? 0);
  }
  let outcome: ProfileOutcome;
  const open = getAllowedRanges(zone.table, zone.runs, days, hours, NO_WEEKS);
  if (open.length === 0) {
    outcome = 'no-allowed-time-in-window';
  } else {
    const ranges = blocked.length === 0 ? open : getAllowedRanges(zone.table, zone.runs, days, hours, new Set(blocked));
    outcome = ranges.length === 0 ? 'weekly-cap-reached' : classOf(sorter, zone, ranges);
  }
  const size = 6 + hours.length + blocked.length;
  if (pool.used + size > pool.data.length) {
    const grown = new Float64Array(Math.max(2 * pool.data.length, pool.used + size));
    grown.set(pool.data);
    pool.data = grown;
  }
  const { data } = pool;
  const at = pool.used;
  data[at] = head;
  data[at + 1] = zone.id;
  data[at + 2] = days;
  data[at + 3] = typeof outcome === 'number' ? outcome : -1 - UNPLACED_REASONS.indexOf(outcome);
  data[at + 4] = hours.length;
  let i = at + 5;
  for (const value of hours) data[i++] = value;
  data[i++] = blocked.length;
  for (const value of blocked) data[i++] = value;
  pool.used = i;
  pool.heads.set(hash, at);
  return outcome;
}

/** Whether any of the ascending `slots` lies in the ranges. */
function touches(ranges: readonly number[], slots: readonly number[]): boolean {
  let k = 0;
  for (let r = 0; r < ranges.length && k < slots.length; r += 2) {
    while (k < slots.length && (slots[k] ?? 0) < (ranges[r] ?? 0)) k += 1;
    if (k < slots.length && (slots[k] ?? 0) < (ranges[r + 1] ?? 0)) return true;
  }
  return false;
}

/** Class or reason of one person. */
function classifyPerson(sorter: Sorter, person: PlannerRecipient, zone: Zone): ProfileOutcome {
  const days = dayMask(person);
  const hours = getAllowedMinutes(person.allowedHours, person.quietHours);
  const history = readHistory(person, zone, sorter.grid);
  if (history === null) {
    return getAllowedRanges(zone.table, zone.runs, days, hours, NO_WEEKS).length === 0 ? 'no-allowed-time-in-window' : 'weekly-cap-reached';
  }
  const base = classifyProfile(sorter, zone, days, hours, history.blocked);
  if (typeof base !== 'number' || history.taken.length === 0) return base;
  const baseRanges = sorter.classes[base]?.ranges ?? [];
  if (!touches(baseRanges, history.taken)) return base;
  const ranges = removeSlots(baseRanges, history.taken);
  return ranges.length === 0 ? 'every-slot-taken' : classOf(sorter, zone, ranges);
}

/**
 * Sorts the audience into classes. People listed twice, paused, in an unknown zone, with no
 * allowed slot in the window, only capped weeks or only slots already holding one of their
 * prompts get their reason instead of a class.
 */
export function classifyAudience(audience: readonly PlannerRecipient[], grid: SlotGrid): Classification {
  const sorter: Sorter = { grid, zones: new Map(), profiles: { data: new Float64Array(1024), used: 0, heads: new Map() }, classIndex: new Map(), sameHash: [], classes: [] };
  const outcome: ProfileOutcome[] = new Array<ProfileOutcome>(audience.length);
  const seen = new Set<string>();
  for (let index = 0; index < audience.length; index += 1) {
    const person = audience[index];
    if (!person) continue;
    if (seen.has(person.id)) {
      outcome[index] = 'duplicate-id';
      continue;
    }
    seen.add(person.id);
    const zone = person.paused ? null : zoneOf(sorter, person.timeZone);
    const result: ProfileOutcome = person.paused ? 'paused' : zone === null ? 'invalid-time-zone' : classifyPerson(sorter, person, zone);
    outcome[index] = result;
    const cls = typeof result === 'number' ? sorter.classes[result] : undefined;
    if (cls) cls.size += 1;
  }
  let placed = 0;
  for (const cls of sorter.classes) {
    cls.first = placed;
    placed += cls.size;
  }
  const members = new Int32Array(placed);
  const filled = new Int32Array(sorter.classes.length);
  for (let index = 0; index < audience.length; index += 1) {
    const c = outcome[index];
    if (typeof c !== 'number') continue;
    members[(sorter.classes[c]?.first ?? 0) + (filled[c] ?? 0)] = index;
    filled[c] = (filled[c] ?? 0) + 1;
  }
  return { classes: sorter.classes, outcome, members };
}

function dayMask(person: PlannerRecipient): number {
  let mask = 0;
  const days = person.workingDays;
  for (let i = 0; i < days.length; i += 1) mask |= 1 << (days[i] ?? 0);
  return mask;
}
