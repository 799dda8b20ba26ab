import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

/** The research networks vendored in the repository (see data/networks/README.md). */
export const DATASETS = path.join(PROJECT_ROOT, 'data', 'networks');

/** The independently computed networkx figures of a dataset (data/networks/reference/<name>.json). */
export interface Reference {
  nodes: number;
  edges: number;
  components: number;
  largestComponent: number;
  louvainModularity: number;
  degree: Record<string, number>;
  betweenness: Record<string, number>;
  closeness: Record<string, number>;
  pagerank: Record<string, number>;
  eigenvector: Record<string, number>;
  shortestPaths: Array<{ from: string; to: string; length: number; count: number }>;
  /** The ten best-ranked actors per measure, as [label, score]. */
  top: Record<'degree' | 'betweenness' | 'closeness' | 'pagerank' | 'eigenvector', Array<[string, number]>>;
}

export const reference = (name: string): Reference => JSON.parse(fs.readFileSync(path.join(DATASETS, 'reference', `${name}.json`), 'utf8')) as Reference;
