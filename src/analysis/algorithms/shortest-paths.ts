/** All (or one) shortest paths by hop count between two nodes. */
import { AnalysisGraph, buildCsr } from './csr';

export interface ShortestPathOptions {
  /** Longest path to look for, in hops (default unlimited). */
  maxLength?: number;
  /** Every shortest path (up to maxPaths) instead of one. */
  all?: boolean;
  /** Cap on the paths returned when `all` is set (default 100). */
  maxPaths?: number;
}

/**
 * Shortest paths by hop count as node sequences (own BFS: graphology-shortest-path has neither
 * all-shortest-paths enumeration nor a depth limit). all=true returns every shortest path up to
 * maxPaths (default 100); [] when `to` is not reachable within maxLength hops.
 */
export function shortestPaths(g: AnalysisGraph, from: string, to: string, opts?: ShortestPathOptions): string[][] {
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
