import { resetDatabase, startServer, TestServer, token } from './support/harness';

/**
 * Issue 16 item 7 through the API: a document with invisible names, bidi or control characters in
 * any free-text field, or a weight below 10^-6 is refused as BAD_USER_INPUT naming every JSON path,
 * and writes nothing; the same document made clean imports.
 */
const IMPORT = 'mutation ($report: ReportInput!) { importReport(report: $report) { reportId nodes { created } links { created } } }';

const clean = (): any => ({
  report: {
    id: 'TEXT-POLICY-1',
    title: 'Text policy',
    date: '2024-05-01',
    agency: 'EUROPOL',
    classification: 'UNCLASSIFIED',
    handlingCodes: ['H3'],
    handlingNote: 'Not for court use.\nAsk the desk first.',
  },
  entities: [
    { ref: 'p1', type: 'Person', name: 'Luka Perović' },
    { ref: 'p2', type: 'Person', name: 'Ardit Lleshaj' },
    { ref: 's1', type: 'Seizure', commodity: 'COCAINE', quantity: 12, unit: 'KG', description: 'Twelve bricks\nin a spare tyre' },
  ],
  links: [
    { type: 'ASSOCIATE_OF', from: 'p1', to: 'p2', kind: 'CRIMINAL', weight: 0.000001, place: 'Bar', role: 'courier' },
    { type: 'SEIZED_FROM', from: 's1', to: 'p1' },
  ],
});

describe('free-text fields and weights on import (issue 16 item 7)', () => {
  let server: TestServer;
  let loader: string;
  const stored = async () =>
    (await server.db.read<{ n: number }>('MATCH (r:Report {id: "TEXT-POLICY-1"}) RETURN count(r) + COUNT { ()-[:STATES]->() } AS n'))[0].n;

  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    loader = await token({ sub: 'eu-loader', roles: ['loader'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' });
  });
  afterAll(() => server.stop());

  it('refuses every bad field with its path and writes nothing', async () => {
    const doc = clean();
    doc.report.handlingNote = 'Pass on \u202Eton od\u202C freely';
    doc.entities[0].name = '\u3164\u3164';
    doc.entities[1].name = '\u2800';
    doc.entities.push({ ref: 'p3', type: 'Person', name: '\u{E0041}\u{E0042}' });
    doc.entities.push({ ref: 'p4', type: 'Person', name: '\u0301' });
    doc.entities[2].description = 'bell\u0007 and nul\u0000';
    doc.links[0].weight = 1e-300;
    doc.links[0].place = 'Bar\u2066';
    doc.links[0].role = 'courier\u0000';
    const res = await server.gql(IMPORT, { report: doc }, loader);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const problems = res.errors![0].extensions!.problems as Array<{ path: string; message: string }>;
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'report.handlingNote',
        'entities[0].name',
        'entities[1].name',
        'entities[3].name',
        'entities[4].name',
        'entities[2].description',
        'links[0].weight',
        'links[0].place',
        'links[0].role',
      ].sort(),
    );
    expect(await stored()).toBe(0);
  });

  it('imports the clean document: line breaks in notes and descriptions, a weight of 10^-6', async () => {
    const res = await server.gql(IMPORT, { report: clean() }, loader);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importReport).toEqual({ reportId: 'TEXT-POLICY-1', nodes: { created: 3 }, links: { created: 2 } });
    expect(await stored()).toBe(4);
  });
});
