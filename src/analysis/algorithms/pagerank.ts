/** PageRank with networkx's semantics. */
import pagerankLib from 'graphology-metrics/centrality/pagerank';
import { AnalysisGraph, buildCsr, Csr, graphFromCsr, toMap, valuesByIndex } from './csr';
import { POWER_MAX_ITERATIONS, POWER_TOLERANCE } from './power';

export interface PageRankOptions {
  /** Probability of following a link rather than teleporting (default 0.85). */
  damping?: number;
}

/**
 * Unweighted PageRank with networkx semantics (uniform teleport, dangling mass spread uniformly,
 * L1 error < n·1e-6): graphology-metrics implements exactly this; sums to 1.
 */
export function pageRankScores(csr: Csr, opts?: PageRankOptions): Float64Array {
  const damping = opts?.damping ?? 0.85;
  if (!(damping >= 0 && damping < 1)) throw new RangeError(`damping must be in [0, 1), got ${damping}`);
  if (csr.n === 0) return new Float64Array(0);
  const result = pagerankLib(graphFromCsr(csr), {
    alpha: damping,
    getEdgeWeight: null,
    maxIterations: POWER_MAX_ITERATIONS,
    tolerance: POWER_TOLERANCE,
  });
  return valuesByIndex(csr, result);
}

export function pageRank(g: AnalysisGraph, opts?: PageRankOptions): Map<string, number> {
  const damping = opts?.damping ?? 0.85;
  if (!(damping >= 0 && damping < 1)) throw new RangeError(`damping must be in [0, 1), got ${damping}`);
  const csr = buildCsr(g);
  return toMap(csr.ids, pageRankScores(csr, opts));
}
