/**
 * What a worker thread runs: one algorithm on a CSR index (typed arrays only, no node ids), with
 * per-index answers (scores or community labels) that travel back as transferable buffers.
 * Also used as is when the pool runs inline (ANALYSIS_WORKERS=0), so both paths compute the same.
 */
import { betweennessScores } from '../algorithms/betweenness';
import { closenessScores } from '../algorithms/closeness';
import { componentLabels } from '../algorithms/components';
import { Csr } from '../algorithms/csr';
import { degreeScores } from '../algorithms/degree';
import { eigenvectorScores } from '../algorithms/eigenvector';
import { LouvainOptions, louvainPartition } from '../algorithms/louvain';
import { labelsModularity } from '../algorithms/modularity';
import { PageRankOptions, pageRankScores } from '../algorithms/pagerank';
import { SamplingOptions } from '../algorithms/sampling';

/** Options of each algorithm the pool runs. */
export interface AlgorithmOptions {
  degree: Record<string, never>;
  betweenness: SamplingOptions;
  closeness: SamplingOptions;
  pagerank: PageRankOptions;
  eigenvector: Record<string, never>;
  /** Louvain communities. */
  louvain: LouvainOptions;
  /** Connected components as communities, with the (unweighted) modularity of that partition. */
  components: Record<string, never>;
}
export type AlgorithmName = keyof AlgorithmOptions;
export const ALGORITHMS: readonly AlgorithmName[] = ['degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector', 'louvain', 'components'];

/** A per-index answer: scores (centralities) or labels with their modularity (communities). */
export type TaskOutput = { scores: Float64Array } | { labels: Int32Array; modularity: number };

export function runTask<A extends AlgorithmName>(algorithm: A, csr: Csr, options: AlgorithmOptions[A] | undefined): TaskOutput {
  const opts = (options ?? {}) as never;
  switch (algorithm) {
    case 'degree':
      return { scores: degreeScores(csr) };
    case 'betweenness':
      return { scores: betweennessScores(csr, opts) };
    case 'closeness':
      return { scores: closenessScores(csr, opts) };
    case 'pagerank':
      return { scores: pageRankScores(csr, opts) };
    case 'eigenvector':
      return { scores: eigenvectorScores(csr) };
    case 'louvain':
      return louvainPartition(csr, opts);
    case 'components': {
      const labels = componentLabels(csr);
      return { labels, modularity: labelsModularity(csr, labels) };
    }
    default:
      throw new Error(`unknown analysis algorithm ${JSON.stringify(algorithm)}`);
  }
}

/** Message to a worker: the CSR arrays are transferred, not copied. */
export interface TaskMessage {
  id: number;
  algorithm: AlgorithmName;
  csr: Csr;
  options?: unknown;
}

/** Message back: the answer (its buffer transferred) or the algorithm's error. */
export type ResultMessage = { id: number; ok: true; output: TaskOutput } | { id: number; ok: false; error: { name: string; message: string } };

/** The buffers of a CSR index, for a transfer list. */
export function csrBuffers(csr: Csr): ArrayBuffer[] {
  return [csr.offsets, csr.adj, csr.edgeA, csr.edgeB, csr.edgeW].map((a) => a.buffer as ArrayBuffer);
}

/** A CSR index without its node ids: only what the worker needs. */
export function bareCsr(csr: Csr): Csr {
  const { n, offsets, adj, edgeA, edgeB, edgeW, m } = csr;
  return { n, offsets, adj, edgeA, edgeB, edgeW, m };
}
