import { LRUCache } from 'lru-cache';
import { AnalysisGraph } from './algorithms';

/**
 * Scope graphs kept between analyses, bounded by (estimated) bytes. A key holds everything the
 * graph depends on: the caller's visibility class (the marking keys they may see), the data
 * version of those markings' reports, and the scope. Callers with the same markings share
 * entries; an import, revision or retraction changes the version, so stale graphs are never hit.
 */
export class ScopeCache {
  /** Scope graphs, and the results of analyses on them (same keys plus the analysis), in one bound. */
  private readonly lru: LRUCache<string, { value: unknown; bytes: number }>;
  hits = 0;
  misses = 0;

  constructor(maxBytes: number) {
    this.lru = new LRUCache<string, { value: unknown; bytes: number }>({ maxSize: Math.max(1, maxBytes), sizeCalculation: (e) => Math.max(1, e.bytes) });
  }

  private lookup<T>(key: string): T | undefined {
    const entry = this.lru.get(key);
    if (entry) this.hits += 1;
    else this.misses += 1;
    return entry?.value as T | undefined;
  }

  get<G extends AnalysisGraph = AnalysisGraph>(key: string): G | undefined {
    return this.lookup<G>(`graph:${key}`);
  }

  set(key: string, graph: AnalysisGraph & { display?: Map<string, { label: string }> }): void {
    this.lru.set(`graph:${key}`, { value: graph, bytes: estimateBytes(graph) });
  }

  /** The result of an analysis of a cached scope (key: the scope's key and the analysis). */
  getResult<T>(key: string): T | undefined {
    return this.lookup<T>(`result:${key}`);
  }

  setResult(key: string, value: unknown, bytes: number): void {
    this.lru.set(`result:${key}`, { value, bytes });
  }

  clear(): void {
    this.lru.clear();
  }

  /** Bytes held now (as estimated), and the bound. */
  get size(): { bytes: number; maxBytes: number; entries: number } {
    return { bytes: this.lru.calculatedSize ?? 0, maxBytes: this.lru.maxSize, entries: this.lru.size };
  }
}

/** V8 keeps a string in about 2 bytes per character plus a header; an edge object about 64 bytes. */
export function estimateBytes(graph: AnalysisGraph & { display?: Map<string, { label: string }> }): number {
  let bytes = 64;
  for (const id of graph.nodes) bytes += 32 + 2 * id.length;
  bytes += graph.edges.length * 64;
  for (const d of graph.display?.values() ?? []) bytes += 64 + 2 * d.label.length;
  return bytes;
}
