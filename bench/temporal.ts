/**
 * Benchmark of the temporal core (issue 19) on a synthetic dated network, no database:
 *
 *   npx tsc -p tsconfig.json && node dist/bench/temporal.js [--persons N] [--links M] [--queries Q]
 *
 * Defaults: 100,000 persons and 1,000,000 links (a ring plus random long-range ties), each link
 * dated on one day of three years, or (one in two) valid over an interval of up to a year. Times one
 * earliest-arrival query (EARLIEST_ARRIVAL: Dijkstra to the target, then the fewest-links level
 * search up to that day), one temporal reach, and the other modes, each as a p50 over random
 * sources and targets, in CPU time of this process, and as a ratio to the baseline measured in
 * the same run: a plain
 * breadth-first search over the same arcs that ignores time (the floor of any traversal).
 */
import { buildTemporalGraph, mulberry32, temporalReach, TemporalEdge, TemporalPathMode, timeRespectingPath } from '../src/analysis/algorithms';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const persons = option('persons', 100_000);
const links = option('links', 1_000_000);
const queries = option('queries', 15);
const DAYS = 3 * 365;

const rnd = mulberry32(19);
const nodes = Array.from({ length: persons }, (_, i) => `p${String(i).padStart(7, '0')}`);
const edges: TemporalEdge[] = [];
for (let k = 0; k < links; k++) {
  const a = k < persons ? k : Math.floor(rnd() * persons);
  const b = k < persons ? (k + 1) % persons : Math.floor(rnd() * persons);
  const d = Math.floor(rnd() * DAYS);
  const time = rnd() < 0.5 ? ({ kind: 'interval', since: d, until: d + Math.floor(rnd() * 365) } as const) : ({ kind: 'point', date: d } as const);
  edges.push({ id: `l${String(k).padStart(8, '0')}`, source: nodes[a], target: nodes[b], time });
}

const t0 = performance.now();
const g = buildTemporalGraph({ nodes, edges });
const buildMs = performance.now() - t0;

/** Plain BFS over the same arcs, time ignored: the baseline. */
function bfs(s: number): number {
  const seen = new Uint8Array(g.n);
  const queue = new Int32Array(g.n);
  let head = 0;
  let tail = 0;
  queue[tail++] = s;
  seen[s] = 1;
  while (head < tail) {
    const v = queue[head++];
    for (let j = g.outOffsets[v]; j < g.outOffsets[v + 1]; j++) {
      const w = g.outHead[j];
      if (!seen[w]) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return tail;
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * The CPU time of f in ms (user + system of this process): on a shared machine the wall time
 * mostly measures the other processes; the wall time is kept too (`wall`, per measured call).
 */
const wall: number[] = [];
function time(f: () => unknown): number {
  const t = performance.now();
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  wall.push(performance.now() - t);
  return (d.user + d.system) / 1000;
}
const wallP50 = (k: number) => p50(wall.splice(0, wall.length).slice(-k));

const pick = () => nodes[Math.floor(rnd() * persons)];
const pairs = Array.from({ length: queries }, () => [pick(), pick()] as const);
const start = 30;

// warm-up (JIT) on other sources, then the measured runs
for (let i = 0; i < 3; i++) {
  bfs(i);
  temporalReach(g, nodes[i], { start });
  timeRespectingPath(g, nodes[i], nodes[persons - 1 - i], { start });
}
const baseline = p50(pairs.map(([s]) => time(() => bfs(g.indexOf.get(s)!))));
console.log(`temporal graph: ${g.n} persons, ${g.m} links; build ${buildMs.toFixed(0)} ms (wall)`);
console.log(`baseline (plain BFS over the same arcs, time ignored) p50 ${baseline.toFixed(1)} ms CPU, ${wallP50(queries).toFixed(1)} ms wall`);
const row = (name: string, ms: number, note: string) =>
  console.log(
    `${name.padEnd(40)} p50 ${ms.toFixed(1).padStart(8)} ms CPU  ratio ${(ms / baseline).toFixed(2).padStart(6)}  (${wallP50(queries).toFixed(1)} ms wall)  ${note}`,
  );
let reached = 0;
row(
  'temporalReach (start = day 30)',
  p50(pairs.map(([s]) => time(() => (reached += temporalReach(g, s, { start }).totalCount)))),
  `mean reach ${(reached / queries).toFixed(0)}`,
);
for (const mode of ['EARLIEST_ARRIVAL', 'SHORTEST', 'LATEST_DEPARTURE'] as TemporalPathMode[]) {
  let found = 0;
  const ms = p50(pairs.map(([s, t]) => time(() => (found += timeRespectingPath(g, s, t, { start, mode }) ? 1 : 0))));
  row(`timeRespectingPath ${mode}`, ms, `${found} of ${queries} found`);
}
// FASTEST runs one earliest-arrival search per candidate departure day: a 30-day window, 3 queries.
let found = 0;
const fast = p50(pairs.slice(0, 3).map(([s, t]) => time(() => (found += timeRespectingPath(g, s, t, { start, end: start + 30, mode: 'FASTEST' }) ? 1 : 0))));
row('timeRespectingPath FASTEST (30 days)', fast, `${found} of 3 found`);
