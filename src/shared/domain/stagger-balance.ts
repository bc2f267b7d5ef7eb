/**
 * The load-balancing core of the stagger planner, on "classes" of interchangeable people (same
 * eligible slots). Seed 002 (GaggleAMP): everyone sharing the same thing at the same time must be
 * avoided; sharing is spread over a period, not a single blast. The result is water-filling
 * (most constrained class first, least-loaded slot, best-time hour, then a seeded coin) followed
 * by a repair that removes every "improving path", which makes the busiest slot as quiet as any
 * assignment could make it.
 */

/** A class of people who may all receive a prompt in exactly the same slots. */
export interface BalanceClass {
  /** Eligible slot indices, ascending. */
  slots: Int32Array;
  /** 1 where the slot is a best-time-to-post hour for this class, by position in `slots`. */
  preferred: Uint8Array;
  /** How many people of the class must be placed. */
  size: number;
}

/** Units per class per position in its `slots`, and the resulting load per slot. */
export interface BalanceResult {
  counts: Int32Array[];
  loads: Int32Array;
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

/** Water-fills one class: each unit to its least-loaded slot, best-time hour first, then a seeded coin (binary heap). */
function fillClass(cls: BalanceClass, count: Int32Array, loads: Int32Array, random: () => number): void {
  const n = cls.slots.length;
  const tie = new Float64Array(n);
  for (let i = 0; i < n; i += 1) tie[i] = random();
  const heap = new Int32Array(n);
  for (let i = 0; i < n; i += 1) heap[i] = i;
  const less = (a: number, b: number): boolean => {
    const la = loads[cls.slots[a] ?? 0] ?? 0;
    const lb = loads[cls.slots[b] ?? 0] ?? 0;
    if (la !== lb) return la < lb;
    const pa = cls.preferred[a] ?? 0;
    const pb = cls.preferred[b] ?? 0;
    if (pa !== pb) return pa > pb;
    return (tie[a] ?? 0) < (tie[b] ?? 0);
  };
  const siftDown = (from: number): void => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && less(heap[l] ?? 0, heap[m] ?? 0)) m = l;
      if (r < n && less(heap[r] ?? 0, heap[m] ?? 0)) m = r;
      if (m === i) return;
      const swap = heap[i] ?? 0;
      heap[i] = heap[m] ?? 0;
      heap[m] = swap;
      i = m;
    }
  };
  for (let i = (n >> 1) - 1; i >= 0; i -= 1) siftDown(i);
  for (let placed = 0; placed < cls.size; placed += 1) {
    const top = heap[0] ?? 0;
    const slot = cls.slots[top] ?? 0;
    loads[slot] = (loads[slot] ?? 0) + 1;
    count[top] = (count[top] ?? 0) + 1;
    siftDown(0);
  }
}

interface Search {
  stamp: Int32Array;
  classStamp: Int32Array;
  parentSlot: Int32Array;
  parentClass: Int32Array;
  parentFrom: Int32Array;
  parentTo: Int32Array;
  queue: Int32Array;
  generation: number;
}

/**
 * What the repair passes around: the classes, their placement so far, who may sit in each slot
 * (`members[slot]` = pairs of class and position in its `slots`) and the reusable search buffers.
 */
interface BalanceState {
  classes: readonly BalanceClass[];
  counts: Int32Array[];
  loads: Int32Array;
  members: readonly Int32Array[];
  search: Search;
}

/**
 * Breadth-first search from slot `s` over "someone in u may move to t" edges; marks the reached
 * slots with the current generation and returns the least-loaded one.
 */
function searchFrom(s: number, state: BalanceState): number {
  const { classes, counts, loads, members, search } = state;
  search.generation += 1;
  const gen = search.generation;
  search.stamp[s] = gen;
  let head = 0;
  let tail = 0;
  search.queue[tail++] = s;
  let best = s;
  while (head < tail) {
    const u = search.queue[head++] ?? 0;
    const list = members[u] ?? new Int32Array(0);
    for (let k = 0; k < list.length; k += 2) {
      const c = list[k] ?? 0;
      const from = list[k + 1] ?? 0;
      if (search.classStamp[c] === gen || (counts[c]?.[from] ?? 0) === 0) continue;
      search.classStamp[c] = gen;
      const slots = classes[c]?.slots ?? new Int32Array(0);
      for (let to = 0; to < slots.length; to += 1) {
        const t = slots[to] ?? 0;
        if (search.stamp[t] === gen) continue;
        search.stamp[t] = gen;
        search.parentSlot[t] = u;
        search.parentClass[t] = c;
        search.parentFrom[t] = from;
        search.parentTo[t] = to;
        search.queue[tail++] = t;
        if ((loads[t] ?? 0) < (loads[best] ?? 0)) best = t;
      }
    }
  }
  return best;
}

/**
 * Moves as many units as the path allows from `s` to the least-loaded slot reachable from it,
 * when that slot is at least two below `s`. Returns whether anything moved.
 */
function improveFrom(s: number, state: BalanceState): boolean {
  const { counts, loads, search } = state;
  const best = searchFrom(s, state);
  const gap = (loads[s] ?? 0) - (loads[best] ?? 0);
  if (gap < 2) return false;
  let units = gap >> 1;
  for (let t = best; t !== s; t = search.parentSlot[t] ?? s) {
    units = Math.min(units, counts[search.parentClass[t] ?? 0]?.[search.parentFrom[t] ?? 0] ?? 0);
  }
  for (let t = best; t !== s; t = search.parentSlot[t] ?? s) {
    const count = counts[search.parentClass[t] ?? 0] ?? new Int32Array(0);
    const from = search.parentFrom[t] ?? 0;
    const to = search.parentTo[t] ?? 0;
    count[from] = (count[from] ?? 0) - units;
    count[to] = (count[to] ?? 0) + units;
  }
  loads[s] = (loads[s] ?? 0) - units;
  loads[best] = (loads[best] ?? 0) + units;
  return true;
}

/**
 * Places every unit of every class on one of its slots. Guarantee on return ("no improving
 * path"): for any slot `s` and any slot `t` reachable from `s` by a chain of single moves of
 * people to slots they are eligible for, `load(t) >= load(s) - 1`. Consequently the largest load
 * is the smallest achievable, and people sharing the same slots see loads within one of each other.
 */
export function balanceSlotLoads(classes: readonly BalanceClass[], slotCount: number, random: () => number): BalanceResult {
  const loads = new Int32Array(slotCount);
  const counts = classes.map((c) => new Int32Array(c.slots.length));
  const order = classes.map((_, i) => i).sort((a, b) => {
    const diff = (classes[a]?.slots.length ?? 0) - (classes[b]?.slots.length ?? 0);
    return diff !== 0 ? diff : a - b;
  });
  for (const c of order) {
    const cls = classes[c];
    const count = counts[c];
    if (cls && count && cls.slots.length > 0) fillClass(cls, count, loads, random);
  }

  const memberLists: number[][] = Array.from({ length: slotCount }, () => []);
  const eligible = new Uint8Array(slotCount);
  classes.forEach((cls, c) => {
    cls.slots.forEach((slot, pos) => {
      memberLists[slot]?.push(c, pos);
      eligible[slot] = 1;
    });
  });
  const members = memberLists.map((list) => Int32Array.from(list));
  const search: Search = {
    stamp: new Int32Array(slotCount),
    classStamp: new Int32Array(classes.length),
    parentSlot: new Int32Array(slotCount),
    parentClass: new Int32Array(slotCount),
    parentFrom: new Int32Array(slotCount),
    parentTo: new Int32Array(slotCount),
    queue: new Int32Array(slotCount),
    generation: 0,
  };
  const state: BalanceState = { classes, counts, loads, members, search };
  const eligibleSlots = Array.from({ length: slotCount }, (_, i) => i).filter((i) => eligible[i] === 1);
  for (let changed = true; changed; ) {
    changed = false;
    let minLoad = Infinity;
    for (const slot of eligibleSlots) minLoad = Math.min(minLoad, loads[slot] ?? 0);
    const byLoad = [...eligibleSlots].sort((a, b) => (loads[b] ?? 0) - (loads[a] ?? 0) || a - b);
    for (const s of byLoad) {
      if ((loads[s] ?? 0) < minLoad + 2) break;
      while (improveFrom(s, state)) changed = true;
    }
  }
  let busiest = -1;
  for (const slot of eligibleSlots) if (busiest < 0 || (loads[slot] ?? 0) > (loads[busiest] ?? 0)) busiest = slot;
  if (busiest < 0 || (loads[busiest] ?? 0) === 0) return { counts, loads, bottleneck: [] };
  searchFrom(busiest, state);
  const bottleneck = eligibleSlots.filter((slot) => search.stamp[slot] === search.generation);
  return { counts, loads, bottleneck };
}
