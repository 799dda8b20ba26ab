/** Louvain community detection (graphology-communities-louvain, seeded). */
import louvainLib from 'graphology-communities-louvain';
import { AnalysisGraph, buildCsr, Csr, graphFromCsr, nodeKey } from './csr';
import { DEFAULT_SEED, mulberry32 } from './prng';

export interface LouvainOptions {
  /** Seed of the PRNG (default DEFAULT_SEED): the same seed gives the same partition. */
  seed?: number;
  /** Use link weights for the partition and the modularity (default false). */
  weighted?: boolean;
}

/** A partition: community label per node index (0..k-1) and its modularity. */
export interface Partition {
  labels: Int32Array;
  modularity: number;
}

/**
 * Louvain communities seeded with mulberry32. Unweighted by default: both the partition and the
 * reported modularity ignore weights unless `weighted` is true. Labels are 0..k-1, numbered by
 * first appearance in node order.
 */
export function louvainPartition(csr: Csr, opts?: LouvainOptions): Partition {
  const labels = new Int32Array(csr.n);
  if (csr.m === 0) {
    // No edges: singletons, modularity undefined in networkx (division by zero); report 0.
    for (let i = 0; i < csr.n; i++) labels[i] = i;
    return { labels, modularity: 0 };
  }
  const detailed = louvainLib.detailed(graphFromCsr(csr), {
    getEdgeWeight: opts?.weighted ? 'weight' : null,
    rng: mulberry32(opts?.seed ?? DEFAULT_SEED),
    resolution: 1,
  });
  const renumber = new Map<number, number>();
  for (let i = 0; i < csr.n; i++) {
    const raw = detailed.communities[nodeKey(i)];
    let c = renumber.get(raw);
    if (c === undefined) {
      c = renumber.size;
      renumber.set(raw, c);
    }
    labels[i] = c;
  }
  return { labels, modularity: detailed.modularity };
}

export function louvain(g: AnalysisGraph, opts?: LouvainOptions): { modularity: number; communityOf: Map<string, number> } {
  const csr = buildCsr(g);
  const { labels, modularity } = louvainPartition(csr, opts);
  const communityOf = new Map<string, number>();
  csr.ids.forEach((id, i) => communityOf.set(id, labels[i]));
  return { modularity, communityOf };
}
