/** Temporal reach: every node reachable in time order from a source, with its earliest arrival. */
import { earliestArrivals } from './earliest';
import { LinkFilter, nodeIndex, passableMask, TemporalGraph } from './graph';

export interface TemporalReachOptions extends LinkFilter {
  /** First day the first step may be on (default: no bound). */
  start?: number;
  /** Last day a step may be on (default: no bound). */
  end?: number;
  /** Report only nodes of these types (the walk itself may pass through any type). */
  entityTypes?: readonly string[];
}

export interface TemporalReachEntry {
  id: string;
  /** Earliest day of arrival; null when it is reached through undated links only and no start was given. */
  arrival: number | null;
}

export interface TemporalReach {
  /** Nodes reached (the source excluded), by arrival day, then id. */
  reached: TemporalReachEntry[];
  totalCount: number;
}

export function temporalReach(g: TemporalGraph, from: string, opts?: TemporalReachOptions): TemporalReach {
  const s = nodeIndex(g, from);
  const start = opts?.start ?? -Infinity;
  const end = opts?.end ?? Infinity;
  if (start > end) return { reached: [], totalCount: 0 };
  const { arrival } = earliestArrivals(g, s, start, end, passableMask(g, opts));
  let typeOk: Uint8Array | null = null;
  if (opts?.entityTypes) {
    typeOk = new Uint8Array(g.nodeTypeNames.length);
    for (const t of opts.entityTypes) {
      const k = g.nodeTypeNames.indexOf(t);
      if (k >= 0) typeOk[k] = 1;
    }
  }
  const idx: number[] = [];
  for (let v = 0; v < g.n; v++) {
    if (v === s || arrival[v] === Infinity) continue;
    if (typeOk && (g.nodeType[v] < 0 || !typeOk[g.nodeType[v]])) continue;
    idx.push(v);
  }
  idx.sort((a, b) => arrival[a] - arrival[b] || a - b);
  return {
    reached: idx.map((v) => ({ id: g.ids[v], arrival: Number.isFinite(arrival[v]) ? arrival[v] : null })),
    totalCount: idx.length,
  };
}
