import { cypher } from '../src/db/cypher';
import { entityIdOf } from './support/fixtures';
import { startSeededServer, TestServer } from './support/harness';

/**
 * Graph-shaped answers hold every visible link among their nodes (issue 16, item 12).
 * `neighbourhood(<Škaljari clan>, depth: 2)` answered 48 nodes and 75 edges while `subgraph` of the
 * same 48 nodes answered 87: the links between two nodes of the last level (and to countries) were
 * never read. The oracle here is the store itself, read with the raw driver: every link statement
 * among the answer's nodes of a report this caller (the harness's analyst: SECRET, EUROPOL, NL) may
 * see by the releasability rule written out below, of the asked link types, dated inside the
 * asked window by the rule written out below.
 */

const SKALJARI = entityIdOf({ type: 'Organisation', name: 'Škaljari clan', country: 'ME' });
const PEROVIC = entityIdOf({ type: 'Person', name: 'Luka Perović', birthDate: '1986-03-14' });
const MUCAJ = entityIdOf({ type: 'Person', name: 'Klodian Muçaj', birthDate: '1990-02-27' });

type Edge = { id: string; type: string; source: string; target: string };
type Graph = { truncated: boolean; nodes: Array<{ id: string }>; edges: Edge[] };
const EDGE = 'id type source target';
/** A link by its type and ends (its id is made of them), so that the test reads no new field. */
const keyOf = (l: { type: string; source: string; target: string }) => `${l.type}|${l.source}|${l.target}`;

interface StoredLink {
  id: string;
  type: string;
  source: string;
  target: string;
  since: string | null;
  date: string | null;
  until: string | null;
}

describe('graph-shaped answers hold every visible link among their nodes', () => {
  let server: TestServer;
  let stored: StoredLink[];

  beforeAll(async () => {
    server = await startSeededServer();
    stored = await server.db.read<StoredLink>(
      `MATCH (a:Entity)-[r]->(b:Entity) MATCH (rep:Report {id: r.report})
       WHERE size(rep.releasableTo) = 0 OR any(x IN rep.releasableTo WHERE x IN ['NL', 'EUROPOL'])
       RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target,
              toString(r.since) AS since, toString(r.date) AS date, toString(r.until) AS until`,
    );
  });
  afterAll(() => server.stop());

  /** The visible links among these nodes (of these types; a statement dated inside the window), by key. */
  function oracle(nodes: string[], types?: string[], window?: { from: string; to: string }): string[] {
    const among = new Set(nodes);
    const ids = new Set<string>();
    for (const l of stored) {
      if (!among.has(l.source) || !among.has(l.target)) continue;
      if (types && !types.includes(l.type)) continue;
      if (window) {
        // a dated statement counts when its period [start, end] meets the window; undated always
        const start = l.since ?? l.date ?? l.until;
        const end = l.until ?? l.date ?? l.since;
        if (end !== null && end < window.from) continue;
        if (start !== null && start > window.to) continue;
      }
      ids.add(keyOf(l));
    }
    return [...ids].sort();
  }
  const linkIds = (g: Graph) => g.edges.map(keyOf).sort();
  const nodeIds = (g: Graph) => g.nodes.map((n) => n.id);

  async function neighbourhood(vars: Record<string, unknown>): Promise<Graph> {
    const res = await server.gql<{ neighbourhood: Graph }>(
      `query ($id: ID!, $d: Int, $l: Int, $t: [LinkType!], $from: Date, $to: Date) {
        neighbourhood(id: $id, depth: $d, limit: $l, linkTypes: $t, from: $from, to: $to) { truncated nodes { id } edges { ${EDGE} } } }`,
      vars,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.neighbourhood;
  }
  async function subgraph(ids: string[], vars: Record<string, unknown> = {}): Promise<Graph> {
    const res = await server.gql<{ subgraph: Graph }>(
      `query ($ids: [ID!]!, $t: [LinkType!], $from: Date, $to: Date) { subgraph(ids: $ids, linkTypes: $t, from: $from, to: $to) { truncated nodes { id } edges { ${EDGE} } } }`,
      { ids, ...vars },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.subgraph;
  }

  it('neighbourhood(Škaljari clan, depth 2) answers the same links as subgraph of its nodes: all the stored ones', async () => {
    const hood = await neighbourhood({ id: SKALJARI, d: 2, l: 2000 });
    expect(hood.truncated).toBe(false);
    expect(hood.nodes.length).toBeGreaterThan(30);
    const expected = oracle(nodeIds(hood));
    expect(linkIds(hood)).toEqual(expected);
    expect(linkIds(await subgraph(nodeIds(hood)))).toEqual(expected);
    // every edge is listed once
    expect(new Set(hood.edges.map((e) => e.id)).size).toBe(hood.edges.length);
  });

  it('at every depth, and with link types or a time window, the links are those among the nodes (within the filters)', async () => {
    for (const d of [1, 3]) {
      const hood = await neighbourhood({ id: PEROVIC, d, l: 2000 });
      expect(linkIds(hood)).toEqual(oracle(nodeIds(hood)));
    }
    const types = ['MEMBER_OF', 'ASSOCIATE_OF', 'TARGETED'];
    const typed = await neighbourhood({ id: SKALJARI, d: 2, l: 2000, t: types });
    expect(typed.edges.length).toBeGreaterThan(0);
    expect(linkIds(typed)).toEqual(oracle(nodeIds(typed), types));
    // a window from the median end date of the dated links around the clan: it leaves some out
    const around = new Set(nodeIds(await neighbourhood({ id: SKALJARI, d: 2, l: 2000 })));
    const ends = stored
      .filter((l) => around.has(l.source) && around.has(l.target))
      .map((l) => l.until ?? l.date ?? l.since)
      .filter((d): d is string => d !== null)
      .sort();
    expect(ends.length).toBeGreaterThan(4);
    const window = { from: ends[Math.floor(ends.length / 2)], to: '2100-12-31' };
    const dated = await neighbourhood({ id: SKALJARI, d: 2, l: 2000, ...window });
    expect(linkIds(dated)).toEqual(oracle(nodeIds(dated), undefined, window));
    // the same window over all the clan's depth-2 nodes leaves some links out, and subgraph agrees
    const all = [...around];
    const inside = oracle(all, undefined, window);
    expect(inside.length).toBeLessThan(oracle(all).length);
    expect(linkIds(await subgraph(all, window))).toEqual(inside);
  });

  it('a capped neighbourhood says it was truncated and still holds every link among the nodes it kept', async () => {
    const whole = await neighbourhood({ id: SKALJARI, d: 2, l: 2000 });
    const capped = await neighbourhood({ id: SKALJARI, d: 2, l: 12 });
    expect(capped.truncated).toBe(true);
    expect(capped.nodes).toHaveLength(12);
    expect(whole.nodes.length).toBeGreaterThan(12);
    expect(linkIds(capped)).toEqual(oracle(nodeIds(capped)));
  });

  it('connectingNetwork holds every visible link among the nodes of its paths', async () => {
    const sent: string[] = [];
    server.db.onQuery = (text) => sent.push(text);
    let res;
    try {
      res = await server.gql<{ connectingNetwork: Graph }>(
        `{ connectingNetwork(ids: ["${PEROVIC}", "${MUCAJ}", "${SKALJARI}"]) { truncated nodes { id } edges { ${EDGE} } } }`,
      );
    } finally {
      server.db.onQuery = undefined;
    }
    // one read for the paths, one for the nodes and links among them: the links the paths walk are
    // not read a second time
    expect(sent.filter((q) => q === cypher('links-by-keys'))).toEqual([]);
    expect(sent.filter((q) => q === cypher('subgraph-among'))).toHaveLength(1);
    expect(res.errors).toBeUndefined();
    const net = res.data!.connectingNetwork;
    expect(net.truncated).toBe(false);
    expect(nodeIds(net)).toEqual(expect.arrayContaining([PEROVIC, MUCAJ, SKALJARI]));
    expect(linkIds(net)).toEqual(oracle(nodeIds(net)));
  });
});
