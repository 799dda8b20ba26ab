/**
 * Earliest arrival from one node to every node (or until one target is settled): a Dijkstra on
 * arrival days. Passing an arc never lowers the day (the step is on max(day at the tail, the
 * arc's first day)), so the first time a node is settled is its earliest arrival.
 */
import { TemporalGraph } from './graph';

export interface EarliestArrivalSearch {
  /** Earliest arrival day per node index (+Infinity when not reachable; the source has `start`). */
  arrival: Float64Array;
  /** Number of nodes settled (the source included). */
  settled: number;
}

/**
 * Earliest arrivals from `s` leaving on or after `start`, every step on or before `end`, through
 * the links with mask[e] set. With `target` the search stops once the target is settled.
 * Backward (sign -1): the same search on incoming arcs with days negated, so -arrival[v] is the
 * latest day v can be left to reach `s` by -start (call it with start = -end, end = -start).
 */
export function earliestArrivals(
  g: TemporalGraph,
  s: number,
  start: number,
  end: number,
  mask: Uint8Array,
  target = -1,
  sign: 1 | -1 = 1,
): EarliestArrivalSearch {
  const n = g.n;
  const outOffsets = sign === 1 ? g.outOffsets : g.inOffsets;
  const outHead = sign === 1 ? g.outHead : g.inTail;
  const outEdge = sign === 1 ? g.outEdge : g.inEdge;
  const edgeLo = sign === 1 ? g.edgeLo : g.edgeHi;
  const edgeHi = sign === 1 ? g.edgeHi : g.edgeLo;
  const arrival = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  const heap = new MinHeap(Math.min(1024, 2 * n + 1));
  arrival[s] = start;
  heap.push(start, s);
  let settled = 0;
  while (heap.size > 0) {
    const v = heap.popNode();
    if (done[v]) continue;
    done[v] = 1;
    settled++;
    if (v === target) break;
    const tau = arrival[v];
    for (let j = outOffsets[v], stop = outOffsets[v + 1]; j < stop; j++) {
      const e = outEdge[j];
      if (!mask[e]) continue;
      const lo = sign * edgeLo[e];
      const day = tau > lo ? tau : lo;
      if (day > sign * edgeHi[e] || day > end) continue;
      const w = outHead[j];
      if (day < arrival[w]) {
        arrival[w] = day;
        heap.push(day, w);
      }
    }
  }
  return { arrival, settled };
}

/** A binary min-heap of (day, node), ties by node index, with lazy deletion by the caller. */
export class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(4, capacity));
    this.nodes = new Int32Array(Math.max(4, capacity));
  }

  private less(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.nodes[i] < this.nodes[j]);
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i];
    this.keys[i] = this.keys[j];
    this.keys[j] = k;
    const v = this.nodes[i];
    this.nodes[i] = this.nodes[j];
    this.nodes[j] = v;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.nodes.length * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    let i = this.size++;
    this.keys[i] = key;
    this.nodes[i] = node;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Removes the smallest entry and returns its node. */
  popNode(): number {
    const top = this.nodes[0];
    const last = --this.size;
    if (last > 0) {
      this.keys[0] = this.keys[last];
      this.nodes[0] = this.nodes[last];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < last && this.less(l, m)) m = l;
        if (r < last && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
