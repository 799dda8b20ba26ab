import { CSV_COLUMNS, ExportGraph, toCSV, toCytoscapeJSON, toGEXF, toGraphML } from '../src/export';
import { CONF, CONF_SECRETS, importFixture, PUB, USERS } from './support/explorer-fixture';
import { FORMATS, Parsed, readCsv, readCytoscape, READERS, readGraphml, readWithNetworkx } from './support/export-readers';
import { resetDatabase, startServer, TestServer, token } from './support/harness';

/**
 * Exports (issue 12): each format is read back by an independent parser (graphology-graphml,
 * graphology-gexf, Cytoscape.js headless, csv-parse) and compared with the `neighbourhood`
 * answer of the same caller; a restricted caller's files hold nothing of hidden reports.
 */

// ---------------------------------------------------------------------------------------------
// The writers alone (pure functions)
// ---------------------------------------------------------------------------------------------

describe('export writers', () => {
  const src = (reportId: string, classification: string, grade = 'B2') => ({
    reportId,
    title: `title of ${reportId}`,
    agency: 'XX-PD',
    date: '2021-01-01',
    classification,
    handlingCodes: ['H1'],
    sourceReliability: grade[0],
    informationAccuracy: Number(grade[1]),
  });
  const graph: ExportGraph = {
    title: 'unit test',
    generatedAt: '2026-01-01T00:00:00.000Z',
    exportedBy: 'tester',
    nodes: [
      {
        id: 'n:1',
        type: 'Person',
        label: 'Ann <&> "Quote" \'s',
        properties: { name: 'Ann', aliases: ['A', 'B'], birthDate: '1980-01-01' },
        sources: [src('R1', 'RESTRICTED', 'C3'), src('R2', 'UNCLASSIFIED', 'A1')],
      },
      { id: 'n:2', type: 'Person', label: 'Bob, "the, comma"', properties: { name: 'Bob' }, sources: [src('R1', 'RESTRICTED')] },
      {
        id: 'n:3',
        type: 'Operation',
        label: 'Op',
        properties: { startDate: '2021-01-01', endDate: '2021-02-01', countries: ['ES'] },
        sources: [src('R3', 'SECRET')],
      },
      { id: 'country:ES', type: 'Country', label: 'Spain', properties: { code: 'ES' }, sources: [] },
    ],
    edges: [
      {
        id: 'e1',
        type: 'ASSOCIATE_OF',
        source: 'n:1',
        target: 'n:2',
        directed: false,
        properties: { weight: 2, since: '2020-05-01' },
        sources: [src('R1', 'RESTRICTED')],
      },
      { id: 'e2', type: 'ARRESTED', source: 'n:3', target: 'n:1', directed: true, properties: { date: '2021-01-15' }, sources: [src('R3', 'SECRET')] },
      { id: 'e3', type: 'TARGETED', source: 'n:3', target: 'n:1', directed: true, properties: {}, sources: [src('R2', 'UNCLASSIFIED')] },
    ],
  };

  it.each(FORMATS)('%s: every node and link, with type, label, direction, sources and classification', (format) => {
    const text = { graphml: toGraphML, gexf: toGEXF, cytoscape: toCytoscapeJSON, csv: toCSV }[format]!(graph);
    const parsed = READERS[format](text);
    expect(parsed.classification).toBe('SECRET');
    expect([...parsed.nodes.keys()].sort()).toEqual(['country:ES', 'n:1', 'n:2', 'n:3']);
    expect(parsed.nodes.get('n:1')!.label).toBe('Ann <&> "Quote" \'s');
    expect(parsed.nodes.get('n:2')!.label).toBe('Bob, "the, comma"');
    expect(parsed.nodes.get('n:1')!.type).toBe('Person');
    expect([...parsed.edges.keys()].sort()).toEqual(['e1', 'e2', 'e3']); // parallel links both kept
    expect(parsed.edges.get('e1')).toMatchObject({ type: 'ASSOCIATE_OF', directed: false, sources: ['R1'], classification: 'RESTRICTED' });
    expect(parsed.edges.get('e2')).toMatchObject({ type: 'ARRESTED', source: 'n:3', target: 'n:1', directed: true, sources: ['R3'] });
    if (format !== 'csv') {
      expect(parsed.nodes.get('n:1')).toMatchObject({ sources: ['R1', 'R2'], classification: 'RESTRICTED' });
      expect(parsed.nodes.get('country:ES')).toMatchObject({ sources: [], classification: 'UNCLASSIFIED' });
      expect(parsed.nodes.get('n:3')).toMatchObject({ start: '2021-01-01', end: '2021-02-01' });
    } else {
      // the CSV row of a link carries the marking of the link and of its two ends
      expect(parsed.edges.get('e3')!.classification).toBe('SECRET');
    }
  });

  it('GEXF is dynamic: dated entities and links carry start and end', () => {
    const text = toGEXF(graph);
    expect(text).toContain('mode="dynamic"');
    expect(text).toMatch(/<node id="n:3" label="Op" start="2021-01-01" end="2021-02-01">/);
    expect(text).toMatch(/<edge id="e2" source="n:3" target="n:1" label="ARRESTED" start="2021-01-15" end="2021-01-15">/);
    expect(text).toMatch(/<edge id="e1" [^>]*start="2020-05-01">/);
  });

  it('CSV: a header row after the marking line, one row per link, one per unlinked entity', () => {
    const text = toCSV(graph);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^# CLASSIFICATION: SECRET \| unit test \| 4 nodes, 3 links/);
    expect(lines[1]).toBe(CSV_COLUMNS.join(','));
    const { rows } = readCsv(text);
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.End1Id === 'country:ES')).toMatchObject({ LinkType: '', End2Id: '', Classification: 'UNCLASSIFIED' });
    expect(rows.find((r) => r.LinkId === 'e1')).toMatchObject({
      Direction: 'NONE',
      Date: '2020-05-01',
      StartDate: '2020-05-01',
      Grade: 'B2',
      SourceReliability: 'B',
      InformationAccuracy: '2',
      Agencies: 'XX-PD',
    });
    expect(rows.find((r) => r.LinkId === 'e2')).toMatchObject({ Direction: 'WITH', Date: '2021-01-15', Provenance: 'R3 (XX-PD, 2021-01-01, B2, SECRET, H1)' });
  });

  it('an empty export is well-formed and UNCLASSIFIED', () => {
    const empty = { ...graph, nodes: [], edges: [] };
    for (const format of FORMATS) {
      const text = { graphml: toGraphML, gexf: toGEXF, cytoscape: toCytoscapeJSON, csv: toCSV }[format]!(empty);
      const parsed = READERS[format](text);
      expect(parsed.nodes.size).toBe(0);
      expect(parsed.classification).toBe('UNCLASSIFIED');
    }
  });

  // issue 16 item 5: what loaders and callers choose (labels, ids, titles, subjects) in the files
  const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
  const hostile: ExportGraph = {
    title: 'neighbourhood of x---y,=cmd|"/c calc"!A0;@SUM(1); -2+3, +1, depth 2-',
    generatedAt: '2026-01-01T00:00:00.000Z',
    exportedBy: 'analyst---x-',
    nodes: [
      { id: 'p:--', type: 'Person', label: '=HYPERLINK("http://evil.example","click")', properties: { name: '+1-555' }, sources: [src('R---1', 'SECRET')] },
      { id: '-p:2', type: 'Person', label: '@SUM(A1:A2)', properties: {}, sources: [src('R---1', 'SECRET')] },
      { id: 'p:3---', type: 'Person', label: '\tTabbed', properties: {}, sources: [src('R2', 'RESTRICTED')] },
      { id: 'p:4', type: 'Person', label: '\r=1+1', properties: {}, sources: [src('R2', 'RESTRICTED')] },
      { id: 'p:5', type: 'Person', label: 'comment --> <!-- end -', properties: {}, sources: [src('R2', 'RESTRICTED')] },
    ],
    edges: [
      { id: 'e---1', type: 'ASSOCIATE_OF', source: 'p:--', target: '-p:2', directed: false, properties: {}, sources: [src('R---1', 'SECRET')] },
      { id: 'e2', type: 'MEMBER_OF', source: 'p:3---', target: 'p:5', directed: true, properties: {}, sources: [src('-R3', 'RESTRICTED')] },
    ],
  };

  it('CSV: no cell starts a formula (OWASP): such cells get a leading quote, every data cell is quoted', () => {
    const text = toCSV(hostile);
    const lines = text.split('\n');
    // the marking line: one line, no double quote, no cell after a separator that starts a formula
    expect(lines[0]).toMatch(/^# CLASSIFICATION: SECRET \|/);
    expect(lines[0]).not.toContain('"');
    for (const cell of lines[0].split(/[,;]/)) expect(TRIGGERS).not.toContain(cell.trimStart()[0]);
    const { rows } = readCsv(text);
    expect(rows).toHaveLength(3); // two links, one unlinked entity (p:4)
    const cells = rows.flatMap((r) => Object.values(r));
    for (const cell of cells) expect(TRIGGERS).not.toContain(cell[0]);
    // neutralised, not lost: the value is there after the quote
    const byId = new Map(
      rows.flatMap((r) => [
        [r.End1Id, r.End1Label],
        [r.End2Id, r.End2Label],
      ]),
    );
    expect(byId.get("'-p:2")).toBe("'@SUM(A1:A2)");
    expect(byId.get('p:--')).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(byId.get('p:3---')).toBe("'\tTabbed");
    expect(byId.get('p:4')).toBe("'\r=1+1");
    expect(rows.find((r) => r.LinkId === 'e2')!.Sources).toBe("'-R3");
    // every data line is a run of double-quoted cells (a separator inside a value starts no cell)
    const quoted = /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/;
    const dataLines = lines.slice(2).filter(Boolean);
    expect(dataLines).toHaveLength(3);
    for (const line of dataLines) expect(line).toMatch(quoted);
  });

  it.each(['graphml', 'gexf'] as const)('%s: ids, titles and subjects with "--" keep the file well-formed XML (expat, networkx)', (format) => {
    const text = (format === 'graphml' ? toGraphML : toGEXF)(hostile);
    // nothing a loader or caller chose is in a comment
    for (const comment of text.match(/<!--[\s\S]*?-->/g) ?? []) {
      for (const chosen of ['x---y', 'analyst---x', 'p:--', 'R---1', 'HYPERLINK']) expect(comment).not.toContain(chosen);
    }
    const nx = readWithNetworkx(format, text);
    expect(Object.keys(nx.labels).sort()).toEqual(['-p:2', 'p:--', 'p:3---', 'p:4', 'p:5']);
    expect(nx.labels['p:5']).toBe('comment --> <!-- end -');
    expect(nx.edges).toBe(2);
    const parsed = READERS[format](text);
    expect([...parsed.nodes.keys()].sort()).toEqual(['-p:2', 'p:--', 'p:3---', 'p:4', 'p:5']);
    expect(parsed.classification).toBe('SECRET');
  });

  it('networkx reads the classification as a graph attribute of GraphML and GEXF', () => {
    expect(readWithNetworkx('graphml', toGraphML(graph)).graph.classification).toBe('SECRET');
    expect(readWithNetworkx('gexf', toGEXF(graph)).graph.name).toMatch(/^CLASSIFICATION: SECRET \| unit test$/);
    expect(readWithNetworkx('gexf', toGEXF({ ...graph, nodes: graph.nodes.slice(0, 2), edges: graph.edges.slice(0, 1) })).graph.name).toMatch(
      /^CLASSIFICATION: RESTRICTED \|/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Through the service
// ---------------------------------------------------------------------------------------------

const NEIGHBOURHOOD = `query nb($id: ID!, $depth: Int!, $from: Date, $to: Date) {
  neighbourhood(id: $id, depth: $depth, from: $from, to: $to) {
    nodes { id type label sources { reportId report { classification } } }
    edges { id: linkId type source target directed sources { reportId report { classification } } }
  }
}`;

interface Nb {
  nodes: Array<{ id: string; type: string; label: string; sources: Array<{ reportId: string; report: { classification: string } }> }>;
  edges: Array<{
    id: string;
    type: string;
    source: string;
    target: string;
    directed: boolean;
    sources: Array<{ reportId: string; report: { classification: string } }>;
  }>;
}

describe('exports through the service', () => {
  let server: TestServer;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    ids = await importFixture(server);
    for (const [k, spec] of Object.entries(USERS)) tokens[k] = await token(spec);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const download = (
    format: string,
    query: Record<string, string>,
    bearer: string | null,
  ): Promise<{ status: number; headers: Headers; text(): Promise<string>; json(): Promise<any> }> =>
    fetch(`${server.url}/export/${format}?${new URLSearchParams(query)}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  async function neighbourhood(user: string, variables: Record<string, unknown>): Promise<Nb> {
    const res = await server.gql<{ neighbourhood: Nb }>(NEIGHBOURHOOD, variables, tokens[user]);
    expect(res.errors).toBeUndefined();
    return res.data!.neighbourhood;
  }

  function expectSame(parsed: Parsed, nb: Nb, format: string) {
    expect([...parsed.nodes.keys()].sort()).toEqual(nb.nodes.map((n) => n.id).sort());
    expect([...parsed.edges.keys()].sort()).toEqual(nb.edges.map((e) => e.id).sort());
    for (const n of nb.nodes) {
      expect(parsed.nodes.get(n.id)).toMatchObject({ label: n.label, type: n.type });
      if (format !== 'csv') expect(parsed.nodes.get(n.id)!.sources).toEqual(n.sources.map((s) => s.reportId).sort());
    }
    for (const e of nb.edges) {
      expect(parsed.edges.get(e.id)).toMatchObject({
        type: e.type,
        source: e.source,
        target: e.target,
        directed: e.directed,
        sources: e.sources.map((s) => s.reportId).sort(),
      });
    }
    const all = [...nb.nodes, ...nb.edges].flatMap((x) => x.sources.map((s) => s.report.classification));
    expect(parsed.classification).toBe(all.includes('CONFIDENTIAL') ? 'CONFIDENTIAL' : 'UNCLASSIFIED');
  }

  it('Subgraph nodes carry their sources; link types say whether they are directed', async () => {
    const nb = await neighbourhood('it', { id: ids.a, depth: 1 });
    const a = nb.nodes.find((n) => n.id === ids.a)!;
    expect(a.sources.map((s) => s.reportId).sort()).toEqual([CONF, PUB].sort());
    const ab = nb.edges.find((e) => e.type === 'ASSOCIATE_OF' && [e.source, e.target].includes(ids.b))!;
    expect(ab.directed).toBe(false);
    expect(ab.sources.map((s) => s.reportId).sort()).toEqual([CONF, PUB].sort());
    expect(nb.edges.find((e) => e.type === 'MEMBER_OF')!.directed).toBe(true);
    const low = await neighbourhood('low', { id: ids.a, depth: 1 });
    expect(low.nodes.find((n) => n.id === ids.a)!.sources.map((s) => s.reportId)).toEqual([PUB]);
  });

  it('path edges list their orientation along the walk', async () => {
    // H -> A (ASSOCIATE_OF stored from H), A -> G (MEMBER_OF), G <- OP1 (TARGETED): a walk that crosses links both ways
    const res = await server.gql<{
      shortestPaths: Array<{ nodes: Array<{ id: string }>; edges: Array<{ source: string; target: string; orientation: string }> }>;
    }>(
      'query walk($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to) { nodes { id } edges { source target orientation } } }',
      { from: ids.op1, to: ids.c },
      tokens.it,
    );
    expect(res.errors).toBeUndefined();
    const [path] = res.data!.shortestPaths;
    expect(path.nodes.map((n) => n.id)).toEqual([ids.op1, ids.g, ids.c]);
    expect(path.edges.map((e) => e.orientation)).toEqual(['FORWARD', 'BACKWARD']); // OP1 -TARGETED-> G, then G <-MEMBER_OF- C
    path.edges.forEach((e, i) => {
      const [from, to] = e.orientation === 'FORWARD' ? [e.source, e.target] : [e.target, e.source];
      expect([from, to]).toEqual([path.nodes[i].id, path.nodes[i + 1].id]);
    });
  });

  it.each(FORMATS)('%s around an entity equals the neighbourhood answer, for each caller', async (format) => {
    for (const user of ['it', 'low']) {
      const nb = await neighbourhood(user, { id: ids.a, depth: 2 });
      const res = await download(format, { around: ids.a, depth: '2' }, tokens[user]);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
      const text = await res.text();
      const parsed = READERS[format](text);
      expectSame(parsed, nb, format);
      expect(res.headers.get('x-classification')).toBe(parsed.classification);
      expect(parsed.nodes.size).toBeGreaterThan(user === 'it' ? 7 : 5);
    }
  });

  it.each(FORMATS)('%s: a restricted caller’s file holds nothing of the hidden report', async (format) => {
    const files = [
      await (await download(format, { around: ids.a, depth: '3' }, tokens.low)).text(),
      await (await download(format, { ids: [ids.a, ids.b, ids.g, ids.h].join(',') }, tokens.low)).text(),
    ];
    for (const text of files) {
      const lower = text.toLowerCase();
      for (const secret of [...CONF_SECRETS, ids.h, ids.g2, ids.op2]) expect(lower).not.toContain(secret.toLowerCase());
      expect(text).toContain(ids.a); // and the visible part is there
      expect(text).toContain('Andrej Amaro');
    }
    // the same request by a caller who may see CONF does get it
    const full = await (await download(format, { around: ids.a, depth: '3' }, tokens.it)).text();
    expect(full).toContain('Hektor Hoxha');
    expect(full).toContain(CONF);
  });

  it('a selection (ids=) holds the visible selected entities and the visible links between them', async () => {
    const selection = { ids: [ids.a, ids.b, ids.h, ids.g, 'person:no-such-person'].join(',') };
    const it_ = readCytoscape(await (await download('cytoscape', selection, tokens.it)).text());
    expect([...it_.nodes.keys()].sort()).toEqual([ids.a, ids.b, ids.h, ids.g].sort());
    // the oracle: the links among the selection as stored, read with the raw driver (the `it`
    // caller sees both fixture reports; the `low` caller only PUB's statements)
    const stored = async (reports: string[]) =>
      new Set(
        (
          await server.db.read<{ id: string }>(
            'MATCH (x:Entity)-[r]->(y:Entity) WHERE x.id IN $ids AND y.id IN $ids AND r.report IN $reports RETURN DISTINCT r.id AS id',
            { ids: [ids.a, ids.b, ids.h, ids.g], reports },
          )
        ).map((r) => r.id),
      );
    const expected = await stored([PUB, CONF]);
    expect(expected.size).toBeGreaterThanOrEqual(3);
    expect(new Set(it_.edges.keys())).toEqual(expected);
    const low = readCytoscape(await (await download('cytoscape', selection, tokens.low)).text());
    expect([...low.nodes.keys()].sort()).toEqual([ids.a, ids.b, ids.g].sort());
    const expectedLow = await stored([PUB]);
    expect(expectedLow.size).toBeGreaterThanOrEqual(1);
    expect(new Set(low.edges.keys())).toEqual(expectedLow);
    expect([...low.edges.values()].every((e) => e.sources.every((s) => s === PUB))).toBe(true);
  });

  it('from/to narrow the export exactly as they narrow the neighbourhood', async () => {
    const window = { from: '2021-01-01', to: '2021-12-31' };
    const nb = await neighbourhood('it', { id: ids.a, depth: 2, ...window });
    const parsed = readGraphml(await (await download('graphml', { around: ids.a, depth: '2', ...window }, tokens.it)).text());
    expectSame(parsed, nb, 'graphml');
    const unwindowed = await neighbourhood('it', { id: ids.a, depth: 2 });
    expect(nb.nodes.length).toBeLessThan(unwindowed.nodes.length); // the window did remove something
  });

  it('refuses without a valid token, and answers bad input with a clear error', async () => {
    const noToken = await download('graphml', { around: ids.a }, null);
    expect(noToken.status).toBe(401);
    expect((await noToken.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const badToken = await download('graphml', { around: ids.a }, 'not-a-jwt');
    expect(badToken.status).toBe(401);
    // the token before the parameters and the format: without one, nothing about the request is judged
    for (const [format, query] of [
      ['csv', { around: ids.a, depth: '9' }],
      ['csv', { dpeth: '2' }],
      ['pdf', { around: ids.a }],
    ] as Array<[string, Record<string, string>]>) {
      const res = await download(format, query, null);
      expect({ format, query, status: res.status }).toEqual({ format, query, status: 401 });
      expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }

    const unknown = await download('pdf', { around: ids.a }, tokens.it);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].message).toMatch(/graphml, gexf, cytoscape, csv/);

    const both = await download('csv', { around: ids.a, ids: ids.b }, tokens.it);
    expect(both.status).toBe(400);
    expect((await both.json()).errors[0]).toMatchObject({ path: ['ids'], extensions: { code: 'BAD_USER_INPUT' } });
    const neither = await download('csv', {}, tokens.it);
    expect(neither.status).toBe(400);

    const badDate = await download('gexf', { around: ids.a, from: '2021-13-45' }, tokens.it);
    expect(badDate.status).toBe(400);
    const badDateBody = await badDate.json();
    expect(badDateBody.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badDateBody)).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack

    const deep = await download('gexf', { around: ids.a, depth: '9' }, tokens.it);
    expect(deep.status).toBe(400);
    expect((await deep.json()).errors[0]).toMatchObject({ path: ['depth'], extensions: { code: 'BAD_USER_INPUT' } });
    const nonNumeric = await download('gexf', { around: ids.a, depth: 'two' }, tokens.it);
    expect((await nonNumeric.json()).errors[0]).toMatchObject({ path: ['depth'], extensions: { code: 'BAD_USER_INPUT' } });
  });

  // issue 16 item 5: each bad parameter is BAD_USER_INPUT naming it, in the parameter's words
  it.each([
    ['depth', { depth: '9' }],
    ['depth', { depth: '0' }],
    ['depth', { depth: '-1' }],
    ['depth', { depth: '1.5' }],
    ['limit', { limit: '0' }],
    ['limit', { limit: '100000000' }],
    ['limit', { limit: 'ten' }],
    ['from', { from: '2021-13-45' }],
    ['to', { to: 'yesterday' }],
    ['linkTypes', { linkTypes: 'ASSOCIATE_OF,NOT_A_TYPE' }],
    ['dpeth', { dpeth: '2' }],
    ['around', { around: '' }],
  ] as Array<[string, Record<string, string>]>)('a bad %s answers BAD_USER_INPUT naming it (%j)', async (param, bad) => {
    for (const format of FORMATS) {
      const res = await download(format, { around: ids.a, ...bad }, tokens.it);
      expect(res.status).toBe(400);
      const { errors } = await res.json();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ path: [param], extensions: { code: 'BAD_USER_INPUT' } });
      expect(errors[0].message.startsWith(`${param}: `)).toBe(true);
      expect(errors[0].message).not.toMatch(/\$|[Vv]ariable|GraphQL|Int!|\bID\b/); // no GraphQL jargon
    }
  });

  it('a selection takes no depth or limit, and names a repeated parameter', async () => {
    for (const [param, query] of [
      ['depth', `ids=${ids.a}&depth=2`],
      ['limit', `ids=${ids.a}&limit=5`],
      ['around', `around=${ids.a}&around=${ids.b}`],
      ['ids', `ids=${ids.a}&ids=${ids.b}`],
    ]) {
      const res = await fetch(`${server.url}/export/csv?${query}`, { headers: { authorization: `Bearer ${tokens.it}` } });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0]).toMatchObject({ path: [param], extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  // issue 16 item 6: a selection of nothing visible is an empty file, as a hidden id is as an unknown one
  it.each(FORMATS)('%s: a selection naming only unknown or hidden ids is an empty file, never a server error', async (format) => {
    const texts: string[] = [];
    for (const selection of ['x:1', 'person:no-such-person', ids.h, `${ids.h},x:1`]) {
      const res = await download(format, { ids: selection }, tokens.low);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-classification')).toBe('UNCLASSIFIED');
      const text = await res.text();
      const parsed = READERS[format](text);
      expect(parsed.nodes.size).toBe(0);
      expect(parsed.edges.size).toBe(0);
      texts.push(
        text
          .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T')
          .replace(/\d{4}-\d\d-\d\d/g, 'D')
          .replace(/selection of \d+/g, 'selection of N'),
      );
    }
    expect(new Set(texts).size).toBe(1); // hidden and unknown alike, byte for byte (the time aside)
  });

  it('/export/* is rate-limited per address, in one budget with /graphql', async () => {
    const limited = await startServer({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '4', RATE_LIMIT_PER_MINUTE: '1000' });
    try {
      const get = () => fetch(`${limited.url}/export/csv?${new URLSearchParams({ around: ids.a })}`, { headers: { authorization: `Bearer ${tokens.it}` } });
      const statuses = [(await get()).status, (await get()).status, (await limited.gql('{ __typename }', undefined, tokens.it)).status, (await get()).status];
      expect(statuses).toEqual([200, 200, 200, 200]);
      const refused = await get();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
      // unauthenticated requests count too, and /graphql shares the exhausted budget
      expect((await fetch(`${limited.url}/export/csv?around=x`)).status).toBe(429);
      expect((await limited.gql('{ __typename }', undefined, tokens.it)).status).toBe(429);
    } finally {
      await limited.stop();
    }
  });

  it('a hidden entity answers exactly like a missing one', async () => {
    const hidden = await download('csv', { around: ids.h }, tokens.low);
    const missing = await download('csv', { around: 'person:no-such-person' }, tokens.low);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    const [h, m] = [await hidden.json(), await missing.json()];
    expect(h.errors[0].extensions).toEqual(m.errors[0].extensions);
    expect(h.errors[0].message.replace(ids.h, 'X')).toBe(m.errors[0].message.replace('person:no-such-person', 'X'));
  });

  it('every export is audited with the caller and the ids it returned', async () => {
    await download('gexf', { around: ids.b, depth: '1' }, tokens.low);
    // (a selection naming an id hidden from the caller is audited too, but marked by that id's
    // report, so an admin outside its releasability reads it redacted: this one names visible ids)
    await download('csv', { ids: [ids.a, ids.b].join(',') }, tokens.low);
    const res = await server.gql<{
      auditLog: { edges: Array<{ node: { subject: string; operationName: string; returnedIds: string[]; outcome: string; variables: string } }> };
    }>(
      'query exportAudit($subject: String) { auditLog(first: 50, subject: $subject) { edges { node { subject operationName returnedIds outcome variables } } } }',
      { subject: USERS.low.sub },
      // an entry is marked at least as its requester (issue 16): an admin of their agency and country reads it
      await token({ sub: 'exp_hr_admin', roles: ['admin'], agency: USERS.low.agency, country: USERS.low.country, clearance: 'SECRET' }),
    );
    expect(res.errors).toBeUndefined();
    const entry = res.data!.auditLog.edges.map((e) => e.node).find((n) => n.operationName === 'ExportNeighbourhood' && JSON.parse(n.variables).id === ids.b);
    expect(entry).toBeDefined();
    expect(entry!.outcome).toBe('ok');
    expect(entry!.returnedIds).toEqual(expect.arrayContaining([ids.a, ids.b, PUB]));
    expect(entry!.returnedIds).not.toContain(CONF);
    const selection = res.data!.auditLog.edges.map((e) => e.node).find((n) => n.operationName === 'ExportSelection');
    expect(selection?.outcome).toBe('ok');
    expect([...selection!.returnedIds].sort()).toEqual(expect.arrayContaining([ids.a, ids.b]));
  });
});
