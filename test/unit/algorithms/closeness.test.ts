import { buildCsr, closenessCentrality, closenessScores, sampledCloseness } from '../../../src/analysis/algorithms';
import { graph, path4, square, star } from './fixtures';

const rounded = (m: Map<string, number>, digits = 6) => Object.fromEntries([...m].map(([k, v]) => [k, Number(v.toFixed(digits))]));

describe('closeness', () => {
  it('path a-b-c-d: (n-1) / sum of distances', () => {
    expect(rounded(closenessCentrality(path4))).toEqual({ a: 0.5, b: 0.75, c: 0.75, d: 0.5 });
  });
  it('star: centre 1, leaves 4/7', () => {
    expect(rounded(closenessCentrality(star))).toEqual(
      rounded(
        new Map([
          ['c', 1],
          ['1', 4 / 7],
          ['2', 4 / 7],
          ['3', 4 / 7],
          ['4', 4 / 7],
        ]),
      ),
    );
  });
  it('Wasserman–Faust scaling on disconnected graphs: (r/T)(r/(n-1))', () => {
    // a-b plus isolated c: a reaches 1 node at distance 1 -> (1/1)(1/2).
    expect(rounded(closenessCentrality(graph('abc', 'ab')))).toEqual({ a: 0.5, b: 0.5, c: 0 });
  });
  it('sampling with every node as pivot equals the exact figures', () => {
    for (const g of [path4, star, square]) {
      const csr = buildCsr(g);
      const exact = closenessScores(csr);
      sampledCloseness(csr, Int32Array.from(csr.ids.keys())).forEach((v, i) => expect(v).toBeCloseTo(exact[i], 12));
    }
  });
});
