import { buildCsr, buildGraph, graphFromCsr, nodeKey, toMap, valuesByIndex } from '../../../src/analysis/algorithms';

describe('CSR index', () => {
  it("lists each node's neighbours, merges parallel edges (weights summed) and drops self-loops", () => {
    const csr = buildCsr({
      nodes: ['a', 'b', 'c', 'a'],
      edges: [
        { source: 'a', target: 'b', weight: 2 },
        { source: 'b', target: 'a', weight: 3 },
        { source: 'c', target: 'c' },
        { source: 'c', target: 'b' },
      ],
    });
    expect(csr.ids).toEqual(['a', 'b', 'c']);
    expect(csr.n).toBe(3);
    expect(csr.m).toBe(2);
    expect(Array.from(csr.offsets)).toEqual([0, 1, 3, 4]);
    expect(Array.from(csr.adj)).toEqual([1, 0, 2, 1]);
    expect(Array.from(csr.edgeA)).toEqual([0, 1]);
    expect(Array.from(csr.edgeB)).toEqual([1, 2]);
    expect(Array.from(csr.edgeW)).toEqual([5, 1]);
  });

  it('owns one buffer per array, so each can be transferred to a worker', () => {
    const csr = buildCsr({
      nodes: ['a', 'b', 'c'],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'b' },
      ],
    });
    for (const a of [csr.offsets, csr.adj, csr.edgeA, csr.edgeB, csr.edgeW]) expect(a.byteLength).toBe(a.buffer.byteLength);
  });

  it('rejects an edge to an unknown node', () => {
    expect(() => buildCsr({ nodes: ['a'], edges: [{ source: 'a', target: 'x' }] })).toThrow(/unknown node "x"/);
  });

  it('builds graphology graphs keyed by id (buildGraph) or by index (the algorithms, here and in workers)', () => {
    const csr = buildCsr({ nodes: ['a', 'b', 'c'], edges: [{ source: 'a', target: 'c', weight: 4 }] });
    const g = buildGraph({ nodes: ['a', 'b', 'c'], edges: [{ source: 'a', target: 'c', weight: 4 }] });
    expect(g.nodes()).toEqual(['a', 'b', 'c']);
    expect(g.getEdgeAttribute(g.edge('a', 'c') as string, 'weight')).toBe(4);
    expect(nodeKey(2)).toBe('2');
    const keyed = graphFromCsr(csr);
    expect(keyed.nodes()).toEqual(['0', '1', '2']);
    expect(keyed.hasEdge('0', '2')).toBe(true);
    const kept = graphFromCsr(csr, Uint8Array.from([1, 1, 0]));
    expect(kept.order).toBe(2);
    expect(kept.size).toBe(0);
  });

  it('maps per-index values back to ids', () => {
    const csr = buildCsr({ nodes: ['x', 'y'], edges: [] });
    expect(Array.from(valuesByIndex(csr, { 0: 3 }, -1))).toEqual([3, -1]);
    expect(Object.fromEntries(toMap(csr.ids, [1, 2]))).toEqual({ x: 1, y: 2 });
  });
});
