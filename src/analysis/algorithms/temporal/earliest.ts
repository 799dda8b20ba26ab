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
  const queue = new DayQueue(start, Math.min(end, Math.max(start, sign === 1 ? g.maxDay : -g.minDay)), sign === 1 ? g.minDay : -g.maxDay);
  arrival[s] = start;
  queue.push(start, s);
  let settled = 0;
  for (let v = queue.pop(); v >= 0; v = queue.pop()) {
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
        queue.push(day, w);
      }
    }
  }
  return { arrival, settled };
}

/**
 * Dial's bucket queue on day numbers: a Dijkstra on days pops days in non-decreasing order and
 * every key is -Infinity (undated links before any dated step) or a whole day between the smallest
 * day of the graph (or start) and the last day that can be reached, so one bucket per day suffices.
 * Entries of a bucket come out last in, first out: only the arrival days matter, not the order.
 */
class DayQueue {
  private readonly base: number;
  private readonly head: Int32Array;
  private next = new Int32Array(1024);
  private node = new Int32Array(1024);
  private used = 0;
  private readonly early: number[] = [];
  private cursor = 0;

  constructor(start: number, last: number, firstDay: number) {
    if (Number.isFinite(start) && !Number.isInteger(start)) throw new Error(`not a day number: ${start}`);
    const lo = Number.isFinite(start) ? Math.min(start, firstDay) : firstDay;
    this.base = Number.isFinite(lo) ? lo : 0;
    if (Number.isFinite(start) && start > last) last = start;
    const size = Number.isFinite(last) && Number.isFinite(lo) && last >= lo ? last - lo + 1 : 0;
    this.head = new Int32Array(size).fill(-1);
  }

  push(day: number, v: number): void {
    if (day === -Infinity) {
      this.early.push(v);
      return;
    }
    const b = day - this.base;
    if (b < 0 || b >= this.head.length) throw new Error(`internal: day ${day} outside the queue`);
    if (this.used === this.node.length) {
      const next = new Int32Array(this.used * 2);
      next.set(this.next);
      this.next = next;
      const node = new Int32Array(this.used * 2);
      node.set(this.node);
      this.node = node;
    }
    const k = this.used++;
    this.node[k] = v;
    this.next[k] = this.head[b];
    this.head[b] = k;
    if (b < this.cursor) this.cursor = b; // never happens in a Dijkstra; kept safe
  }

  /** The node of an entry with the smallest day, or -1 when empty. */
  pop(): number {
    if (this.early.length > 0) return this.early.pop()!;
    while (this.cursor < this.head.length && this.head[this.cursor] < 0) this.cursor++;
    if (this.cursor >= this.head.length) return -1;
    const k = this.head[this.cursor];
    this.head[this.cursor] = this.next[k];
    return this.node[k];
  }
}
