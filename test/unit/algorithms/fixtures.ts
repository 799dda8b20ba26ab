import { AnalysisGraph } from '../../../src/analysis/algorithms';

/** Small hand-checkable graphs. */
export const graph = (nodes: string, edges: string): AnalysisGraph => ({
  nodes: nodes.split(''),
  edges: edges
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => ({ source: pair[0], target: pair[1] })),
});

/** a-b-c-d */
export const path4 = graph('abcd', 'ab bc cd');
/** centre c with leaves 1-4 */
export const star = graph('c1234', 'c1 c2 c3 c4');
/** triangle abc and triangle def joined by c-d */
export const twoTriangles = graph('abcdef', 'ab bc ca cd de ef fd');
/** square a-b-c-d-a */
export const square = graph('abcd', 'ab bc cd da');
