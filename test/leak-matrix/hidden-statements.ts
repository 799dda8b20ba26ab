import { entityIdOf } from '../support/fixtures';
import { answersWithoutAndWithHidden, GqlResponse, startServer, TestServer, token } from '../support/harness';

/**
 * Nothing hidden shapes an answer (issue 8, leak matrix additions). A SECRET report restates the
 * visible entities of an UNCLASSIFIED one: other names (which would sort first), another country
 * and kind for the organisation, a bridge between groups, and 6,000 namesakes for the search cap.
 * For a RESTRICTED analyst every answer (labels, properties, list order, cursors, search totals
 * and caps, crossBorder, import counts) must equal the answer on a database that holds only the
 * visible report: a differential check, cursors included (they are sealed deterministically).
 */

const VISIBLE = {
  report: {
    id: 'LEAK-VISIBLE',
    title: 'visible',
    date: '2024-01-10',
    agency: 'ME-UP',
    classification: 'UNCLASSIFIED',
    releasableTo: [],
    sourceReliability: 'B',
    informationAccuracy: 2,
  },
  entities: [
    { ref: 'a', type: 'Person', name: 'Mirko Brkić', nationalities: ['ME'] },
    { ref: 'b', type: 'Person', name: 'Nada Brkić', nationalities: ['ME'] },
    { ref: 'c', type: 'Person', name: 'Ognjen Lakić', nationalities: ['RS'] },
    { ref: 'g', type: 'Organisation', name: 'Lovćen group', kind: 'CRIMINAL_GROUP', country: 'ME' },
    { ref: 'h', type: 'Organisation', name: 'Tara crew', kind: 'CRIMINAL_GROUP', country: 'ME' },
  ],
  links: [
    { type: 'MEMBER_OF', from: 'a', to: 'g' },
    { type: 'MEMBER_OF', from: 'b', to: 'g' },
    { type: 'MEMBER_OF', from: 'c', to: 'h' },
    { type: 'ASSOCIATE_OF', from: 'a', to: 'c', weight: 2 },
  ],
};
const MIRKO = entityIdOf(VISIBLE.entities[0]);
const LOVCEN = entityIdOf(VISIBLE.entities[3]);
const TARA = entityIdOf(VISIBLE.entities[4]);

const HIDDEN = {
  report: {
    id: 'LEAK-HIDDEN',
    title: 'hidden',
    date: '2024-02-10',
    agency: 'ES-PN',
    classification: 'SECRET',
    releasableTo: ['ES-PN'],
    sourceReliability: 'A',
    informationAccuracy: 1,
  },
  entities: [
    // restatements by id: a better graded name that would sort first, another country and kind
    { ref: 'a', type: 'Person', id: MIRKO, name: 'Aaron Secretname', aliases: ['Zloto'], nationalities: ['CO'] },
    { ref: 'g', type: 'Organisation', id: LOVCEN, name: 'Aardvark Holdings', kind: 'COMPANY', country: 'CO' },
    { ref: 't', type: 'Organisation', id: TARA, name: 'Tara crew', country: 'BR' },
    { ref: 'x', type: 'Person', name: 'Xaver Hidden', nationalities: ['ES'] },
    // namesakes that would fill the search cap before the visible ones
    ...Array.from({ length: 6000 }, (_, i) => ({ ref: `n${i}`, type: 'Person', name: `Brkic Namesake ${i}` })),
  ],
  links: [
    // a bridge through a hidden membership
    { type: 'MEMBER_OF', from: 'a', to: 't' },
    { type: 'ASSOCIATE_OF', from: 'x', to: 'a', weight: 1000 },
  ],
};

const QUERIES: Array<[string, string, Record<string, unknown>?]> = [
  [
    'entities',
    `{ m: entity(id: "${MIRKO}") { id label sources { reportId } ... on Person { name aliases nationalities memberships { entity { id label } } associates { weight entity { id } } } }
      g: entity(id: "${LOVCEN}") { id label ... on Organisation { name kind country members { entity { id } } } } }`,
  ],
  ['persons', '{ persons(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id label } } } }'],
  [
    'personsByName',
    '{ a: persons(name: "aaron") { totalCount } b: persons(name: "brkic") { totalCount edges { node { id } } } co: persons(nationality: "CO") { totalCount } }',
  ],
  ['searchBrkic', '{ search(text: "brkic", first: 5) { totalCount edges { cursor node { id label } } } }'],
  [
    'searchRestated',
    '{ visible: search(text: "lovcen") { totalCount edges { node { id label } } } hidden: search(text: "aardvark") { totalCount } alias: search(text: "zloto") { totalCount } }',
  ],
  [
    'crossBorder',
    '{ crossBorder(top: 20) { countryLinks { countryA countryB links } organisations { organisation { id label } countries } bridges { person { id label } countries groups { organisation { id } via } } } }',
  ],
  [
    'neighbourhood',
    `{ neighbourhood(id: "${MIRKO}", depth: 2) { nodes { id label properties } edges { id type source target properties sources { reportId } } } }`,
  ],
  [
    'analysis',
    '{ c: centrality(algorithm: DEGREE, top: 10) { entity { id } score } k: communities(algorithm: LOUVAIN, seed: 1) { modularity communities { size members { id } } } }',
  ],
];

describe('nothing hidden shapes an answer: differential check against a database without the hidden report', () => {
  let server: TestServer;
  let reader: string;
  let loader: string;
  let full: Map<string, GqlResponse>;
  let control: Map<string, GqlResponse>;

  /** The loader's import of a report that restates an entity only the hidden report states. */
  const LOADER_DOC = {
    report: { id: 'LEAK-LOADER', title: 'loader', date: '2024-03-01', agency: 'IT-PS', classification: 'RESTRICTED', releasableTo: [] },
    entities: [
      { ref: 'x', type: 'Person', name: 'Xaver Hidden', nationalities: ['ES'] },
      { ref: 'm', type: 'Person', name: 'Mirko Brkić' },
    ],
    links: [{ type: 'ASSOCIATE_OF', from: 'x', to: 'm' }],
  };
  const IMPORT =
    'mutation { importReport(report: $r) { nodes { created updated unchanged } links { created updated unchanged } entities { ref id } } }'.replace(
      'mutation {',
      'mutation ($r: ReportInput!) {',
    );

  async function answers(): Promise<Map<string, GqlResponse>> {
    const into = new Map<string, GqlResponse>();
    for (const [name, query] of QUERIES) into.set(name, await server.gql(query, undefined, reader));
    // page 2 through the first page's cursor
    const cursor = into.get('persons')!.data!.persons.pageInfo.endCursor;
    into.set(
      'persons2',
      await server.gql('query ($a: String) { persons(first: 2, after: $a) { totalCount edges { cursor node { id } } } }', { a: cursor }, reader),
    );
    into.set('import', await server.gql(IMPORT, { r: LOADER_DOC }, loader));
    return into;
  }

  beforeAll(async () => {
    server = await startServer();
    reader = await token({ sub: 'leak-reader', roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'RESTRICTED' });
    loader = await token({ sub: 'leak-loader', roles: ['loader'], agency: 'IT-PS', country: 'IT', clearance: 'RESTRICTED' });
    // The hidden report first in the second run: it creates the shared entities, so the database
    // stores them (and scans them) in another order than the control does; no answer may depend on
    // that order.
    ({ control, full } = await answersWithoutAndWithHidden(server.db, VISIBLE, HIDDEN, answers));
  });
  afterAll(() => server.stop());

  it.each([...QUERIES.map(([n]) => n), 'persons2', 'import'])('%s: equal to the answer without the hidden report', (name) => {
    const got = full.get(name)!;
    expect(got.errors).toBeUndefined();
    expect(got.data).toEqual(control.get(name)!.data);
    expect(JSON.stringify(got)).not.toMatch(/aaron|secretname|aardvark|zloto|xaver|namesake|LEAK-HIDDEN|ES-PN/i);
  });

  it('the visible data is there (the check cannot pass by showing nothing)', () => {
    const e = full.get('entities')!.data!;
    expect(e.m).toMatchObject({ label: 'Mirko Brkić', nationalities: ['ME'], aliases: [] });
    expect(e.g).toMatchObject({ label: 'Lovćen group', kind: 'CRIMINAL_GROUP', country: 'ME' });
    expect(full.get('searchBrkic')!.data!.search.totalCount).toBe(2);
    expect(full.get('persons')!.data!.persons.edges.map((x: { node: { label: string } }) => x.node.label)).toEqual(['Mirko Brkić', 'Nada Brkić']);
    expect(full.get('import')!.data!.importReport.nodes).toEqual({ created: 1, updated: 1, unchanged: 0 });
    // cursors are opaque: nothing readable inside
    const cursor: string = full.get('persons')!.data!.persons.pageInfo.endCursor;
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/brk|nada|mirko/i);
  });

  it('the hidden report really is there for a reader cleared for it', async () => {
    const es = await token({ sub: 'leak-es', roles: ['analyst'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' });
    const res = await server.gql(`{ entity(id: "${MIRKO}") { label ... on Person { aliases } } search(text: "brkic") { totalCount } }`, undefined, es);
    // the hidden report's alias is there; its A1 name is not the label: two agencies (ME-UP and the
    // loader's IT-PS) state "Mirko Brkić", one states "Aaron Secretname" (issue 16, item 11)
    expect(res.data!.entity).toEqual({ label: 'Mirko Brkić', aliases: ['Zloto'] });
    expect(res.data!.search.totalCount).toBe(5000);
  });

  it('a forged cursor is refused with BAD_USER_INPUT', async () => {
    const forged = Buffer.from(JSON.stringify({ sortKey: 'a', id: MIRKO })).toString('base64url');
    const res = await server.gql('query ($a: String) { persons(after: $a) { totalCount } }', { a: forged }, reader);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'after', message: 'not a cursor returned by this API' }] });
  });
});
