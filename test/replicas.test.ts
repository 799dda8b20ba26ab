import { AuditLog } from '../src/audit/audit-log';
import { AuditAnchor } from '../src/audit/anchor';
import { startServer, TestServer, token } from './support/harness';

/**
 * Two stateless API replicas (two `createApp` instances, each with its own driver) against ONE
 * database, as behind a load balancer: both answer, and every request of either lands in one
 * audit chain that still verifies (appends serialise in the database, not in a process).
 */
describe('two API replicas over one database', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([startServer(), startServer()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('both serve, and both append to one valid audit chain', async () => {
    const stamp = Date.now().toString(36);
    const subjectA = `replica-a-${stamp}`;
    const subjectB = `replica-b-${stamp}`;
    const [tokenA, tokenB] = await Promise.all([token({ sub: subjectA }), token({ sub: subjectB })]);
    const perReplica = 12;
    const query = 'query Ping($id: ID!) { entity(id: $id) { id } }';
    // Interleaved and concurrent, so that appends of the two replicas contend for the chain head.
    const responses = await Promise.all(
      Array.from({ length: perReplica }, (_, i) => [a.gql(query, { id: `missing:a${i}` }, tokenA), b.gql(query, { id: `missing:b${i}` }, tokenB)]).flat(),
    );
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ entity: null });
    }

    const audit = new AuditLog(a.db, new AuditAnchor(a.config.audit));
    // an admin reader whose need-to-know covers these entries (they touched no report)
    const reader = { clearance: 3, principals: ['EUROPOL', 'NL'], agency: 'EUROPOL', country: 'NL' };
    const [ofA, ofB] = await Promise.all([audit.list(reader, { first: 100, subject: subjectA }), audit.list(reader, { first: 100, subject: subjectB })]);
    expect(ofA.total).toBe(perReplica);
    expect(ofB.total).toBe(perReplica);
    // Every variable set of each replica was recorded, each once.
    expect(ofA.page.map((e) => JSON.parse(e.variables).id).sort()).toEqual(Array.from({ length: perReplica }, (_, i) => `missing:a${i}`).sort());
    expect(ofB.page.map((e) => JSON.parse(e.variables).id).sort()).toEqual(Array.from({ length: perReplica }, (_, i) => `missing:b${i}`).sort());
    // One chain: no two entries share a sequence number, and the whole chain verifies.
    const seqs = [...ofA.page, ...ofB.page].map((e) => e.seq);
    expect(new Set(seqs).size).toBe(2 * perReplica);
    const verdict = await new AuditLog(b.db, new AuditAnchor(b.config.audit)).verify();
    expect(verdict.brokenAt).toBeNull();
    expect(verdict.entries).toBeGreaterThanOrEqual(2 * perReplica);
    expect(Math.max(...seqs)).toBeLessThanOrEqual(verdict.entries);
  });
});
