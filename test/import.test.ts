import { LINK_TYPES } from '../src/domain/vocabulary';
import { allTypesReport, entityIdOf } from './support/fixtures';
import { resetDatabase, startServer, TestServer, token } from './support/harness';

const IMPORT = `mutation ($report: ReportInput!) {
  importReport(report: $report) {
    reportId alreadyImported revised
    nodes { created updated unchanged } links { created updated unchanged }
    entities { ref id }
  }
}`;

async function countGraph(server: TestServer) {
  // links: distinct facts; statements: every report's statement of an entity or a link
  const [row] = await server.db.read<{ nodes: number; links: number; statements: number; reports: number }>(
    `MATCH (n:Entity) WHERE NOT n:Country WITH count(n) AS nodes
     OPTIONAL MATCH (:Entity)-[r]->(:Entity) WITH nodes, count(DISTINCT r.id) AS links, count(r) AS linkStatements
     OPTIONAL MATCH (:Report)-[s:STATES]->() WITH nodes, links, linkStatements, count(s) AS stateCount
     WITH nodes, links, linkStatements + stateCount AS statements
     MATCH (rep:Report) RETURN nodes, links, statements, count(rep) AS reports`,
  );
  return row ?? { nodes: 0, links: 0, statements: 0, reports: 0 };
}

describe('report import', () => {
  let server: TestServer;
  let loader: string;
  let loaderMe: string;
  let loaderAt: string;
  const MARKO = entityIdOf({ type: 'Person', name: 'Marko Testić', birthDate: '1984-02-11' });
  const SKALJARI = entityIdOf({ type: 'Organisation', name: 'Škaljari clan', country: 'ME' });
  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    loader = await token({ sub: 'test-loader', roles: ['loader'], agency: 'ES-PN', country: 'ES' });
    loaderMe = await token({ sub: 'test-loader-me', roles: ['loader'], agency: 'ME-UP', country: 'ME' });
    loaderAt = await token({ sub: 'test-loader-at', roles: ['loader'], agency: 'AT-BK', country: 'AT' });
  });
  afterAll(() => server.stop());

  it('round-trips every entity type and every link type, with provenance', async () => {
    const res = await server.gql(IMPORT, { report: allTypesReport() }, loader);
    expect(res.errors).toBeUndefined();
    const result = res.data!.importReport;
    expect(result.nodes).toEqual({ created: 10, updated: 0, unchanged: 0 });
    // 13 explicit links + implied NATIONAL_OF (p1 ME, p2 AL merges with the explicit one) + BASED_IN of o1, o2, l1, l2
    expect(result.links.created).toBe(13 + 1 + 4);
    const idOf = Object.fromEntries(result.entities.map((e: { ref: string; id: string }) => [e.ref, e.id]));
    expect(idOf.p1).toBe(MARKO);
    expect(idOf.o1).toBe(SKALJARI);
    // opaque: no name, birth date or country in any id
    for (const id of Object.values(idOf)) expect(id).toMatch(/^[a-z]+:[a-z2-7]{20}$/);

    const q = await server.gql(
      `query ($p1: ID!, $op: ID!, $r1: ID!, $e1: ID!, $s1: ID!, $l1: ID!) {
        p1: entity(id: $p1) { id type label sources { reportId sourceReliability informationAccuracy report { id agency classification } }
          ... on Person { name aliases birthDate gender nationalities
            memberships { type role since entity { id label } sources { reportId } }
            associates { type kind weight entity { id } }
            arrests { date place entity { id } }
            seizures { entity { id ... on Seizure { commodity quantity unit valueEur date } } }
            places { type entity { id } } } }
        op: entity(id: $op) { ... on Operation { name kind startDate endDate countries
            participants { role entity { id } } targets { entity { id } } arrests { entity { id } } seizures { entity { id } } } }
        r1: entity(id: $r1) { ... on Route { name mode commodities legs { id type } users { entity { id } } } }
        e1: entity(id: $e1) { ... on Event { date attendees { entity { id } } heldAt { entity { id } } } }
        s1: entity(id: $s1) { ... on Seizure { label locations { entity { id } } seizedFrom { entity { id } } operations { entity { id } } } }
        l1: entity(id: $l1) { ... on Location { kind country latitude longitude events { entity { id } } seizures { entity { id } } links(types: [BASED_IN], direction: OUT) { entity { id } } } }
      }`,
      idOf,
    );
    expect(q.errors).toBeUndefined();
    const { p1, op, r1, e1, s1, l1 } = q.data!;
    expect(p1).toMatchObject({
      type: 'Person',
      label: 'Marko Testić',
      name: 'Marko Testić',
      aliases: ['Tesla'],
      birthDate: '1984-02-11',
      gender: 'MALE',
      nationalities: ['ME'],
      sources: [
        {
          reportId: 'TEST-ALL-0001',
          sourceReliability: 'B',
          informationAccuracy: 2,
          report: { id: 'TEST-ALL-0001', agency: 'ES-PN', classification: 'RESTRICTED' },
        },
      ],
    });
    expect(p1.memberships).toEqual([
      {
        type: 'MEMBER_OF',
        role: 'cell leader',
        since: '2019-01-01',
        entity: { id: idOf.o1, label: 'Škaljari clan' },
        sources: [{ reportId: 'TEST-ALL-0001' }],
      },
    ]);
    expect(p1.associates).toEqual([{ type: 'ASSOCIATE_OF', kind: 'CRIMINAL', weight: 3, entity: { id: idOf.p2 } }]);
    expect(p1.arrests).toEqual([{ date: '2021-08-08', place: 'Las Palmas', entity: { id: idOf.op } }]);
    expect(p1.seizures[0].entity).toEqual({ id: idOf.s1, commodity: 'COCAINE', quantity: 408, unit: 'KG', valueEur: 12000000, date: '2021-08-08' });
    expect(p1.places).toEqual([{ type: 'NATIONAL_OF', entity: { id: 'country:ME' } }]);
    expect(op).toMatchObject({ name: 'Operation Testwind', kind: 'JOINT_OPERATION', startDate: '2021-06-01', endDate: '2021-08-19', countries: ['ES', 'ME'] });
    expect(op.participants).toEqual([{ role: 'LEAD', entity: { id: idOf.o2 } }]);
    expect(op.targets).toEqual([{ entity: { id: idOf.o1 } }]);
    expect(op.arrests).toEqual([{ entity: { id: idOf.p1 } }]);
    expect(op.seizures).toEqual([{ entity: { id: idOf.s1 } }]);
    expect(r1).toMatchObject({
      name: 'Atlantic test route',
      mode: 'SEA',
      commodities: ['COCAINE'],
      legs: [
        { id: 'country:EC', type: 'Country' },
        { id: idOf.l1, type: 'Location' },
      ],
    });
    expect(r1.users).toEqual([{ entity: { id: idOf.o1 } }]);
    expect(e1).toEqual({ date: '2021-06-22', attendees: [{ entity: { id: idOf.p2 } }], heldAt: [{ entity: { id: idOf.l1 } }] });
    expect(s1).toEqual({
      label: '408 KG cocaine (2021-08-08)',
      locations: [{ entity: { id: idOf.l1 } }],
      seizedFrom: [{ entity: { id: idOf.p1 } }],
      operations: [{ entity: { id: idOf.op } }],
    });
    expect(l1).toMatchObject({
      kind: 'PORT',
      country: 'ES',
      latitude: 28.14,
      longitude: -15.43,
      events: [{ entity: { id: idOf.e1 } }],
      seizures: [{ entity: { id: idOf.s1 } }],
    });
    expect(l1.links.map((x: { entity: { id: string } }) => x.entity.id).sort()).toEqual(['country:ES', idOf.l2].sort());

    // Every link type of the vocabulary is stored.
    const types = await server.db.read<{ type: string }>('MATCH (:Entity)-[r]->(:Entity) RETURN DISTINCT type(r) AS type');
    expect(types.map((t) => t.type).sort()).toEqual([...LINK_TYPES].sort());
  });

  it('is idempotent: the same report again changes nothing', async () => {
    const before = await countGraph(server);
    const res = await server.gql(IMPORT, { report: allTypesReport() }, loader);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importReport).toMatchObject({ alreadyImported: true, nodes: { created: 0, updated: 0 }, links: { created: 0, updated: 0 } });
    expect(await countGraph(server)).toEqual(before);
  });

  it('merges the same facts from a second report into one node and link with two sources', async () => {
    const second = {
      report: {
        id: 'TEST-ALL-0002',
        title: 'Same clan, other agency',
        date: '2021-09-01',
        agency: 'ME-UP',
        classification: 'UNCLASSIFIED',
        sourceReliability: 'A',
        informationAccuracy: 1,
      },
      entities: [
        { ref: 'x', type: 'Person', name: 'MARKO TESTIC', birthDate: '1984-02-11' },
        { ref: 'y', type: 'Organisation', name: 'SKALJARI  CLAN', country: 'ME' },
      ],
      links: [{ type: 'MEMBER_OF', from: 'x', to: 'y' }],
    };
    const before = await countGraph(server);
    const res = await server.gql(IMPORT, { report: second }, loaderMe);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importReport.nodes).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(res.data!.importReport.entities).toEqual([
      { ref: 'x', id: MARKO },
      { ref: 'y', id: SKALJARI },
    ]);
    const after = await countGraph(server);
    expect(after.nodes).toBe(before.nodes);
    expect(after.links).toBe(before.links);
    const q = await server.gql(
      `{ entity(id: "${MARKO}") { sources { reportId sourceReliability } ... on Person { name memberships { sources { reportId } } } } }`,
    );
    // best evaluated first
    expect(q.data!.entity.sources).toEqual([
      { reportId: 'TEST-ALL-0002', sourceReliability: 'A' },
      { reportId: 'TEST-ALL-0001', sourceReliability: 'B' },
    ]);
    expect(q.data!.entity.name).toBe('MARKO TESTIC'); // the best graded spelling (A1 over B2)
    expect(q.data!.entity.memberships[0].sources.map((s: { reportId: string }) => s.reportId)).toEqual(['TEST-ALL-0002', 'TEST-ALL-0001']);
  });

  it('replaces an earlier version of a report, removing what only it asserted', async () => {
    const v1 = {
      report: { id: 'TEST-REV-1', title: 'v1', date: '2022-01-01', agency: 'AT-BK', classification: 'RESTRICTED' },
      entities: [
        { ref: 'a', type: 'Person', name: 'Revision Only' },
        { ref: 'b', type: 'Person', name: 'Revision Kept' },
      ],
      links: [{ type: 'ASSOCIATE_OF', from: 'a', to: 'b' }],
    };
    expect((await server.gql(IMPORT, { report: v1 }, loaderAt)).errors).toBeUndefined();
    const v2 = { ...v1, report: { ...v1.report, title: 'v2' }, entities: [{ ref: 'b', type: 'Person', name: 'Revision Kept' }], links: [] };
    const res = await server.gql(IMPORT, { report: v2 }, loaderAt);
    expect(res.data!.importReport).toMatchObject({ revised: true });
    const rows = await server.db.read<{ n: number }>(
      'MATCH (p:Person) WHERE EXISTS { (:Report)-[s:STATES]->(p) WHERE s.name STARTS WITH "Revision" } RETURN count(p) AS n',
    );
    expect(rows[0].n).toBe(1);
    const anchors = await server.db.read<{ n: number }>('MATCH (p:Person) WHERE p.id = $id RETURN count(p) AS n', {
      id: entityIdOf({ type: 'Person', name: 'Revision Only' }),
    });
    expect(anchors[0].n).toBe(0);
    const report = await server.gql('{ report(id: "TEST-REV-1") { title entityCount linkCount } }');
    expect(report.data!.report).toEqual({ title: 'v2', entityCount: 1, linkCount: 0 });
  });

  it('writes nothing for a report that fails validation, and reports every problem with its path', async () => {
    const before = await countGraph(server);
    const bad = {
      report: {
        id: 'TEST-BAD-1',
        title: 'Broken',
        date: '2021-13-45',
        agency: 'ES-PN',
        classification: 'TOP',
        releasableTo: 'ME',
        handlingCodes: ['H7'],
        sourceReliability: 'E',
        informationAccuracy: 5,
      },
      entities: [
        { ref: 'p1', type: 'Person', name: 'Ok Person', birthDate: '1984-02-30' }, // 0: impossible date
        { ref: 'p1', type: 'Person', name: 'Duplicate ref' }, // 1: duplicate ref
        { ref: 'x', type: 'Spaceship', name: 'Unknown type' }, // 2: unknown type
        { ref: 'o1', type: 'Organisation', kind: 'GANG', country: 'XX' }, // 3: missing name, bad kind, bad country
        { ref: 's1', type: 'Seizure', commodity: 'COCAINE', quantity: -3, unit: 'KG' }, // 4: quantity <= 0
        { ref: 'l1', type: 'Location', name: 'Somewhere', latitude: 123 }, // 5: latitude out of range
        { ref: 'e1', type: 'Event', name: 'Meeting', location: 's1' }, // 6: location is not a Location
        { ref: 'op', type: 'Operation', name: 'Op', startDate: '2021-05-01', endDate: '2021-01-01' }, // 7: end before start
        { ref: 'p2', type: 'Person', name: 'Extra', shoeSize: 44 }, // 8: unknown field
        { ref: 'r1', type: 'Route', name: 'Route', legs: ['ZZ'] }, // 9: leg neither a ref nor a country
        { type: 'Person', name: 'No ref' }, // 10: missing ref
      ],
      links: [
        { type: 'ARRESTED', from: 's1', to: 'p1' }, // 0: wrong endpoint type
        { type: 'MEMBER_OF', from: 'p1', to: 'ghost' }, // 1: dangling ref
        { type: 'KNOWS', from: 'p1', to: 'p2' }, // 2: unknown link type
        { type: 'ASSOCIATE_OF', from: 'p1', to: 'p2', weight: 0, date: 'yesterday' }, // 3: weight and date
        { type: 'PARTICIPATED_IN', from: 'o1', to: 'op', role: 'BOSS' }, // 4: role not in vocabulary
        { type: 'ASSOCIATE_OF', from: 'p2', to: 'p2' }, // 5: self link
      ],
    };
    const res = await server.gql(IMPORT, { report: bad }, loader);
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const problems: Array<{ path: string; message: string }> = res.errors![0].extensions!.problems;
    const paths = problems.map((p) => p.path);
    const expected = [
      'report.date',
      'report.classification',
      'report.releasableTo',
      'report.handlingCodes[0]',
      'report.sourceReliability',
      'report.informationAccuracy',
      'entities[0].birthDate',
      'entities[1].ref',
      'entities[2].type',
      'entities[3].name',
      'entities[3].kind',
      'entities[3].country',
      'entities[4].quantity',
      'entities[5].latitude',
      'entities[6].location',
      'entities[7].endDate',
      'entities[8].shoeSize',
      'entities[9].legs[0]',
      'entities[10].ref',
      'links[0].from',
      'links[1].to',
      'links[2].type',
      'links[3].weight',
      'links[3].date',
      'links[4].role',
      'links[5].to',
    ];
    for (const path of expected) expect(paths).toContain(path);
    expect(problems.find((p) => p.path === 'entities[0].birthDate')!.message).toMatch(/not a date/);
    expect(problems.find((p) => p.path === 'links[0].from')!.message).toMatch(/ARRESTED cannot start at a Seizure/);
    expect(problems.find((p) => p.path === 'links[1].to')!.message).toMatch(/unknown ref "ghost"/);
    expect(problems.find((p) => p.path === 'entities[3].country')!.message).toMatch(/country/);
    expect(res.errors![0].message).not.toMatch(/ at .*\.(js|ts):\d+/);
    expect(await countGraph(server)).toEqual(before);
    const report = await server.gql('{ report(id: "TEST-BAD-1") { id } }');
    expect(report.data!.report).toBeNull();
  });

  it('rejects a document that is not an object, and a missing envelope', async () => {
    const notObject = await server.gql(IMPORT, { report: [1, 2] }, loader);
    expect(notObject.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const empty = await server.gql(IMPORT, { report: {} }, loader);
    const paths = empty.errors![0].extensions!.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['report', 'entities', 'links']));
  });

  it('keeps loaders within their clearance: no import above it, no revision of a report they cannot read', async () => {
    const restrictedLoader = await token({ sub: 'restricted-loader', roles: ['loader'], clearance: 'RESTRICTED', agency: 'IT-PS', country: 'IT' });
    const secret = allTypesReport({ id: 'TEST-SECRET-1', classification: 'SECRET', releasableTo: ['ES-PN'] });
    const above = await server.gql(IMPORT, { report: secret }, restrictedLoader);
    expect(above.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await server.gql(IMPORT, { report: secret }, loader)).errors).toBeUndefined();
    // Reusing the hidden report's id answers like any taken id, and changes nothing.
    const before = await countGraph(server);
    const hijack = {
      report: { id: 'TEST-SECRET-1', title: 'overwrite', date: '2024-01-01', agency: 'IT-PS', classification: 'RESTRICTED' },
      entities: [],
      links: [],
    };
    const res = await server.gql(IMPORT, { report: hijack }, restrictedLoader);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.problems).toEqual([{ path: 'report.id', message: 'is already used by another report' }]);
    expect(await countGraph(server)).toEqual(before);
  });

  it('lets only loaders and admins import', async () => {
    const analyst = await token({ roles: ['analyst'] });
    const res = await server.gql(IMPORT, { report: allTypesReport({ id: 'TEST-FORBIDDEN' }) }, analyst);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    const report = await server.gql('{ report(id: "TEST-FORBIDDEN") { id } }');
    expect(report.data!.report).toBeNull();
  });

  it('commits the audit entry of an import in the import’s own transaction, marked like its report', async () => {
    const doc = { ...allTypesReport({ id: 'TEST-AUDITED-1', classification: 'CONFIDENTIAL', releasableTo: ['ES-PN', 'ES'] }) };
    const res = await server.gql(
      `mutation auditedImport($report: ReportInput!) { importReport(report: $report) { reportId entities { id } } }`,
      { report: doc },
      loader,
    );
    expect(res.errors).toBeUndefined();
    const entries = await server.db.read<{ outcome: string; changedIds: string[]; level: number; releasability: string[]; variables: string }>(
      `MATCH (a:AuditEntry {operationName: 'auditedImport'}) RETURN a.outcome AS outcome, a.changedIds AS changedIds,
              a.classificationLevel AS level, a.releasability AS releasability, a.variables AS variables`,
    );
    // one entry (the request's only field wrote it; the plugin did not add a second)
    expect(entries).toHaveLength(1);
    // CONFIDENTIAL, releasable to ES and ES-PN; raised to the loader's own marking (SECRET, ES-PN and ES: issue 16)
    expect(entries[0]).toMatchObject({ outcome: 'ok', level: 3, releasability: ['ES|ES-PN'] });
    expect(entries[0].changedIds.sort()).toEqual(res.data!.importReport.entities.map((e: { id: string }) => e.id).sort());
    expect(JSON.parse(entries[0].variables)).toEqual({
      report: { report: 'TEST-AUDITED-1', classification: 'CONFIDENTIAL', releasableTo: ['ES-PN', 'ES'], entities: 10, links: 13 },
    });
  });

  it('an import whose in-transaction work fails (its audit entry) writes nothing', async () => {
    const { ReportImporter } = await import('../src/import/importer');
    const before = await countGraph(server);
    // as the audited import owns the transaction: the import's writes, then its entry, which fails
    const importer = new ReportImporter(server.db);
    const prepared = importer.prepare(allTypesReport({ id: 'TEST-AUDIT-FAILS' }));
    const failing = importer.transaction(async (tx) => {
      await importer.writeIn(tx, prepared, 'test', undefined, false);
      await tx.run('CREATE (:AuditProbe)');
      throw new Error('the audit store refused the entry');
    });
    await expect(failing).rejects.toThrow('the audit store refused the entry');
    expect(await countGraph(server)).toEqual(before);
    expect(await server.db.read('MATCH (p:AuditProbe) RETURN p')).toEqual([]);
  });
});
