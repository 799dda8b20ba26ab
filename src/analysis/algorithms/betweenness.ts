/** Shortest-path betweenness centrality, exact or sampled. */
import betweennessLib from 'graphology-metrics/centrality/betweenness';
import { AnalysisGraph, buildCsr, Csr, graphFromCsr, toMap, valuesByIndex } from './csr';
import { DEFAULT_SEED } from './prng';
import { resolveSampleSize, samplePivots, SamplingOptions } from './sampling';

/**
 * Unweighted shortest-path betweenness, normalised like networkx (1/((n-1)(n-2)) over ordered pairs).
 * Exact: graphology-metrics. With sampleSize < n: Brandes-Pich pivot sampling, rescaled like
 * networkx's `k` (pivot nodes by 1/((k-1)(n-2)), others by 1/(k(n-2))).
 */
export function betweennessScores(csr: Csr, opts?: SamplingOptions): Float64Array {
  const k = resolveSampleSize(opts, csr.n);
  if (k === null) {
    const result = betweennessLib(graphFromCsr(csr), { getEdgeWeight: null, normalized: true });
    return valuesByIndex(csr, result);
  }
  // Own code: graphology-metrics has no source sampling.
  return sampledBetweenness(csr, samplePivots(csr.n, k, opts?.seed ?? DEFAULT_SEED));
}

export function betweennessCentrality(g: AnalysisGraph, opts?: SamplingOptions): Map<string, number> {
  const csr = buildCsr(g);
  return toMap(csr.ids, betweennessScores(csr, opts));
}

/** Brandes' dependency accumulation from the given pivots only, rescaled like networkx's `k`. */
export function sampledBetweenness(csr: Csr, pivots: Int32Array): Float64Array {
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
