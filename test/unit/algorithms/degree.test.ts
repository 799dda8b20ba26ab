import { degreeCentrality } from '../../../src/analysis/algorithms';
import { graph, path4, star } from './fixtures';

describe('degree', () => {
  it('counts distinct neighbours', () => {
    expect(Object.fromEntries(degreeCentrality(path4))).toEqual({ a: 1, b: 2, c: 2, d: 1 });
    expect(Object.fromEntries(degreeCentrality(star))).toEqual({ c: 4, 1: 1, 2: 1, 3: 1, 4: 1 });
    expect(Object.fromEntries(degreeCentrality(graph('abc', 'ab ba aa')))).toEqual({ a: 1, b: 1, c: 0 });
  });
});
