import { buildCsr, componentLabels, connectedComponents } from '../../../src/analysis/algorithms';
import { graph } from './fixtures';

describe('connected components', () => {
  it('largest first, ties by first node, members in input order', () => {
    const g = graph('xabcpqz', 'ab bc pq');
    expect(connectedComponents(g)).toEqual([['a', 'b', 'c'], ['p', 'q'], ['x'], ['z']]);
    expect(Array.from(componentLabels(buildCsr(g)))).toEqual([2, 0, 0, 0, 1, 1, 3]);
  });
});
