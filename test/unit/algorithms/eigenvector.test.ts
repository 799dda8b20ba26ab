import { eigenvectorCentrality } from '../../../src/analysis/algorithms';
import { graph, star } from './fixtures';

describe('eigenvector', () => {
  it('star: centre 1/sqrt2, leaves 1/(2 sqrt2) (eigenvalue 2)', () => {
    const ev = eigenvectorCentrality(star);
    expect(ev.get('c')).toBeCloseTo(Math.SQRT1_2, 5);
    for (const leaf of ['1', '2', '3', '4']) expect(ev.get(leaf)).toBeCloseTo(Math.SQRT1_2 / 2, 5);
  });
  it('triangle: all 1/sqrt3; nodes outside the largest component score 0', () => {
    const ev = eigenvectorCentrality(graph('abcxy', 'ab bc ca xy'));
    for (const v of ['a', 'b', 'c']) expect(ev.get(v)).toBeCloseTo(1 / Math.sqrt(3), 5);
    expect(ev.get('x')).toBe(0);
    expect(ev.get('y')).toBe(0);
    expect(eigenvectorCentrality({ nodes: [], edges: [] }).size).toBe(0);
  });
});
