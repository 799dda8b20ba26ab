import fs from 'node:fs';
import { schemaSdl } from '../src/graphql/schema';
import { reportSchemaText, SDL_FILE } from '../src/scripts/print-schema';
import { REPORT_SCHEMA_FILE } from '../src/import/validate';
import { forgeSignature, resetDatabase, startServer, TestServer, token } from './support/harness';

describe('foundation: service over a real embedded Neo4j', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
  });
  afterAll(() => server.stop());

  it('writes and reads through the real database, with GDS and APOC installed', async () => {
    await server.db.write('CREATE (:SmokeTest {id: $id, at: date("2024-02-29"), n: 42})', { id: 'smoke-1' });
    const [row] = await server.db.read<{ id: string; at: string; n: number }>('MATCH (s:SmokeTest {id: $id}) RETURN s.id AS id, s.at AS at, s.n AS n', {
      id: 'smoke-1',
    });
    expect(row).toEqual({ id: 'smoke-1', at: '2024-02-29', n: 42 });
    const [versions] = await server.db.read<{ gds: string; apoc: string }>('RETURN gds.version() AS gds, apoc.version() AS apoc');
    expect(versions.gds).toMatch(/^2\.13\./);
    expect(versions.apoc).toMatch(/^5\.26\./);
    await server.db.write('MATCH (s:SmokeTest) DELETE s');
  });

  it('answers health and readiness', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: 'up' });
  });

  it('serves { __typename } to an authenticated caller and refuses anonymous ones', async () => {
    const ok = await server.gql('{ __typename serviceInfo { neo4jVersion neo4jEdition } }');
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ __typename: 'Query', serviceInfo: { neo4jVersion: expect.stringMatching(/^5\.26\./), neo4jEdition: 'community' } });
    const anonymous = await server.gql('{ __typename }', undefined, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await server.gql('{ __typename }', undefined, forgeSignature(await token()));
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never answers with a stack trace', async () => {
    const res = await server.gql('{ entity(id: 1) { id } nope }');
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const e of res.errors ?? []) {
      expect(JSON.stringify(e)).not.toMatch(/stacktrace|at .*\.js:\d+/i);
      expect(e.extensions?.code).toBeDefined();
    }
  });

  it('has committed schema.graphql and schema/report.schema.json up to date (run `npm run schema:print`)', () => {
    expect(fs.readFileSync(SDL_FILE, 'utf8')).toBe(schemaSdl());
    expect(fs.readFileSync(REPORT_SCHEMA_FILE, 'utf8')).toBe(reportSchemaText());
  });
});

describe('graceful shutdown of the service process', () => {
  it('drains and exits 0 on SIGTERM, promptly', async () => {
    const { spawn } = await import('node:child_process');
    const path = await import('node:path');
    const { PROJECT_ROOT } = await import('../src/paths');
    const { freePort } = await import('../src/db/embedded-neo4j');
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      // Not NODE_ENV=test: Apollo installs its own signal handlers outside tests, which once raced ours.
      env: { ...process.env, NODE_ENV: 'development', PORT: String(port), NEO4J_URI: process.env.NEO4J_TEST_URI, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60000;
    while (!out.includes('GraphQL API ready') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(out).toContain(`http://localhost:${port}/graphql`);
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    const signalled = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10000);
  }, 90000);
});
