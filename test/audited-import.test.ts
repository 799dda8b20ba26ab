import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/db/embedded-neo4j';
import { Database } from '../src/db/database';
import { ReportImporter } from '../src/import/importer';
import { runImportCli } from './support/cli';
import { connect, resetDatabase, startServer, TestServer, token } from './support/harness';

const auditDir = fs.mkdtempSync(path.join(os.tmpdir(), 'audited-import-'));

/** `npm run import` as a child process (test/support/cli.ts), with this file's audit folder. */
const cli = (args: string[], api: string, bearer: string) => runImportCli(args, { api, auditDir, token: bearer });

const DOC = {
  report: {
    id: 'AUDITED-SAME-1',
    title: 'One audited import',
    date: '2024-03-12',
    agency: 'HR-MUP',
    classification: 'CONFIDENTIAL',
    releasableTo: ['HR', 'SI'],
  },
  entities: [
    { ref: 'p1', type: 'Person', name: 'Courier Audited', birthDate: '1990-01-02', nationalities: ['ME'] },
    { ref: 'o1', type: 'Organisation', name: 'Group Audited', kind: 'CRIMINAL_GROUP', country: 'ME' },
  ],
  links: [{ type: 'MEMBER_OF', from: 'p1', to: 'o1', role: 'courier' }],
};

interface Entry {
  operationName: string;
  subject: string;
  agency: string;
  country: string;
  roles: string[];
  operationType: string;
  variables: string;
  returnedIds: string[];
  changedIds: string[];
  outcome: string;
  classificationLevel: number;
  releasability: string[];
}

/** The API path (the resolvers, reached by the CLI's `CliImport`/`CliRetract`) and the CLI's direct path write one record. */
describe('the audited import: one record whichever path writes it', () => {
  let db: Database;
  let server: TestServer;
  let closedApi: string;
  let loader: string;
  const file = path.join(auditDir, 'doc.json');

  beforeAll(async () => {
    db = await connect();
    await resetDatabase(db);
    server = await startServer();
    closedApi = `http://127.0.0.1:${await freePort()}`;
    loader = await token({ sub: 'same-loader', roles: ['loader'], agency: 'HR-MUP', country: 'HR', clearance: 'SECRET' });
    fs.writeFileSync(file, JSON.stringify(DOC));
    // another report, visible to the loader and marked otherwise, states the same courier: an entry
    // marked by what its ids touch in the store would take this report's marking too
    await new ReportImporter(db).import(
      { ...DOC, report: { ...DOC.report, id: 'AUDITED-OTHER-1', classification: 'SECRET', releasableTo: ['HR'] }, entities: [DOC.entities[0]], links: [] },
      'test',
    );
  });
  afterAll(async () => {
    await server.stop();
    await db.close();
  });

  const entries = () =>
    db.read<Entry>(
      `MATCH (a:AuditEntry {subject: 'same-loader'})
       RETURN a.operationName AS operationName, a.subject AS subject, a.agency AS agency, a.country AS country, a.roles AS roles,
              a.operationType AS operationType, a.variables AS variables, a.returnedIds AS returnedIds, a.changedIds AS changedIds,
              a.outcome AS outcome, a.classificationLevel AS classificationLevel, a.releasability AS releasability
       ORDER BY a.seq`,
    );
  /** What must be equal: everything but the operation's name and the ids each path returns (the API its entities, the CLI the report id). */
  const comparable = ({ operationName: _o, returnedIds: _r, ...rest }: Entry) => ({ ...rest, changedIds: [...rest.changedIds].sort() });

  it('writes equal import and retraction entries through the API and directly', async () => {
    // the same document imported and retracted through the service, then directly (no service)
    for (const api of [server.url, closedApi]) {
      const imported = await cli([file], api, loader);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      const retracted = await cli(['--retract', DOC.report.id], api, loader);
      expect(retracted.code).toBe(0);
    }
    const all = await entries();
    expect(all.map((e) => e.operationName)).toEqual(['CliImport', 'CliRetract', 'cli-import', 'cli-retract']);
    const [apiImport, apiRetract, directImport, directRetract] = all;
    expect(comparable(directImport)).toEqual(comparable(apiImport));
    expect(comparable(directRetract)).toEqual(comparable(apiRetract));
    // and they are real entries: the import changed the report's entities, marked as the loader (SECRET, HR-MUP and HR)
    expect(apiImport).toMatchObject({ outcome: 'ok', operationType: 'mutation', classificationLevel: 3, releasability: ['HR|HR-MUP', 'HR|SI'] });
    expect(apiImport.changedIds).toHaveLength(2);
    expect(JSON.parse(apiImport.variables)).toEqual({
      report: { report: 'AUDITED-SAME-1', classification: 'CONFIDENTIAL', releasableTo: ['HR', 'SI'], entities: 2, links: 1 },
      validateOnly: false,
    });
    expect(directImport.returnedIds).toEqual(['AUDITED-SAME-1']);
    expect(apiRetract).toMatchObject({ outcome: 'ok', returnedIds: ['AUDITED-SAME-1'], changedIds: apiImport.changedIds.sort() });
    expect(directRetract.returnedIds).toEqual(['AUDITED-SAME-1']);
    // the retraction names the report's entities: marked as the report was, though it is gone
    expect(apiRetract).toMatchObject({ classificationLevel: 3, releasability: ['HR|HR-MUP', 'HR|SI'] });
  });

  it('marks a revision as its earlier version too: its dropped entities were known under it', async () => {
    const revised = path.join(auditDir, 'revised.json');
    const earlier = { ...DOC, report: { ...DOC.report, id: 'AUDITED-REVISED-1', releasableTo: ['HR'] } };
    // the revision is releasable to everyone and no longer states the organisation
    const later = { ...earlier, report: { ...earlier.report, classification: 'RESTRICTED', releasableTo: [] }, entities: [DOC.entities[0]], links: [] };
    for (const [api, doc] of [
      [server.url, earlier],
      [server.url, later],
      [closedApi, earlier],
      [closedApi, later],
    ] as const) {
      fs.writeFileSync(revised, JSON.stringify(doc));
      const imported = await cli([revised], api, loader);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
    }
    const all = (await entries()).filter((e) => JSON.parse(e.variables).report?.report === 'AUDITED-REVISED-1');
    expect(all.map((e) => e.operationName)).toEqual(['CliImport', 'CliImport', 'cli-import', 'cli-import']);
    const [, apiRevision, , directRevision] = all;
    expect(comparable(directRevision)).toEqual(comparable(apiRevision));
    expect(apiRevision.changedIds).toHaveLength(2);
    expect(apiRevision).toMatchObject({ outcome: 'ok', classificationLevel: 3, releasability: ['HR', 'HR|HR-MUP'] });
  });
});
