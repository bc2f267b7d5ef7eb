/**
 * The exact repair of the stagger planner's water-filling: flow passes that remove every
 * "improving path" (a chain of moves of placed people that would take load from a slot to one at
 * least two lower), then the breadth-first search whose reach proves that the busiest slot is as
 * quiet as any plan could make it (`stats.bottleneck`, docs/domain.md).
 *
 * The graph: slots, and classes of people sharing the same eligible slots (as ranges). Someone of
 * class `c` placed in slot `u` may move to any slot of `c`. Searches mark slots with a "next
 * unvisited slot" pointer per search (union-find with path compression), so expanding a class
 * costs its number of ranges plus the slots it newly reaches, not its number of slots: with
 * per-person rules in 5-minute slots that is ~6 ranges instead of ~300 slots per person.
 */
import type { BalanceClass } from './stagger-balance.js';

/** Placement the repair works on: loads per slot and, per slot, flat `(class, people)` pairs. */
export interface FlowPlacement {
  classes: readonly BalanceClass[];
  loads: Int32Array;
  occupants: number[][];
}

interface FlowState extends FlowPlacement {
  frozen: Uint8Array;
  /** Union-find "next slot not yet reached (nor frozen) at or after i"; `skip[slotCount]` is the end. */
  skip: Int32Array;
  stamp: Int32Array;
  /** Breadth-first distance of each reached slot and of each class expanded (the level graph). */
  slotDist: Int32Array;
  classDist: Int32Array;
  classStamp: Int32Array;
  /**
   * The slots a class reached first in the last search end at `queue[classTo[c] - 1]` and start
   * where its cursor `classArc[c]` starts: its edges of the breadth-first tree, the only ones the
   * flow follows from the class.
   */
  classTo: Int32Array;
  /** Per-round cursors (into an occupant list, into a class's tree slots) and dead marks. */
  slotArc: Int32Array;
  classArc: Int32Array;
  dead: Int32Array;
  queue: Int32Array;
  /** Slots reached by the last search: `queue[0..reached)`. */
  reached: number;
  generation: number;
}

/** Drops pairs whose count fell to zero, in place. */
function compactOccupants(list: number[]): number[] {
  let w = 0;
  for (let k = 0; k < list.length; k += 2) {
    if ((list[k + 1] ?? 0) === 0) continue;
    list[w++] = list[k] ?? 0;
    list[w++] = list[k + 1] ?? 0;
  }
  list.length = w;
  return list;
}

/** One more person of class `c` in a slot's occupant list. */
function addOccupant(list: number[], c: number): void {
  for (let k = 0; k < list.length; k += 2) {
    if (list[k] === c) {
      list[k + 1] = (list[k + 1] ?? 0) + 1;
      return;
    }
  }
  list.push(c, 1);
}

/** The first slot at or after `i` that the current search has not reached (path-compressing). */
function nextOpen(skip: Int32Array, i: number): number {
  let root = i;
  while (skip[root] !== root) root = skip[root] ?? root;
  let at = i;
  while (at !== root) {
    const next = skip[at] ?? root;
    skip[at] = root;
    at = next;
  }
  return root;
}

/**
 * Breadth-first search from `sources` over "someone placed in u may move to t" edges, skipping
 * frozen slots; returns the slots reached with a load at most `targetLoad` at the shortest
 * distance where there are any (later layers are not expanded), stopping once there are `wanted`
 * of them. Reached slots keep the generation's stamp; with no target, everything reachable is.
 */
function search(sources: readonly number[], st: FlowState, targetLoad: number, wanted: number): number[] {
  const { classes, loads, occupants, frozen, skip } = st;
  st.generation += 1;
  const gen = st.generation;
  const slotCount = loads.length;
  for (let i = 0; i < slotCount; i += 1) skip[i] = frozen[i] === 1 ? i + 1 : i;
  skip[slotCount] = slotCount;
  let tail = 0;
  for (const s of sources) {
    st.stamp[s] = gen;
    st.slotDist[s] = 0;
    st.slotArc[s] = 0;
    st.queue[tail++] = s;
    skip[s] = s + 1;
  }
  const targets: number[] = [];
  let targetDist = Infinity;
  for (let head = 0; head < tail && targets.length < wanted; ) {
    const u = st.queue[head++] ?? 0;
    const dist = st.slotDist[u] ?? 0;
    if (dist >= targetDist) break;
    const list = compactOccupants(occupants[u] ?? []);
    for (let k = 0; k < list.length; k += 2) {
      const c = list[k] ?? 0;
      if (st.classStamp[c] === gen) continue;
      st.classStamp[c] = gen;
      st.classDist[c] = dist;
      st.classArc[c] = tail;
      const ranges = classes[c]?.ranges ?? [];
      for (let r = 0; r < ranges.length; r += 2) {
        const end = ranges[r + 1] ?? 0;
        for (let t = nextOpen(skip, ranges[r] ?? 0); t < end; t = nextOpen(skip, t + 1)) {
          skip[t] = t + 1;
          st.stamp[t] = gen;
          st.slotDist[t] = dist + 1;
          st.slotArc[t] = 0;
          st.queue[tail++] = t;
          if ((loads[t] ?? 0) > targetLoad) continue;
          targets.push(t);
          targetDist = dist + 1;
        }
      }
      st.classTo[c] = tail;
    }
  }
  st.reached = tail;
  return targets;
}

/**
 * Depth-first search in the breadth-first tree of the last search: a path from `u` to a slot at
 * most `limit`, along edges that still carry someone; moves one person down it and returns the
 * slot reached, or -1. Cursors and dead marks make a round's searches linear in the tree (a
 * round finds fewer paths than over the whole level graph, but costs the tree, not every slot of
 * every class; a round with a target moves at least one person along the tree path to it).
 */
function pushFrom(u: number, limit: number, st: FlowState): number {
  const { loads, occupants } = st;
  const gen = st.generation;
  const dist = st.slotDist[u] ?? 0;
  if (dist > 0 && (loads[u] ?? 0) <= limit) return u;
  const list = occupants[u] ?? [];
  for (let k = st.slotArc[u] ?? 0; k < list.length; k += 2, st.slotArc[u] = k) {
    const c = list[k] ?? 0;
    if (st.classStamp[c] !== gen || st.classDist[c] !== dist || (list[k + 1] ?? 0) === 0) continue;
    const to = st.classTo[c] ?? 0;
    for (let i = st.classArc[c] ?? 0; i < to; i += 1) {
      const t = st.queue[i] ?? 0;
      if (st.dead[t] === gen) continue;
      st.classArc[c] = i;
      const reached = pushFrom(t, limit, st);
      if (reached < 0) {
        st.dead[t] = gen;
        continue;
      }
      list[k + 1] = (list[k + 1] ?? 0) - 1;
      addOccupant(occupants[t] ?? [], c);
      return reached;
    }
    st.classArc[c] = to;
  }
  st.dead[u] = gen;
  return -1;
}

/** A blocking flow from `sources`: each sends people down level-graph paths while two or more above their end. */
function augment(sources: readonly number[], st: FlowState): number {
  const { loads } = st;
  let moved = 0;
  for (const s of sources) {
    for (;;) {
      const end = pushFrom(s, (loads[s] ?? 0) - 2, st);
      if (end < 0) break;
      loads[s] = (loads[s] ?? 0) - 1;
      loads[end] = (loads[end] ?? 0) + 1;
      moved += 1;
    }
  }
  return moved;
}

/**
 * Repairs a placement in place until it has no improving path: for any slot `s` and any slot `t`
 * reachable from `s` by a chain of single moves of people to slots they are eligible for,
 * `load(t) >= load(s) - 1`. How: rounds on the busiest unsettled level L: one breadth-first
 * search from all slots at L finds slots at L-2 or less and one person moves down each shortest
 * path (many paths per search, as in Hopcroft-Karp). A search that finds none settles everything
 * it reached (closed: nobody there may leave; all at L-1 or L), so it is never searched again.
 * Returns the certificate: the slots reachable from a busiest slot (empty when nothing is placed).
 */
export function repairLoads(placement: FlowPlacement, eligibleSlots: readonly number[]): number[] {
  const slotCount = placement.loads.length;
  const classCount = placement.classes.length;
  const st: FlowState = {
    ...placement,
    frozen: new Uint8Array(slotCount),
    skip: new Int32Array(slotCount + 1),
    stamp: new Int32Array(slotCount),
    slotDist: new Int32Array(slotCount),
    classDist: new Int32Array(classCount),
    classStamp: new Int32Array(classCount),
    slotArc: new Int32Array(slotCount),
    classTo: new Int32Array(classCount),
    classArc: new Int32Array(classCount),
    dead: new Int32Array(slotCount),
    queue: new Int32Array(slotCount),
    reached: 0,
    generation: 0,
  };
  const { loads, frozen } = st;
  for (;;) {
    let level = -1;
    let low = Infinity;
    const sources: number[] = [];
    for (const slot of eligibleSlots) {
      if (frozen[slot] === 1) continue;
      const load = loads[slot] ?? 0;
      low = Math.min(low, load);
      if (load > level) {
        level = load;
        sources.length = 0;
      }
      if (load === level) sources.push(slot);
    }
    if (level < low + 2) break;
    const targets = search(sources, st, level - 2, Infinity);
    if (targets.length === 0) {
      for (let i = 0; i < st.reached; i += 1) frozen[st.queue[i] ?? 0] = 1;
    } else {
      augment(sources, st);
    }
  }
  let busiest = -1;
  for (const slot of eligibleSlots) if (busiest < 0 || (loads[slot] ?? 0) > (loads[busiest] ?? 0)) busiest = slot;
  if (busiest < 0 || (loads[busiest] ?? 0) === 0) return [];
  frozen.fill(0);
  search([busiest], st, -1, 1);
  return eligibleSlots.filter((slot) => st.stamp[slot] === st.generation);
}
