/** Closeness centrality (Wasserman–Faust), exact or sampled. */
import closenessLib from 'graphology-metrics/centrality/closeness';
import { AnalysisGraph, buildCsr, Csr, graphFromCsr, toMap, valuesByIndex } from './csr';
import { DEFAULT_SEED } from './prng';
import { resolveSampleSize, samplePivots, SamplingOptions } from './sampling';

/**
 * Unweighted closeness like networkx (wf_improved=True): (r/T)·(r/(n-1)) with r reachable nodes
 * at total distance T. Exact: graphology-metrics (wassermanFaust). With sampleSize < n: distances
 * from k pivots only, r and T both estimated from the pivots that are not the node itself.
 */
export function closenessScores(csr: Csr, opts?: SamplingOptions): Float64Array {
  const k = resolveSampleSize(opts, csr.n);
  if (k === null) {
    const result = closenessLib(graphFromCsr(csr), { wassermanFaust: true });
    return valuesByIndex(csr, result);
  }
  // Own code: graphology-metrics has no source sampling.
  return sampledCloseness(csr, samplePivots(csr.n, k, opts?.seed ?? DEFAULT_SEED));
}

export function closenessCentrality(g: AnalysisGraph, opts?: SamplingOptions): Map<string, number> {
  const csr = buildCsr(g);
  return toMap(csr.ids, closenessScores(csr, opts));
}

/** Closeness estimated from breadth-first searches out of the given pivots. */
export function sampledCloseness(csr: Csr, pivots: Int32Array): Float64Array {
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
