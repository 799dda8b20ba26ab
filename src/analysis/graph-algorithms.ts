/**
 * Pure graph algorithms over an undirected simple graph, matching networkx 3.6 defaults
 * (see data/networks/README.md for the conventions).
 *
 * Parallel edges are merged (weights summed) and self-loops dropped. Hot loops run on a
 * compressed adjacency (CSR) with integer node indices and typed arrays.
 */
import { UndirectedGraph } from 'graphology';
import louvainLib from 'graphology-communities-louvain';
import betweennessLib from 'graphology-metrics/centrality/betweenness';
import closenessLib from 'graphology-metrics/centrality/closeness';
import eigenvectorLib from 'graphology-metrics/centrality/eigenvector';
import pagerankLib from 'graphology-metrics/centrality/pagerank';

export interface AnalysisEdge {
  source: string;
  target: string;
  weight?: number;
}

export interface AnalysisGraph {
  nodes: string[];
  edges: AnalysisEdge[];
}

export type LinkAttributes = { weight: number };
export type Graph = UndirectedGraph<Record<string, unknown>, LinkAttributes>;

export interface SamplingOptions {
  /** Number of pivot sources; when set and smaller than n, an approximation is computed. */
  sampleSize?: number;
  /** Seed of the PRNG choosing the pivots (default DEFAULT_SEED). */
  seed?: number;
}

export const DEFAULT_SEED = 42;
/** Iteration cap for power iterations (networkx uses 100; converging runs stop at the same step). */
const POWER_MAX_ITERATIONS = 1000;
const POWER_TOLERANCE = 1e-6;

/** Small seeded PRNG (mulberry32), uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Compressed index
// ---------------------------------------------------------------------------------------------

interface Csr {
  n: number;
  ids: string[];
  indexOf: Map<string, number>;
  /** Neighbours of i are adj[offsets[i] .. offsets[i+1]). */
  offsets: Int32Array;
  adj: Int32Array;
  /** Unique undirected edges (a < b) with merged weights. */
  edgeA: Int32Array;
  edgeB: Int32Array;
  edgeW: Float64Array;
  m: number;
}

function buildCsr(g: AnalysisGraph): Csr {
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  for (const v of g.nodes) {
    if (!indexOf.has(v)) {
      indexOf.set(v, ids.length);
      ids.push(v);
    }
  }
  const n = ids.length;
  const cap = g.edges.length;
  const edgeA = new Int32Array(cap);
  const edgeB = new Int32Array(cap);
  const edgeW = new Float64Array(cap);
  const pairs = new Map<number, number>();
  let m = 0;
  for (const e of g.edges) {
    const s = indexOf.get(e.source);
    const t = indexOf.get(e.target);
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? e.source : e.target;
      throw new Error(`edge ${JSON.stringify(e.source)} - ${JSON.stringify(e.target)} references unknown node ${JSON.stringify(missing)}`);
    }
    if (s === t) continue; // self-loops dropped
    const a = s < t ? s : t;
    const b = s < t ? t : s;
    const key = a * n + b; // < 2^53 for any realistic n
    const w = e.weight ?? 1;
    const k = pairs.get(key);
    if (k === undefined) {
      pairs.set(key, m);
      edgeA[m] = a;
      edgeB[m] = b;
      edgeW[m] = w;
      m++;
    } else {
      edgeW[k] += w;
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[edgeA[e] + 1]++;
    offsets[edgeB[e] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const adj = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    adj[fill[edgeA[e]]++] = edgeB[e];
    adj[fill[edgeB[e]]++] = edgeA[e];
  }
  return {
    n,
    ids,
    indexOf,
    offsets,
    adj,
    edgeA: edgeA.subarray(0, m),
    edgeB: edgeB.subarray(0, m),
    edgeW: edgeW.subarray(0, m),
    m,
  };
}

function graphFromCsr(csr: Csr, keep?: Uint8Array): Graph {
  const graph: Graph = new UndirectedGraph<Record<string, unknown>, LinkAttributes>({ allowSelfLoops: false });
  for (let i = 0; i < csr.n; i++) if (!keep || keep[i]) graph.addNode(csr.ids[i]);
  for (let e = 0; e < csr.m; e++) {
    const a = csr.edgeA[e];
    const b = csr.edgeB[e];
    if (keep && !(keep[a] && keep[b])) continue;
    graph.addEdge(csr.ids[a], csr.ids[b], { weight: csr.edgeW[e] });
  }
  return graph;
}

function toMap(ids: string[], values: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) out.set(ids[i], values[i]);
  return out;
}

function recordToMap(ids: string[], rec: Record<string, number>, fallback = 0): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of ids) out.set(id, rec[id] ?? fallback);
  return out;
}

/** Connected components as index lists (each ascending), largest first, ties by first node. */
function componentIndices(csr: Csr): Int32Array[] {
  const { n, offsets, adj } = csr;
  const comp = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const comps: Int32Array[] = [];
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue;
    const c = comps.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    comp[s] = c;
    while (head < tail) {
      const v = queue[head++];
      for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
        const w = adj[j];
        if (comp[w] === -1) {
          comp[w] = c;
          queue[tail++] = w;
        }
      }
    }
    comps.push(queue.slice(0, tail).sort());
  }
  // Array.prototype.sort is stable: equal sizes keep the order of their first node.
  return comps.sort((x, y) => y.length - x.length);
}

/** k distinct pivots out of n by a partial Fisher-Yates shuffle. */
function samplePivots(n: number, k: number, seed: number): Int32Array {
  const rng = mulberry32(seed);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.slice(0, k);
}

/** Number of pivots to sample, or null for the exact computation. */
function resolveSampleSize(opts: SamplingOptions | undefined, n: number): number | null {
  const k = opts?.sampleSize;
  if (k === undefined) return null;
  if (!Number.isFinite(k) || k < 1) throw new RangeError(`sampleSize must be a positive integer, got ${k}`);
  const kk = Math.floor(k);
  return kk >= n ? null : kk;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** graphology UndirectedGraph with parallel edges merged (weights summed) and self-loops dropped. */
export function buildGraph(g: AnalysisGraph): Graph {
  return graphFromCsr(buildCsr(g));
}

/** Number of distinct neighbours (own CSR count: networkx counts self-loops twice, the convention does not). */
export function degreeCentrality(g: AnalysisGraph): Map<string, number> {
  const csr = buildCsr(g);
  const deg = new Int32Array(csr.n);
  for (let i = 0; i < csr.n; i++) deg[i] = csr.offsets[i + 1] - csr.offsets[i];
  return toMap(csr.ids, deg);
}

/**
 * Unweighted shortest-path betweenness, normalised like networkx (1/((n-1)(n-2)) over ordered pairs).
 * Exact: graphology-metrics. With sampleSize < n: Brandes-Pich pivot sampling, rescaled like
 * networkx's `k` (pivot nodes by 1/((k-1)(n-2)), others by 1/(k(n-2))).
 */
export function betweennessCentrality(g: AnalysisGraph, opts?: SamplingOptions): Map<string, number> {
  const csr = buildCsr(g);
  const k = resolveSampleSize(opts, csr.n);
  if (k === null) {
    const result = betweennessLib(graphFromCsr(csr), { getEdgeWeight: null, normalized: true });
    return recordToMap(csr.ids, result);
  }
  // Own code: graphology-metrics has no source sampling.
  return toMap(csr.ids, sampledBetweenness(csr, samplePivots(csr.n, k, opts?.seed ?? DEFAULT_SEED)));
}

function sampledBetweenness(csr: Csr, pivots: Int32Array): Float64Array {
  const { n, offsets, adj } = csr;
  const bc = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (let p = 0; p < pivots.length; p++) {
    const s = pivots[p];
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++];
      const dn = dist[v] + 1;
      const sv = sigma[v];
      for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
        const w = adj[j];
        if (dist[w] < 0) {
          dist[w] = dn;
          order[tail++] = w;
        }
        if (dist[w] === dn) sigma[w] += sv;
      }
    }
    // Dependency accumulation in reverse BFS order; predecessors are neighbours one level up.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      const dp = dist[w] - 1;
      const coeff = (1 + delta[w]) / sigma[w];
      for (let j = offsets[w], end = offsets[w + 1]; j < end; j++) {
        const v = adj[j];
        if (dist[v] === dp) delta[v] += sigma[v] * coeff;
      }
      bc[w] += delta[w];
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  const N = n - 1; // endpoints excluded
  if (N < 2) return bc.fill(0);
  const k = pivots.length;
  // networkx gives NaN for the pivot itself when k = 1 (no data); 0 is returned instead.
  const scalePivot = k > 1 ? 1 / ((k - 1) * (N - 1)) : 0;
  const scaleOther = 1 / (k * (N - 1));
  const isPivot = new Uint8Array(n);
  for (let p = 0; p < k; p++) isPivot[pivots[p]] = 1;
  for (let v = 0; v < n; v++) bc[v] *= isPivot[v] ? scalePivot : scaleOther;
  return bc;
}

/**
 * Unweighted closeness like networkx (wf_improved=True): (r/T)·(r/(n-1)) with r reachable nodes
 * at total distance T. Exact: graphology-metrics (wassermanFaust). With sampleSize < n: distances
 * from k pivots only, r and T both estimated from the pivots that are not the node itself.
 */
export function closenessCentrality(g: AnalysisGraph, opts?: SamplingOptions): Map<string, number> {
  const csr = buildCsr(g);
  const k = resolveSampleSize(opts, csr.n);
  if (k === null) {
    const result = closenessLib(graphFromCsr(csr), { wassermanFaust: true });
    return recordToMap(csr.ids, result);
  }
  // Own code: graphology-metrics has no source sampling.
  return toMap(csr.ids, sampledCloseness(csr, samplePivots(csr.n, k, opts?.seed ?? DEFAULT_SEED)));
}

function sampledCloseness(csr: Csr, pivots: Int32Array): Float64Array {
  const { n, offsets, adj } = csr;
  const reached = new Int32Array(n);
  const total = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const isPivot = new Uint8Array(n);
  for (let p = 0; p < pivots.length; p++) {
    const s = pivots[p];
    isPivot[s] = 1;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    while (head < tail) {
      const v = order[head++];
      const dn = dist[v] + 1;
      for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
        const w = adj[j];
        if (dist[w] < 0) {
          dist[w] = dn;
          order[tail++] = w;
          reached[w]++;
          total[w] += dn;
        }
      }
    }
    for (let i = 0; i < tail; i++) dist[order[i]] = -1;
  }
  const out = new Float64Array(n);
  const k = pivots.length;
  for (let v = 0; v < n; v++) {
    const kv = isPivot[v] ? k - 1 : k; // pivots other than v itself
    if (total[v] > 0 && kv > 0) out[v] = (reached[v] / total[v]) * (reached[v] / kv);
  }
  return out;
}

/**
 * Unweighted PageRank with networkx semantics (uniform teleport, dangling mass spread uniformly,
 * L1 error < n·1e-6): graphology-metrics implements exactly this; sums to 1.
 */
export function pageRank(g: AnalysisGraph, opts?: { damping?: number }): Map<string, number> {
  const damping = opts?.damping ?? 0.85;
  if (!(damping >= 0 && damping < 1)) throw new RangeError(`damping must be in [0, 1), got ${damping}`);
  const csr = buildCsr(g);
  if (csr.n === 0) return new Map();
  const result = pagerankLib(graphFromCsr(csr), {
    alpha: damping,
    getEdgeWeight: null,
    maxIterations: POWER_MAX_ITERATIONS,
    tolerance: POWER_TOLERANCE,
  });
  return recordToMap(csr.ids, result);
}

/**
 * Unweighted eigenvector centrality on the largest connected component, networkx semantics
 * (power iteration on A+I from 1/n, Euclidean normalisation, L1 error < n·1e-6) — graphology-metrics
 * iterates exactly that; nodes outside the largest component score 0.
 */
export function eigenvectorCentrality(g: AnalysisGraph): Map<string, number> {
  const csr = buildCsr(g);
  if (csr.n === 0) return new Map();
  const largest = componentIndices(csr)[0];
  const keep = new Uint8Array(csr.n);
  for (let i = 0; i < largest.length; i++) keep[largest[i]] = 1;
  let result: Record<string, number>;
  try {
    result = eigenvectorLib(graphFromCsr(csr, keep), {
      getEdgeWeight: null,
      maxIterations: POWER_MAX_ITERATIONS,
      tolerance: POWER_TOLERANCE,
    });
  } catch (err) {
    throw new Error(`eigenvector centrality did not converge in ${POWER_MAX_ITERATIONS} iterations: ${(err as Error).message}`);
  }
  return recordToMap(csr.ids, result, 0);
}

/**
 * Connected components (node lists in input order), largest first. Own BFS on the CSR index:
 * graphology-components is not a dependency and would need the (slow to build) graphology graph.
 */
export function connectedComponents(g: AnalysisGraph): string[][] {
  const csr = buildCsr(g);
  return componentIndices(csr).map((c) => Array.from(c, (i) => csr.ids[i]));
}

/**
 * Louvain communities (graphology-communities-louvain seeded with mulberry32). Unweighted by default:
 * both the partition and the reported modularity ignore weights unless `weighted` is true.
 * Community ids are 0..k-1, numbered by first appearance in node order.
 */
export function louvain(
  g: AnalysisGraph,
  opts?: { seed?: number; weighted?: boolean },
): { modularity: number; communityOf: Map<string, number> } {
  const csr = buildCsr(g);
  const communityOf = new Map<string, number>();
  if (csr.m === 0) {
    // No edges: singletons, modularity undefined in networkx (division by zero); report 0.
    csr.ids.forEach((id, i) => communityOf.set(id, i));
    return { modularity: 0, communityOf };
  }
  const detailed = louvainLib.detailed(graphFromCsr(csr), {
    getEdgeWeight: opts?.weighted ? 'weight' : null,
    rng: mulberry32(opts?.seed ?? DEFAULT_SEED),
    resolution: 1,
  });
  const renumber = new Map<number, number>();
  for (const id of csr.ids) {
    const raw = detailed.communities[id];
    let c = renumber.get(raw);
    if (c === undefined) {
      c = renumber.size;
      renumber.set(raw, c);
    }
    communityOf.set(id, c);
  }
  return { modularity: detailed.modularity, communityOf };
}

/**
 * Shortest paths by hop count as node sequences (own BFS: graphology-shortest-path has neither
 * all-shortest-paths enumeration nor a depth limit). all=true returns every shortest path up to
 * maxPaths (default 100); [] when `to` is not reachable within maxLength hops.
 */
export function shortestPaths(
  g: AnalysisGraph,
  from: string,
  to: string,
  opts?: { maxLength?: number; all?: boolean; maxPaths?: number },
): string[][] {
  const csr = buildCsr(g);
  const s = csr.indexOf.get(from);
  const t = csr.indexOf.get(to);
  if (s === undefined) throw new Error(`unknown node ${JSON.stringify(from)}`);
  if (t === undefined) throw new Error(`unknown node ${JSON.stringify(to)}`);
  const maxLength = opts?.maxLength ?? Infinity;
  const maxPaths = opts?.all ? Math.max(0, Math.floor(opts.maxPaths ?? 100)) : 1;
  if (maxLength < 0 || maxPaths === 0) return [];
  if (s === t) return [[from]];

  const { n, offsets, adj } = csr;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  queue[tail++] = s;
  dist[s] = 0;
  search: while (head < tail) {
    const v = queue[head++];
    const dn = dist[v] + 1;
    if (dn > maxLength) break;
    for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
      const w = adj[j];
      if (dist[w] < 0) {
        dist[w] = dn;
        if (w === t) break search; // every node closer than t is already labelled
        queue[tail++] = w;
      }
    }
  }
  if (dist[t] < 0) return [];

  // Walk back from t through neighbours one level closer to s: an iterative depth-first
  // enumeration (no recursion, so long paths cannot overflow the stack), capped at maxPaths.
  // Every node at level d >= 1 has a neighbour at level d-1, so no branch is a dead end.
  const len = dist[t];
  const paths: string[][] = [];
  const nodeAt = new Int32Array(len + 1);
  const next = new Int32Array(len + 1);
  nodeAt[len] = t;
  next[len] = offsets[t];
  let d = len;
  while (d <= len && paths.length < maxPaths) {
    if (d === 0) {
      paths.push(Array.from(nodeAt, (i) => csr.ids[i]));
      d = 1;
      continue;
    }
    const v = nodeAt[d];
    const end = offsets[v + 1];
    let descended = false;
    while (next[d] < end) {
      const u = adj[next[d]++];
      if (dist[u] === d - 1) {
        nodeAt[d - 1] = u;
        next[d - 1] = offsets[u];
        d--;
        descended = true;
        break;
      }
    }
    if (!descended) d++;
  }
  return paths;
}

/**
 * Co-attendance projection of a two-mode network: persons linked when they attended a common
 * event, weight = number of common events (repeated attendance records count once).
 */
export function coAttendanceProjection(
  persons: string[],
  attendance: Array<{ person: string; event: string }>,
): AnalysisGraph {
  const indexOf = new Map<string, number>();
  const nodes: string[] = [];
  for (const p of persons) {
    if (!indexOf.has(p)) {
      indexOf.set(p, nodes.length);
      nodes.push(p);
    }
  }
  const n = nodes.length;
  const attendees = new Map<string, Set<number>>();
  for (const { person, event } of attendance) {
    const i = indexOf.get(person);
    if (i === undefined) throw new Error(`attendance references unknown person ${JSON.stringify(person)}`);
    let set = attendees.get(event);
    if (!set) {
      set = new Set<number>();
      attendees.set(event, set);
    }
    set.add(i);
  }
  const weights = new Map<number, number>();
  for (const set of attendees.values()) {
    const list = Int32Array.from(set).sort();
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x] * n + list[y];
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  const keys = Array.from(weights.keys()).sort((p, q) => p - q);
  const edges = keys.map((key) => ({
    source: nodes[Math.floor(key / n)],
    target: nodes[key % n],
    weight: weights.get(key) ?? 0,
  }));
  return { nodes, edges };
}
