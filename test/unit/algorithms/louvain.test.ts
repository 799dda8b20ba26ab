import { buildCsr, louvain, louvainPartition } from '../../../src/analysis/algorithms';
import { graph, twoTriangles } from './fixtures';

describe('louvain', () => {
  it('finds the two triangles joined by one link: Q = 2 (3/7 - (7/14)^2) = 5/14', () => {
    const { modularity, communityOf } = louvain(twoTriangles);
    expect(modularity).toBeCloseTo(5 / 14, 9);
    expect(Object.fromEntries(communityOf)).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 1, f: 1 });
  });
  it('is deterministic for a seed and numbers communities by first appearance', () => {
    const csr = buildCsr(twoTriangles);
    const p = louvainPartition(csr, { seed: 3 });
    expect(louvainPartition(csr, { seed: 3 })).toEqual(p);
    expect(p.labels[0]).toBe(0);
  });
  it('weighted: a heavy link pulls its ends together', () => {
    // Path a-b-c-d with a heavy b-c: weighted, b and c share a community.
    const g = {
      nodes: ['a', 'b', 'c', 'd'],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c', weight: 10 },
        { source: 'c', target: 'd' },
      ],
    };
    const { communityOf } = louvain(g, { weighted: true });
    expect(communityOf.get('b')).toBe(communityOf.get('c'));
  });
  it('an edgeless graph gives singletons and modularity 0', () => {
    expect(louvain(graph('ab', ''))).toEqual({
      modularity: 0,
      communityOf: new Map([
        ['a', 0],
        ['b', 1],
      ]),
    });
  });
});
