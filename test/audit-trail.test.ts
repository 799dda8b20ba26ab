import crypto from 'node:crypto';
import neo4j, { Driver } from 'neo4j-driver';
import { allTypesReport } from './support/fixtures';
import { resetDatabase, startServer, TestServer, token } from './support/harness';

/**
 * Issue 9 items 2 and 3, issue 11 item 1: an audit trail that an attacker holding the database
 * cannot rewrite unnoticed, shown to admins within their clearance, written by group commit.
 */

const IMPORT = `mutation importSecret($report: ReportInput!) { importReport(report: $report) { reportId entities { ref id } } }`;
const CHAIN = 'query chain { auditChain { entries intact brokenAt reason checkpoints } }';
type Chain = { entries: number; intact: boolean; brokenAt: number | null; reason: string | null; checkpoints: number };

describe('audit trail', () => {
  let server: TestServer;
  let raw: Driver; // the attacker: direct database credentials, no API, no audit key
  let admin: string;

  const chain = async (): Promise<Chain> => {
    const res = await server.gql<{ auditChain: Chain }>(CHAIN, undefined, admin);
    expect(res.errors).toBeUndefined();
    return res.data!.auditChain;
  };
  const rawWrite = async (query: string, params: Record<string, unknown> = {}) => {
    const session = raw.session();
    try {
      return (await session.run(query, params)).records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };
  /** A fresh trail of `n` + 1 entries (the requests, then the chain check itself is not counted). */
  async function freshTrail(n: number): Promise<number> {
    await resetDatabase(server.db);
    for (let i = 0; i < n; i++) await server.gql(`query filler${i} { persons(first: 1) { totalCount } }`);
    const c = await chain();
    expect(c).toMatchObject({ intact: true, brokenAt: null });
    return c.entries;
  }

  beforeAll(async () => {
    server = await startServer();
    raw = neo4j.driver(process.env.NEO4J_TEST_URI!, neo4j.auth.basic('neo4j', process.env.NEO4J_TEST_PASSWORD!));
    admin = await token({ sub: 'audit-admin', roles: ['admin'], clearance: 'SECRET' });
  });
  afterAll(async () => {
    await raw.close();
    await server.stop();
  });

  describe('group commit', () => {
    it('appends concurrent requests in fewer transactions than requests, and answers only after each entry is durable', async () => {
      await resetDatabase(server.db);
      const n = 60;
      const seen: boolean[] = await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const res = await server.gql(`query concurrent${i} { __typename }`);
          expect(res.errors).toBeUndefined();
          // the moment the answer arrives, its entry is committed
          const rows = await server.db.read('MATCH (a:AuditEntry {operationName: $op}) RETURN a.seq AS seq', { op: `concurrent${i}` });
          return rows.length === 1;
        }),
      );
      expect(seen.filter(Boolean).length).toBe(n);
      const [{ entries, txs }] = await server.db.read<{ entries: number; txs: number }>(
        `MATCH (a:AuditEntry) WHERE a.operationName STARTS WITH 'concurrent'
         RETURN count(a) AS entries, count(DISTINCT a.batch) AS txs`,
      );
      expect(entries).toBe(n);
      expect(txs).toBeGreaterThan(0);
      expect(txs).toBeLessThan(n); // batched: fewer head locks than requests
      const c = await chain();
      expect(c).toMatchObject({ intact: true, brokenAt: null });
      expect(c.checkpoints).toBeGreaterThan(0);
      expect(c.checkpoints).toBeLessThan(n + 1);
    });

    it('keeps one chain when batches are chained behind batches in flight, a second writer interleaves and an import rolls back', async () => {
      await resetDatabase(server.db);
      const { AuditLog } = await import('../src/audit/audit-log');
      const { AuditAnchor } = await import('../src/audit/anchor');
      const a = new AuditLog(server.db, new AuditAnchor(server.config.audit));
      const b = new AuditLog(server.db, new AuditAnchor(server.config.audit));
      const entry = (op: string) => ({
        at: new Date().toISOString(),
        subject: 'pipeline',
        agency: 'NL-POL',
        country: 'NL',
        roles: ['analyst'],
        operationName: op,
        operationType: 'query',
        variables: '{}',
        returnedIds: [],
        changedIds: [],
        outcome: 'ok',
        durationMs: 1,
      });
      const rolledBack = server.db
        .writeTransaction(async (tx) => {
          await a.appendInTransaction(tx, entry('rolled-back'), { classificationLevel: 0, releasability: [] });
          throw new Error('import failed');
        })
        .catch(() => 'rolled back');
      const appends = [
        ...Array.from({ length: 150 }, (_, i) => a.append(entry(`a${i}`))),
        ...Array.from({ length: 75 }, (_, i) => b.append(entry(`b${i}`))),
        ...Array.from({ length: 75 }, (_, i) => new Promise((r) => setTimeout(r, i)).then(() => a.append(entry(`late${i}`)))),
      ];
      await Promise.all(appends);
      expect(await rolledBack).toBe('rolled back');
      const [{ n, distinct, maxSeq }] = await server.db.read<{ n: number; distinct: number; maxSeq: number }>(
        'MATCH (e:AuditEntry) RETURN count(e) AS n, count(DISTINCT e.seq) AS distinct, max(e.seq) AS maxSeq',
      );
      expect({ n, distinct, maxSeq }).toEqual({ n: 300, distinct: 300, maxSeq: 300 });
      expect(a.stats.entries).toBe(225);
      expect(a.stats.batches).toBeLessThan(225);
      expect(await a.verify()).toMatchObject({ brokenAt: null, reason: null, entries: 300 });
    });

    it('keeps one valid chain across two API replicas writing at once', async () => {
      await resetDatabase(server.db);
      const other = await startServer();
      try {
        await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? server : other).gql(`query replica${i} { __typename }`)));
        const [{ n, maxSeq }] = await server.db.read<{ n: number; maxSeq: number }>('MATCH (a:AuditEntry) RETURN count(a) AS n, max(a.seq) AS maxSeq');
        expect(n).toBe(40);
        expect(maxSeq).toBe(40);
        expect(await chain()).toMatchObject({ intact: true, brokenAt: null });
      } finally {
        await other.stop();
      }
    });
  });

  describe("inside a caller's transaction (for imports)", () => {
    it("commits an entry with the caller's writes, or neither", async () => {
      await freshTrail(3);
      const { AuditLog, markingOfReport } = await import('../src/audit/audit-log');
      const { AuditAnchor } = await import('../src/audit/anchor');
      const audit = new AuditLog(server.db, new AuditAnchor(server.config.audit));
      const record = {
        at: new Date().toISOString(),
        subject: 'tx-loader',
        agency: 'ES-PN',
        country: 'ES',
        roles: ['loader'],
        operationName: 'txImport',
        operationType: 'mutation',
        variables: '{}',
        returnedIds: [],
        changedIds: ['x:1'],
        outcome: 'ok',
        durationMs: 1,
      };
      const head = await server.db.writeTransaction(async (tx) => {
        await tx.run(`CREATE (:TxProbe {id: 'committed'})`);
        return audit.appendInTransaction(tx, record, markingOfReport(3, ['ES-PN']));
      });
      await audit.anchorHead(head);
      await expect(
        server.db.writeTransaction(async (tx) => {
          await tx.run(`CREATE (:TxProbe {id: 'rolled-back'})`);
          await audit.appendInTransaction(tx, { ...record, operationName: 'txFailed' }, markingOfReport(0, []));
          throw new Error('the import failed');
        }),
      ).rejects.toThrow('the import failed');
      const rows = await server.db.read<{ op: string; level: number; rel: string[] }>(
        `MATCH (a:AuditEntry) WHERE a.operationName STARTS WITH 'tx' RETURN a.operationName AS op, a.classificationLevel AS level, a.releasability AS rel`,
      );
      // the report's marking, and the requester's own (issue 16): releasable to ES-PN or ES
      expect(rows).toEqual([{ op: 'txImport', level: 3, rel: ['ES-PN', 'ES|ES-PN'] }]);
      expect(await server.db.read(`MATCH (p:TxProbe) RETURN p.id AS id`)).toEqual([{ id: 'committed' }]);
      await server.db.write('MATCH (p:TxProbe) DELETE p');
      expect(await chain()).toMatchObject({ intact: true, brokenAt: null });
    });
  });

  describe('attacks with the database credentials', () => {
    it('truncation: deleting the newest entries and moving the head back is detected at the first deleted entry', async () => {
      const total = await freshTrail(10);
      const keep = total - 5;
      await rawWrite('MATCH (a:AuditEntry) WHERE a.seq > $keep DETACH DELETE a', { keep: neo4j.int(keep) });
      await rawWrite(`MATCH (a:AuditEntry {seq: $keep}), (h:AuditHead {id: 'head'}) SET h.seq = a.seq, h.hash = a.hash`, { keep: neo4j.int(keep) });
      const c = await chain();
      expect(c).toMatchObject({ intact: false, brokenAt: keep + 1 });
      expect(c.reason).toMatch(/truncated/);
    });

    it('truncation without moving the head is detected too', async () => {
      const total = await freshTrail(6);
      await rawWrite('MATCH (a:AuditEntry) WHERE a.seq > $keep DETACH DELETE a', { keep: neo4j.int(total - 2) });
      expect(await chain()).toMatchObject({ intact: false, brokenAt: total - 1 });
    });

    it('rewriting an entry and re-hashing every later one (SHA-256, no key) is detected at the rewritten entry', async () => {
      const total = await freshTrail(10);
      const target = 4;
      const rows = await rawWrite(`MATCH (a:AuditEntry) RETURN a.seq AS seq, a.prevHash AS prevHash, a.hash AS hash, a.subject AS subject ORDER BY a.seq`);
      expect(rows.length).toBeGreaterThanOrEqual(total); // plus the chain check's own entry
      // The attacker rewrites entry 4's subject and recomputes every hash after it, as the old chain allowed.
      let prev = String(rows[target - 2].hash);
      for (const row of rows.slice(target - 1)) {
        const seq = Number(row.seq);
        const subject = seq === target ? 'mallory' : String(row.subject);
        const hash = crypto
          .createHash('sha256')
          .update(JSON.stringify([seq, prev, subject]))
          .digest('hex');
        await rawWrite('MATCH (a:AuditEntry {seq: $seq}) SET a.subject = $subject, a.prevHash = $prev, a.hash = $hash', {
          seq: neo4j.int(seq),
          subject,
          prev,
          hash,
        });
        prev = hash;
      }
      await rawWrite(`MATCH (h:AuditHead {id: 'head'}) SET h.hash = $hash`, { hash: prev });
      const c = await chain();
      expect(c).toMatchObject({ intact: false, brokenAt: target });
      expect(c.reason).toMatch(/does not verify/);
    });

    it('replacing the whole trail with a fresh one is detected by the checkpoints outside the database', async () => {
      await freshTrail(5);
      // delete everything; the API then starts a new chain from seq 1 on its own
      await rawWrite('MATCH (n) WHERE n:AuditEntry OR n:AuditHead DETACH DELETE n');
      await server.gql('query afterWipe { persons(first: 1) { totalCount } }');
      const c = await chain();
      expect(c.intact).toBe(false);
      expect(c.brokenAt).toBe(1);
    });
  });

  describe('by clearance', () => {
    let secretIds: string[] = [];
    beforeAll(async () => {
      await resetDatabase(server.db);
      const loader = await token({ sub: 'secret-loader', roles: ['loader'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' });
      const doc = allTypesReport({ id: 'AUDIT-SECRET-1', classification: 'SECRET', releasableTo: ['ES-PN'] });
      const res = await server.gql(IMPORT, { report: doc }, loader);
      expect(res.errors).toBeUndefined();
      secretIds = res.data!.importReport.entities.map((e: { id: string }) => e.id).filter((id: string) => !id.startsWith('country:'));
      const analyst = await token({ sub: 'secret-analyst', roles: ['analyst'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' });
      const read = await server.gql('query readSecret($id: ID!) { entity(id: $id) { id label } }', { id: secretIds[0] }, analyst);
      expect(read.data!.entity.id).toBe(secretIds[0]);
      await server.gql('query readPublic { entity(id: "country:IT") { id label } }', undefined, analyst);
    });

    const log = async (bearer: string) => {
      const res = await server.gql(
        `query auditRead { auditLog(first: 50) { edges { node { seq subject operationName variables returnedIds changedIds classification releasability redacted } } } }`,
        undefined,
        bearer,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.auditLog.edges.map((e: { node: Record<string, unknown> }) => e.node) as Array<Record<string, any>>;
    };

    it('an UNCLASSIFIED admin sees that a SECRET import happened, but not its ids, variables or operation name', async () => {
      const low = await log(await token({ sub: 'low-admin', roles: ['admin'], agency: 'EUROPOL', country: 'NL', clearance: 'UNCLASSIFIED' }));
      const imported = low.find((e) => e.subject === 'secret-loader')!;
      expect(imported).toMatchObject({
        redacted: true,
        operationName: null,
        variables: '[redacted]',
        changedIds: [],
        returnedIds: [],
        classification: 'SECRET',
      });
      const read = low.find((e) => e.subject === 'secret-analyst' && e.redacted)!;
      expect(read.returnedIds).toEqual([]);
      const text = JSON.stringify(low);
      for (const id of secretIds) expect(text).not.toContain(id);
      expect(text).not.toContain('AUDIT-SECRET-1');
      // even an entry that touched only reference data is marked as its requester (issue 16): SECRET, ES-PN and ES
      const publicRead = low.filter((e) => e.subject === 'secret-analyst');
      expect(publicRead.map((e) => [e.redacted, e.classification, e.releasability])).toEqual([
        [true, 'SECRET', ['ES|ES-PN']],
        [true, 'SECRET', ['ES-PN', 'ES|ES-PN']],
      ]);
    });

    it('a SECRET admin outside the releasability sees it redacted; a SECRET admin of the agency sees it all', async () => {
      const other = await log(await token({ sub: 'nl-admin', roles: ['admin'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' }));
      expect(other.find((e) => e.subject === 'secret-loader')).toMatchObject({ redacted: true, variables: '[redacted]', releasability: ['ES-PN', 'ES|ES-PN'] });
      const own = await log(await token({ sub: 'es-admin', roles: ['admin'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' }));
      const imported = own.find((e) => e.subject === 'secret-loader')!;
      expect(imported).toMatchObject({ redacted: false, operationName: 'importSecret', classification: 'SECRET', releasability: ['ES-PN', 'ES|ES-PN'] });
      expect(imported.variables).toContain('AUDIT-SECRET-1');
      expect([...imported.changedIds].sort()).toEqual(expect.arrayContaining(secretIds.slice(0, 3)));
      expect(own.find((e) => e.operationName === 'readSecret')).toMatchObject({ redacted: false, returnedIds: [secretIds[0]] });
      expect(own.find((e) => e.operationName === 'readPublic')).toMatchObject({ redacted: false, returnedIds: ['country:IT'], classification: 'SECRET' });
    });
  });
});
