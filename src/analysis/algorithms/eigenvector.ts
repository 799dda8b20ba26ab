/** Eigenvector centrality on the largest connected component. */
import eigenvectorLib from 'graphology-metrics/centrality/eigenvector';
import { componentIndices } from './components';
import { AnalysisGraph, buildCsr, Csr, graphFromCsr, toMap, valuesByIndex } from './csr';
import { POWER_MAX_ITERATIONS, POWER_TOLERANCE } from './power';

/**
 * Unweighted eigenvector centrality on the largest connected component, networkx semantics
 * (power iteration on A+I from 1/n, Euclidean normalisation, L1 error < n·1e-6) — graphology-metrics
 * iterates exactly that; nodes outside the largest component score 0.
 */
export function eigenvectorScores(csr: Csr): Float64Array {
  if (csr.n === 0) return new Float64Array(0);
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
  return valuesByIndex(csr, result, 0);
}

export function eigenvectorCentrality(g: AnalysisGraph): Map<string, number> {
  const csr = buildCsr(g);
  return toMap(csr.ids, eigenvectorScores(csr));
}
