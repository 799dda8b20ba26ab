import { entityIdOf } from '../support/fixtures';
import { startEmptyServer, TestServer, tokenCache, TokenSpec } from '../support/harness';

/**
 * Issue 16, item 4: the owning agency always sees and manages its own reports, even when their
 * `releasableTo` leaves its own country and agency out. Classification still binds (an analyst of
 * the owner below the report's classification does not see it), and no one else gains anything:
 * another agency of the owner's country sees nothing and gets the taken-id answer.
 */

const IMPORT = `mutation imp($report: ReportInput!) { importReport(report: $report) { reportId revised } }`;
const RETRACT = 'mutation ret($id: ID!) { retractReport(id: $id) { reportId statements links } }';
const P = { type: 'Person', name: 'Owner Reachman', birthDate: '1971-01-01' };
const Q = { type: 'Person', name: 'Owner Friendly', birthDate: '1972-02-02' };
const P_ID = entityIdOf(P);

function ownReport(title: string, aliases: string[] = []) {
  return {
    report: {
      id: 'OWNR-1',
      title,
      date: '2024-06-01',
      agency: 'RS-MUP',
      classification: 'CONFIDENTIAL',
      releasableTo: ['MK', 'EUROPOL'],
      sourceReliability: 'B',
      informationAccuracy: 2,
    },
    entities: [
      { ref: 'p', ...P, aliases },
      { ref: 'q', ...Q },
    ],
    links: [{ type: 'ASSOCIATE_OF', from: 'p', to: 'q', kind: 'CRIMINAL', weight: 2 }],
  };
}

const user = (sub: string, roles: string[], agency: string, country: string, clearance = 'SECRET'): TokenSpec =>
  ({ sub, roles, agency, country, clearance }) as TokenSpec;
const RS_LOADER = user('rs-loader', ['loader'], 'RS-MUP', 'RS');
const RS_ANALYST = user('rs-analyst', ['analyst'], 'RS-MUP', 'RS');
const RS_LOW = user('rs-low', ['analyst'], 'RS-MUP', 'RS', 'RESTRICTED');
const RS_OTHER_AGENCY = user('rs-bia', ['analyst'], 'RS-BIA', 'RS');
const RS_OTHER_LOADER = user('rs-bia-loader', ['loader'], 'RS-BIA', 'RS');
const MK_ANALYST = user('mk-analyst', ['analyst'], 'MK-MVR', 'MK');
const HR_ANALYST = user('hr-analyst', ['analyst'], 'HR-MUP', 'HR');

describe('leak matrix: the owning agency always reaches its own reports', () => {
  let server: TestServer;
  const tokenOf = tokenCache();

  beforeAll(async () => {
    server = await startEmptyServer();
  });
  afterAll(() => server.stop());

  const view = async (spec: TokenSpec) => {
    const res = await server.gql(
      `{ report(id: "OWNR-1") { id title releasableTo }
         reports(agency: "RS-MUP") { totalCount edges { node { id } } }
         entity(id: "${P_ID}") { label ... on Person { aliases } } }`,
      {},
      await tokenOf(spec),
    );
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  it('its analysts see a report released only to other countries and agencies; others as its releasability says', async () => {
    const res = await server.gql(IMPORT, { report: ownReport('first') }, await tokenOf(RS_LOADER));
    expect(res.errors).toBeUndefined();
    const own = await view(RS_ANALYST);
    // the report keeps the releasability its document declared
    expect({ ...own.report, releasableTo: [...own.report.releasableTo].sort() }).toEqual({ id: 'OWNR-1', title: 'first', releasableTo: ['EUROPOL', 'MK'] });
    expect(own.reports).toEqual({ totalCount: 1, edges: [{ node: { id: 'OWNR-1' } }] });
    expect(own.entity).toEqual({ label: 'Owner Reachman', aliases: [] });
    expect((await view(MK_ANALYST)).entity).toEqual({ label: 'Owner Reachman', aliases: [] });
    for (const outsider of [RS_LOW, RS_OTHER_AGENCY, HR_ANALYST]) {
      expect(await view(outsider)).toEqual({ report: null, reports: { totalCount: 0, edges: [] }, entity: null });
    }
  });

  it('its loaders revise it; another agency of the same country gets the taken-id answer', async () => {
    const taken = await server.gql(
      IMPORT,
      { report: { ...ownReport('hijack'), report: { ...ownReport('hijack').report, agency: 'RS-BIA' } } },
      await tokenOf(RS_OTHER_LOADER),
    );
    expect(taken.errors![0].extensions!.problems).toEqual([{ path: 'report.id', message: 'is already used by another report' }]);
    const res = await server.gql(IMPORT, { report: ownReport('second', ['Reacher']) }, await tokenOf(RS_LOADER));
    expect(res.errors).toBeUndefined();
    expect(res.data!.importReport).toEqual({ reportId: 'OWNR-1', revised: true });
    const own = await view(RS_ANALYST);
    expect(own.report.title).toBe('second');
    expect(own.entity).toEqual({ label: 'Owner Reachman', aliases: ['Reacher'] });
    expect((await view(RS_OTHER_AGENCY)).entity).toBeNull();
  });

  it('its loaders retract it; another agency of the same country gets the unknown-id answer', async () => {
    const other = await server.gql(RETRACT, { id: 'OWNR-1' }, await tokenOf(RS_OTHER_LOADER));
    expect(other.errors![0].extensions!.problems).toEqual([{ path: 'id', message: 'no such report' }]);
    const res = await server.gql(RETRACT, { id: 'OWNR-1' }, await tokenOf(RS_LOADER));
    expect(res.errors).toBeUndefined();
    expect(res.data!.retractReport).toEqual({ reportId: 'OWNR-1', statements: 2, links: 1 });
    const [left] = await server.db.read<{ reports: number; anchors: number }>(
      'RETURN COUNT { MATCH (r:Report {id: "OWNR-1"}) } AS reports, COUNT { MATCH (n:Entity) WHERE n.id = $id } AS anchors',
      { id: P_ID },
    );
    expect(left).toEqual({ reports: 0, anchors: 0 });
    expect(await view(MK_ANALYST)).toEqual({ report: null, reports: { totalCount: 0, edges: [] }, entity: null });
  });
});
