import neo4j from 'neo4j-driver';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mintToken } from '../src/auth/tokens';
import { AuditAnchor } from '../src/audit/anchor';
import { AuditLog } from '../src/audit/audit-log';
import { freePort } from '../src/db/embedded-neo4j';
import { Database } from '../src/db/database';
import { CliRun, runImportCli } from './support/cli';
import { connect, DATASETS, resetDatabase, startServer, TestServer, token } from './support/harness';

type Run = CliRun;

interface AuditRow {
  seq: number;
  subject: string;
  operationName: string;
  operationType: string;
  variables: string;
  changedIds: string[];
  returnedIds: string[];
  outcome: string;
}

/** `npm run import` as a child process (test/support/cli.ts), with this file's audit folder. */
const cli = (args: string[], opts: { api: string; token?: string; env?: NodeJS.ProcessEnv }): Promise<Run> =>
  runImportCli(args, { ...opts, auditDir: cliAuditDir });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));
// The CLI's checkpoint file is this file's own: other suites' children anchor other databases'
// chains (the database is reset between suites), which this chain must not be checked against.
const cliAuditDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-audit-'));

function reportDoc(id: string, classification = 'RESTRICTED', agency = 'HR-MUP') {
  return {
    report: { id, title: `CLI test ${id}`, date: '2024-03-12', agency, classification, releasableTo: [], handlingCodes: ['H1'] },
    entities: [
      { ref: 'p1', type: 'Person', name: `Courier ${id}`, birthDate: '1992-05-21', nationalities: ['ME'] },
      { ref: 'o1', type: 'Organisation', name: `Group ${id}`, kind: 'CRIMINAL_GROUP', country: 'ME' },
    ],
    links: [{ type: 'MEMBER_OF', from: 'p1', to: 'o1', role: 'courier' }],
  };
}

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const reportFile = (id: string, classification?: string, agency?: string) => writeFile(`${id}.json`, JSON.stringify(reportDoc(id, classification, agency)));

/** `npm run import` needs a loader token and goes through the same checks and audit trail as the API. */
describe('npm run import: authenticated, clearance-checked, audited', () => {
  let db: Database;
  let server: TestServer;
  let closedApi: string;
  let loader: string;
  let analyst: string;
  let restrictedLoader: string;

  beforeAll(async () => {
    db = await connect();
    await resetDatabase(db);
    server = await startServer();
    closedApi = `http://127.0.0.1:${await freePort()}`;
    loader = await token({ sub: 'cli-loader', roles: ['loader'], agency: 'HR-MUP', country: 'HR', clearance: 'SECRET' });
    restrictedLoader = await token({ sub: 'cli-restricted-loader', roles: ['loader'], agency: 'HR-MUP', country: 'HR', clearance: 'RESTRICTED' });
    analyst = await token({ sub: 'cli-analyst', roles: ['analyst'], agency: 'HR-MUP', country: 'HR', clearance: 'SECRET' });
  });
  afterAll(async () => {
    await server.stop();
    await db.close();
  });

  const reportExists = async (id: string) => (await db.read<{ n: number }>('MATCH (r:Report {id: $id}) RETURN count(r) AS n', { id }))[0].n > 0;
  const auditOf = (subject: string) =>
    db.read<AuditRow>(
      `MATCH (a:AuditEntry {subject: $subject})
       RETURN a.seq AS seq, a.subject AS subject, a.operationName AS operationName, a.operationType AS operationType,
              a.variables AS variables, a.changedIds AS changedIds, a.returnedIds AS returnedIds, a.outcome AS outcome
       ORDER BY a.seq`,
      { subject },
    );
  const auditCount = async () => (await db.read<{ n: number }>('MATCH (a:AuditEntry) RETURN count(a) AS n'))[0].n;
  const modes = () => [
    ['API', server.url, 'CliImport'],
    ['direct', closedApi, 'cli-import'],
  ];

  it('refuses to run without a token (exit 2) and writes nothing, not even an audit entry', async () => {
    const file = reportFile('CLI-NOTOKEN-1');
    const before = await auditCount();
    for (const api of [server.url, closedApi]) {
      const run = await cli([file], { api });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/token is required: pass --token <jwt> or set CLA_TOKEN/);
      expect(run.stderr).toMatch(/npm run --silent token -- --role loader/);
    }
    expect(await reportExists('CLI-NOTOKEN-1')).toBe(false);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a token that does not verify (exit 2), through the API and directly', async () => {
    const forged = await mintToken('another-secret-that-is-long-enough-0123456789', {
      sub: 'cli-forger',
      roles: ['admin'],
      agency: 'HR-MUP',
      country: 'HR',
      clearance: 'SECRET',
    });
    const file = reportFile('CLI-FORGED-1');
    for (const api of [server.url, closedApi]) {
      const run = await cli(['--token', forged, file], { api });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/UNAUTHENTICATED/);
    }
    expect(await reportExists('CLI-FORGED-1')).toBe(false);
    expect(await auditOf('cli-forger')).toEqual([]);
  });

  it('imports through the running service: the server checks and audits the mutation', async () => {
    const file = reportFile('CLI-API-1');
    const run = await cli(['--token', loader, file], { api: server.url });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /imported 1 report\(s\) \(0 already present, unchanged; 0 revised\) into http:\/\/127\.0\.0\.1:\d+\/graphql \(through the service/,
    );
    expect(run.stdout).toMatch(/nodes: 2 created/);
    expect(await reportExists('CLI-API-1')).toBe(true);
    const entries = await auditOf('cli-loader');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operationName: 'CliImport', operationType: 'mutation', outcome: 'ok' });
    expect(entries[0].changedIds.length).toBeGreaterThanOrEqual(2);
    expect(entries[0].variables).toContain('CLI-API-1');
  });

  it('imports directly when no service answers, with the same audit record shape', async () => {
    const file = reportFile('CLI-DIRECT-1');
    const run = await cli([file], { api: closedApi, token: loader }); // the token from CLA_TOKEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /imported 1 report\(s\) \(0 already present, unchanged; 0 revised\) into bolt:\/\/\S+ \(directly, no service at http:\/\/127\.0\.0\.1:\d+; audited as cli-import\)/,
    );
    expect(run.stdout).toMatch(/nodes: 2 created/);
    expect(await reportExists('CLI-DIRECT-1')).toBe(true);
    const entries = (await auditOf('cli-loader')).filter((e) => e.operationName === 'cli-import');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operationType: 'mutation', outcome: 'ok', returnedIds: ['CLI-DIRECT-1'] });
    expect(JSON.parse(entries[0].variables)).toEqual({
      report: { report: 'CLI-DIRECT-1', classification: 'RESTRICTED', releasableTo: [], entities: 2, links: 1 },
      validateOnly: false,
    });
    const ids = await db.read<{ id: string }>('MATCH (:Report {id: $id})-[:STATES]->(e) RETURN e.id AS id', { id: 'CLI-DIRECT-1' });
    expect([...entries[0].changedIds].sort()).toEqual(ids.map((r) => r.id).sort());
    // the server's and the CLI's entries form one intact chain
    // (with the run's audit key, and the checkpoints the CLI's direct path wrote)
    const chain = await new AuditLog(db, new AuditAnchor({ key: process.env.AUDIT_KEY, dir: cliAuditDir })).verify();
    expect(chain).toMatchObject({ brokenAt: null, reason: null });
    expect(chain.checkpoints).toBeGreaterThan(0);
  });

  it('commits nothing directly when the audit entry cannot be written (the entry is in the import transaction)', async () => {
    // An entry squatting the next sequence number makes the next append fail on its uniqueness constraint.
    const [{ next }] = await db.read<{ next: number }>(`OPTIONAL MATCH (h:AuditHead {id: 'head'}) RETURN coalesce(h.seq, 0) + 1 AS next`);
    await db.write(`CREATE (:AuditEntry {seq: $next, subject: 'squatter'})`, { next: neo4j.int(next) });
    try {
      const run = await cli([reportFile('CLI-NOAUDIT-1')], { api: closedApi, token: loader });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/audit entry .* could not be written/);
      expect(await reportExists('CLI-NOAUDIT-1')).toBe(false);
    } finally {
      await db.write(`MATCH (a:AuditEntry {subject: 'squatter'}) DELETE a`);
    }
    // with the way clear, the same file imports and is audited
    const again = await cli([reportFile('CLI-NOAUDIT-1')], { api: closedApi, token: loader });
    expect(again.code).toBe(0);
    expect(await reportExists('CLI-NOAUDIT-1')).toBe(true);
    expect((await auditOf('cli-loader')).filter((e) => e.variables.includes('CLI-NOAUDIT-1')).map((e) => e.outcome)).toEqual(['ok']);
  });

  it.each([['API'], ['direct']])('refuses an analyst token with FORBIDDEN and writes nothing (%s)', async (mode) => {
    const [, api, operationName] = modes().find(([m]) => m === mode)!;
    const id = `CLI-ANALYST-${mode}`;
    const run = await cli(['--token', analyst, reportFile(id)], { api });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`1 report\\(s\\) failed and wrote nothing:\\n- \\S+ \\(${id}\\):\\n    FORBIDDEN: `));
    expect(await reportExists(id)).toBe(false);
    const entries = (await auditOf('cli-analyst')).filter((e) => e.operationName === operationName);
    expect(entries.map((e) => e.outcome)).toEqual(['error:FORBIDDEN']);
    expect(entries[0].changedIds).toEqual([]);
  });

  it.each([['API'], ['direct']])('refuses a RESTRICTED loader importing a SECRET report (%s)', async (mode) => {
    const [, api, operationName] = modes().find(([m]) => m === mode)!;
    const id = `CLI-SECRET-${mode}`;
    const run = await cli(['--token', restrictedLoader, reportFile(id, 'SECRET')], { api });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/FORBIDDEN/);
    expect(await reportExists(id)).toBe(false);
    const entries = (await auditOf('cli-restricted-loader')).filter((e) => e.operationName === operationName);
    expect(entries.map((e) => e.outcome)).toEqual(['error:FORBIDDEN']);
  });

  it.each([['API'], ['direct']])('lists every validation problem with its path (%s)', async (mode) => {
    const [, api] = modes().find(([m]) => m === mode)!;
    const doc = reportDoc(`CLI-BAD-${mode}`);
    (doc.report as Record<string, unknown>).date = '2024-02-30';
    doc.links.push({ type: 'MEMBER_OF', from: 'p1', to: 'nobody', role: 'x' });
    const run = await cli(['--token', loader, writeFile(`bad-${mode}.json`, JSON.stringify(doc))], { api });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/report\.date: not a date/);
    expect(run.stderr).toMatch(/links\[1\]\.to: /);
    expect(await reportExists(`CLI-BAD-${mode}`)).toBe(false);
  });

  it.each([['API'], ['direct']])('imports a file that starts with a byte-order mark (%s)', async (mode) => {
    const [, api] = modes().find(([m]) => m === mode)!;
    const id = `CLI-BOM-${mode}`;
    const json = writeFile(`${id}.json`, `\uFEFF${JSON.stringify(reportDoc(id))}\n`);
    const jsonl = writeFile(`${id}.jsonl`, `\uFEFF${JSON.stringify(reportDoc(`${id}-L1`))}\n${JSON.stringify(reportDoc(`${id}-L2`))}\n`);
    const run = await cli(['--token', loader, json, jsonl], { api });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/imported 3 report\(s\)/);
    for (const x of [id, `${id}-L1`, `${id}-L2`]) expect(await reportExists(x)).toBe(true);
  });

  it.each([['API'], ['direct']])('--dry-run answers the counts and writes nothing (%s)', async (mode) => {
    const [, api, operationName] = modes().find(([m]) => m === mode)!;
    const id = `CLI-DRY-${mode}`;
    const subject = `cli-dry-${mode}`;
    const dry = await token({ sub: subject, roles: ['loader'], agency: 'HR-MUP', country: 'HR', clearance: 'SECRET' });
    const graphSize = async () =>
      (
        await db.read<{ n: number; r: number }>(
          'MATCH (n) WHERE NOT n:AuditEntry AND NOT n:AuditHead OPTIONAL MATCH (n)-[x]->() RETURN count(DISTINCT n) AS n, count(x) AS r',
        )
      )[0];
    const before = await graphSize();
    const run = await cli(['--dry-run', '--token', dry, reportFile(id)], { api });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/dry run \(nothing written\): would import 1 report\(s\)/);
    expect(run.stdout).toMatch(/nodes: 2 created/);
    expect(await reportExists(id)).toBe(false);
    expect(await graphSize()).toEqual(before);
    const entries = await auditOf(subject);
    expect(entries.map((e) => [e.operationName, e.outcome, e.changedIds])).toEqual([[operationName, 'ok', []]]);
  });

  it.each([['API'], ['direct']])('imports a network dataset (adjacency) the same way, owned by --agency (%s)', async (mode) => {
    const [, api] = modes().find(([m]) => m === mode)!;
    const csv = writeFile(`cielnet_${mode}.csv`, fs.readFileSync(path.join(DATASETS, 'morselli_cielnet.csv'), 'utf8'));
    const agency = `RESEARCH-${mode.toUpperCase()}`;
    const other = await token({ sub: `cli-ds-other-${mode}`, roles: ['loader'], agency: 'HR-MUP', country: 'HR', clearance: 'SECRET' });
    const refused = await cli(['--token', other, '--format', 'adjacency', '--agency', agency, csv], { api });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/FORBIDDEN/);
    const owner = await token({ sub: `cli-ds-${mode}`, roles: ['loader'], agency, country: 'IT', clearance: 'SECRET' });
    const run = await cli(['--token', owner, '--format', 'adjacency', '--agency', agency, csv], { api });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/imported 1 report\(s\)/);
    const rows = await db.read<{ agency: string }>('MATCH (r:Report {id: $id}) RETURN r.agency AS agency', { id: `dataset:cielnet_${mode}` });
    expect(rows).toEqual([{ agency }]);
  });

  // issue 16 item 14
  /** stderr without the service's "slow query" warnings (a loaded machine logs some). */
  const problems = (stderr: string) =>
    stderr
      .split('\n')
      .filter((l) => l.trim() && !/"msg":"slow query"/.test(l))
      .join('\n');
  it.each([['API'], ['direct']])('a revision says "revised" and counts the statements and links it removed (%s)', async (mode) => {
    const [, api] = modes().find(([m]) => m === mode)!;
    const id = `CLI-REVISE-${mode}`;
    const v1 = reportDoc(id);
    v1.entities.push({ ref: 'p2', type: 'Person', name: `Driver ${id}`, birthDate: '1990-01-02', nationalities: ['HR'] });
    v1.links.push({ type: 'MEMBER_OF', from: 'p2', to: 'o1', role: 'driver' });
    const first = await cli(['--token', loader, writeFile(`${id}-v1.json`, JSON.stringify(v1))], { api });
    expect(problems(first.stderr)).toBe('');
    expect(first.stdout).toMatch(/imported 1 report\(s\) \(0 already present, unchanged; 0 revised\)/);
    expect(first.stdout).toMatch(/nodes: 3 created, 0 updated, 0 unchanged, 0 removed/);
    // MEMBER_OF twice, and a NATIONAL_OF link per nationality and a BASED_IN link for the group's country
    expect(first.stdout).toMatch(/links: 5 created, 0 updated, 0 unchanged, 0 removed/);
    // the second version no longer states the driver: his statement, his membership and his nationality go
    const v2 = reportDoc(id);
    const second = await cli(['--token', loader, writeFile(`${id}-v2.json`, JSON.stringify(v2))], { api });
    expect(problems(second.stderr)).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/imported 1 report\(s\) \(0 already present, unchanged; 1 revised\)/);
    expect(second.stdout).toMatch(/nodes: 0 created, 0 updated, 2 unchanged, 1 removed/);
    expect(second.stdout).toMatch(/links: 0 created, 0 updated, 3 unchanged, 2 removed/);
    const stated = await db.read<{ n: number }>('MATCH (:Report {id: $id})-[:STATES]->(e) RETURN count(e) AS n', { id });
    expect(stated[0].n).toBe(2);
  });

  it.each([['API'], ['direct']])('prints and counts the warnings of each report, dry run or not (%s)', async (mode) => {
    const [, api] = modes().find(([m]) => m === mode)!;
    const id = `CLI-WARN-${mode}`;
    const warned = reportDoc(id);
    delete (warned.entities[0] as { birthDate?: string }).birthDate;
    warned.entities.push({ ref: 'p2', type: 'Person', name: `Mono${mode}`, birthDate: '1990-01-02', nationalities: ['HR'] });
    const clean = reportDoc(`${id}-CLEAN`);
    const files = [writeFile(`${id}.json`, JSON.stringify(warned)), writeFile(`${id}-clean.json`, JSON.stringify(clean))];
    for (const args of [['--dry-run', ...files], files]) {
      const run = await cli(['--token', loader, ...args], { api });
      expect(problems(run.stderr)).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/import(ed)? 2 report\(s\)/);
      expect(run.stdout).toContain('  warnings: 2 in 1 report(s)\n');
      expect(run.stdout).toContain(`- ${files[0]} (${id}):\n    entities[0].birthDate [MISSING_BIRTH_DATE]: a person without birthDate`);
      expect(run.stdout).toMatch(/\n {4}entities\[2\]\.name \[SINGLE_NAME\]: a person named by a single word/);
      expect(run.stdout).not.toContain(`${id}-CLEAN)`);
    }
    expect(await reportExists(id)).toBe(true);
  });

  it.each([
    ['API', 'CliRetract'],
    ['direct', 'cli-retract'],
  ])('--retract <id> removes a report and is audited (%s)', async (mode, operationName) => {
    const [, api] = modes().find(([m]) => m === mode)!;
    const id = `CLI-RETRACT-${mode}`;
    const subject = `cli-retracter-${mode}`;
    const owner = await token({ sub: subject, roles: ['loader'], agency: 'HR-MUP', country: 'HR', clearance: 'SECRET' });
    expect((await cli(['--token', owner, reportFile(id)], { api })).code).toBe(0);
    expect(await reportExists(id)).toBe(true);
    // another agency's loader may not; an unknown id is refused; neither writes anything
    const stranger = await token({ sub: `cli-stranger-${mode}`, roles: ['loader'], agency: 'RS-MUP', country: 'RS', clearance: 'SECRET' });
    const refused = await cli(['--token', stranger, '--retract', id], { api });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/FORBIDDEN: .*belongs to HR-MUP/);
    const unknown = await cli(['--token', owner, '--retract', `${id}-NOPE`], { api });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/id: no such report/);
    expect(await reportExists(id)).toBe(true);
    // its owner may: 2 entity statements and 3 link statements go (reportDoc: MEMBER_OF, NATIONAL_OF, BASED_IN)
    const run = await cli(['--token', owner, '--retract', id], { api });
    expect(problems(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/retracted 1 report\(s\) in .*: 2 statement\(s\) and 3 link\(s\) removed/);
    expect(await reportExists(id)).toBe(false);
    const entries = (await auditOf(subject)).filter((e) => e.operationName === operationName);
    expect(entries.map((e) => e.outcome)).toEqual(['error:BAD_USER_INPUT', 'ok']);
    expect(entries[1].variables).toContain(id);
    expect(entries[1].changedIds).toHaveLength(2);
  });

  it('with the embedded database held by a service on another port, says to pass --api (no Java stack trace)', async () => {
    const dataDir = process.env.NEO4J_TEST_DATA_DIR!; // the test database's own store, locked by its running JVM
    const id = 'CLI-LOCKED-1';
    const started = Date.now();
    const run = await cli(['--token', loader, reportFile(id)], {
      api: closedApi,
      env: { NEO4J_URI: '', NEO4J_EMBEDDED_DATA_DIR: dataDir, NEO4J_EMBEDDED_PORT: String(await freePort()) },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the embedded database in \S+ is in use by process \d+/);
    expect(run.stderr).toMatch(/pass --api http:\/\/localhost:<its PORT>/);
    expect(run.stderr).not.toMatch(/\bat [\w.$]+\(|Exception|store_lock/);
    expect(Date.now() - started).toBeLessThan(20000); // no start of a second database, no waiting for the lock
    expect(await reportExists(id)).toBe(false);
  });
});
