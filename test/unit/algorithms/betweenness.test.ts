import { betweennessCentrality, betweennessScores, buildCsr, sampledBetweenness } from '../../../src/analysis/algorithms';
import { path4, square, star } from './fixtures';

const rounded = (m: Map<string, number>, digits = 6) => Object.fromEntries([...m].map(([k, v]) => [k, Number(v.toFixed(digits))]));

describe('betweenness', () => {
  // Normalised by (n-1)(n-2)/2 unordered pairs: on a-b-c-d, b lies on a–c and a–d: 2/3.
  it('path a-b-c-d', () => {
    expect(rounded(betweennessCentrality(path4))).toEqual({ a: 0, b: 0.666667, c: 0.666667, d: 0 });
  });
  it('star: the centre lies on all 6 leaf pairs', () => {
    expect(rounded(betweennessCentrality(star))).toEqual({ c: 1, 1: 0, 2: 0, 3: 0, 4: 0 });
  });
  it('square: each node is on one of the two shortest paths between its neighbours', () => {
    // 1 pair (its two neighbours), 2 shortest paths, half through it: 0.5 / 3 pairs.
    expect(rounded(betweennessCentrality(square))).toEqual({ a: 0.166667, b: 0.166667, c: 0.166667, d: 0.166667 });
  });
  it('sampling with every node as pivot equals the exact figures', () => {
    for (const g of [path4, star, square]) {
      const csr = buildCsr(g);
      const all = Int32Array.from(csr.ids.keys());
      const exact = betweennessScores(csr);
      sampledBetweenness(csr, all).forEach((v, i) => expect(v).toBeCloseTo(exact[i], 12));
    }
  });
  it('sampled from the star centre alone: leaves see the centre on every path', () => {
    // One pivot (k = 1): pivot gets 0; others scaled by 1/(k(n-2)) = 1/3; no leaf is ever between.
    const csr = buildCsr(star);
    expect(Array.from(sampledBetweenness(csr, Int32Array.of(0)))).toEqual([0, 0, 0, 0, 0]);
    // From leaf 1: the centre is between 1 and 3 other leaves -> 3 * 1/3 = 1.
    expect(sampledBetweenness(csr, Int32Array.of(1))[0]).toBeCloseTo(1, 12);
  });
});
