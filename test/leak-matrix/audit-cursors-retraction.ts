import { ReportImporter } from '../../src/import/importer';
import { entityIdOf } from '../support/fixtures';
import { GqlResponse, startEmptyServer, TestServer, tokenCache, TokenSpec } from '../support/harness';

/**
 * Issue 16, items 2 and 8, as the leak matrix: what a caller could learn from the audit log, a
 * replayed or re-aimed cursor, or a retraction of a report they cannot see.
 *
 * - **Audit.** An entry is marked at least as its requester (their clearance, releasable to their
 *   agency and country only), and a failed import's entry as the document it carried declared:
 *   an UNCLASSIFIED admin of another agency reads none of a SECRET analyst's search terms, nor the
 *   report ids of failed SECRET imports and retractions.
 * - **Cursors.** A SECRET analyst's cursor (the position of a name only a SECRET report states)
 *   replayed by a RESTRICTED analyst of the same agency answers exactly as a forged cursor; a
 *   persons cursor is not an operations cursor; every cursor has one length.
 * - **Retraction.** `retractReport` of a report the caller cannot read answers exactly as for an
 *   unknown id, whoever asks (another agency, the owning agency below its classification, an
 *   admin outside its releasability), and retracts nothing.
 */

const PUB = {
  report: { id: 'AUD16-PUB', title: 'public', date: '2024-01-10', agency: 'ME-UP', classification: 'UNCLASSIFIED', releasableTo: [] },
  entities: [
    { ref: 'm', type: 'Person', name: 'Mila Pubović' },
    { ref: 'p', type: 'Person', name: 'Petar Pubović' },
    // a long name: its cursor must be as long as the others
    { ref: 'l', type: 'Person', name: `Ljubomir ${'Dugoimenović-'.repeat(15)}Kraj` },
    { ref: 'o', type: 'Operation', name: 'Operation Lark', kind: 'INVESTIGATION', startDate: '2024-01-01', countries: ['ME'] },
  ],
  links: [{ type: 'ASSOCIATE_OF', from: 'm', to: 'p' }],
};
const SEC = {
  report: { id: 'AUD16-SECRET', title: 'secret', date: '2024-02-10', agency: 'ES-PN', classification: 'SECRET', releasableTo: ['ES-PN'] },
  entities: [
    // sorts before every visible person
    { ref: 'a', type: 'Person', name: 'Aaron Sombra' },
    { ref: 's', type: 'Person', name: 'Sergio Sombra' },
  ],
  links: [{ type: 'ASSOCIATE_OF', from: 'a', to: 's' }],
};
const SERGIO = entityIdOf(SEC.entities[1]);
/** What no reader outside the SECRET report's need-to-know may find in the audit log (lower case). */
const AUDIT_SECRETS = ['sombra', 'aud16-fail-secret', 'aud16-secret-draft-7', 'aud16-above-clearance', 'aud16-secret', SERGIO];

const USERS = {
  esSecret: { sub: 'aud16-es-secret', roles: ['analyst'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' },
  esSecret2: { sub: 'aud16-es-secret-2', roles: ['analyst'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' },
  esRestricted: { sub: 'aud16-es-restricted', roles: ['analyst'], agency: 'ES-PN', country: 'ES', clearance: 'RESTRICTED' },
  esLoader: { sub: 'aud16-es-loader', roles: ['loader'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' },
  esConfLoader: { sub: 'aud16-es-conf-loader', roles: ['loader'], agency: 'ES-PN', country: 'ES', clearance: 'CONFIDENTIAL' },
  esLowLoader: { sub: 'aud16-es-low-loader', roles: ['loader'], agency: 'ES-PN', country: 'ES', clearance: 'RESTRICTED' },
  itLoader: { sub: 'aud16-it-loader', roles: ['loader'], agency: 'IT-PS', country: 'IT', clearance: 'SECRET' },
  lowAdmin: { sub: 'aud16-low-admin', roles: ['admin'], agency: 'EUROPOL', country: 'NL', clearance: 'UNCLASSIFIED' },
  nlAdmin: { sub: 'aud16-nl-admin', roles: ['admin'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' },
  gcAdmin: { sub: 'aud16-es-gc-admin', roles: ['admin'], agency: 'ES-GC', country: 'ES', clearance: 'SECRET' },
  esConfAdmin: { sub: 'aud16-es-conf-admin', roles: ['admin'], agency: 'ES-PN', country: 'ES', clearance: 'CONFIDENTIAL' },
  esAdmin: { sub: 'aud16-es-admin', roles: ['admin'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' },
} satisfies Record<string, TokenSpec>;

const IMPORT = 'mutation aud16Import($r: ReportInput!) { importReport(report: $r) { reportId } }';
const RETRACT = 'mutation aud16Retract($id: ID!) { retractReport(id: $id) { reportId statements links } }';
const PERSONS = 'query aud16Persons($first: Int, $after: String) { persons(first: $first, after: $after) { totalCount edges { cursor node { id label } } } }';

describe('leak matrix (issue 16): audit entries, cursors and retractions', () => {
  let server: TestServer;
  const tokenOf = tokenCache();
  const as = async (u: keyof typeof USERS, query: string, variables?: Record<string, unknown>) => server.gql(query, variables, await tokenOf(USERS[u]));
  /** The whole answer without the request-specific id, for "answers exactly like" comparisons. */
  const norm = (r: GqlResponse, id: string) =>
    JSON.stringify({ status: r.status, data: r.data ?? null, errors: r.errors })
      .split(id)
      .join('<ID>');

  beforeAll(async () => {
    server = await startEmptyServer();
    const importer = new ReportImporter(server.db);
    await importer.import(PUB, 'test');
    await importer.import(SEC, 'test');
  });
  afterAll(() => server.stop());

  describe('cursors', () => {
    it("a SECRET analyst's cursor replayed by a RESTRICTED analyst of the same agency answers as a forged cursor", async () => {
      const secret = await as('esSecret', PERSONS, { first: 1 });
      expect(secret.data!.persons.edges.map((e: { node: { label: string } }) => e.node.label)).toEqual(['Aaron Sombra']);
      const cursor: string = secret.data!.persons.edges[0].cursor;
      // the same visibility class (another analyst): the cursor works and pages on
      const same = await as('esSecret2', PERSONS, { first: 1, after: cursor });
      expect(same.errors).toBeUndefined();
      expect(same.data!.persons.edges.map((e: { node: { label: string } }) => e.node.label)).toEqual([expect.stringMatching(/^Ljubomir/)]);
      // a RESTRICTED caller: exactly the answer to a cursor this API never issued
      const forged = Buffer.from(cursor, 'base64url');
      forged[20] ^= 1;
      const replayed = await as('esRestricted', PERSONS, { first: 1, after: cursor });
      const refused = await as('esRestricted', PERSONS, { first: 1, after: forged.toString('base64url') });
      expect(norm(replayed, cursor)).toBe(norm(refused, forged.toString('base64url')));
      expect(replayed.errors?.map((e) => e.extensions)).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', problems: [{ path: 'after', message: 'not a cursor returned by this API' }] }),
      ]);
      expect(JSON.stringify(replayed)).not.toMatch(/sombra|ljubomir|pubovi/i);
    });

    it('a cursor is refused by every other list and by other filters', async () => {
      const page = await as('esRestricted', PERSONS, { first: 1 });
      const cursor: string = page.data!.persons.edges[0].cursor;
      const others: Array<[string, string]> = [
        ['operations', 'query ($a: String) { operations(after: $a) { totalCount } }'],
        ['seizures', 'query ($a: String) { seizures(after: $a) { totalCount } }'],
        ['reports', 'query ($a: String) { reports(after: $a) { totalCount } }'],
        ['search', 'query ($a: String) { search(text: "pubovic", after: $a) { totalCount } }'],
        ['persons(name)', 'query ($a: String) { persons(name: "pub", after: $a) { totalCount } }'],
      ];
      for (const [list, query] of others) {
        const res = await as('esRestricted', query, { a: cursor });
        expect({ list, errors: res.errors?.map((e) => e.extensions) }).toEqual({
          list,
          errors: [expect.objectContaining({ code: 'BAD_USER_INPUT', problems: [{ path: 'after', message: 'not a cursor returned by this API' }] })],
        });
      }
      // an operations cursor is not a persons cursor either
      const ops = await as('esRestricted', '{ operations(first: 1) { edges { cursor } } }');
      const back = await as('esRestricted', PERSONS, { first: 1, after: ops.data!.operations.edges[0].cursor });
      expect(back.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('every cursor has the same length, whatever name, id or list it holds', async () => {
      const cursors: string[] = [];
      const persons = await as('esSecret', PERSONS, { first: 10 });
      expect(persons.data!.persons.totalCount).toBe(5);
      cursors.push(...persons.data!.persons.edges.map((e: { cursor: string }) => e.cursor));
      const others = await as('esSecret', '{ reports { edges { cursor } } operations { edges { cursor } } search(text: "sombra") { edges { cursor } } }');
      expect(others.errors).toBeUndefined();
      for (const list of ['reports', 'operations', 'search']) cursors.push(...others.data![list].edges.map((e: { cursor: string }) => e.cursor));
      expect(cursors.length).toBe(5 + 2 + 1 + 2);
      expect([...new Set(cursors.map((c) => c.length))]).toHaveLength(1);
    });
  });

  describe('retractReport of a hidden report', () => {
    it.each(['itLoader', 'esLowLoader', 'nlAdmin', 'gcAdmin'] as const)('%s: exactly the answer for an unknown report, and nothing retracted', async (u) => {
      const hidden = await as(u, RETRACT, { id: SEC.report.id });
      const unknown = await as(u, RETRACT, { id: 'AUD16-NO-SUCH-REPORT' });
      expect(norm(hidden, SEC.report.id)).toBe(norm(unknown, 'AUD16-NO-SUCH-REPORT'));
      expect(hidden.errors?.map((e) => e.extensions)).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', problems: [{ path: 'id', message: 'no such report' }] }),
      ]);
      const still = await as('esSecret', `{ entity(id: "${SERGIO}") { label sources { reportId } } }`);
      expect(still.data!.entity).toEqual({ label: 'Sergio Sombra', sources: [{ reportId: SEC.report.id }] });
    });

    it('a caller who can see the report but does not own it is told so (the hidden case is not a blanket refusal)', async () => {
      const res = await as('itLoader', RETRACT, { id: PUB.report.id });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('audit entries', () => {
    const FAILING = {
      report: { id: 'AUD16-FAIL-SECRET', title: 'draft', date: '2024-03-01', agency: 'ES-PN', classification: 'SECRET', releasableTo: ['ES-PN'] },
      entities: [{ ref: 'x', type: 'Person' }], // no name: refused
      links: [],
    };
    const ABOVE = {
      report: { id: 'AUD16-ABOVE-CLEARANCE', title: 'above', date: '2024-03-01', agency: 'ES-PN', classification: 'SECRET', releasableTo: ['ES-PN'] },
      entities: [{ ref: 'x', type: 'Person', name: 'Sergio Sombra' }],
      links: [],
    };
    type Row = {
      seq: number;
      subject: string;
      operationName: string | null;
      variables: string;
      classification: string;
      releasability: string[];
      redacted: boolean;
    };
    const log = async (u: keyof typeof USERS): Promise<Row[]> => {
      const res = await as(
        u,
        '{ auditLog(first: 500) { edges { node { seq subject operationName variables returnedIds changedIds classification releasability redacted } } } }',
      );
      expect(res.errors).toBeUndefined();
      return res.data!.auditLog.edges.map((e: { node: Row }) => e.node);
    };
    const find = (rows: Row[], subject: string, seq: number) => rows.find((r) => r.subject === subject && r.seq === seq)!;
    const seqs: Record<string, number> = {};

    beforeAll(async () => {
      const mark = async (name: string, u: keyof typeof USERS, query: string, variables: Record<string, unknown>, expectCode: string | null) => {
        const res = await as(u, query, variables);
        expect(res.errors?.[0]?.extensions?.code ?? null).toBe(expectCode);
        const [row] = await server.db.read<{ seq: number }>('MATCH (a:AuditEntry {subject: $s}) RETURN max(a.seq) AS seq', { s: USERS[u].sub });
        seqs[name] = Number(row.seq);
        return res;
      };
      // a search whose terms are names only a SECRET report states (no ids answered: totals only)
      const search = await mark('search', 'esSecret', 'query aud16Search($t: String!) { search(text: $t) { totalCount } }', { t: 'Sombra' }, null);
      expect(search.data!.search.totalCount).toBe(2);
      await mark('failedImport', 'esLoader', IMPORT, { r: FAILING }, 'BAD_USER_INPUT');
      await mark('failedRetract', 'esLoader', RETRACT, { id: 'AUD16-SECRET-DRAFT-7' }, 'BAD_USER_INPUT');
      await mark('hiddenRetract', 'itLoader', RETRACT, { id: SEC.report.id }, 'BAD_USER_INPUT');
      await mark('aboveClearance', 'esConfLoader', IMPORT, { r: ABOVE }, 'FORBIDDEN');
    });

    /** Every marked entry is in the log but redacted, and no secret appears anywhere in it. */
    const expectNoneReadable = (rows: Row[]) => {
      for (const [name, seq] of Object.entries(seqs)) {
        const e = rows.find((r) => r.seq === seq);
        expect({ name, entry: e }).toEqual({ name, entry: expect.objectContaining({ redacted: true, operationName: null, variables: '[redacted]' }) });
      }
      const text = JSON.stringify(rows).toLowerCase();
      for (const s of AUDIT_SECRETS) expect({ s, found: text.includes(s.toLowerCase()) }).toEqual({ s, found: false });
    };

    it('an UNCLASSIFIED admin of another agency reads none of them: search terms, failed SECRET imports and retractions', async () => {
      expectNoneReadable(await log('lowAdmin'));
    });

    // the entries must be there, redacted: an empty log would pass a search for the secrets alone
    it('a SECRET admin of another agency and country reads none of them either', async () => {
      expectNoneReadable(await log('nlAdmin'));
    });

    it('a failed import carries the marking its document declared (releasability and classification)', async () => {
      // ES-GC in Spain, SECRET: covered by the loader's own marking (ES), not by the document's (ES-PN)
      const gc = await log('gcAdmin');
      expect(find(gc, USERS.esLoader.sub, seqs.failedImport)).toMatchObject({ redacted: true, variables: '[redacted]', classification: 'SECRET' });
      expect(find(gc, USERS.esLoader.sub, seqs.failedImport).releasability).toEqual(['ES-PN', 'ES|ES-PN']);
      // ...while the search of a SECRET analyst in Spain is theirs to read
      expect(find(gc, USERS.esSecret.sub, seqs.search)).toMatchObject({ redacted: false, variables: JSON.stringify({ t: 'Sombra' }) });
      // a CONFIDENTIAL loader's refused SECRET document: SECRET, above a CONFIDENTIAL admin of the same agency
      const conf = await log('esConfAdmin');
      expect(find(conf, USERS.esConfLoader.sub, seqs.aboveClearance)).toMatchObject({ redacted: true, classification: 'SECRET' });
      expect(JSON.stringify(conf)).not.toContain('AUD16-ABOVE-CLEARANCE');
    });

    it('an admin whose need-to-know covers them reads them all (the check cannot pass by showing nothing)', async () => {
      const rows = await log('esAdmin');
      const search = find(rows, USERS.esSecret.sub, seqs.search);
      expect(search).toMatchObject({ redacted: false, operationName: 'aud16Search', classification: 'SECRET', releasability: ['ES|ES-PN'] });
      expect(JSON.parse(search.variables)).toEqual({ t: 'Sombra' });
      const failed = find(rows, USERS.esLoader.sub, seqs.failedImport);
      expect(failed).toMatchObject({ redacted: false, operationName: 'aud16Import', classification: 'SECRET' });
      expect(JSON.parse(failed.variables)).toEqual({
        r: { report: 'AUD16-FAIL-SECRET', classification: 'SECRET', releasableTo: ['ES-PN'], entities: 1, links: 0 },
      });
      expect(JSON.parse(find(rows, USERS.esLoader.sub, seqs.failedRetract).variables)).toEqual({ id: 'AUD16-SECRET-DRAFT-7' });
      expect(find(rows, USERS.itLoader.sub, seqs.hiddenRetract)).toMatchObject({ classification: 'SECRET' });
      expect(find(rows, USERS.esConfLoader.sub, seqs.aboveClearance)).toMatchObject({ redacted: false, classification: 'SECRET' });
    });
  });
});
