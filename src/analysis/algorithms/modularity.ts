/** Newman modularity of a given partition. */
import modularityLib from 'graphology-metrics/graph/modularity';
import { AnalysisGraph, buildCsr, Csr, graphFromCsr, nodeKey } from './csr';

/** Unweighted modularity of the partition `labels` (per node index); 0 without edges. */
export function labelsModularity(csr: Csr, labels: Int32Array): number {
  if (csr.m === 0) return 0;
  const labelOf = new Map<string, number>();
  for (let i = 0; i < csr.n; i++) labelOf.set(nodeKey(i), labels[i]);
  return modularityLib(graphFromCsr(csr), { getNodeCommunity: (node: string) => labelOf.get(node) ?? -1, getEdgeWeight: null });
}

/** Newman modularity of a given partition (unweighted), e.g. of connected components. */
export function partitionModularity(g: AnalysisGraph, communityOf: Map<string, number>): number {
  if (g.edges.length === 0) return 0;
  const csr = buildCsr(g);
  return labelsModularity(
    csr,
    Int32Array.from(csr.ids, (id) => communityOf.get(id) ?? -1),
  );
}
