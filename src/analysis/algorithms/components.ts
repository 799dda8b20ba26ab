/** Connected components by breadth-first search on the CSR index. */
import { AnalysisGraph, buildCsr, Csr } from './csr';

/** Connected components as index lists (each ascending), largest first, ties by first node. */
export function componentIndices(csr: Csr): Int32Array[] {
  const { n, offsets, adj } = csr;
  const comp = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const comps: Int32Array[] = [];
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue;
    const c = comps.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    comp[s] = c;
    while (head < tail) {
      const v = queue[head++];
      for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
        const w = adj[j];
        if (comp[w] === -1) {
          comp[w] = c;
          queue[tail++] = w;
        }
      }
    }
    comps.push(queue.slice(0, tail).sort());
  }
  // Array.prototype.sort is stable: equal sizes keep the order of their first node.
  return comps.sort((x, y) => y.length - x.length);
}

/** Component number of every node: 0 for the largest component, then by size (ties by first node). */
export function componentLabels(csr: Csr): Int32Array {
  const labels = new Int32Array(csr.n);
  componentIndices(csr).forEach((members, c) => {
    for (let i = 0; i < members.length; i++) labels[members[i]] = c;
  });
  return labels;
}

/**
 * Connected components (node lists in input order), largest first. Own BFS on the CSR index:
 * graphology-components is not a dependency and would need the (slow to build) graphology graph.
 */
export function connectedComponents(g: AnalysisGraph): string[][] {
  const csr = buildCsr(g);
  return componentIndices(csr).map((c) => Array.from(c, (i) => csr.ids[i]));
}
