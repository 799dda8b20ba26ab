import modularity from 'graphology-metrics/graph/modularity';
import { AnalysisGraph, buildGraph } from './graph-algorithms';

/** Newman modularity of a given partition (unweighted), e.g. of connected components. */
export function partitionModularity(g: AnalysisGraph, communityOf: Map<string, number>): number {
  if (g.edges.length === 0) return 0;
  const graph = buildGraph(g);
  return modularity(graph, { getNodeCommunity: (node: string) => communityOf.get(node) ?? -1, getEdgeWeight: null });
}
