import { ReportImporter } from '../src/import/importer';
import { resetDatabase, startServer, TestServer } from './support/harness';

/** Nested fields are batched per request level: a three-level query over 50 entities costs a handful of round-trips. */
describe('no N+1', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    const entities: Array<Record<string, unknown>> = [];
    const links: Array<Record<string, unknown>> = [];
    for (let g = 0; g < 5; g++) entities.push({ ref: `o${g}`, type: 'Organisation', name: `Batch group ${g}`, kind: 'CRIMINAL_GROUP', country: 'RS' });
    for (let i = 0; i < 50; i++) {
      entities.push({ ref: `p${i}`, type: 'Person', name: `Batch person ${String(i).padStart(2, '0')}`, nationalities: ['RS'] });
      links.push({ type: 'MEMBER_OF', from: `p${i}`, to: `o${i % 5}` });
      if (i > 0) links.push({ type: 'ASSOCIATE_OF', from: `p${i}`, to: `p${i - 1}`, weight: 1 });
    }
    await new ReportImporter(server.db).import({
      report: { id: 'TEST-BATCH', title: 'batch', date: '2022-01-01', agency: 'RS-MUP', classification: 'UNCLASSIFIED' },
      entities,
      links,
    });
  });
  afterAll(() => server.stop());

  it('answers persons → memberships → organisation → members → person in a handful of queries', async () => {
    const before = server.db.queryCount;
    const res = await server.gql(`{
      persons(name: "batch person", first: 50) {
        edges { node { id label sources { reportId report { agency } }
          ... on Person {
            associates(first: 10) { weight entity { id label } }
            memberships(first: 5) { role entity { id label ... on Organisation { members(first: 20) { entity { id label } } } } }
          } } }
      } }`);
    const queries = server.db.queryCount - before;
    expect(res.errors).toBeUndefined();
    const persons = res.data!.persons.edges;
    expect(persons).toHaveLength(50);
    for (const { node } of persons) {
      expect(node.memberships).toHaveLength(1);
      expect(node.memberships[0].entity.members).toHaveLength(10);
      expect(node.associates.length).toBeGreaterThanOrEqual(1);
    }
    // list (1) + page entities (1) + reports (1) + links of persons (1) + linked entities (1)
    // + links of organisations (1) + their members (1) + the audit append (3: marking, head lock,
    // entries) = 10, not 50 x 3. (Page sizes are explicit: the default 100 per nested list would
    // price this query over MAX_QUERY_COST.)
    expect(queries).toBeLessThanOrEqual(10);
  });
});
