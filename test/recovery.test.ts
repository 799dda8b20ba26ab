import { resetDatabase, startServer, TestServer } from './support/harness';

/** Kills the embedded Neo4j JVM the way a crash would and watches the service notice and recover. */
function embeddedPid(): number {
  const pid = Number(process.env.NEO4J_TEST_PID);
  if (!pid) throw new Error('this test needs the embedded Neo4j of the jest global setup (NEO4J_TEST_PID)');
  return pid;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('recovery when the database dies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    await server.db.write('CREATE (:Survivor {id: "s1"})');
  });
  afterAll(() => server.stop());

  it('reports not-ready and DATABASE_UNAVAILABLE within seconds, then recovers with data intact', async () => {
    process.kill(embeddedPid(), 'SIGKILL');
    // Readiness notices within a probe interval or two (the supervisor waits 5 s before restarting).
    const noticedMs = await waitFor(async () => (await fetch(`${server.url}/ready`)).status === 503, 4000);
    expect(noticedMs).toBeLessThan(4000);
    // Requests fail fast with a stable code instead of hanging.
    const started = Date.now();
    const res = await server.gql('{ serviceInfo { neo4jVersion } }');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(503);
    expect(res.errors?.[0].extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.data).toBeUndefined();

    await waitFor(async () => (await fetch(`${server.url}/ready`)).status === 200, 90000);
    const back = await server.gql('{ serviceInfo { neo4jVersion } }');
    expect(back.errors).toBeUndefined();
    const [row] = await server.db.read<{ n: number }>('MATCH (s:Survivor {id: "s1"}) RETURN count(s) AS n');
    expect(row.n).toBe(1);
  }, 150000);
});
