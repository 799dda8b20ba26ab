/**
 * The compact temporal graph: nodes and links indexed by the rank of their ids, so that every
 * algorithm's tie-breaks depend on ids, never on the order the caller stored them in.
 *
 * Each link becomes one or two arcs (a directed link one, from source to target; an undirected link
 * one each way). An arc can be passed on any day d with lo <= d <= hi: a point-dated link has
 * lo = hi = its date, an interval link its since/until (an open end is -Infinity/+Infinity), an
 * undated link -Infinity..+Infinity and the `undated` flag (passable only with includeUndated).
 */
import { LinkTime } from './time';

export interface TemporalEdge {
  /** Unique link id (the tie-break between parallel links). */
  id: string;
  source: string;
  target: string;
  /** Passable only from source to target (default: both ways). */
  directed?: boolean;
  /** The link type (`ATTENDED`, `ASSOCIATE_OF`…), for the linkTypes filter. */
  type?: string;
  /** When the link can be passed (see linkTime in ./time); absent means undated. */
  time?: LinkTime;
}

export interface TemporalGraphInput {
  nodes: string[];
  edges: TemporalEdge[];
  /** Optional entity type per node id (`Person`, `Event`…), for the entityTypes filter of reach. */
  nodeTypes?: ReadonlyMap<string, string> | Record<string, string>;
}

export interface TemporalGraph {
  n: number;
  m: number;
  /** Node ids sorted (index i is ids[i]). */
  ids: string[];
  indexOf: Map<string, number>;
  /** Node type index into `nodeTypeNames` (-1 when unknown). */
  nodeType: Int32Array;
  nodeTypeNames: string[];
  /** Link ids sorted (link index e is edgeIds[e]); per link its ends, type index, window. */
  edgeIds: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeDirected: Uint8Array;
  edgeType: Int32Array;
  edgeTypeNames: string[];
  edgeLo: Float64Array;
  edgeHi: Float64Array;
  edgeUndated: Uint8Array;
  /** The smallest and largest finite day of any link (0 when there is none). */
  minDay: number;
  maxDay: number;
  /** Outgoing arcs of node v: out[outOffsets[v] .. outOffsets[v+1]), sorted by (head id, link id). */
  outOffsets: Int32Array;
  outHead: Int32Array;
  outEdge: Int32Array;
  /** Incoming arcs of node v, sorted by (tail id, link id): inTail is the node the arc comes from. */
  inOffsets: Int32Array;
  inTail: Int32Array;
  inEdge: Int32Array;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the index; a link to an unknown node or a duplicate link id is an error. */
export function buildTemporalGraph(g: TemporalGraphInput): TemporalGraph {
  const ids = [...new Set(g.nodes)].sort(compareIds);
  const n = ids.length;
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));

  const typeOf = (id: string): string | undefined => {
    const t = g.nodeTypes;
    if (!t) return undefined;
    return t instanceof Map ? t.get(id) : (t as Record<string, string>)[id];
  };
  const nodeTypeNames: string[] = [];
  const nodeTypeIndex = new Map<string, number>();
  const nodeType = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const t = typeOf(ids[i]);
    if (t === undefined) continue;
    let k = nodeTypeIndex.get(t);
    if (k === undefined) {
      k = nodeTypeNames.length;
      nodeTypeIndex.set(t, k);
      nodeTypeNames.push(t);
    }
    nodeType[i] = k;
  }

  const edges = [...g.edges].sort((a, b) => compareIds(a.id, b.id));
  const m = edges.length;
  const edgeIds = new Array<string>(m);
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeDirected = new Uint8Array(m);
  const edgeType = new Int32Array(m).fill(-1);
  const edgeTypeNames: string[] = [];
  const edgeTypeIndex = new Map<string, number>();
  const edgeLo = new Float64Array(m);
  const edgeHi = new Float64Array(m);
  const edgeUndated = new Uint8Array(m);
  let arcs = 0;
  for (let e = 0; e < m; e++) {
    const x = edges[e];
    if (e > 0 && edgeIds[e - 1] === x.id) throw new Error(`duplicate link id ${JSON.stringify(x.id)}`);
    edgeIds[e] = x.id;
    const s = indexOf.get(x.source);
    const t = indexOf.get(x.target);
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? x.source : x.target;
      throw new Error(`link ${JSON.stringify(x.id)} references unknown node ${JSON.stringify(missing)}`);
    }
    edgeSource[e] = s;
    edgeTarget[e] = t;
    edgeDirected[e] = x.directed ? 1 : 0;
    if (x.type !== undefined) {
      let k = edgeTypeIndex.get(x.type);
      if (k === undefined) {
        k = edgeTypeNames.length;
        edgeTypeIndex.set(x.type, k);
        edgeTypeNames.push(x.type);
      }
      edgeType[e] = k;
    }
    const time = x.time ?? { kind: 'undated' };
    if (time.kind === 'point') {
      if (!Number.isInteger(time.date)) throw new Error(`link ${JSON.stringify(x.id)}: date is not a day number`);
      edgeLo[e] = edgeHi[e] = time.date;
    } else if (time.kind === 'interval') {
      edgeLo[e] = time.since ?? -Infinity;
      edgeHi[e] = time.until ?? Infinity;
      if (edgeLo[e] > edgeHi[e]) throw new Error(`link ${JSON.stringify(x.id)}: since is after until`);
      for (const d of [edgeLo[e], edgeHi[e]]) {
        if (Number.isFinite(d) && !Number.isInteger(d)) throw new Error(`link ${JSON.stringify(x.id)}: since/until is not a day number`);
      }
    } else {
      edgeLo[e] = -Infinity;
      edgeHi[e] = Infinity;
      edgeUndated[e] = 1;
    }
    if (s !== t) arcs += x.directed ? 1 : 2; // self-loops never help a path
  }

  // Arcs (tail, head, edge); sorted by tail, then head index, then link index: ids decide ties.
  const tail = new Int32Array(arcs);
  const head = new Int32Array(arcs);
  const arcEdge = new Int32Array(arcs);
  let a = 0;
  for (let e = 0; e < m; e++) {
    const s = edgeSource[e];
    const t = edgeTarget[e];
    if (s === t) continue;
    tail[a] = s;
    head[a] = t;
    arcEdge[a++] = e;
    if (!edgeDirected[e]) {
      tail[a] = t;
      head[a] = s;
      arcEdge[a++] = e;
    }
  }
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let e = 0; e < m; e++) {
    for (const d of [edgeLo[e], edgeHi[e]]) {
      if (!Number.isFinite(d)) continue;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
  }
  if (minDay === Infinity) minDay = maxDay = 0;
  const byOut = sortedArcs(arcs, tail, head, arcEdge);
  const byIn = sortedArcs(arcs, head, tail, arcEdge);
  const out = csrOf(n, byOut, tail, head, arcEdge);
  const inn = csrOf(n, byIn, head, tail, arcEdge);
  return {
    n,
    m,
    ids,
    indexOf,
    nodeType,
    nodeTypeNames,
    edgeIds,
    edgeSource,
    edgeTarget,
    edgeDirected,
    edgeType,
    edgeTypeNames,
    edgeLo,
    edgeHi,
    edgeUndated,
    minDay,
    maxDay,
    outOffsets: out.offsets,
    outHead: out.other,
    outEdge: out.edge,
    inOffsets: inn.offsets,
    inTail: inn.other,
    inEdge: inn.edge,
  };
}

/** Arc order by (key, other, edge): node and link indices are id ranks, so this is id order. */
function sortedArcs(arcs: number, key: Int32Array, other: Int32Array, edge: Int32Array): Int32Array {
  const order = new Int32Array(arcs);
  for (let i = 0; i < arcs; i++) order[i] = i;
  order.sort((x, y) => key[x] - key[y] || other[x] - other[y] || edge[x] - edge[y]);
  return order;
}

function csrOf(n: number, order: Int32Array, key: Int32Array, other: Int32Array, edge: Int32Array) {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < order.length; i++) offsets[key[order[i]] + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const o = new Int32Array(order.length);
  const e = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    o[i] = other[order[i]];
    e[i] = edge[order[i]];
  }
  return { offsets, other: o, edge: e };
}

/** Which links a query may pass: by type, and undated ones only when asked. */
export interface LinkFilter {
  /** Only links of these types (default: every type; a link without a type passes only when this is absent). */
  linkTypes?: readonly string[];
  /** Undated links are passable and do not constrain time (default false: they are not passable). */
  includeUndated?: boolean;
}

/** Per link: 1 when the query may pass it. */
export function passableMask(g: TemporalGraph, f?: LinkFilter): Uint8Array {
  const mask = new Uint8Array(g.m);
  let typeOk: Uint8Array | null = null;
  if (f?.linkTypes) {
    typeOk = new Uint8Array(g.edgeTypeNames.length);
    for (const t of f.linkTypes) {
      const k = g.edgeTypeNames.indexOf(t);
      if (k >= 0) typeOk[k] = 1;
    }
  }
  const undatedOk = f?.includeUndated === true;
  for (let e = 0; e < g.m; e++) {
    if (g.edgeUndated[e] && !undatedOk) continue;
    if (typeOk && (g.edgeType[e] < 0 || !typeOk[g.edgeType[e]])) continue;
    mask[e] = 1;
  }
  return mask;
}

/** The node index of an id, or an error naming it. */
export function nodeIndex(g: TemporalGraph, id: string): number {
  const i = g.indexOf.get(id);
  if (i === undefined) throw new Error(`unknown node ${JSON.stringify(id)}`);
  return i;
}
