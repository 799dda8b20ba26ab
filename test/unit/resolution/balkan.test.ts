// The labelled Western Balkan set (data/resolution/balkan-pairs.csv) and the OpenSanctions name benchmark.
// Both halves of the Balkan set are measured; the scorer was tuned on the `tune` half only.
import { join } from 'node:path';
import { loadBalkanPairs, loadNameBenchPersonPairs } from '../../../src/resolution/balkan-set';
import { evaluate } from '../../../src/resolution/evaluate';

const root = join(__dirname, '..', '..', '..');
const balkan = loadBalkanPairs(join(root, 'data/resolution/balkan-pairs.csv'));

describe('Western Balkan set', () => {
  it('has both halves, positives and hard negatives', () => {
    for (const split of ['tune', 'holdout']) {
      const half = balkan.filter((p) => p.split === split);
      expect(half.filter((p) => p.same).length).toBeGreaterThan(200);
      expect(half.filter((p) => !p.same).length).toBeGreaterThan(100);
    }
    for (const category of ['namesake', 'father-son', 'sibling', 'near-surname', 'feminine'])
      expect(balkan.some((p) => p.category === category && !p.same)).toBe(true);
  });

  it.each(['tune', 'holdout'])('%s half: recall >= 0.95, precision >= 0.90, at most one wrong SAME', (split) => {
    const e = evaluate(balkan.filter((p) => p.split === split));
    expect(e.samePossible.recall).toBeGreaterThanOrEqual(0.95);
    expect(e.samePossible.precision).toBeGreaterThanOrEqual(0.9);
    expect(e.wrongSame).toBeLessThanOrEqual(1);
  });
});

describe('OpenSanctions name benchmark (Person, names only)', () => {
  it('Person F1 >= 0.80 with SAME or POSSIBLE as a match, and nothing SAME on names alone', () => {
    const pairs = loadNameBenchPersonPairs(join(root, 'data/resolution/opensanctions-name-bench/cases.csv'));
    expect(pairs).toHaveLength(548);
    const e = evaluate(pairs);
    expect(e.samePossible.f1).toBeGreaterThanOrEqual(0.8);
    expect(e.sameOnly.tp + e.sameOnly.fp).toBe(0);
  });
});
