import { buildCsr, componentLabels, labelsModularity, partitionModularity } from '../../../src/analysis/algorithms';
import { graph, twoTriangles } from './fixtures';

describe('modularity', () => {
  it('two disjoint triangles split in two: 2 (3/6 - (6/12)^2) = 0.5', () => {
    const g = graph('abcdef', 'ab bc ca de ef fd');
    expect(partitionModularity(g, new Map([...'abc'].map((v) => [v, 0] as [string, number]).concat([...'def'].map((v) => [v, 1]))))).toBeCloseTo(0.5, 12);
    expect(labelsModularity(buildCsr(g), componentLabels(buildCsr(g)))).toBeCloseTo(0.5, 12);
  });
  it('everything in one community: 0; no edges: 0', () => {
    expect(partitionModularity(twoTriangles, new Map([...'abcdef'].map((v) => [v, 0])))).toBeCloseTo(0, 12);
    expect(partitionModularity(graph('ab', ''), new Map())).toBe(0);
  });
});
