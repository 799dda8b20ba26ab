import { mulberry32 } from '../../../src/analysis/algorithms';

describe('mulberry32', () => {
  it('is deterministic per seed, differs between seeds, stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('is close to uniform: each tenth of [0, 1) gets 10% ± 1% of 100,000 draws', () => {
    const rng = mulberry32(123);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(rng() * 10)]++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(1_000);
  });
});
