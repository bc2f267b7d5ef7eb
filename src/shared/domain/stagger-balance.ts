/**
 * The load-balancing core of the stagger planner, on "classes" of interchangeable people (same
 * eligible slots). Seed 002 (GaggleAMP): everyone sharing the same thing at the same time must be
 * avoided; sharing is spread over a period, not a single blast. The result is water-filling
 * (most constrained class first, least-loaded slot, best-time hour, then a seeded coin) followed
 * by the exact repair of `stagger-flow.ts`, which makes the busiest slot as quiet as any
 * assignment could make it.
 *
 * A class keeps its slots as ranges and is never expanded into a per-slot list: with per-person
 * rules in 5-minute slots there are as many classes as people and about 300 slots each, and the
 * expanded lists (14 million entries for 50,000 people) cost more than all the planning.
 */
import { repairLoads } from './stagger-flow.js';

/** A class of people who may all receive a prompt in exactly the same slots. */
export interface BalanceClass {
  /** Eligible slots as flat `[start, end)` pairs of slot indexes, ascending and disjoint. */
  ranges: readonly number[];
  /** How many slots the ranges hold (at least 1). */
  slotCount: number;
  /** Per slot of the plan: 1 where it is a best-time-to-post hour for this class (shared by a zone). */
  preferred: Uint8Array;
  /** How many people of the class must be placed. */
  size: number;
}

/** Where each class's people went, the resulting load per slot, and the optimality certificate. */
export interface BalanceResult {
  /** Per slot, flat pairs `(class index, people of the class in the slot)`; a count may be 0. */
  occupants: number[][];
  loads: Int32Array;
  /** Per slot, 1 where at least one class may use it. */
  eligible: Uint8Array;
  /**
   * Optimality certificate: the slots reachable from a busiest slot. Everyone placed there may
   * only use these slots, so no assignment can beat `ceil(sum of their loads / their count)`,
   * which equals the busiest load. Empty when nothing was placed.
   */
  bottleneck: number[];
}

/**
 * mulberry32: a tiny seeded PRNG, so the same campaign input and seed always yield the same plan
 * (reproducible plans can be previewed, diffed and re-run after a crash).
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reusable buffers of the water-filling, and where the classes' placements are written. */
interface FillScratch {
  /** A class's slots in scan order (from its seeded start, wrapping). */
  order: Int32Array;
  heap: Int32Array;
  /** People per slot of the class being filled; zero again after each class. */
  count: Int32Array;
  /** Flat `(slot, people)` pairs of every class, appended; a re-fill appends anew. */
  pairs: Int32Array;
  used: number;
}

/** The slot at `position` in a class's ascending slot list. */
function slotAt(ranges: readonly number[], position: number): number {
  let left = position;
  for (let r = 0; r < ranges.length; r += 2) {
    const length = (ranges[r + 1] ?? 0) - (ranges[r] ?? 0);
    if (left < length) return (ranges[r] ?? 0) + left;
    left -= length;
  }
  return ranges[0] ?? 0;
}

/**
 * The least-loaded slot of a class, then a best-time hour, then the first in scan order (slots
 * from `first` up, then those below it). Scans the ranges: loads and flags are per-plan arrays
 * small enough to stay in cache.
 */
function scanBest(cls: BalanceClass, loads: Int32Array, first: number): number {
  const { ranges, preferred } = cls;
  let best = -1;
  let bestLoad = 0;
  let bestFlag = 0;
  for (let pass = 0; pass < 2; pass += 1) {
    for (let r = 0; r < ranges.length; r += 2) {
      const a = pass === 0 ? Math.max(ranges[r] ?? 0, first) : (ranges[r] ?? 0);
      const b = pass === 0 ? (ranges[r + 1] ?? 0) : Math.min(ranges[r + 1] ?? 0, first);
      for (let slot = a; slot < b; slot += 1) {
        const load = loads[slot] ?? 0;
        const flag = preferred[slot] ?? 0;
        if (best < 0 || load < bestLoad || (load === bestLoad && flag > bestFlag)) {
          best = slot;
          bestLoad = load;
          bestFlag = flag;
        }
      }
    }
  }
  return best;
}

/** Whether scan position `a` beats `b`: lower load, then best-time hour, then earlier in scan order. */
function isBetter(order: Int32Array, preferred: Uint8Array, loads: Int32Array, a: number, b: number): boolean {
  const sa = order[a] ?? 0;
  const sb = order[b] ?? 0;
  const la = loads[sa] ?? 0;
  const lb = loads[sb] ?? 0;
  if (la !== lb) return la < lb;
  const pa = preferred[sa] ?? 0;
  const pb = preferred[sb] ?? 0;
  if (pa !== pb) return pa > pb;
  return a < b;
}

function siftDown(heap: Int32Array, n: number, from: number, order: Int32Array, preferred: Uint8Array, loads: Int32Array): void {
  let i = from;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < n && isBetter(order, preferred, loads, heap[l] ?? 0, heap[m] ?? 0)) m = l;
    if (r < n && isBetter(order, preferred, loads, heap[r] ?? 0, heap[m] ?? 0)) m = r;
    if (m === i) return;
    const swap = heap[i] ?? 0;
    heap[i] = heap[m] ?? 0;
    heap[m] = swap;
    i = m;
  }
}

/** Classes of at most this many people scan their slots per person; larger ones use a heap. */
const SCAN_LIMIT = 4;

/**
 * Water-fills one class: each person to its least-loaded slot, best-time hour first, then the
 * first slot after a seeded starting position (one coin per class, not per slot: with per-person
 * rules most classes are one person). Appends its `(slot, people)` pairs to `scratch.pairs` and
 * returns where they start (they end at `scratch.used`).
 */
function fillClass(cls: BalanceClass, loads: Int32Array, random: () => number, scratch: FillScratch): number {
  const n = cls.slotCount;
  const first = slotAt(cls.ranges, Math.floor(random() * n));
  const { pairs } = scratch;
  const start = scratch.used;
  if (cls.size <= SCAN_LIMIT) {
    let end = start;
    for (let person = 0; person < cls.size; person += 1) {
      const slot = scanBest(cls, loads, first);
      loads[slot] = (loads[slot] ?? 0) + 1;
      let k = start;
      while (k < end && pairs[k] !== slot) k += 2;
      if (k < end) {
        pairs[k + 1] = (pairs[k + 1] ?? 0) + 1;
      } else {
        pairs[end] = slot;
        pairs[end + 1] = 1;
        end += 2;
      }
    }
    scratch.used = end;
    return start;
  }
  const { order, heap, count } = scratch;
  let at = 0;
  for (let pass = 0; pass < 2; pass += 1) {
    for (let r = 0; r < cls.ranges.length; r += 2) {
      const a = pass === 0 ? Math.max(cls.ranges[r] ?? 0, first) : (cls.ranges[r] ?? 0);
      const b = pass === 0 ? (cls.ranges[r + 1] ?? 0) : Math.min(cls.ranges[r + 1] ?? 0, first);
      for (let slot = a; slot < b; slot += 1) order[at++] = slot;
    }
  }
  for (let i = 0; i < n; i += 1) heap[i] = i;
  for (let i = (n >> 1) - 1; i >= 0; i -= 1) siftDown(heap, n, i, order, cls.preferred, loads);
  for (let person = 0; person < cls.size; person += 1) {
    const slot = order[heap[0] ?? 0] ?? 0;
    loads[slot] = (loads[slot] ?? 0) + 1;
    count[slot] = (count[slot] ?? 0) + 1;
    siftDown(heap, n, 0, order, cls.preferred, loads);
  }
  let end = start;
  for (let i = 0; i < n; i += 1) {
    const slot = order[i] ?? 0;
    if ((count[slot] ?? 0) === 0) continue;
    pairs[end] = slot;
    pairs[end + 1] = count[slot] ?? 0;
    end += 2;
    count[slot] = 0;
  }
  scratch.used = end;
  return start;
}

/**
 * Re-fill passes after the first water-filling: each class of two or more people is lifted out and
 * water-filled again against everyone else's final loads, which leaves the exact repair little to
 * do (classes of one are left: as many as people with per-person rules, and cheap to repair).
 */
const SWEEPS = 1;

/**
 * Places every person of every class on one of its slots. Guarantee on return ("no improving
 * path", see `repairLoads`): for any slot `s` and any slot `t` reachable from `s` by a chain of
 * single moves of people to slots they are eligible for, `load(t) >= load(s) - 1`. Consequently
 * the largest load is the smallest achievable, and people sharing the same slots see loads within
 * one of each other.
 */
export function balanceSlotLoads(classes: readonly BalanceClass[], slotCount: number, random: () => number): BalanceResult {
  const loads = new Int32Array(slotCount);
  let people = 0;
  for (const cls of classes) people += cls.size;
  const scratch: FillScratch = {
    order: new Int32Array(slotCount),
    heap: new Int32Array(slotCount),
    count: new Int32Array(slotCount),
    pairs: new Int32Array(4 * people),
    used: 0,
  };
  // Most constrained first: by slot count, then class index (a counting sort: slot counts are small).
  const bySlots = new Int32Array(slotCount + 2);
  for (const cls of classes) bySlots[Math.min(cls.slotCount, slotCount) + 1] = (bySlots[Math.min(cls.slotCount, slotCount) + 1] ?? 0) + 1;
  for (let k = 1; k < bySlots.length; k += 1) bySlots[k] = (bySlots[k] ?? 0) + (bySlots[k - 1] ?? 0);
  const order = new Int32Array(classes.length);
  classes.forEach((cls, c) => {
    const key = Math.min(cls.slotCount, slotCount);
    order[bySlots[key] ?? 0] = c;
    bySlots[key] = (bySlots[key] ?? 0) + 1;
  });
  const from = new Int32Array(classes.length);
  const to = new Int32Array(classes.length);
  for (const c of order) {
    const cls = classes[c];
    if (!cls || cls.slotCount === 0 || cls.size === 0) continue;
    from[c] = fillClass(cls, loads, random, scratch);
    to[c] = scratch.used;
  }
  const { pairs } = scratch;
  for (let sweep = 0; sweep < SWEEPS; sweep += 1) {
    for (const c of order) {
      const cls = classes[c];
      if (!cls || cls.size < 2 || cls.slotCount === 0) continue;
      for (let k = from[c] ?? 0; k < (to[c] ?? 0); k += 2) loads[pairs[k] ?? 0] = (loads[pairs[k] ?? 0] ?? 0) - (pairs[k + 1] ?? 0);
      from[c] = fillClass(cls, loads, random, scratch);
      to[c] = scratch.used;
    }
  }
  const occupants: number[][] = Array.from({ length: slotCount }, () => []);
  for (let c = 0; c < classes.length; c += 1) {
    for (let k = from[c] ?? 0; k < (to[c] ?? 0); k += 2) occupants[pairs[k] ?? 0]?.push(c, pairs[k + 1] ?? 0);
  }
  const eligible = new Int32Array(slotCount + 1);
  for (const cls of classes) {
    for (let r = 0; r < cls.ranges.length; r += 2) {
      eligible[cls.ranges[r] ?? 0] = (eligible[cls.ranges[r] ?? 0] ?? 0) + 1;
      eligible[cls.ranges[r + 1] ?? 0] = (eligible[cls.ranges[r + 1] ?? 0] ?? 0) - 1;
    }
  }
  const eligibleSlots: number[] = [];
  const usable = new Uint8Array(slotCount);
  for (let slot = 0, open = 0; slot < slotCount; slot += 1) {
    open += eligible[slot] ?? 0;
    if (open <= 0) continue;
    eligibleSlots.push(slot);
    usable[slot] = 1;
  }
  const bottleneck = repairLoads({ classes, loads, occupants }, eligibleSlots);
  return { occupants, loads, eligible: usable, bottleneck };
}
