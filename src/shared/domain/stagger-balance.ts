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

/** Whether position `a` of a class beats `b`: lower load, then best-time hour, then order from `offset`. */
function isBetter(cls: BalanceClass, loads: Int32Array, offset: number, a: number, b: number): boolean {
  const la = loads[cls.slots[a] ?? 0] ?? 0;
  const lb = loads[cls.slots[b] ?? 0] ?? 0;
  if (la !== lb) return la < lb;
  const pa = cls.preferred[a] ?? 0;
  const pb = cls.preferred[b] ?? 0;
  if (pa !== pb) return pa > pb;
  const n = cls.slots.length;
  return (a - offset + n) % n < (b - offset + n) % n;
}

function siftDown(heap: Int32Array, from: number, cls: BalanceClass, loads: Int32Array, offset: number): void {
  const n = heap.length;
  let i = from;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < n && isBetter(cls, loads, offset, heap[l] ?? 0, heap[m] ?? 0)) m = l;
    if (r < n && isBetter(cls, loads, offset, heap[r] ?? 0, heap[m] ?? 0)) m = r;
    if (m === i) return;
    const swap = heap[i] ?? 0;
    heap[i] = heap[m] ?? 0;
    heap[m] = swap;
    i = m;
  }
}

/**
 * Water-fills one class: each unit to its least-loaded slot, best-time hour first, then the first
 * slot after a seeded starting position (one coin per class, not per slot: with per-person rules
 * most classes are one person). Few units scan; many use a binary heap.
 */
function fillClass(cls: BalanceClass, count: Int32Array, loads: Int32Array, random: () => number): void {
  const n = cls.slots.length;
  const offset = Math.floor(random() * n);
  if (cls.size <= 4) {
    for (let placed = 0; placed < cls.size; placed += 1) {
      let best = offset;
      let bestLoad = loads[cls.slots[offset] ?? 0] ?? 0;
      let bestFlag = cls.preferred[offset] ?? 0;
      for (let k = 1; k < n; k += 1) {
        const i = offset + k < n ? offset + k : offset + k - n;
        const load = loads[cls.slots[i] ?? 0] ?? 0;
        const flag = cls.preferred[i] ?? 0;
        if (load < bestLoad || (load === bestLoad && flag > bestFlag)) {
          best = i;
          bestLoad = load;
          bestFlag = flag;
        }
      }
      const slot = cls.slots[best] ?? 0;
      loads[slot] = (loads[slot] ?? 0) + 1;
      count[best] = (count[best] ?? 0) + 1;
    }
    return;
  }
  const heap = new Int32Array(n);
  for (let i = 0; i < n; i += 1) heap[i] = i;
  for (let i = (n >> 1) - 1; i >= 0; i -= 1) siftDown(heap, i, cls, loads, offset);
  for (let placed = 0; placed < cls.size; placed += 1) {
    const top = heap[0] ?? 0;
    const slot = cls.slots[top] ?? 0;
    loads[slot] = (loads[slot] ?? 0) + 1;
    count[top] = (count[top] ?? 0) + 1;
    siftDown(heap, 0, cls, loads, offset);
  }
}

/**
 * Re-fill passes after the first water-filling: each class of two or more people is lifted out and
 * water-filled again against everyone else's final loads, which leaves the exact repair little to
 * do (classes of one are left: as many as people with per-person rules, and cheap to repair).
 */
const SWEEPS = 1;

interface Search {
  stamp: Int32Array;
  classStamp: Int32Array;
  parentSlot: Int32Array;
  parentClass: Int32Array;
  parentFrom: Int32Array;
  parentTo: Int32Array;
  /** Breadth-first distance of each reached slot and of each class expanded (the level graph). */
  slotDist: Int32Array;
  classDist: Int32Array;
  /** Per-round cursors and dead marks of the blocking flow. */
  slotArc: Int32Array;
  classArc: Int32Array;
  dead: Int32Array;
  queue: Int32Array;
  /** Slots reached by the last search: `queue[0..reached)`. */
  reached: number;
  generation: number;
}

/**
 * What the repair passes around: the classes, their placement so far, who sits in each slot,
 * slots settled for good and the reusable search buffers.
 */
interface BalanceState {
  classes: readonly BalanceClass[];
  counts: Int32Array[];
  loads: Int32Array;
  /** Per slot, pairs of class and position with people placed there (zero counts dropped lazily). */
  occupants: number[][];
  frozen: Uint8Array;
  search: Search;
}

/** Drops pairs whose count fell to zero, in place. */
function compactOccupants(list: number[], counts: readonly Int32Array[]): number[] {
  let w = 0;
  for (let k = 0; k < list.length; k += 2) {
    const c = list[k] ?? 0;
    const pos = list[k + 1] ?? 0;
    if ((counts[c]?.[pos] ?? 0) === 0) continue;
    list[w++] = c;
    list[w++] = pos;
  }
  list.length = w;
  return list;
}

/**
 * Breadth-first search from `sources` over "someone placed in u may move to t" edges, skipping
 * frozen slots; returns the slots reached with a load at most `targetLoad` at the shortest
 * distance where there are any (later layers are not expanded), stopping once there are `wanted`
 * of them. Reached slots keep the generation's stamp; with no target, everything reachable is.
 */
function search(sources: readonly number[], state: BalanceState, targetLoad: number, wanted: number): number[] {
  const { classes, counts, loads, occupants, frozen, search: buf } = state;
  buf.generation += 1;
  const gen = buf.generation;
  let tail = 0;
  for (const s of sources) {
    buf.stamp[s] = gen;
    buf.parentSlot[s] = -1;
    buf.slotDist[s] = 0;
    buf.slotArc[s] = 0;
    buf.queue[tail++] = s;
  }
  const targets: number[] = [];
  let targetDist = Infinity;
  for (let head = 0; head < tail && targets.length < wanted; ) {
    const u = buf.queue[head++] ?? 0;
    if ((buf.slotDist[u] ?? 0) >= targetDist) break;
    const list = compactOccupants(occupants[u] ?? [], counts);
    for (let k = 0; k < list.length; k += 2) {
      const c = list[k] ?? 0;
      if (buf.classStamp[c] === gen) continue;
      buf.classStamp[c] = gen;
      buf.classDist[c] = buf.slotDist[u] ?? 0;
      buf.classArc[c] = 0;
      const from = list[k + 1] ?? 0;
      const slots = classes[c]?.slots ?? new Int32Array(0);
      for (let to = 0; to < slots.length; to += 1) {
        const t = slots[to] ?? 0;
        if (buf.stamp[t] === gen || frozen[t] === 1) continue;
        buf.stamp[t] = gen;
        buf.parentSlot[t] = u;
        buf.parentClass[t] = c;
        buf.parentFrom[t] = from;
        buf.parentTo[t] = to;
        buf.slotDist[t] = (buf.slotDist[u] ?? 0) + 1;
        buf.slotArc[t] = 0;
        buf.queue[tail++] = t;
        if ((loads[t] ?? 0) > targetLoad) continue;
        targets.push(t);
        targetDist = buf.slotDist[t] ?? 0;
      }
    }
  }
  buf.reached = tail;
  return targets;
}

/**
 * Depth-first search in the level graph of the last search (Dinic): a path from `u` to a slot at
 * most `limit`, along edges that still carry someone; moves one person down it and returns the
 * slot reached, or -1. Cursors and dead marks make a round's searches linear in the graph.
 */
function pushFrom(u: number, limit: number, state: BalanceState): number {
  const { classes, counts, loads, occupants, search: buf } = state;
  const gen = buf.generation;
  if ((buf.slotDist[u] ?? 0) > 0 && (loads[u] ?? 0) <= limit) return u;
  const list = occupants[u] ?? [];
  for (let k = buf.slotArc[u] ?? 0; k < list.length; k += 2, buf.slotArc[u] = k) {
    const c = list[k] ?? 0;
    const from = list[k + 1] ?? 0;
    const count = counts[c] ?? new Int32Array(0);
    if (buf.classStamp[c] !== gen || buf.classDist[c] !== buf.slotDist[u] || (count[from] ?? 0) === 0) continue;
    const slots = classes[c]?.slots ?? new Int32Array(0);
    for (let to = buf.classArc[c] ?? 0; to < slots.length; to += 1, buf.classArc[c] = to) {
      const t = slots[to] ?? 0;
      if (buf.stamp[t] !== gen || buf.dead[t] === gen || buf.slotDist[t] !== (buf.classDist[c] ?? 0) + 1) continue;
      const end = pushFrom(t, limit, state);
      if (end < 0) {
        buf.dead[t] = gen;
        continue;
      }
      count[from] = (count[from] ?? 0) - 1;
      if ((count[to] ?? 0) === 0) occupants[t]?.push(c, to);
      count[to] = (count[to] ?? 0) + 1;
      return end;
    }
  }
  buf.dead[u] = gen;
  return -1;
}

/** A blocking flow from `sources`: each sends people down level-graph paths while two or more above their end. */
function augment(sources: readonly number[], state: BalanceState): number {
  const { loads } = state;
  let moved = 0;
  for (const s of sources) {
    for (;;) {
      const end = pushFrom(s, (loads[s] ?? 0) - 2, state);
      if (end < 0) break;
      loads[s] = (loads[s] ?? 0) - 1;
      loads[end] = (loads[end] ?? 0) + 1;
      moved += 1;
    }
  }
  return moved;
}

/**
 * Places every unit of every class on one of its slots. Guarantee on return ("no improving
 * path"): for any slot `s` and any slot `t` reachable from `s` by a chain of single moves of
 * people to slots they are eligible for, `load(t) >= load(s) - 1`. Consequently the largest load
 * is the smallest achievable, and people sharing the same slots see loads within one of each other.
 * How: water-filling, then rounds on the busiest unsettled level L: one breadth-first search from
 * all slots at L finds slots at L-2 or less and one person moves down each shortest path (many
 * paths per search, as in Hopcroft-Karp). A search that finds none settles everything it reached
 * (closed: nobody there may leave; all at L-1 or L), so it is never searched again.
 */
export function balanceSlotLoads(classes: readonly BalanceClass[], slotCount: number, random: () => number): BalanceResult {
  const loads = new Int32Array(slotCount);
  let total = 0;
  for (const cls of classes) total += cls.slots.length;
  const allCounts = new Int32Array(total);
  let at = 0;
  const counts = classes.map((cls) => allCounts.subarray(at, (at += cls.slots.length)));
  const order = classes.map((_, i) => i).sort((a, b) => {
    const diff = (classes[a]?.slots.length ?? 0) - (classes[b]?.slots.length ?? 0);
    return diff !== 0 ? diff : a - b;
  });
  for (const c of order) {
    const cls = classes[c];
    const count = counts[c];
    if (cls && count && cls.slots.length > 0) fillClass(cls, count, loads, random);
  }
  for (let sweep = 0; sweep < SWEEPS; sweep += 1) {
    for (const c of order) {
      const cls = classes[c];
      const count = counts[c];
      if (!cls || !count || cls.size < 2 || cls.slots.length === 0) continue;
      for (let pos = 0; pos < cls.slots.length; pos += 1) {
        const slot = cls.slots[pos] ?? 0;
        loads[slot] = (loads[slot] ?? 0) - (count[pos] ?? 0);
      }
      count.fill(0);
      fillClass(cls, count, loads, random);
    }
  }

  const occupants: number[][] = Array.from({ length: slotCount }, () => []);
  const eligible = new Uint8Array(slotCount);
  classes.forEach((cls, c) => {
    const count = counts[c] ?? new Int32Array(0);
    for (let pos = 0; pos < cls.slots.length; pos += 1) {
      const slot = cls.slots[pos] ?? 0;
      eligible[slot] = 1;
      if ((count[pos] ?? 0) > 0) occupants[slot]?.push(c, pos);
    }
  });
  const buf: Search = {
    stamp: new Int32Array(slotCount),
    classStamp: new Int32Array(classes.length),
    parentSlot: new Int32Array(slotCount),
    parentClass: new Int32Array(slotCount),
    parentFrom: new Int32Array(slotCount),
    parentTo: new Int32Array(slotCount),
    slotDist: new Int32Array(slotCount),
    classDist: new Int32Array(classes.length),
    slotArc: new Int32Array(slotCount),
    classArc: new Int32Array(classes.length),
    dead: new Int32Array(slotCount),
    queue: new Int32Array(slotCount),
    reached: 0,
    generation: 0,
  };
  const state: BalanceState = { classes, counts, loads, occupants, frozen: new Uint8Array(slotCount), search: buf };
  const eligibleSlots: number[] = [];
  for (let slot = 0; slot < slotCount; slot += 1) if (eligible[slot] === 1) eligibleSlots.push(slot);
  for (;;) {
    let level = -1;
    let low = Infinity;
    const sources: number[] = [];
    for (const slot of eligibleSlots) {
      if (state.frozen[slot] === 1) continue;
      const load = loads[slot] ?? 0;
      low = Math.min(low, load);
      if (load > level) {
        level = load;
        sources.length = 0;
      }
      if (load === level) sources.push(slot);
    }
    if (level < low + 2) break;
    const targets = search(sources, state, level - 2, Infinity);
    if (targets.length === 0) {
      for (let i = 0; i < buf.reached; i += 1) state.frozen[buf.queue[i] ?? 0] = 1;
    } else {
      augment(sources, state);
    }
  }
  let busiest = -1;
  for (const slot of eligibleSlots) if (busiest < 0 || (loads[slot] ?? 0) > (loads[busiest] ?? 0)) busiest = slot;
  if (busiest < 0 || (loads[busiest] ?? 0) === 0) return { counts, loads, bottleneck: [] };
  state.frozen.fill(0);
  search([busiest], state, -1, 1);
  const bottleneck = eligibleSlots.filter((slot) => buf.stamp[slot] === buf.generation);
  return { counts, loads, bottleneck };
}
