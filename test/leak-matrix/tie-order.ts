import { entityIdOf } from '../support/fixtures';
import { answersWithoutAndWithHidden, GqlResponse, startServer, TestServer, token } from '../support/harness';

/**
 * Ties never follow storage order (issue 16, item 9). Two paths of equal length between Tia Anders
 * and Tia Borg (through two persons who share a label), two operations of equal score linked to a
 * third through the same two persons. Which path `shortestPaths` (all: false)
 * answers, the order of `all: true`, of `connectingNetwork`'s edges and of `linkedOperations` and
 * its `shared` entities followed the order the store found them in, which a hidden report imported
 * first shapes (it creates the entities it restates, so the store holds them in another order).
 * Every answer must be the same with and without the hidden report imported first, and ties are
 * broken by id: the expectations below are written from the ids alone.
 */

const VISIBLE = {
  report: {
    id: 'TIE-VISIBLE',
    title: 'visible',
    date: '2024-01-10',
    agency: 'ME-UP',
    classification: 'UNCLASSIFIED',
    releasableTo: [],
    sourceReliability: 'B',
    informationAccuracy: 2,
  },
  entities: [
    { ref: 'a', type: 'Person', name: 'Tia Anders', birthDate: '1970-01-01' },
    { ref: 'b', type: 'Person', name: 'Tia Borg', birthDate: '1971-01-01' },
    { ref: 'm1', type: 'Person', name: 'Tia Middle', birthDate: '1980-01-01' },
    { ref: 'm2', type: 'Person', name: 'Tia Middle', birthDate: '1981-01-01' },
    { ref: 'op', type: 'Operation', name: 'Operation Tieline', kind: 'INVESTIGATION' },
    { ref: 'q1', type: 'Operation', name: 'Operation Twin A', kind: 'INVESTIGATION' },
    { ref: 'q2', type: 'Operation', name: 'Operation Twin B', kind: 'INVESTIGATION' },
  ],
  links: [
    { type: 'ASSOCIATE_OF', from: 'a', to: 'm1' },
    { type: 'ASSOCIATE_OF', from: 'm1', to: 'b' },
    { type: 'ASSOCIATE_OF', from: 'a', to: 'm2' },
    { type: 'ASSOCIATE_OF', from: 'm2', to: 'b' },
    { type: 'TARGETED', from: 'op', to: 'm1' },
    { type: 'TARGETED', from: 'op', to: 'm2' },
    { type: 'TARGETED', from: 'q1', to: 'm1' },
    { type: 'TARGETED', from: 'q1', to: 'm2' },
    { type: 'TARGETED', from: 'q2', to: 'm1' },
    { type: 'TARGETED', from: 'q2', to: 'm2' },
  ],
};
const idOf = Object.fromEntries(VISIBLE.entities.map((e) => [e.ref, entityIdOf(e)]));
const [A, B] = [idOf.a, idOf.b];
const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
/** The middle persons in id order: the order every tie between them must follow. */
const MIDDLE = [idOf.m1, idOf.m2].sort(byId);
/** The twin operations (equal scores) in label order. */
const TWINS = [idOf.q1, idOf.q2];

/**
 * A SECRET report of another agency that restates, by id, the middle person and the twin operation
 * that sort last, and links them the same way: imported first, it creates them (and its links)
 * before the visible report does, so the store holds them first.
 */
const HIDDEN = {
  report: {
    id: 'TIE-HIDDEN',
    title: 'hidden',
    date: '2024-02-10',
    agency: 'ES-PN',
    classification: 'SECRET',
    releasableTo: ['ES-PN'],
    sourceReliability: 'A',
    informationAccuracy: 1,
  },
  entities: [
    { ref: 'a', type: 'Person', id: A, name: 'Tia Anders' },
    { ref: 'b', type: 'Person', id: B, name: 'Tia Borg' },
    { ref: 'm', type: 'Person', id: MIDDLE[1], name: 'Tia Middle' },
    { ref: 'op', type: 'Operation', id: idOf.op, name: 'Operation Tieline', kind: 'INVESTIGATION' },
    { ref: 'q', type: 'Operation', id: TWINS[1], name: 'Operation Twin B', kind: 'INVESTIGATION' },
  ],
  links: [
    { type: 'ASSOCIATE_OF', from: 'a', to: 'm' },
    { type: 'ASSOCIATE_OF', from: 'm', to: 'b' },
    { type: 'TARGETED', from: 'op', to: 'm' },
    { type: 'TARGETED', from: 'q', to: 'm' },
  ],
};

const PATH = 'length nodes { id } edges { type source target orientation }';
const QUERIES: Array<[string, string]> = [
  ['shortestPaths', `{ shortestPaths(from: "${A}", to: "${B}") { ${PATH} } }`],
  ['shortestPathsBack', `{ shortestPaths(from: "${B}", to: "${A}") { ${PATH} } }`],
  ['shortestPathsAll', `{ shortestPaths(from: "${A}", to: "${B}", all: true) { ${PATH} } }`],
  ['connectingNetwork', `{ connectingNetwork(ids: ["${A}", "${B}"]) { truncated nodes { id } edges { type source target } } }`],
  ['linkedOperations', `{ linkedOperations(id: "${idOf.op}") { operation { id label } score shared { type entity { id } } } }`],
];

describe('leak matrix: ties are broken by id, never by the storage order hidden imports shape', () => {
  let server: TestServer;
  let reader: string;
  let full: Map<string, GqlResponse>;
  let control: Map<string, GqlResponse>;

  async function answers(): Promise<Map<string, GqlResponse>> {
    const into = new Map<string, GqlResponse>();
    for (const [name, query] of QUERIES) into.set(name, await server.gql(query, undefined, reader));
    return into;
  }

  beforeAll(async () => {
    server = await startServer();
    reader = await token({ sub: 'tie-reader', roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'RESTRICTED' });
    ({ control, full } = await answersWithoutAndWithHidden(server.db, VISIBLE, HIDDEN, answers));
  });
  afterAll(() => server.stop());

  it.each(QUERIES.map(([n]) => n))('%s: equal to the answer without the hidden report', (name) => {
    const got = full.get(name)!;
    expect(got.errors).toBeUndefined();
    expect(got.data).toEqual(control.get(name)!.data);
    expect(JSON.stringify(got)).not.toMatch(/TIE-HIDDEN|ES-PN/);
  });

  it.each(['with', 'without'])('%s the hidden report, every tie goes to the smaller id', (label) => {
    const answered = label === 'with' ? full : control;
    const nodes = (p: { nodes: Array<{ id: string }> }) => p.nodes.map((n) => n.id);
    // one path: through the middle person whose id sorts first
    expect(answered.get('shortestPaths')!.data!.shortestPaths.map(nodes)).toEqual([[A, MIDDLE[0], B]]);
    expect(answered.get('shortestPathsBack')!.data!.shortestPaths.map(nodes)).toEqual([[B, MIDDLE[0], A]]);
    // all paths: in the order of the ids along them
    expect(answered.get('shortestPathsAll')!.data!.shortestPaths.map(nodes)).toEqual(MIDDLE.map((m) => [A, m, B]));
    // the connecting network: both middles, the four links
    const net = answered.get('connectingNetwork')!.data!.connectingNetwork;
    expect(net.nodes.map((n: { id: string }) => n.id).sort(byId)).toEqual([A, B, ...MIDDLE].sort(byId));
    expect(net.edges).toHaveLength(4);
    // equal scores: the twin operations by label; the shared persons (equal labels) in id order
    const linked = answered.get('linkedOperations')!.data!.linkedOperations;
    expect(linked.map((l: { operation: { id: string; label: string }; score: number }) => [l.operation.id, l.operation.label, l.score])).toEqual([
      [TWINS[0], 'Operation Twin A', 6],
      [TWINS[1], 'Operation Twin B', 6],
    ]);
    for (const l of linked) expect(l.shared.map((s: { entity: { id: string } }) => s.entity.id)).toEqual(MIDDLE);
  });

  it('the hidden report really is there for a reader cleared for it', async () => {
    const es = await token({ sub: 'tie-es', roles: ['analyst'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' });
    const res = await server.gql(`{ entity(id: "${MIDDLE[1]}") { sources { reportId } } }`, undefined, es);
    expect(res.data!.entity.sources.map((s: { reportId: string }) => s.reportId).sort()).toEqual(['TIE-HIDDEN', 'TIE-VISIBLE']);
  });
});
