import { shortestPaths } from '../../../src/analysis/algorithms';
import { graph, square } from './fixtures';

describe('shortest paths', () => {
  it('square a-b-c-d-a: two paths from a to c', () => {
    expect(shortestPaths(square, 'a', 'c', { all: true })).toEqual([
      ['a', 'b', 'c'],
      ['a', 'd', 'c'],
    ]);
    expect(shortestPaths(square, 'a', 'c')).toHaveLength(1);
    expect(shortestPaths(square, 'a', 'c', { maxLength: 1 })).toEqual([]);
    expect(shortestPaths(square, 'a', 'c', { all: true, maxPaths: 0 })).toEqual([]);
  });
  it('unreachable, same node, unknown node', () => {
    const g = graph('abx', 'ab');
    expect(shortestPaths(g, 'a', 'x')).toEqual([]);
    expect(shortestPaths(g, 'a', 'a')).toEqual([['a']]);
    expect(() => shortestPaths(g, 'a', 'nobody')).toThrow(/unknown node "nobody"/);
  });
});
