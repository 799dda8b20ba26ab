import { resetDatabase, startServer, TestServer, token } from './support/harness';

const IMPORT = `mutation ($report: ReportInput!, $validateOnly: Boolean!) {
  importReport(report: $report, validateOnly: $validateOnly) {
    reportId dryRun nodes { created }
    warnings { path code message }
  }
}`;

function doc(id: string, entities: Array<Record<string, unknown>>) {
  return {
    report: { id, title: `Warnings ${id}`, date: '2024-03-12', agency: 'ES-PN', classification: 'RESTRICTED', releasableTo: [] },
    entities,
    links: [],
  };
}

/** Issue 18 item 7: entities whose identity rests on their name alone are imported, with a warning. */
describe('import warnings', () => {
  let server: TestServer;
  let loader: string;
  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    loader = await token({ sub: 'warn-loader', roles: ['loader'], agency: 'ES-PN', country: 'ES' });
  });
  afterAll(() => server.stop());

  const crafted = (id: string) =>
    doc(id, [
      { ref: 'p1', type: 'Person', name: 'Marko Warnić', birthDate: '1984-02-11' },
      { ref: 'p2', type: 'Person', name: 'Ardit Warnë' },
      { ref: 'p3', type: 'Person', name: 'Tesla', birthDate: '1990-01-01' },
      { ref: 'p4', type: 'Person', name: '  Zeko  ' },
      { ref: 'o1', type: 'Organisation', name: 'Warn clan', kind: 'CRIMINAL_GROUP' },
      { ref: 'o2', type: 'Organisation', name: 'Warn group', kind: 'CRIMINAL_GROUP', country: 'ME' },
      { ref: 'l1', type: 'Location', name: 'Warn port', kind: 'PORT' },
      // a loader-supplied id is the identity: no identity-key warning whatever the entity lacks
      { ref: 'p5', type: 'Person', id: 'loader/warn-person-1', name: 'Mono' },
      { ref: 'o3', type: 'Organisation', id: 'loader/warn-org-1', name: 'Nowhere group', kind: 'CRIMINAL_GROUP' },
    ]);
  const expected = [
    ['entities[1].birthDate', 'MISSING_BIRTH_DATE'],
    ['entities[2].name', 'SINGLE_NAME'],
    ['entities[3].birthDate', 'MISSING_BIRTH_DATE'],
    ['entities[3].name', 'SINGLE_NAME'],
    ['entities[4].country', 'MISSING_COUNTRY'],
    ['entities[6].country', 'MISSING_COUNTRY'],
  ];

  it('warns, per entity and path, without refusing the import; a dry run gives the same warnings', async () => {
    const dry = await server.gql(IMPORT, { report: crafted('WARN-1'), validateOnly: true }, loader);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importReport.dryRun).toBe(true);
    const res = await server.gql(IMPORT, { report: crafted('WARN-1'), validateOnly: false }, loader);
    expect(res.errors).toBeUndefined();
    const result = res.data!.importReport;
    expect(result.nodes.created).toBe(9);
    const warnings = result.warnings as Array<{ path: string; code: string; message: string }>;
    expect(warnings.map((w) => [w.path, w.code])).toEqual(expected);
    expect(dry.data!.importReport.warnings).toEqual(warnings);
    // the message explains the consequence
    expect(warnings[0].message).toMatch(/name alone.*namesakes merge/);
    expect(warnings[4].message).toMatch(/^an organisation without country/);
    expect(warnings[5].message).toMatch(/^a location without country/);
    // an unchanged re-import still says so: the warnings come from the document
    const again = await server.gql(IMPORT, { report: crafted('WARN-1'), validateOnly: false }, loader);
    expect(again.data!.importReport.warnings).toEqual(warnings);
  });

  it('warns from the document alone: stored data with the missing keys changes nothing', async () => {
    // another report states a namesake with a birth date: the warning for this document stays
    const other = doc('WARN-2', [{ ref: 'p', type: 'Person', name: 'Ardit Warnë', birthDate: '1970-07-07' }]);
    expect((await server.gql(IMPORT, { report: other, validateOnly: false }, loader)).data!.importReport.warnings).toEqual([]);
    const res = await server.gql(IMPORT, { report: doc('WARN-3', [{ ref: 'p', type: 'Person', name: 'Ardit Warnë' }]), validateOnly: false }, loader);
    expect(res.data!.importReport.warnings.map((w: { path: string; code: string }) => [w.path, w.code])).toEqual([
      ['entities[0].birthDate', 'MISSING_BIRTH_DATE'],
    ]);
  });

  it('gives no warnings for a document whose entities all have their identity keys', async () => {
    const full = doc('WARN-4', [
      { ref: 'p1', type: 'Person', name: 'Marko Warnić', birthDate: '1984-02-11' },
      { ref: 'o1', type: 'Organisation', name: 'Warn clan', kind: 'CRIMINAL_GROUP', country: 'ME' },
      { ref: 'l1', type: 'Location', name: 'Warn port', kind: 'PORT', country: 'ES' },
      { ref: 'e1', type: 'Event', name: 'Warn meeting', date: '2024-01-01' },
    ]);
    const res = await server.gql(IMPORT, { report: full, validateOnly: false }, loader);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importReport.warnings).toEqual([]);
  });
});
