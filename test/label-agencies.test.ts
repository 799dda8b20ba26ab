import { entityIdOf } from './support/fixtures';
import { resetDatabase, startServer, TestServer, tokenCache, TokenSpec } from './support/harness';

/**
 * Issue 16, item 11: one agency cannot relabel an entity for everyone by restating it with a
 * self-declared A1 grade. The label is the name stated by the most distinct agencies the caller
 * can see, then the best grade. Entity views (`entity`) and analysis answers (community members,
 * labelled from the scope read) agree, and an agency the caller cannot see counts for nothing.
 */

const IMPORT = `mutation imp($report: ReportInput!) { importReport(report: $report) { reportId } }`;
const PERSON = { type: 'Person', birthDate: '1979-09-09' };
const ID = entityIdOf({ ...PERSON, name: 'Dragan Tomić' });

function doc(id: string, agency: string, name: string, grade: [string, number], classification = 'RESTRICTED') {
  return {
    report: { id, title: id, date: '2024-05-01', agency, classification, sourceReliability: grade[0], informationAccuracy: grade[1] },
    entities: [{ ref: 'p', ...PERSON, name }],
    links: [],
  };
}

describe('labels: the most agencies first, then the grade', () => {
  let server: TestServer;
  const tokenOf = tokenCache();
  const loader = (agency: string): TokenSpec => ({ sub: `loader-${agency}`, roles: ['loader'], agency, country: 'HR', clearance: 'SECRET' });
  const analyst = (clearance: TokenSpec['clearance']): TokenSpec => ({
    sub: `analyst-${clearance}`,
    roles: ['analyst'],
    agency: 'AG-READ',
    country: 'NL',
    clearance,
  });

  async function labels(spec: TokenSpec): Promise<{ entity: string; member: string }> {
    const res = await server.gql(
      `{ entity(id: "${ID}") { label }
         communities(algorithm: CONNECTED_COMPONENTS, scope: { ids: ["${ID}"] }) { communities { members { id label } } } }`,
      {},
      await tokenOf(spec),
    );
    expect(res.errors).toBeUndefined();
    const members = res.data!.communities.communities.flatMap((c: { members: Array<{ id: string; label: string }> }) => c.members);
    expect(members.map((m: { id: string }) => m.id)).toEqual([ID]);
    return { entity: res.data!.entity.label, member: members[0].label };
  }

  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    await resetDatabase(server.db);
  });
  afterAll(() => server.stop());

  it('two agencies at C3 outweigh one agency at A1, however many reports it files; hidden agencies count for nothing', async () => {
    const imports: Array<[string, ReturnType<typeof doc>]> = [
      ['AG-ONE', doc('LBL-1', 'AG-ONE', 'Dragan Tomić', ['C', 3])],
      // SECRET: a RESTRICTED analyst does not see this agency's statement
      ['AG-TWO', doc('LBL-2', 'AG-TWO', 'Dragan Tomić', ['C', 3], 'SECRET')],
      ['AG-SELF', doc('LBL-3', 'AG-SELF', 'DRAGAN TOMIC', ['A', 1])],
      ['AG-SELF', doc('LBL-4', 'AG-SELF', 'DRAGAN TOMIC', ['A', 1])],
      ['AG-SELF', doc('LBL-5', 'AG-SELF', 'DRAGAN TOMIC', ['A', 1])],
    ];
    for (const [agency, report] of imports) {
      const res = await server.gql(IMPORT, { report }, await tokenOf(loader(agency)));
      expect(res.errors).toBeUndefined();
    }
    // SECRET reader: two agencies state "Dragan Tomić", one states "DRAGAN TOMIC" (three times, A1)
    expect(await labels(analyst('SECRET'))).toEqual({ entity: 'Dragan Tomić', member: 'Dragan Tomić' });
    // RESTRICTED reader: one agency each; the better grade decides
    expect(await labels(analyst('RESTRICTED'))).toEqual({ entity: 'DRAGAN TOMIC', member: 'DRAGAN TOMIC' });
  });

  it('a third agency joining the A1 spelling ties the agencies, and the grade decides again', async () => {
    const res = await server.gql(IMPORT, { report: doc('LBL-6', 'AG-THREE', 'DRAGAN TOMIC', ['C', 3]) }, await tokenOf(loader('AG-THREE')));
    expect(res.errors).toBeUndefined();
    expect(await labels(analyst('SECRET'))).toEqual({ entity: 'DRAGAN TOMIC', member: 'DRAGAN TOMIC' });
  });
});
