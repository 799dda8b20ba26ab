import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../src/paths';
import { connect, DATASETS, resetDatabase, token } from './support/harness';
import { freePort } from '../src/db/embedded-neo4j';
import { Database } from '../src/db/database';

const run = promisify(execFile);
const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'scripts', 'import.js');

/** Every research dataset loads through the command line, and Siren and Caviar keep their shape. */
describe('network datasets through `npm run import`', () => {
  let db: Database;
  // The CLI needs a loader token; no service answers at CLA_API_URL, so it imports directly.
  const cliEnv: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: process.env.NEO4J_TEST_URI, LOG_LEVEL: 'warn' };
  beforeAll(async () => {
    db = await connect();
    await resetDatabase(db);
    cliEnv.CLA_TOKEN = await token({ sub: 'dataset-loader', roles: ['loader'], agency: 'RESEARCH', country: 'IT', clearance: 'SECRET' });
    cliEnv.CLA_API_URL = `http://127.0.0.1:${await freePort()}`;
  });
  afterAll(() => db.close());

  const files = fs
    .readdirSync(DATASETS)
    .filter((f) => f.endsWith('.csv'))
    .sort();

  it('finds the ten datasets', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it('imports every dataset without error, and again without change', async () => {
    for (const file of files) {
      const format = file.includes('2mode') ? 'two-mode' : 'adjacency';
      const args = [CLI, '--quiet', '--format', format, path.join(DATASETS, file)];
      const env = cliEnv;
      const { stdout } = await run(process.execPath, args, { env });
      expect(stdout).toMatch(/imported 1 report\(s\) \(0 already present/);
      const again = await run(process.execPath, args, { env });
      expect(again.stdout).toMatch(/imported 1 report\(s\) \(1 already present, unchanged; 0 revised\)/);
      expect(again.stdout).toMatch(/nodes: 0 created, 0 updated/);
    }
  }, 300000);

  it.each(['morselli_siren', 'morselli_caviar'])('stores %s with the reference node and link counts', async (name) => {
    const ref = JSON.parse(fs.readFileSync(path.join(DATASETS, 'reference', `${name}.json`), 'utf8'));
    const [row] = await db.read<{ nodes: number; links: number }>(
      `MATCH (p:Person) WHERE p.id STARTS WITH $prefix
       WITH collect(p) AS persons
       UNWIND persons AS p
       OPTIONAL MATCH (p)-[r:ASSOCIATE_OF]->(q:Person) WHERE q.id STARTS WITH $prefix
       RETURN size(persons) AS nodes, count(r) AS links`,
      { prefix: `${name}:` },
    );
    expect(row.nodes).toBe(ref.nodes);
    expect(row.links).toBe(ref.edges);
  });

  it('exits non-zero and names the report and the problem when a document is bad', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-'));
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(
      file,
      `${JSON.stringify({ report: { id: 'BAD-CLI-1', title: 't', date: '2021-02-30', agency: 'X', classification: 'UNCLASSIFIED' }, entities: [], links: [] })}\nnot json\n`,
    );
    const env = cliEnv;
    await expect(run(process.execPath, [CLI, '--quiet', file], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /2 report\(s\) failed[\s\S]*bad\.jsonl:1 \(BAD-CLI-1\)[\s\S]*report\.date: not a date[\s\S]*bad\.jsonl:2[\s\S]*not valid JSON/,
      ),
    });
  });
});
