/** Degree centrality: the number of distinct neighbours. */
import { AnalysisGraph, buildCsr, Csr, toMap } from './csr';

/**
 * Number of distinct neighbours of each node (own CSR count: networkx counts self-loops twice,
 * the convention here drops them).
 */
export function degreeScores(csr: Csr): Float64Array {
  const deg = new Float64Array(csr.n);
  for (let i = 0; i < csr.n; i++) deg[i] = csr.offsets[i + 1] - csr.offsets[i];
  return deg;
}

export function degreeCentrality(g: AnalysisGraph): Map<string, number> {
  const csr = buildCsr(g);
  return toMap(csr.ids, degreeScores(csr));
}
