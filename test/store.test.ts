import { entityIdOf } from './support/fixtures';
import { GqlResponse, startEmptyServer, TestServer, tokenCache, TokenSpec } from './support/harness';

/**
 * The statement store (issue 8): a report owns its statements. Concurrent loaders of many agencies
 * never lose each other's facts; revisions and retractions touch only their own report; ids are
 * opaque; a loader id never takes over another type or a country; labels are chosen from the
 * caller's visible statements; dry runs write nothing.
 */

const IMPORT = `mutation imp($report: ReportInput!, $dry: Boolean) {
  importReport(report: $report, validateOnly: $dry) {
    reportId alreadyImported revised dryRun
    nodes { created updated unchanged } links { created updated unchanged }
    entities { ref id }
  }
}`;
const RETRACT = 'mutation ret($id: ID!) { retractReport(id: $id) { reportId statements links } }';

const AGENCIES = ['AG-00', 'AG-01', 'AG-02', 'AG-03', 'AG-04', 'AG-05', 'AG-06', 'AG-07', 'AG-08', 'AG-09'];
const HUB = { type: 'Person', name: 'Hub Sharedman', birthDate: '1975-05-05', nationalities: ['RS'] };
const GROUP = { type: 'Organisation', name: 'Shared syndicate', kind: 'CRIMINAL_GROUP', country: 'RS' };
const HUB_ID = entityIdOf(HUB);
const GROUP_ID = entityIdOf(GROUP);

/** Report `n` of `agency`: releasable to that agency only; it states the hub, the group and a person of its own. */
function agencyReport(agency: string, n: number, title = 'first version') {
  const own = { type: 'Person', name: `Own ${agency} ${n}`, nationalities: ['HR'] };
  return {
    doc: {
      report: {
        id: `${agency}-R${n}`,
        title,
        date: '2024-03-01',
        agency,
        classification: 'RESTRICTED',
        releasableTo: [agency],
        sourceReliability: 'B',
        informationAccuracy: 2,
      },
      entities: [
        { ref: 'hub', ...HUB },
        { ref: 'grp', ...GROUP },
        { ref: 'own', ...own },
      ],
      links: [
        { type: 'ASSOCIATE_OF', from: 'own', to: 'hub', kind: 'CRIMINAL', weight: n + 1 },
        { type: 'MEMBER_OF', from: 'hub', to: 'grp', role: `role by ${agency}` },
      ],
    },
    ownId: entityIdOf(own),
  };
}

const loaderOf = (agency: string): TokenSpec => ({ sub: `loader-${agency}`, roles: ['loader'], agency, country: 'HR', clearance: 'SECRET' });
const analystOf = (agency: string): TokenSpec => ({ sub: `analyst-${agency}`, roles: ['analyst'], agency, country: 'HR', clearance: 'SECRET' });

async function statementsOf(server: TestServer, id: string): Promise<string[]> {
  const rows = await server.db.read<{ report: string }>('MATCH (r:Report)-[s:STATES]->(:Entity {id: $id}) RETURN r.id AS report ORDER BY report', { id });
  return rows.map((r) => r.report);
}

describe('statement store', () => {
  let server: TestServer;
  const tokenOf = tokenCache();

  beforeAll(async () => {
    server = await startEmptyServer();
  });
  afterAll(() => server.stop());

  describe('concurrent loaders of ten agencies', () => {
    const reports = AGENCIES.flatMap((agency) => [0, 1].map((n) => ({ agency, n, ...agencyReport(agency, n) })));

    async function importAll(version: string): Promise<GqlResponse[]> {
      return Promise.all(reports.map(async (r) => server.gql(IMPORT, { report: agencyReport(r.agency, r.n, version).doc }, await tokenOf(loaderOf(r.agency)))));
    }

    async function expectEveryAgencySeesItsOwnFacts() {
      expect(await statementsOf(server, HUB_ID)).toEqual(reports.map((r) => r.doc.report.id).sort());
      expect(await statementsOf(server, GROUP_ID)).toEqual(reports.map((r) => r.doc.report.id).sort());
      for (const agency of AGENCIES) {
        const mine = reports.filter((r) => r.agency === agency);
        const res = await server.gql(
          `query ($hub: ID!) { entity(id: $hub) { sources { reportId } ... on Person { associates { entity { id } sources { reportId } } memberships { role sources { reportId } } } } }`,
          { hub: HUB_ID },
          await tokenOf(analystOf(agency)),
        );
        expect(res.errors).toBeUndefined();
        const hub = res.data!.entity;
        expect(hub.sources.map((s: { reportId: string }) => s.reportId).sort()).toEqual(mine.map((r) => r.doc.report.id).sort());
        expect(hub.associates.map((a: { entity: { id: string } }) => a.entity.id).sort()).toEqual(mine.map((r) => r.ownId).sort());
        expect(hub.memberships).toHaveLength(1);
        expect(hub.memberships[0].role).toBe(`role by ${agency}`);
      }
    }

    it('twenty parallel imports sharing a person and a group: every statement kept, zero client errors, three rounds', async () => {
      for (const version of ['first version', 'second version', 'second version']) {
        const answers = await importAll(version);
        expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
        if (version === 'first version') {
          // A fresh import, and every loader sees only its own agency's reports: the hub and the group
          // are new to each agency, so the agency's first report creates 3 nodes; its second report
          // creates 3 too if it read before the first committed, else only its own person.
          expect(answers.map((a) => a.data!.importReport.revised)).toEqual(answers.map(() => false));
          for (const agency of AGENCIES) {
            const created = answers.filter((_, i) => reports[i].agency === agency).map((a) => a.data!.importReport.nodes.created as number);
            expect([
              [1, 3],
              [3, 3],
            ]).toContainEqual(created.sort());
          }
        }
        await expectEveryAgencySeesItsOwnFacts();
      }
      const third = await importAll('second version');
      for (const a of third) expect(a.data!.importReport.alreadyImported).toBe(true);
      const [{ anchors }] = await server.db.read<{ anchors: number }>('MATCH (n:Person {id: $id}) RETURN count(n) AS anchors', { id: HUB_ID });
      expect(anchors).toBe(1);
    });

    it('a revision replaces only its own statements; a retraction removes only its own', async () => {
      const target = reports[0];
      const loader = await tokenOf(loaderOf(target.agency));
      const revised = { ...target.doc, entities: target.doc.entities.filter((e) => e.ref !== 'own'), links: [target.doc.links[1]] };
      const res = await server.gql(IMPORT, { report: revised }, loader);
      expect(res.errors).toBeUndefined();
      expect(res.data!.importReport.revised).toBe(true);
      expect(await statementsOf(server, target.ownId)).toEqual([]);
      const [{ own }] = await server.db.read<{ own: number }>('MATCH (n:Entity {id: $id}) RETURN count(n) AS own', { id: target.ownId });
      expect(own).toBe(0); // no report states it any more
      expect(await statementsOf(server, HUB_ID)).toHaveLength(reports.length);

      const other = reports[5];
      const ret = await server.gql(RETRACT, { id: other.doc.report.id }, await tokenOf(loaderOf(other.agency)));
      expect(ret.errors).toBeUndefined();
      // two links and three implied by fields (two NATIONAL_OF, one BASED_IN)
      expect(ret.data!.retractReport).toEqual({ reportId: other.doc.report.id, statements: 3, links: 5 });
      const hubStated = await statementsOf(server, HUB_ID);
      expect(hubStated).toHaveLength(reports.length - 1);
      expect(hubStated).not.toContain(other.doc.report.id);
      // the other agencies still see their own facts
      const res2 = await server.gql(`{ entity(id: "${HUB_ID}") { sources { reportId } } }`, undefined, await tokenOf(analystOf(reports[7].agency)));
      expect(res2.data!.entity.sources.map((s: { reportId: string }) => s.reportId).sort()).toEqual(
        reports
          .filter((r) => r.agency === reports[7].agency)
          .map((r) => r.doc.report.id)
          .sort(),
      );
    });
  });

  it('an entity restated by id after its last naming report was retracted stays one node when a report names it again', async () => {
    const person = { type: 'Person', name: 'Returning Person', birthDate: '1970-07-07' };
    const id = entityIdOf(person);
    const report = (rid: string, entity: Record<string, unknown>) => ({
      report: { id: rid, title: 'comeback', date: '2024-05-01', agency: 'AG-01', classification: 'UNCLASSIFIED' },
      entities: [{ ref: 'p', ...entity }],
      links: [],
    });
    const loader = await tokenOf(loaderOf('AG-01'));
    const first = await server.gql(IMPORT, { report: report('COMEBACK-1', person) }, loader);
    expect(first.data!.importReport.entities).toEqual([{ ref: 'p', id }]);
    expect((await server.gql(RETRACT, { id: 'COMEBACK-1' }, loader)).errors).toBeUndefined();
    // the anchor is gone with its last statement; a loader who kept the id restates it by id
    const byId = await server.gql(IMPORT, { report: report('COMEBACK-2', { type: 'Person', id, name: 'R. P.' }) }, loader);
    expect(byId.errors).toBeUndefined();
    // a report naming the person again (no id): the same node, not a constraint error
    const byName = await server.gql(IMPORT, { report: report('COMEBACK-3', person) }, loader);
    expect(byName.errors).toBeUndefined();
    expect(byName.data!.importReport.entities).toEqual([{ ref: 'p', id }]);
    expect(await statementsOf(server, id)).toEqual(['COMEBACK-2', 'COMEBACK-3']);
    const [{ nodes }] = await server.db.read<{ nodes: number }>(
      "MATCH (r:Report)-[:STATES]->(n:Entity) WHERE r.id STARTS WITH 'COMEBACK-' RETURN count(DISTINCT n) AS nodes",
    );
    expect(nodes).toBe(1);
    // and a fourth report by name finds it by its identity key
    const again = await server.gql(IMPORT, { report: report('COMEBACK-4', person) }, loader);
    expect(again.data!.importReport.nodes).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it('a timeline with a limit is the first rows of the whole timeline: ties on a date in name order', async () => {
    const names = ['Tia Zorić', 'Tia Marković', 'Tia Abramović', 'Tia Kovač', 'Tia Horvat', 'Tia Babić'];
    const doc = {
      report: { id: 'TIMELINE-1', title: 'one day', date: '2024-06-01', agency: 'AG-02', classification: 'UNCLASSIFIED' },
      entities: [{ ref: 'hub', type: 'Person', name: 'Timeline Hub' }, ...names.map((name, i) => ({ ref: `p${i}`, type: 'Person', name }))],
      links: names.map((_, i) => ({ type: 'ASSOCIATE_OF', from: 'hub', to: `p${i}`, date: '2024-05-31' })),
    };
    expect((await server.gql(IMPORT, { report: doc }, await tokenOf(loaderOf('AG-02')))).errors).toBeUndefined();
    const hub = entityIdOf({ type: 'Person', name: 'Timeline Hub' });
    const analyst = await tokenOf(analystOf('AG-02'));
    const q = async (limit: number) =>
      (await server.gql(`{ timeline(id: "${hub}", limit: ${limit}) { date kind entity { label } } }`, undefined, analyst)).data!.timeline as Array<{
        date: string;
        kind: string;
        entity: { label: string };
      }>;
    const whole = await q(100);
    expect(whole.map((e) => [e.date, e.kind])).toEqual(names.map(() => ['2024-05-31', 'ASSOCIATE_OF']));
    expect(whole.map((e) => e.entity.label)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    for (let k = 1; k < whole.length; k++) expect(await q(k)).toEqual(whole.slice(0, k));
  });

  describe('ownership', () => {
    const BE = {
      report: { id: 'OWN-BE-1', title: 'Belgian report', date: '2024-02-01', agency: 'BE-FP', classification: 'SECRET', releasableTo: ['BE-FP', 'IT-PS'] },
      entities: [
        { ref: 'p', type: 'Person', name: 'Owned Person' },
        { ref: 'q', type: 'Person', name: 'Owned Friend' },
      ],
      links: [{ type: 'ASSOCIATE_OF', from: 'p', to: 'q' }],
    };
    const snapshot = () =>
      server.db.read(
        'MATCH (r:Report {id: "OWN-BE-1"}) OPTIONAL MATCH (r)-[s:STATES]->(n) RETURN r.agency AS agency, r.classification AS c, r.title AS title, count(s) AS statements',
      );

    beforeAll(async () => {
      const res = await server.gql(
        IMPORT,
        { report: BE },
        await tokenOf({ sub: 'be-loader', roles: ['loader'], agency: 'BE-FP', country: 'BE', clearance: 'SECRET' }),
      );
      expect(res.errors).toBeUndefined();
    });

    it('another agency’s loader who can read the report may not revise, declassify or retract it', async () => {
      const before = await snapshot();
      const itLoader = await tokenOf({ sub: 'it-loader', roles: ['loader'], agency: 'IT-PS', country: 'IT', clearance: 'SECRET' });
      const takeover = { report: { ...BE.report, agency: 'IT-PS', classification: 'UNCLASSIFIED', releasableTo: [] }, entities: [BE.entities[0]], links: [] };
      const res = await server.gql(IMPORT, { report: takeover }, itLoader);
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
      const sameAgencyName = await server.gql(IMPORT, { report: { ...BE, report: { ...BE.report, title: 'hijacked' } } }, itLoader);
      expect(sameAgencyName.errors![0].extensions!.code).toBe('FORBIDDEN');
      const retract = await server.gql(RETRACT, { id: 'OWN-BE-1' }, itLoader);
      expect(retract.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });

    it('a loader who cannot read the report gets the taken-id answer to an import and the unknown-id answer to a retraction', async () => {
      const before = await snapshot();
      const low = await tokenOf({ sub: 'be-low', roles: ['loader'], agency: 'BE-FP', country: 'BE', clearance: 'RESTRICTED' });
      const res = await server.gql(IMPORT, { report: { ...BE, report: { ...BE.report, classification: 'RESTRICTED' } } }, low);
      expect(res.errors![0].extensions!.problems).toEqual([{ path: 'report.id', message: 'is already used by another report' }]);
      // a retraction of a report the caller cannot read answers as for an unknown id (issue 16, item 8)
      const ret = await server.gql(RETRACT, { id: 'OWN-BE-1' }, low);
      expect(ret.errors![0].extensions!.problems).toEqual([{ path: 'id', message: 'no such report' }]);
      expect(await snapshot()).toEqual(before);
    });

    it('the owner revises; an admin within clearance may too; an analyst may not retract', async () => {
      const owner = await tokenOf({ sub: 'be-loader', roles: ['loader'], agency: 'BE-FP', country: 'BE', clearance: 'SECRET' });
      expect((await server.gql(IMPORT, { report: { ...BE, report: { ...BE.report, title: 'revised by owner' } } }, owner)).errors).toBeUndefined();
      const admin = await tokenOf({ sub: 'admin-it', roles: ['admin'], agency: 'IT-PS', country: 'IT', clearance: 'SECRET' });
      expect((await server.gql(IMPORT, { report: { ...BE, report: { ...BE.report, title: 'revised by admin' } } }, admin)).errors).toBeUndefined();
      const analyst = await tokenOf(analystOf('BE-FP'));
      expect((await server.gql(RETRACT, { id: 'OWN-BE-1' }, analyst)).errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await snapshot())[0]).toMatchObject({ agency: 'BE-FP', title: 'revised by admin', statements: 2 });
      const ret = await server.gql(RETRACT, { id: 'OWN-BE-1' }, owner);
      expect(ret.errors).toBeUndefined();
      expect(await snapshot()).toEqual([]);
      expect((await server.gql('{ report(id: "OWN-BE-1") { id } }', undefined, admin)).data!.report).toBeNull();
    });

    it('a loader imports only reports of its own agency', async () => {
      const res = await server.gql(IMPORT, { report: { ...BE, report: { ...BE.report, id: 'OWN-BE-2' } } }, await tokenOf(loaderOf('AG-01')));
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    });
  });

  describe('values, labels and dry runs', () => {
    const loader = () => tokenOf({ sub: 'mk-loader', roles: ['loader'], agency: 'MK-MVR', country: 'MK', clearance: 'SECRET' });
    const doc = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
      report: { id, title: id, date: '2024-04-01', agency: 'MK-MVR', classification: 'UNCLASSIFIED', sourceReliability: 'B', informationAccuracy: 2, ...extra },
      entities: [
        { ref: 'p', type: 'Person', name, birthDate: '1980-01-01' },
        { ref: 'q', type: 'Person', name: 'Weight Partner' },
      ],
      links: [{ type: 'ASSOCIATE_OF', from: 'p', to: 'q', weight: 2 }],
    });

    it('refuses weights that are not finite, positive and at most 1,000,000', async () => {
      for (const weight of [1e308, 0, -1, 1000001]) {
        const bad = doc('W-1', 'Weight Person');
        bad.links[0].weight = weight;
        const res = await server.gql(IMPORT, { report: bad }, await loader());
        expect(res.errors![0].extensions!.problems.map((p: { path: string }) => p.path)).toEqual(['links[0].weight']);
      }
      expect((await server.gql('{ report(id: "W-1") { id } }')).data!.report).toBeNull();
    });

    it('labels with the best grade, then most reports, then the richer spelling, whatever the import order', async () => {
      const id = entityIdOf({ type: 'Person', name: 'Arben Provë', birthDate: '1980-01-01' });
      const label = async () => (await server.gql(`{ entity(id: "${id}") { label } }`)).data!.entity.label;
      expect((await server.gql(IMPORT, { report: doc('L-1', 'Arben Provë') }, await loader())).errors).toBeUndefined();
      expect((await server.gql(IMPORT, { report: doc('L-2', 'ARBEN PROVE') }, await loader())).errors).toBeUndefined();
      expect(await label()).toBe('Arben Provë');
      // two reports agree on the shouted spelling: most reports wins
      expect((await server.gql(IMPORT, { report: doc('L-3', 'ARBEN PROVE') }, await loader())).errors).toBeUndefined();
      expect(await label()).toBe('ARBEN PROVE');
      // a better graded report wins over the count
      expect(
        (await server.gql(IMPORT, { report: doc('L-4', 'Arben Prove', { sourceReliability: 'A', informationAccuracy: 1 }) }, await loader())).errors,
      ).toBeUndefined();
      expect(await label()).toBe('Arben Prove');
    });

    it('validateOnly answers what would change and writes nothing', async () => {
      const graph = 'MATCH (n) WHERE NOT n:AuditEntry OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels';
      const before = await server.db.read(graph);
      const fresh = doc('DRY-1', 'Dry Runner');
      const res = await server.gql(IMPORT, { report: fresh, dry: true }, await loader());
      expect(res.errors).toBeUndefined();
      expect(res.data!.importReport).toMatchObject({
        dryRun: true,
        alreadyImported: false,
        nodes: { created: 1, updated: 1, unchanged: 0 },
        links: { created: 1 },
      });
      expect(await server.db.read(graph)).toEqual(before);
      const bad = await server.gql(IMPORT, { report: { ...fresh, entities: [{ ref: 'p', type: 'Person' }] }, dry: true }, await loader());
      expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      // the real import then gives the same counts
      const real = await server.gql(IMPORT, { report: fresh }, await loader());
      expect(real.data!.importReport).toMatchObject({ dryRun: false, nodes: res.data!.importReport.nodes, links: res.data!.importReport.links });
    });
  });

  describe('names (Unicode)', () => {
    const loader = () => tokenOf({ sub: 'rs-loader', roles: ['loader'], agency: 'RS-MUP', country: 'RS', clearance: 'SECRET' });
    const report = (id: string, entities: unknown[]) => ({
      report: { id, title: id, date: '2024-05-01', agency: 'RS-MUP', classification: 'UNCLASSIFIED' },
      entities,
      links: [],
    });

    it('refuses names of only invisible characters, control and bidi characters, lone surrogates — with the path', async () => {
      const res = await server.gql(
        IMPORT,
        {
          report: report('U-BAD', [
            { ref: 'a', type: 'Person', name: '\u200B\u200C\u200D' },
            { ref: 'b', type: 'Person', name: 'Bad\u0007Bell' },
            { ref: 'c', type: 'Person', name: 'Evil \u202Egnirts' },
            { ref: 'd', type: 'Person', name: 'Broken \uD800 half' },
            { ref: 'e', type: 'Person', name: 'Fine Name', aliases: ['ok', '\u2060'] },
          ]),
        },
        await loader(),
      );
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const problems = Object.fromEntries(res.errors![0].extensions!.problems.map((p: { path: string; message: string }) => [p.path, p.message]));
      expect(problems).toEqual({
        'entities[0].name': 'has no visible character',
        'entities[1].name': 'contains control characters',
        'entities[2].name': 'contains bidirectional control characters',
        'entities[3].name': 'contains a lone surrogate (not valid Unicode text)',
        'entities[4].aliases[1]': 'has no visible character',
      });
      expect((await server.gql('{ report(id: "U-BAD") { id } }')).data!.report).toBeNull();
    });

    it('one person whatever the normal form, and a mixed-script look-alike is the same person', async () => {
      const latin = { ref: 'p', type: 'Person', name: 'Luka Perović', birthDate: '1986-03-14' };
      const decomposed = { ...latin, name: 'Luka Perovic\u0301' }; // NFD: c + combining acute
      const lookalike = { ...latin, name: 'Luka \u0420\u0435rović' }; // Cyrillic Р and е
      const cyrillic = { ...latin, name: 'Лука Перовић' }; // Serbian Cyrillic: transliterates to the same
      const ids = [];
      for (const [i, e] of [latin, decomposed, lookalike, cyrillic].entries()) {
        const res = await server.gql(IMPORT, { report: report(`U-${i}`, [e]) }, await loader());
        expect(res.errors).toBeUndefined();
        ids.push(res.data!.importReport.entities[0].id);
      }
      expect(new Set(ids).size).toBe(1);
      const names = await server.db.read<{ name: string }>('MATCH (:Report)-[s:STATES]->(:Person {id: $id}) RETURN DISTINCT s.name AS name', { id: ids[0] });
      // stored in NFC: the decomposed spelling is the same string as the composed one
      expect(names.map((n) => n.name).sort()).toEqual(['Luka Perović', 'Luka \u0420\u0435rović', 'Лука Перовић'].sort());
    });
  });

  describe('bulk import', () => {
    const small = (i: number) => ({
      report: { id: `BULK-${i}`, title: `bulk ${i}`, date: '2024-07-01', agency: 'BULK', classification: 'UNCLASSIFIED' },
      entities: [
        { ref: 'a', type: 'Person', name: `Bulk Person ${i}` },
        { ref: 'b', type: 'Person', name: `Bulk Person ${(i + 1) % 60}` },
        { ref: 'g', type: 'Organisation', name: 'Bulk group', country: 'HR' },
      ],
      links: [
        { type: 'ASSOCIATE_OF', from: 'a', to: 'b' },
        { type: 'MEMBER_OF', from: 'a', to: 'g' },
      ],
    });

    it('imports many reports in groups, each atomic: a bad one costs only itself', async () => {
      const { ReportImporter } = await import('../src/import/importer');
      const docs: Array<{ doc: unknown; where: string }> = Array.from({ length: 60 }, (_, i) => ({ doc: small(i), where: `line ${i + 1}` }));
      docs[7] = { doc: { ...small(7), entities: [{ ref: 'a', type: 'Person' }] }, where: 'line 8' }; // schema: no name
      docs[30] = {
        doc: { ...small(30), entities: [...small(30).entities, { ref: 'x', type: 'Location', id: 'country:HR', name: 'Hideout' }] },
        where: 'line 31',
      }; // found in the database
      const results = new Map<string, unknown>();
      await new ReportImporter(server.db).importMany(docs, (where, result) => results.set(where, result), { batchSize: 25, concurrency: 2 });
      expect(results.size).toBe(60);
      const failed = [...results].filter(([, r]) => r instanceof Error).map(([w]) => w);
      expect(failed.sort()).toEqual(['line 31', 'line 8']);
      const [{ reports, group }] = await server.db.read<{ reports: number; group: number }>(
        `MATCH (r:Report) WHERE r.id STARTS WITH 'BULK-' WITH count(r) AS reports
         MATCH (:Report)-[s:STATES]->(:Organisation {id: $g}) RETURN reports, count(s) AS group`,
        { g: entityIdOf({ type: 'Organisation', name: 'Bulk group', country: 'HR' }) },
      );
      expect({ reports, group }).toEqual({ reports: 58, group: 58 });
      // again: everything already imported, nothing written
      const again = new Map<string, unknown>();
      await new ReportImporter(server.db).importMany(docs, (where, result) => again.set(where, result), { batchSize: 25 });
      expect(
        [...again]
          .filter(([, r]) => r instanceof Error)
          .map(([w]) => w)
          .sort(),
      ).toEqual(['line 31', 'line 8']);
      const written = [...again.values()].filter((r) => !(r instanceof Error));
      expect(written).toHaveLength(58);
      expect(written.every((r) => (r as { alreadyImported: boolean }).alreadyImported)).toBe(true);
    });
  });

  describe('parallel statements of one link', () => {
    // Forty reports each state the same four links: A–X–B and A–Y–B. A shortest path then comes
    // back from the path search once per combination of its links' statements (40 × 40 rows).
    const PEOPLE = ['Para Alpha', 'Para Xeno', 'Para Ypsilon', 'Para Beta'].map((name) => ({ type: 'Person', name, birthDate: '1980-01-01' }));
    const [A, X, Y, B] = PEOPLE.map((p) => entityIdOf(p));
    beforeAll(async () => {
      const { ReportImporter } = await import('../src/import/importer');
      const docs = Array.from({ length: 40 }, (_, k) => ({
        doc: {
          report: { id: `PARA-${k}`, title: 'parallel statements', date: '2024-01-01', agency: 'AG-00', classification: 'UNCLASSIFIED' },
          entities: PEOPLE.map((p, i) => ({ ref: `p${i}`, ...p })),
          links: [
            [0, 1],
            [1, 3],
            [0, 2],
            [2, 3],
          ].map(([a, b]) => ({ type: 'ASSOCIATE_OF', from: `p${a}`, to: `p${b}` })),
        },
        where: `report ${k}`,
      }));
      const results = new Map<string, unknown>();
      await new ReportImporter(server.db).importMany(docs, (where, result) => results.set(where, result), { batchSize: 10 });
      expect([...results.values()].filter((r) => r instanceof Error)).toEqual([]);
    });

    it('all shortest paths over parallel statements: each path once, each link with all its statements', async () => {
      const res = await server.gql(
        'query ($a: ID!, $b: ID!) { shortestPaths(from: $a, to: $b, all: true) { length nodes { id } edges { sources { reportId } } } }',
        { a: A, b: B },
        await tokenOf(analystOf('AG-00')),
      );
      expect(res.errors).toBeUndefined();
      const paths = res.data!.shortestPaths as Array<{ length: number; nodes: Array<{ id: string }>; edges: Array<{ sources: unknown[] }> }>;
      expect(paths.map((p) => p.nodes.map((n) => n.id).join('>')).sort()).toEqual([`${A}>${X}>${B}`, `${A}>${Y}>${B}`].sort());
      for (const p of paths) for (const e of p.edges) expect(e.sources).toHaveLength(40);
    });

    it('connectingNetwork: every pair in one path search, whatever the number of ids', async () => {
      const sent: string[] = [];
      server.db.onQuery = (text) => sent.push(text);
      let res: GqlResponse;
      try {
        res = await server.gql(
          'query ($ids: [ID!]!) { connectingNetwork(ids: $ids) { nodes { id } edges { source target } } }',
          { ids: [A, X, Y, B] },
          await tokenOf(analystOf('AG-00')),
        );
      } finally {
        server.db.onQuery = undefined;
      }
      expect(res.errors).toBeUndefined();
      expect(res.data!.connectingNetwork.nodes.map((n: { id: string }) => n.id).sort()).toEqual([A, X, Y, B].sort());
      expect(res.data!.connectingNetwork.edges).toHaveLength(4);
      expect(sent.filter((q) => q.includes('ALL SHORTEST'))).toHaveLength(1); // six pairs, one search
    });
  });
});
