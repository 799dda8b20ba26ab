import { startEmptyServer, TestServer, token } from './support/harness';

/** Issue 22 item 6: GET /metrics in Prometheus' text format, with bounded labels, protected in production. */

/** One sample's value from an exposition, parsed independently of prom-client: `name{labels} value`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('metrics (development: open on the loopback address)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startEmptyServer();
  }, 120000);
  afterAll(() => server.stop());

  it('counts requests by root field and outcome, times them, the database and the audit', async () => {
    const before = await (await fetch(`${server.url}/metrics`)).text();
    const okBefore = sample(before, 'graphql_requests_total', { operation: 'query:persons', outcome: 'ok' }) ?? 0;
    for (let i = 0; i < 3; i++) {
      const r = await server.gql('query ChosenByTheClientXyz { persons(first: 2) { totalCount } }');
      expect(r.errors).toBeUndefined();
    }
    const bad = await server.gql('query { entity(id: true) { id } }');
    expect(bad.errors?.length).toBeGreaterThan(0);
    await server.gql('{ __typename persons(first: 1) { totalCount } }');

    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'graphql_requests_total', { operation: 'query:persons', outcome: 'ok' })).toBe(okBefore + 3);
    expect(sample(text, 'graphql_request_duration_seconds_count', { operation: 'query:persons' })).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'graphql_requests_total', { operation: 'query:(several)', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    // a query that fails validation has no operation to name, and its outcome is its code
    expect(sample(text, 'graphql_requests_total', { operation: 'invalid', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBeGreaterThanOrEqual(1);
    // the client-chosen operation name never becomes a label (it would let callers mint series)
    expect(text).not.toContain('ChosenByTheClientXyz');
    expect(sample(text, 'neo4j_query_duration_seconds_count', { mode: 'read' })).toBeGreaterThan(0);
    expect(sample(text, 'audit_append_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'analysis_queue_length')).toBe(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts scope-cache hits and misses of the analyses', async () => {
    const read = async () => await (await fetch(`${server.url}/metrics`)).text();
    const before = await read();
    const q = '{ centrality(algorithm: DEGREE, top: 3) { score } }';
    expect((await server.gql(q)).errors).toBeUndefined();
    expect((await server.gql(q)).errors).toBeUndefined();
    const after = await read();
    const lookups = (t: string, result: string) => sample(t, 'analysis_scope_cache_lookups', { result }) ?? 0;
    expect(lookups(after, 'miss') - lookups(before, 'miss')).toBeGreaterThanOrEqual(1);
    expect(lookups(after, 'hit') - lookups(before, 'hit')).toBeGreaterThanOrEqual(1);
  });
});

describe('metrics in production', () => {
  const scrapeSecret = 'a-scrape-secret-of-more-than-32-characters-000';
  let server: TestServer;
  beforeAll(async () => {
    server = await startEmptyServer({ NODE_ENV: 'production', METRICS_TOKEN: scrapeSecret });
  }, 120000);
  afterAll(() => server.stop());

  const scrape = (authorization?: string) => fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('answers only an admin token or the scrape secret', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-a-token')).status).toBe(401);
    expect((await scrape(`Bearer ${scrapeSecret}x`)).status).toBe(401);
    expect((await scrape(`Bearer ${await token({ roles: ['analyst'] })}`)).status).toBe(403);
    const admin = await scrape(`Bearer ${await token({ roles: ['admin'] })}`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('graphql_requests_total');
    expect((await scrape(`Bearer ${scrapeSecret}`)).status).toBe(200);
  });
});
