import { pageRank } from '../../../src/analysis/algorithms';
import { path4, square, star } from './fixtures';

describe('pagerank', () => {
  it('star: centre x = 0.03 + 3.4 y, leaf y = 0.03 + 0.2125 x (d = 0.85, n = 5)', () => {
    // Solving the two equations by hand: x = 0.132 / 0.2775, y = 0.03 + 0.2125 x.
    const x = 0.132 / 0.2775;
    const y = 0.03 + 0.2125 * x;
    const pr = pageRank(star);
    expect(pr.get('c')).toBeCloseTo(x, 5);
    for (const leaf of ['1', '2', '3', '4']) expect(pr.get(leaf)).toBeCloseTo(y, 5);
  });
  it('uniform on a regular graph; sums to 1; damping is checked', () => {
    for (const v of pageRank(square).values()) expect(v).toBeCloseTo(0.25, 9);
    expect([...pageRank(path4).values()].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    expect(pageRank({ nodes: [], edges: [] }).size).toBe(0);
    expect(() => pageRank(square, { damping: 1 })).toThrow(RangeError);
  });
  it('damping 0 gives the uniform distribution', () => {
    for (const v of pageRank(star, { damping: 0 }).values()) expect(v).toBeCloseTo(0.2, 9);
  });
});
