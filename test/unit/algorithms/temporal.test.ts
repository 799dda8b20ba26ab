/**
 * The temporal core (issue 19, docs/time.md) against the independent reference answers of
 * data/networks/reference/temporal_paths.py, on the synthetic dated network and on Infinito; every
 * returned path checked step by step against the links as given (never against the code's index).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  buildTemporalGraph,
  dayNumber,
  isoDay,
  linkTime,
  linkValidIn,
  networkAsOf,
  temporalBetweenness,
  temporalReach,
  TemporalEdge,
  TemporalGraphInput,
  TemporalPath,
  TemporalPathMode,
  timeRespectingPath,
} from '../../../src/analysis/algorithms';
import { parseTwoModeCsv } from '../../../src/import/matrix-csv';
import { DATASETS } from '../../support/datasets';

const refJson = <T>(name: string): T => JSON.parse(readFileSync(join(DATASETS, 'reference', name), 'utf8')) as T;

/** data/networks/temporal_synthetic as given: nodes with types, links with their time. */
function syntheticInput(): TemporalGraphInput {
  const dir = join(DATASETS, 'temporal_synthetic');
  const nodes = parse<{ id: string; type: string }>(readFileSync(join(dir, 'nodes.csv'), 'utf8'), { columns: true });
  const rows = parse<Record<string, string>>(readFileSync(join(dir, 'edges.csv'), 'utf8'), { columns: true });
  const day = (s: string) => (s === '' ? undefined : dayNumber(s));
  const edges: TemporalEdge[] = rows.map((r) => ({
    id: r.id,
    source: r.source,
    target: r.target,
    directed: r.directed === '1',
    type: r.type,
    time: linkTime({ date: day(r.date), since: day(r.since), until: day(r.until) }),
  }));
  return { nodes: nodes.map((n) => n.id), edges, nodeTypes: Object.fromEntries(nodes.map((n) => [n.id, n.type])) };
}

/** The Infinito persons x meetings file: persons by label, meetings as E<column>, ATTENDED links dated by the meeting. */
function infinitoInput(): TemporalGraphInput {
  const { persons, events, attendance } = parseTwoModeCsv(readFileSync(join(DATASETS, 'ndrangheta_infinito_2mode.csv'), 'utf8'));
  const column = new Map(events.map((e, j) => [e.label, j]));
  const nodeTypes: Record<string, string> = {};
  for (const p of persons) nodeTypes[p] = 'Person';
  events.forEach((_, j) => (nodeTypes[`E${j}`] = 'Event'));
  const edges: TemporalEdge[] = attendance.map((a, k) => {
    const j = column.get(a.event)!;
    const date = events[j].date;
    return {
      id: `att-${String(k).padStart(4, '0')}`,
      source: a.person,
      target: `E${j}`,
      type: 'ATTENDED',
      time: linkTime({ targetEventDate: date === undefined ? undefined : dayNumber(date) }),
    };
  });
  return { nodes: Object.keys(nodeTypes), edges, nodeTypes };
}

const linksById = new WeakMap<TemporalGraphInput, Map<string, TemporalEdge>>();

interface PathQuery {
  from: string;
  to: string;
  start?: number;
  end?: number;
  maxLength?: number;
  includeUndated?: boolean;
  linkTypes?: readonly string[];
}

/**
 * Every step of a path, checked against the input links: consecutive from `from` to `to`, the link
 * joins the step's ends (in its direction when directed), of an allowed type, passable on the
 * step's date (its day, or a day of its interval; undated only with includeUndated), dates never
 * going back, within start/end, at most maxLength steps; departure/arrival/duration agree.
 * Returns the problems found (none for a good path).
 */
function pathProblems(input: TemporalGraphInput, p: TemporalPath, q: PathQuery): string[] {
  const problems: string[] = [];
  let byId = linksById.get(input);
  if (!byId) linksById.set(input, (byId = new Map(input.edges.map((e) => [e.id, e]))));
  if (p.steps.length === 0) problems.push('no steps');
  if (q.maxLength !== undefined && p.steps.length > q.maxLength) problems.push(`${p.steps.length} steps > maxLength ${q.maxLength}`);
  let at = q.from;
  let last = -Infinity;
  p.steps.forEach((s, i) => {
    const e = byId.get(s.edge);
    if (!e) return problems.push(`step ${i}: unknown link ${s.edge}`);
    if (s.from !== at) problems.push(`step ${i} starts at ${s.from}, not ${at}`);
    const joins = (e.source === s.from && e.target === s.to) || (!e.directed && e.target === s.from && e.source === s.to);
    if (!joins) problems.push(`step ${i}: link ${e.id} does not lead from ${s.from} to ${s.to}`);
    if (q.linkTypes && !q.linkTypes.includes(e.type ?? '')) problems.push(`step ${i}: type ${e.type}`);
    const t = e.time ?? { kind: 'undated' };
    const d = s.date;
    if (t.kind === 'undated') {
      if (!q.includeUndated) problems.push(`step ${i}: undated link ${e.id}`);
    } else if (d === null) {
      problems.push(`step ${i}: dated link without a date`);
    } else if (t.kind === 'point' ? d !== t.date : d < (t.since ?? -Infinity) || d > (t.until ?? Infinity)) {
      problems.push(`step ${i}: link ${e.id} not passable on day ${d}`);
    }
    if (d !== null) {
      if (d < last) problems.push(`step ${i}: date ${d} before ${last}`);
      if (q.start !== undefined && d < q.start) problems.push(`step ${i}: before start`);
      if (q.end !== undefined && d > q.end) problems.push(`step ${i}: after end`);
      last = d;
    }
    at = s.to;
  });
  if (at !== q.to) problems.push(`ends at ${at}, not ${q.to}`);
  if (p.departure !== (p.steps[0]?.date ?? null)) problems.push('departure is not the first step date');
  if (p.arrival !== (p.steps[p.steps.length - 1]?.date ?? null)) problems.push('arrival is not the last step date');
  if (p.departure !== null && p.arrival !== null && p.duration !== p.arrival - p.departure) problems.push('duration');
  return problems;
}

type Num = number | null;
interface SynPair {
  source: string;
  target: string;
  earliestArrival: number;
  earliestArrivalLinks: number;
  earliestArrivalPaths: number;
  shortestLinks: number;
  shortestArrival: number;
  fastestDuration: number;
  fastestLinks: number;
  fastestDeparture: number;
  latestDeparture: number;
  latestDepartureLinks: number;
}
interface SynConfig {
  name: string;
  start?: number;
  end?: number;
  maxLength?: number;
  includeUndated?: boolean;
  pairs: SynPair[];
  reachCounts: Record<string, number>;
  betweenness?: Record<string, number>;
}
interface InfPair extends Partial<SynPair> {
  source: string;
  target: string;
}
interface InfConfig {
  name: string;
  start?: number;
  end?: number;
  maxLength?: number;
  pairs: InfPair[];
  reach: Record<string, { nodes: number; persons: number; arrival: Record<string, number> }>;
  staticallyConnectedPairs: number;
  connectedInTimeOrder: number;
}

const MODES: TemporalPathMode[] = ['EARLIEST_ARRIVAL', 'SHORTEST', 'FASTEST', 'LATEST_DEPARTURE'];

/** What the reference says of one mode, in the terms of a returned path. */
function expected(r: Partial<SynPair>, mode: TemporalPathMode): Record<string, Num> {
  switch (mode) {
    case 'EARLIEST_ARRIVAL':
      return { arrival: r.earliestArrival!, links: r.earliestArrivalLinks! };
    case 'SHORTEST':
      return { links: r.shortestLinks!, arrival: r.shortestArrival! };
    case 'FASTEST':
      return { duration: r.fastestDuration!, links: r.fastestLinks!, departure: r.fastestDeparture! };
    case 'LATEST_DEPARTURE':
      return { departure: r.latestDeparture!, links: r.latestDepartureLinks! };
  }
}

function measured(p: TemporalPath, keys: string[]): Record<string, Num> {
  const all: Record<string, Num> = { arrival: p.arrival, departure: p.departure, duration: p.duration, links: p.steps.length };
  return Object.fromEntries(keys.map((k) => [k, all[k]]));
}

const queryOf = (c: { start?: number; end?: number; maxLength?: number; includeUndated?: boolean }) => ({
  start: c.start,
  end: c.end,
  maxLength: c.maxLength,
  includeUndated: c.includeUndated,
});

describe('temporal: the synthetic dated network against the brute-force reference', () => {
  const input = syntheticInput();
  const g = buildTemporalGraph(input);
  const ref = refJson<{ configs: SynConfig[] }>('temporal-synthetic.json');
  const day = (iso: string) => dayNumber(iso);

  it('the reference covers the hand-made cases', () => {
    const all = ref.configs.find((c) => c.name === 'all')!;
    const pair = (s: string, t: string) => all.pairs.find((p) => p.source === s && p.target === t);
    // same-day chain: SA-SB and SB-SC both on 2021-03-10
    expect(pair('SA', 'SC')).toMatchObject({ earliestArrival: day('2021-03-10'), earliestArrivalLinks: 2 });
    // later but shorter: LM reached on day 4 with 4 links, on day 20 with 1; LM-LT on day 25
    expect(pair('LA', 'LT')).toMatchObject({ earliestArrival: day('2021-03-26'), earliestArrivalLinks: 2, shortestLinks: 2 });
    // going back in time
    expect(pair('TA', 'TC')).toBeUndefined();
    expect(pair('TC', 'TA')).toBeDefined();
  });

  for (const cfg of ref.configs) {
    describe(`configuration "${cfg.name}"`, () => {
      const q = queryOf(cfg);
      const byPair = new Map(cfg.pairs.map((p) => [`${p.source}\u0000${p.target}`, p]));

      it.each(MODES)('%s: every ordered pair as the reference, each path checked step by step', (mode) => {
        const wrong: string[] = [];
        let paths = 0;
        for (const s of g.ids) {
          for (const t of g.ids) {
            if (s === t) continue;
            const r = byPair.get(`${s}\u0000${t}`);
            const p = timeRespectingPath(g, s, t, { ...q, mode });
            if (!r) {
              if (p) wrong.push(`${s} -> ${t}: a path where the reference has none`);
              continue;
            }
            if (!p) {
              wrong.push(`${s} -> ${t}: no path`);
              continue;
            }
            paths++;
            const want = expected(r, mode);
            const got = measured(p, Object.keys(want));
            if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${s} -> ${t}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
            for (const problem of pathProblems(input, p, { from: s, to: t, ...q })) wrong.push(`${s} -> ${t}: ${problem}`);
          }
        }
        expect(wrong.slice(0, 20)).toEqual([]);
        expect(paths).toBe(cfg.pairs.length);
      });

      it('temporal reach: the count and the earliest arrival from every source', () => {
        for (const s of g.ids) {
          const reach = temporalReach(g, s, { start: cfg.start, end: cfg.end, includeUndated: cfg.includeUndated });
          if (cfg.maxLength === undefined) {
            expect([s, reach.totalCount]).toEqual([s, cfg.reachCounts[s]]);
            const want = Object.fromEntries(cfg.pairs.filter((p) => p.source === s).map((p) => [p.target, p.earliestArrival]));
            expect(Object.fromEntries(reach.reached.map((x) => [x.id, x.arrival]))).toEqual(want);
          } else {
            // reach has no length bound: at least everything reached within maxLength links
            expect(reach.totalCount).toBeGreaterThanOrEqual(cfg.reachCounts[s]);
          }
        }
      });

      if (cfg.betweenness) {
        const want = cfg.betweenness;
        it('temporal betweenness: fractions of the earliest-arrival paths, as the reference counts them', () => {
          const bc = temporalBetweenness(g, { start: cfg.start, end: cfg.end, includeUndated: cfg.includeUndated });
          for (const id of g.ids) expect([id, bc.get(id)]).toEqual([id, expect.closeTo(want[id], 9)]);
        });
      }
    });
  }

  it('same-day chain: SA -> SB -> SC on one day, two steps dated 2021-03-10', () => {
    const p = timeRespectingPath(g, 'SA', 'SC')!;
    expect(p.steps.map((s) => [s.from, s.to, isoDay(s.date!)])).toEqual([
      ['SA', 'SB', '2021-03-10'],
      ['SB', 'SC', '2021-03-10'],
    ]);
    expect(p.duration).toBe(0);
  });

  it('later but shorter: LA reaches LT through the later direct link to LM (2 links, not 5)', () => {
    for (const mode of ['EARLIEST_ARRIVAL', 'SHORTEST'] as const) {
      const p = timeRespectingPath(g, 'LA', 'LT', { mode })!;
      expect(p.steps.map((s) => s.edge)).toEqual(['lbs-5', 'lbs-6']);
    }
    // with maxLength 1 there is no way; going back in time there is none either
    expect(timeRespectingPath(g, 'LA', 'LT', { maxLength: 1 })).toBeNull();
    expect(timeRespectingPath(g, 'TA', 'TC')).toBeNull();
  });

  it('person -> event -> person is two steps on the event day', () => {
    const p = timeRespectingPath(g, 'P04', 'P03', { linkTypes: ['ATTENDED'] })!;
    expect(p.steps.map((s) => [s.from, s.to, isoDay(s.date!)])).toEqual([
      ['P04', 'EV2', '2021-03-15'],
      ['EV2', 'P03', '2021-03-15'],
    ]);
  });

  it('ties are broken by ids, not by the order the links were given in', () => {
    const shuffled = { ...input, nodes: [...input.nodes].reverse(), edges: [...input.edges].reverse() };
    const h = buildTemporalGraph(shuffled);
    for (const mode of MODES) {
      for (const [s, t] of [
        ['P01', 'P12'],
        ['FA', 'FZ'],
        ['P02', 'P14'],
        ['SA', 'P09'],
      ]) {
        expect(timeRespectingPath(h, s, t, { mode })).toEqual(timeRespectingPath(g, s, t, { mode }));
      }
    }
  });

  it('unknown nodes are errors; a path to itself is none', () => {
    expect(() => timeRespectingPath(g, 'P01', 'nobody')).toThrow(/unknown node "nobody"/);
    expect(timeRespectingPath(g, 'P01', 'P01')).toBeNull();
  });
});

describe('temporal: Infinito against the chronological-scan reference', () => {
  const input = infinitoInput();
  const g = buildTemporalGraph(input);
  const ref = refJson<{ configs: InfConfig[]; meetings: number; persons: number }>('temporal-infinito.json');

  it('reads the same network as the reference', () => {
    expect(g.n).toBe(ref.persons + ref.meetings);
  });

  for (const cfg of ref.configs) {
    describe(`configuration "${cfg.name}"`, () => {
      const q = queryOf(cfg);
      it.each(MODES)('%s on the sampled statically connected pairs, each path checked', (mode) => {
        const wrong: string[] = [];
        let connected = 0;
        for (const r of cfg.pairs) {
          const p = timeRespectingPath(g, r.source, r.target, { ...q, mode });
          if (r.earliestArrival === undefined) {
            if (p) wrong.push(`${r.source} -> ${r.target}: a path where the reference has none`);
            continue;
          }
          if (!p) {
            wrong.push(`${r.source} -> ${r.target}: no path`);
            continue;
          }
          connected++;
          const want = expected(r, mode);
          const got = measured(p, Object.keys(want));
          if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${r.source} -> ${r.target}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
          for (const problem of pathProblems(input, p, { from: r.source, to: r.target, ...q })) wrong.push(`${r.source} -> ${r.target}: ${problem}`);
        }
        expect(wrong.slice(0, 20)).toEqual([]);
        expect(connected).toBe(cfg.connectedInTimeOrder);
      });

      it('temporal reach from the sampled sources: counts and earliest arrivals', () => {
        for (const [s, want] of Object.entries(cfg.reach)) {
          const opts = { start: cfg.start, end: cfg.end };
          const all = temporalReach(g, s, opts);
          expect([s, all.totalCount]).toEqual([s, want.nodes]);
          expect([s, temporalReach(g, s, { ...opts, entityTypes: ['Person'] }).totalCount]).toEqual([s, want.persons]);
          expect(Object.fromEntries(all.reached.map((x) => [x.id, x.arrival]))).toEqual(want.arrival);
        }
      });
    });
  }
});

describe('temporal: the time of a link and the network as of a window', () => {
  const d = dayNumber;
  it('day numbers', () => {
    expect(d('1970-01-01')).toBe(0);
    expect(d('2008-02-29')).toBe(13938);
    expect(isoDay(13938)).toBe('2008-02-29');
    expect(() => d('2007-02-29')).toThrow(/not a calendar date/);
    expect(() => d('18/10/2007')).toThrow(/not an ISO date/);
  });

  it('own date, else an Event end, else since/until, else undated', () => {
    expect(linkTime({ date: 5, targetEventDate: 9, since: 1, until: 3 })).toEqual({ kind: 'point', date: 5 });
    expect(linkTime({ sourceEventDate: 8, targetEventDate: 9 })).toEqual({ kind: 'point', date: 8 });
    expect(linkTime({ targetEventDate: 9, since: 1 })).toEqual({ kind: 'point', date: 9 });
    expect(linkTime({ since: 1, until: 3 })).toEqual({ kind: 'interval', since: 1, until: 3 });
    expect(linkTime({ until: 3 })).toEqual({ kind: 'interval', until: 3 });
    expect(linkTime({})).toEqual({ kind: 'undated' });
    expect(() => linkTime({ since: 4, until: 3 })).toThrow(/after until/);
  });

  it('a window keeps point links inside it, intervals overlapping it, undated ones on request', () => {
    const links = [
      { id: 'p', time: { kind: 'point', date: 10 } as const },
      { id: 'i', time: { kind: 'interval', since: 12, until: 20 } as const },
      { id: 'open', time: { kind: 'interval', since: 15 } as const },
      { id: 'u', time: { kind: 'undated' } as const },
      { id: 'none' },
    ];
    const ids = (w: Parameters<typeof networkAsOf>[1]) => networkAsOf(links, w).map((l) => l.id);
    expect(ids({ asOf: 10 })).toEqual(['p']);
    expect(ids({ asOf: 12 })).toEqual(['i']);
    expect(ids({ from: 10, to: 12 })).toEqual(['p', 'i']);
    expect(ids({ from: 21 })).toEqual(['open']);
    expect(ids({ to: 11, includeUndated: true })).toEqual(['p', 'u', 'none']);
    expect(ids({ from: 16, to: 16 })).toEqual(['i', 'open']);
    expect(() => linkValidIn(undefined, { from: 3, to: 2 })).toThrow(/ends before/);
  });
});

describe('temporal: intervals, open ends, undated links and directions on hand-checked graphs', () => {
  const mk = (edges: TemporalEdge[]) => buildTemporalGraph({ nodes: ['a', 'b', 'c', 'd'], edges });
  it('an interval link is passed on the earliest day it can be; FASTEST waits for the later departure', () => {
    const g = mk([
      { id: '1', source: 'a', target: 'b', time: { kind: 'interval', since: 1, until: 10 } },
      { id: '2', source: 'b', target: 'c', time: { kind: 'point', date: 10 } },
    ]);
    expect(timeRespectingPath(g, 'a', 'c')!.steps.map((s) => s.date)).toEqual([1, 10]);
    expect(timeRespectingPath(g, 'a', 'c', { mode: 'FASTEST' })).toMatchObject({ departure: 10, arrival: 10, duration: 0 });
    expect(timeRespectingPath(g, 'a', 'c', { mode: 'LATEST_DEPARTURE' })).toMatchObject({ departure: 10, arrival: 10 });
    expect(timeRespectingPath(g, 'a', 'c', { start: 4 })!.steps.map((s) => s.date)).toEqual([4, 10]);
    expect(timeRespectingPath(g, 'a', 'c', { end: 9 })).toBeNull();
    expect(timeRespectingPath(g, 'a', 'c', { start: 11 })).toBeNull();
  });
  it('an undated link is not passable unless includeUndated, and then takes the day of its neighbours', () => {
    const g = mk([
      { id: '1', source: 'a', target: 'b' },
      { id: '2', source: 'b', target: 'c', time: { kind: 'point', date: 7 } },
      { id: '3', source: 'c', target: 'd' },
    ]);
    expect(timeRespectingPath(g, 'a', 'd')).toBeNull();
    expect(temporalReach(g, 'a').totalCount).toBe(0);
    expect(timeRespectingPath(g, 'a', 'd', { includeUndated: true })!.steps.map((s) => s.date)).toEqual([7, 7, 7]);
    expect(timeRespectingPath(g, 'a', 'b', { includeUndated: true })).toMatchObject({ departure: null, arrival: null, duration: 0 });
    expect(timeRespectingPath(g, 'a', 'b', { includeUndated: true, start: 3 })).toMatchObject({ departure: 3, arrival: 3 });
  });
  it('a directed link is passed one way only; linkTypes restricts the links', () => {
    const g = mk([
      { id: '1', source: 'a', target: 'b', directed: true, type: 'PAID', time: { kind: 'point', date: 1 } },
      { id: '2', source: 'b', target: 'c', type: 'CALLED', time: { kind: 'point', date: 2 } },
    ]);
    expect(timeRespectingPath(g, 'a', 'c')).not.toBeNull();
    expect(timeRespectingPath(g, 'c', 'a')).toBeNull();
    expect(timeRespectingPath(g, 'a', 'c', { linkTypes: ['CALLED'] })).toBeNull();
    expect(temporalReach(g, 'a', { linkTypes: ['PAID'] }).reached).toEqual([{ id: 'b', arrival: 1 }]);
  });
  it('betweenness splits a pair between equally early paths', () => {
    const g = mk([
      { id: '1', source: 'a', target: 'b', time: { kind: 'point', date: 1 } },
      { id: '2', source: 'a', target: 'c', time: { kind: 'point', date: 1 } },
      { id: '3', source: 'b', target: 'd', time: { kind: 'point', date: 2 } },
      { id: '4', source: 'c', target: 'd', time: { kind: 'point', date: 2 } },
    ]);
    const bc = temporalBetweenness(g);
    // a -> d: two paths (via b, via c); d -> a cannot go back in time; b -> c via a needs day 1 after day 1 (same day: yes)
    expect(Object.fromEntries(bc)).toEqual({ a: 2, b: 0.5, c: 0.5, d: 0 });
    // scoped to pairs from a: only a -> d has intermediates; normalised by (n-1)(n-2) = 6
    expect(Object.fromEntries(temporalBetweenness(g, { sources: ['a'] }))).toEqual({ a: 0, b: 0.5, c: 0.5, d: 0 });
    expect(temporalBetweenness(g, { normalized: true }).get('a')).toBeCloseTo(2 / 6, 12);
    // a window that ends on day 1: nobody reaches d, b and c reach each other through a
    expect(Object.fromEntries(temporalBetweenness(g, { end: 1 }))).toEqual({ a: 2, b: 0, c: 0, d: 0 });
  });
});
