/**
 * Time-respecting paths (Wu et al. 2014, "Path problems in temporal graphs", PVLDB 7(9)), on links
 * passable on one day (a point) or on any day of an interval, non-strict: dates never go back along
 * a path, several steps may fall on the same day. See docs/time.md for the definitions.
 *
 * The core is a hop-level label search (`levelSearch`): after level k, best[v] is the earliest day
 * at which v can be reached with at most k links. Keeping one label per (node, hop count) rather
 * than one per node is what finds a shorter path through a later arrival at an intermediate node:
 * a path arriving at v later but with fewer links is kept at its own level.
 */
import { earliestArrivals } from './earliest';
import { LinkFilter, nodeIndex, passableMask, TemporalGraph } from './graph';

export type TemporalPathMode = 'EARLIEST_ARRIVAL' | 'LATEST_DEPARTURE' | 'FASTEST' | 'SHORTEST';

export interface TemporalPathOptions extends LinkFilter {
  /** First day the first step may be on (default: no bound). */
  start?: number;
  /** Last day the last step may be on (default: no bound). */
  end?: number;
  /** At most this many links (default: no bound). */
  maxLength?: number;
  mode?: TemporalPathMode;
}

export interface TemporalStep {
  from: string;
  to: string;
  /** The link's id and its index in the graph (`edgeIds`). */
  edge: string;
  edgeIndex: number;
  /** The day the link was passed; null only for undated links on a path with no dated step. */
  date: number | null;
}

export interface TemporalPath {
  /** The first step's day and the last step's (null only when no step is dated). */
  departure: number | null;
  arrival: number | null;
  /** arrival - departure in days (0 when a date is null). */
  duration: number;
  steps: TemporalStep[];
}

/** The records of a level search: each label improvement, with the one it extended. */
interface Labels {
  node: number[];
  edge: number[];
  prev: number[];
  day: number[];
  level: number[];
}

interface LevelResult {
  labels: Labels;
  /** The target's label improvements, in order (each strictly earlier than the one before). */
  targetRecords: number[];
}

/**
 * Hop-level search from `s` towards `t`. Forward (sign 1) on outgoing arcs with days as they are;
 * backward (sign -1) on incoming arcs with days negated, which turns latest departure into earliest
 * arrival on the reversed graph. `firstOnly` stops after the first level that reaches t (fewest links).
 * Tie-breaks: nodes of a level in index order, arcs in (head id, link id) order, strict improvement
 * only, so the first of equal labels in id order is kept.
 */
function levelSearch(
  g: TemporalGraph,
  sign: 1 | -1,
  s: number,
  t: number,
  start: number,
  end: number,
  maxLength: number,
  mask: Uint8Array,
  firstOnly: boolean,
): LevelResult {
  const n = g.n;
  const offsets = sign === 1 ? g.outOffsets : g.inOffsets;
  const other = sign === 1 ? g.outHead : g.inTail;
  const arcEdge = sign === 1 ? g.outEdge : g.inEdge;
  const lo = sign === 1 ? g.edgeLo : g.edgeHi;
  const hi = sign === 1 ? g.edgeHi : g.edgeLo;
  const labels: Labels = { node: [s], edge: [-1], prev: [-1], day: [start], level: [0] };
  const targetRecords: number[] = [];
  const best = new Float64Array(n).fill(Infinity);
  const bestRec = new Int32Array(n).fill(-1);
  const touched = new Uint8Array(n);
  best[s] = start;
  bestRec[s] = 0;
  let frontier: number[] = [s];
  for (let level = 1; level <= maxLength && frontier.length > 0; level++) {
    const fDay = frontier.map((u) => best[u]);
    const fRec = frontier.map((u) => bestRec[u]);
    const next: number[] = [];
    for (let i = 0; i < frontier.length; i++) {
      const u = frontier[i];
      const tau = fDay[i];
      for (let j = offsets[u], stop = offsets[u + 1]; j < stop; j++) {
        const e = arcEdge[j];
        if (!mask[e]) continue;
        const l = sign * lo[e];
        const day = tau > l ? tau : l;
        if (day > sign * hi[e] || day > end) continue;
        const w = other[j];
        if (day >= best[w] || (t >= 0 && day >= best[t])) continue;
        const r = labels.node.length;
        labels.node.push(w);
        labels.edge.push(e);
        labels.prev.push(fRec[i]);
        labels.day.push(day);
        labels.level.push(level);
        best[w] = day;
        bestRec[w] = r;
        if (w === t) targetRecords.push(r);
        if (!touched[w]) {
          touched[w] = 1;
          next.push(w);
        }
      }
    }
    for (const w of next) touched[w] = 0;
    if (firstOnly && targetRecords.length > 0) break;
    frontier = next.sort((a, b) => a - b);
  }
  return { labels, targetRecords };
}

/** The nodes and links of the label chain ending at record r, from its search's source on. */
function chain(labels: Labels, r: number): { nodes: number[]; edges: number[] } {
  const nodes: number[] = [];
  const edges: number[] = [];
  for (let x = r; x >= 0; x = labels.prev[x]) {
    nodes.push(labels.node[x]);
    if (labels.edge[x] >= 0) edges.push(labels.edge[x]);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}

/**
 * Dates the links of a path: each step on the earliest day it can be passed, no earlier than the
 * step before it (or `start` for the first). Undated steps (days -Infinity) take the day of the
 * next dated step, else of the last one before, else null.
 */
export function datePath(g: TemporalGraph, nodes: number[], edges: number[], start: number): TemporalPath {
  const days: number[] = [];
  let tau = start;
  for (const e of edges) {
    const l = g.edgeLo[e];
    tau = tau > l ? tau : l;
    if (tau > g.edgeHi[e]) throw new Error(`internal: link ${g.edgeIds[e]} is not passable on the path's dates`);
    days.push(tau);
  }
  let nextFinite: number | null = null;
  const dates: Array<number | null> = new Array<number | null>(days.length).fill(null);
  for (let i = days.length - 1; i >= 0; i--) {
    if (Number.isFinite(days[i])) nextFinite = days[i];
    dates[i] = Number.isFinite(days[i]) ? days[i] : nextFinite;
  }
  let lastFinite: number | null = null;
  for (let i = 0; i < dates.length; i++) {
    if (dates[i] === null) dates[i] = lastFinite;
    else lastFinite = dates[i];
  }
  const steps = edges.map((e, i) => ({ from: g.ids[nodes[i]], to: g.ids[nodes[i + 1]], edge: g.edgeIds[e], edgeIndex: e, date: dates[i] }));
  const departure = dates.length > 0 ? dates[0] : null;
  const arrival = dates.length > 0 ? dates[dates.length - 1] : null;
  return { departure, arrival, duration: departure !== null && arrival !== null ? arrival - departure : 0, steps };
}

interface Query {
  s: number;
  t: number;
  start: number;
  end: number;
  maxLength: number;
  mask: Uint8Array;
}

/**
 * EARLIEST_ARRIVAL: the earliest arrival, then the fewest links among the paths arriving then.
 * A Dijkstra finds the arrival day T first; every path within [start, T] arrives on T, so the
 * level search bounded by T stops at the first level that reaches the target. Only when that level
 * is beyond maxLength does the unbounded level search decide (its last improvement of the target).
 */
function earliestArrivalPath(g: TemporalGraph, q: Query): TemporalPath | null {
  const arrival = earliestArrivals(g, q.s, q.start, q.end, q.mask, q.t).arrival[q.t];
  if (arrival === Infinity) return null;
  let found = levelSearch(g, 1, q.s, q.t, q.start, arrival, q.maxLength, q.mask, true);
  if (found.targetRecords.length === 0) found = levelSearch(g, 1, q.s, q.t, q.start, q.end, q.maxLength, q.mask, false);
  const { labels, targetRecords } = found;
  if (targetRecords.length === 0) return null;
  const { nodes, edges } = chain(labels, targetRecords[targetRecords.length - 1]);
  return datePath(g, nodes, edges, q.start);
}

/** SHORTEST: the fewest links; among those, the earliest arrival. */
function shortestPath(g: TemporalGraph, q: Query): TemporalPath | null {
  const { labels, targetRecords } = levelSearch(g, 1, q.s, q.t, q.start, q.end, q.maxLength, q.mask, true);
  if (targetRecords.length === 0) return null;
  const { nodes, edges } = chain(labels, targetRecords[targetRecords.length - 1]);
  return datePath(g, nodes, edges, q.start);
}

/** LATEST_DEPARTURE: the latest departure, then the fewest links; as EARLIEST_ARRIVAL, backwards. */
function latestDeparturePath(g: TemporalGraph, q: Query): TemporalPath | null {
  const negDeparture = earliestArrivals(g, q.t, -q.end, -q.start, q.mask, q.s, -1).arrival[q.s];
  if (negDeparture === Infinity) return null;
  let found = levelSearch(g, -1, q.t, q.s, -q.end, negDeparture, q.maxLength, q.mask, true);
  if (found.targetRecords.length === 0) found = levelSearch(g, -1, q.t, q.s, -q.end, -q.start, q.maxLength, q.mask, false);
  const { labels, targetRecords } = found;
  if (targetRecords.length === 0) return null;
  const r = targetRecords[targetRecords.length - 1];
  const departure = -labels.day[r];
  const { nodes, edges } = chain(labels, r); // the backward search's order: t ... s
  return datePath(g, nodes.reverse(), edges.reverse(), departure);
}

/**
 * FASTEST: the least arrival - departure; then the fewest links; then the earliest departure.
 * The best departure day is one of the "key days" (start, and every first or last day of a link);
 * from each candidate day d the earliest-arrival path with fewest links leaving on or after d is
 * found, and the best of those is the answer (docs/time.md has the argument).
 */
function fastestPath(g: TemporalGraph, q: Query): TemporalPath | null {
  let minLo = Infinity;
  let maxHi = -Infinity;
  for (let j = g.outOffsets[q.s]; j < g.outOffsets[q.s + 1]; j++) {
    const e = g.outEdge[j];
    if (!q.mask[e]) continue;
    minLo = Math.min(minLo, g.edgeLo[e]);
    maxHi = Math.max(maxHi, g.edgeHi[e]);
  }
  if (minLo === Infinity) return null;
  const lower = Math.max(q.start, minLo);
  const upper = Math.min(q.end, maxHi);
  if (lower > upper) return null; // no link from the source is passable within [start, end]
  const keys = new Set<number>([lower]);
  for (let e = 0; e < g.m; e++) {
    if (!q.mask[e]) continue;
    for (const d of [g.edgeLo[e], g.edgeHi[e]]) if (Number.isFinite(d) && d > lower && d <= upper) keys.add(d);
  }
  let best: TemporalPath | null = null;
  for (const d of [...keys].sort((a, b) => a - b)) {
    const p = earliestArrivalPath(g, { ...q, start: d });
    if (p === null) break; // leaving later cannot reach t either
    if (best === null || better(p, best)) best = p;
  }
  return best;
}

function better(p: TemporalPath, q: TemporalPath): boolean {
  if (p.duration !== q.duration) return p.duration < q.duration;
  if (p.steps.length !== q.steps.length) return p.steps.length < q.steps.length;
  return (p.departure ?? -Infinity) < (q.departure ?? -Infinity);
}

/**
 * The time-respecting path from `from` to `to` of the given mode (default EARLIEST_ARRIVAL), or
 * null when there is none. A path from a node to itself is null (no steps, no dates).
 */
export function timeRespectingPath(g: TemporalGraph, from: string, to: string, opts?: TemporalPathOptions): TemporalPath | null {
  const s = nodeIndex(g, from);
  const t = nodeIndex(g, to);
  const maxLength = opts?.maxLength ?? Infinity;
  if (s === t || maxLength < 1) return null;
  const q: Query = { s, t, start: opts?.start ?? -Infinity, end: opts?.end ?? Infinity, maxLength, mask: passableMask(g, opts) };
  if (q.start > q.end) return null;
  switch (opts?.mode ?? 'EARLIEST_ARRIVAL') {
    case 'EARLIEST_ARRIVAL':
      return earliestArrivalPath(g, q);
    case 'SHORTEST':
      return shortestPath(g, q);
    case 'LATEST_DEPARTURE':
      return latestDeparturePath(g, q);
    case 'FASTEST':
      return fastestPath(g, q);
  }
}

/** Same as timeRespectingPath, as the list the API answers (empty or one path). */
export function timeRespectingPaths(g: TemporalGraph, from: string, to: string, opts?: TemporalPathOptions): TemporalPath[] {
  const p = timeRespectingPath(g, from, to, opts);
  return p ? [p] : [];
}
