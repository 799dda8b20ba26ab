/**
 * The analysis graph and its compressed index (CSR: compressed sparse rows).
 *
 * Every algorithm works on an undirected simple graph: parallel edges are merged (weights summed)
 * and self-loops dropped. Hot loops run on the CSR index with integer node indices and typed
 * arrays; the index holds nothing but typed arrays and numbers, so it can be transferred to a
 * worker thread without copying (see ../pool).
 */
import { UndirectedGraph } from 'graphology';

export interface AnalysisEdge {
  source: string;
  target: string;
  weight?: number;
}

/** An undirected graph as the service builds it: node ids and edges between them. */
export interface AnalysisGraph {
  nodes: string[];
  edges: AnalysisEdge[];
}

export type LinkAttributes = { weight: number };
export type Graph = UndirectedGraph<Record<string, unknown>, LinkAttributes>;

/** The compressed index: nodes are 0..n-1. */
export interface Csr {
  n: number;
  /** Neighbours of i are adj[offsets[i] .. offsets[i+1]). */
  offsets: Int32Array;
  adj: Int32Array;
  /** Unique undirected edges (a < b) with merged weights. */
  edgeA: Int32Array;
  edgeB: Int32Array;
  edgeW: Float64Array;
  m: number;
}

/** A CSR index with the node ids it was built from (index i is node ids[i]). */
export interface IndexedCsr extends Csr {
  ids: string[];
  indexOf: Map<string, number>;
}

/** Builds the CSR index; duplicate node ids count once, an edge to an unknown node is an error. */
export function buildCsr(g: AnalysisGraph): IndexedCsr {
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
    // Copies (not views) so that each array owns exactly its buffer and can be transferred alone.
    edgeA: edgeA.slice(0, m),
    edgeB: edgeB.slice(0, m),
    edgeW: edgeW.slice(0, m),
    m,
  };
}

/**
 * The graphology key of node i in the graphs the algorithms build: its index as a string, whatever
 * the ids. So neighbours iterate in index order (graphology keeps them in objects keyed by node key)
 * and an algorithm computes the same floating-point figures in a worker, which has no ids, as here.
 */
export function nodeKey(i: number): string {
  return String(i);
}

/** A graphology graph of the index (only the nodes with keep[i] set, when given), in index order. */
export function graphFromCsr(csr: Csr, keep?: Uint8Array, key: (i: number) => string = nodeKey): Graph {
  const graph: Graph = new UndirectedGraph<Record<string, unknown>, LinkAttributes>({ allowSelfLoops: false });
  for (let i = 0; i < csr.n; i++) if (!keep || keep[i]) graph.addNode(key(i));
  for (let e = 0; e < csr.m; e++) {
    const a = csr.edgeA[e];
    const b = csr.edgeB[e];
    if (keep && !(keep[a] && keep[b])) continue;
    graph.addEdge(key(a), key(b), { weight: csr.edgeW[e] });
  }
  return graph;
}

/** graphology UndirectedGraph keyed by node id, parallel edges merged (weights summed), self-loops dropped. */
export function buildGraph(g: AnalysisGraph): Graph {
  const csr = buildCsr(g);
  return graphFromCsr(csr, undefined, (i) => csr.ids[i]);
}

/** Per-index values of a graphology result keyed by node key (missing keys get `fallback`). */
export function valuesByIndex(csr: Csr, rec: Record<string, number>, fallback = 0): Float64Array {
  const out = new Float64Array(csr.n);
  for (let i = 0; i < csr.n; i++) out[i] = rec[nodeKey(i)] ?? fallback;
  return out;
}

/** Per-index values as a map from node id. */
export function toMap(ids: readonly string[], values: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) out.set(ids[i], values[i]);
  return out;
}
