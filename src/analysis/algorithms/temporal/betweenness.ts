/**
 * Temporal betweenness: how many earliest-arrival paths pass through a node (docs/time.md).
 *
 * For an ordered pair (s, t) with t reachable from s in time order, the paths counted are the
 * EARLIEST_ARRIVAL answers: the node sequences from s to t that arrive on the earliest day and,
 * among those, have the fewest links (parallel links between the same two nodes make one path;
 * each step is passed on its earliest possible day). Like Brandes' betweenness, a node v scores
 * sum over pairs (s, t), s != v != t, of sigma_st(v) / sigma_st: the fraction of those paths with
 * v as an intermediate node. So a pair with two equally good paths gives 1/2 to the nodes of each.
 *
 * How: from each source, the earliest arrivals first (Dijkstra), then the paths are counted over
 * states (node, links so far, day of arrival) level by level: a prefix arriving at v later but with
 * fewer links is its own state, so a later-but-shorter prefix is counted where it leads somewhere.
 * Dependencies are then accumulated backwards over the states, as Brandes does over BFS levels.
 */
import { earliestArrivals } from './earliest';
import { LinkFilter, nodeIndex, passableMask, TemporalGraph } from './graph';

export interface TemporalBetweennessOptions extends LinkFilter {
  start?: number;
  end?: number;
  /** Only pairs from these sources / to these targets (default: every node). */
  sources?: readonly string[];
  targets?: readonly string[];
  /** Divide by (n-1)(n-2), the number of ordered pairs a node can be between (default false: raw sums). */
  normalized?: boolean;
}

interface Level {
  node: number[];
  day: number[];
  sigma: number[];
  /** Successor states (indices into the next level), per state. */
  succ: number[][];
  /** 1/sigma when the state is the end of the EARLIEST_ARRIVAL paths to its node, else 0. */
  omega: number[];
}

/** Temporal betweenness per node index. */
export function temporalBetweennessScores(g: TemporalGraph, opts?: TemporalBetweennessOptions): Float64Array {
  const bc = new Float64Array(g.n);
  const mask = passableMask(g, opts);
  const start = opts?.start ?? -Infinity;
  const end = opts?.end ?? Infinity;
  const sources = opts?.sources ? [...new Set(opts.sources.map((id) => nodeIndex(g, id)))] : Array.from({ length: g.n }, (_, i) => i);
  const isTarget = new Uint8Array(g.n);
  if (opts?.targets) for (const id of opts.targets) isTarget[nodeIndex(g, id)] = 1;
  else isTarget.fill(1);
  if (start <= end) for (const s of sources) accumulate(g, s, start, end, mask, isTarget, bc);
  if (opts?.normalized) {
    const pairs = (g.n - 1) * (g.n - 2);
    for (let v = 0; v < g.n; v++) bc[v] = pairs > 0 ? bc[v] / pairs : 0;
  }
  return bc;
}

export function temporalBetweenness(g: TemporalGraph, opts?: TemporalBetweennessOptions): Map<string, number> {
  const bc = temporalBetweennessScores(g, opts);
  return new Map(g.ids.map((id, i) => [id, bc[i]]));
}

function accumulate(g: TemporalGraph, s: number, start: number, end: number, mask: Uint8Array, isTarget: Uint8Array, bc: Float64Array): void {
  const { arrival } = earliestArrivals(g, s, start, end, mask);
  let pending = 0;
  let maxArrival = -Infinity;
  for (let t = 0; t < g.n; t++) {
    if (t === s || !isTarget[t] || arrival[t] === Infinity) continue;
    pending++;
    if (arrival[t] > maxArrival) maxArrival = arrival[t];
  }
  if (pending === 0) return;
  const found = new Uint8Array(g.n);
  const levels: Level[] = [{ node: [s], day: [start], sigma: [1], succ: [[]], omega: [0] }];
  while (pending > 0) {
    const cur = levels[levels.length - 1];
    const next: Level = { node: [], day: [], sigma: [], succ: [], omega: [] };
    const index = new Map<string, number>();
    for (let x = 0; x < cur.node.length; x++) {
      const u = cur.node[x];
      const tau = cur.day[x];
      const stop = g.outOffsets[u + 1];
      // Arcs are sorted by head: one successor per neighbour, on the earliest day any link to it allows.
      for (let j = g.outOffsets[u]; j < stop;) {
        const w = g.outHead[j];
        let day = Infinity;
        for (; j < stop && g.outHead[j] === w; j++) {
          const e = g.outEdge[j];
          if (!mask[e]) continue;
          const lo = g.edgeLo[e];
          const d = tau > lo ? tau : lo;
          if (d <= g.edgeHi[e] && d <= end && d < day) day = d;
        }
        if (day > maxArrival) continue; // also day = Infinity: no passable link to w
        const key = `${w}|${day}`;
        let y = index.get(key);
        if (y === undefined) {
          y = next.node.length;
          index.set(key, y);
          next.node.push(w);
          next.day.push(day);
          next.sigma.push(0);
          next.succ.push([]);
          next.omega.push(0);
        }
        next.sigma[y] += cur.sigma[x];
        cur.succ[x].push(y);
      }
    }
    if (next.node.length === 0) break;
    for (let y = 0; y < next.node.length; y++) {
      const w = next.node[y];
      if (w !== s && isTarget[w] && !found[w] && next.day[y] === arrival[w]) {
        found[w] = 1;
        pending--;
        next.omega[y] = 1 / next.sigma[y];
      }
    }
    levels.push(next);
  }
  // Backwards: c[x] = omega[x] + sum of c over successors (the weighted count of ways on from x).
  let after: number[] = [];
  for (let i = levels.length - 1; i >= 1; i--) {
    const L = levels[i];
    const c = new Array<number>(L.node.length);
    for (let x = 0; x < L.node.length; x++) {
      let sum = 0;
      for (const y of L.succ[x]) sum += after[y];
      c[x] = L.omega[x] + sum;
      if (sum > 0) bc[L.node[x]] += L.sigma[x] * sum;
    }
    after = c;
  }
}
