import { Worker } from 'node:worker_threads';
import { syntheticNetworkReports } from '../bench/synthetic-network';
import * as algorithms from '../src/analysis/algorithms';
import { AnalysisGraph } from '../src/analysis/algorithms';
import { AnalysisPool, analysisPool } from '../src/analysis/pool/analysis-pool';
import { ReportImporter } from '../src/import/importer';
import { resetDatabase, startServer, TestServer } from './support/harness';

/** A ring of n nodes plus one random chord each: betweenness takes ~1 s at n = 3000, ~3 s at 5000 on the CI machine. */
function ring(n: number, seed = 1): AnalysisGraph {
  const rnd = algorithms.mulberry32(seed);
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  const edges = nodes.flatMap((v, i) => [
    { source: v, target: nodes[(i + 1) % n] },
    { source: v, target: nodes[Math.floor(rnd() * n)], weight: 2 },
  ]);
  return { nodes, edges };
}

const codeOf = (err: unknown) => (err as { extensions?: { code?: string } }).extensions?.code;
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the analysis to fail');
}

/** Needs the compiled worker (dist/): `npm test` builds first. */
describe('the analysis worker pool', () => {
  const pools: AnalysisPool[] = [];
  const pool = (options: Partial<AnalysisPool['options']> = {}) => {
    const p = new AnalysisPool({ size: 1, queueLimit: 8, timeoutMs: 60000, ...options });
    pools.push(p);
    return p;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('computes exactly what the algorithms compute on the calling thread', async () => {
    const g = ring(400, 3);
    const p = pool();
    expect(await p.run('degree', g)).toEqual(algorithms.degreeCentrality(g));
    expect(await p.run('betweenness', g)).toEqual(algorithms.betweennessCentrality(g));
    expect(await p.run('betweenness', g, { sampleSize: 50, seed: 9 })).toEqual(algorithms.betweennessCentrality(g, { sampleSize: 50, seed: 9 }));
    expect(await p.run('closeness', g)).toEqual(algorithms.closenessCentrality(g));
    expect(await p.run('pagerank', g)).toEqual(algorithms.pageRank(g));
    expect(await p.run('eigenvector', g)).toEqual(algorithms.eigenvectorCentrality(g));
    expect(await p.run('louvain', g, { seed: 5, weighted: true })).toEqual(algorithms.louvain(g, { seed: 5, weighted: true }));
    const components = await p.run('components', { nodes: [...g.nodes, 'lonely'], edges: g.edges });
    expect(components.communityOf.get('lonely')).toBe(1);
    expect(components.modularity).toBeCloseTo(0, 12); // one component (plus an isolated node) has modularity 0
    expect(p.started).toBe(1); // one worker served them all
  });

  it('transfers the graph to the worker (typed arrays, no copy)', async () => {
    const post = jest.spyOn(Worker.prototype, 'postMessage');
    try {
      await pool().run('degree', ring(50));
      const [message, transfer] = post.mock.calls[0] as [{ csr: Record<string, unknown> }, ArrayBuffer[]];
      expect(transfer).toHaveLength(5);
      for (const buffer of transfer) expect(buffer.byteLength).toBe(0); // detached here: moved to the worker
      expect(Object.keys(message.csr).sort()).toEqual(['adj', 'edgeA', 'edgeB', 'edgeW', 'm', 'n', 'offsets']);
    } finally {
      post.mockRestore();
    }
  });

  it('an algorithm error fails that analysis only; the worker stays', async () => {
    const p = pool();
    await expect(p.run('pagerank', ring(10), { damping: 2 })).rejects.toThrow(/damping must be in \[0, 1\)/);
    expect((await p.run('degree', ring(10))).size).toBe(10);
    expect(p.started).toBe(1);
  });

  it('times out with ANALYSIS_TIMEOUT, terminates the worker and replaces it', async () => {
    // a timeout long enough for a fresh worker to start and answer on a loaded machine, far shorter
    // than exact betweenness on 12,000 nodes (tens of seconds)
    const p = pool({ timeoutMs: 1500 });
    const started = Date.now();
    const err = await failure(p.run('betweenness', ring(12000)));
    expect(codeOf(err)).toBe('ANALYSIS_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(15000); // answered at the timeout, not after the computation
    expect(p.running).toBe(0);
    expect((await p.run('degree', ring(10))).size).toBe(10);
    expect(p.started).toBe(2);
  });

  it('refuses beyond the queue limit with ANALYSIS_BUSY; the queued analysis still runs', async () => {
    const p = pool({ size: 1, queueLimit: 1 });
    const g = ring(1500);
    const first = p.run('betweenness', g);
    const second = p.run('closeness', g);
    expect([p.running, p.queued]).toEqual([1, 1]);
    const err = await failure(p.run('degree', g));
    expect(codeOf(err)).toBe('ANALYSIS_BUSY');
    expect((err as { extensions: Record<string, unknown> }).extensions.queueLimit).toBe(1);
    expect((await first).size).toBe(1500);
    expect((await second).size).toBe(1500);
    expect((await p.run('degree', g)).size).toBe(1500); // room again
  });

  it('a worker that dies (out of memory) fails its analysis alone; the next one gets a new worker', async () => {
    // A worker boots in ~4 MB of old generation; exact betweenness over 3,000 nodes needs more
    // than 6 MB every time (40 of 40 runs), while at 8 MB the collector sometimes wins (1 in 15).
    const p = pool({ workerMemoryMb: 6 });
    const err = await failure(p.run('betweenness', ring(3000)));
    expect(codeOf(err)).toBe('QUERY_TOO_COMPLEX');
    expect((err as Error).message).toMatch(/memory/);
    expect((await p.run('degree', ring(100))).size).toBe(100);
    expect(p.started).toBe(2);
  });

  it('size 0 runs inline with the same answers', async () => {
    const g = ring(200);
    expect(await pool({ size: 0 }).run('closeness', g)).toEqual(algorithms.closenessCentrality(g));
  });
});

describe('analysis through the API stays off the event loop and answers with clear codes', () => {
  const PERSONS = 3000;
  const REPORTS = 6;
  const scope = { reports: Array.from({ length: REPORTS }, (_, r) => `TEST-POOL-${r}`) };
  const servers: TestServer[] = [];
  let busy: TestServer;
  beforeAll(async () => {
    // no analysis cache: every request must reach the pool for the queue to fill
    busy = await startServer({ ANALYSIS_WORKERS: '1', ANALYSIS_QUEUE_LIMIT: '1', ANALYSIS_CACHE_MB: '0' });
    servers.push(busy);
    await resetDatabase(busy.db);
    const importer = new ReportImporter(busy.db);
    for (const doc of syntheticNetworkReports(PERSONS, { reports: REPORTS, idPrefix: 'pool', reportPrefix: 'TEST-POOL' })) await importer.import(doc, 'test');
  });
  afterAll(() => Promise.all(servers.map((s) => s.stop())));

  const betweenness = (aliases: number) =>
    `query ($s: AnalysisScope) { ${Array.from({ length: aliases }, (_, i) => `a${i}: centrality(algorithm: BETWEENNESS, scope: $s, top: 3) { entity { id } score }`).join(' ')} }`;
  const stillServing = async (server: TestServer) => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const res = await server.gql('{ entity(id: "pool:p1") { id label } }');
    expect(res.data).toEqual({ entity: { id: 'pool:p1', label: 'Synthetic Person 1' } });
  };

  it('answers betweenness from the worker', async () => {
    const res = await busy.gql(betweenness(1), { s: scope });
    expect(res.errors).toBeUndefined();
    expect(res.data!.a0).toHaveLength(3);
    expect(res.data!.a0[0].score).toBeGreaterThan(res.data!.a0[2].score * 0.999);
  });

  it('queue full: the aliases beyond one running and one waiting get ANALYSIS_BUSY with their path', async () => {
    const res = await busy.gql(betweenness(4), { s: scope });
    // The four scope reads finish within the ~1 s the first betweenness takes: one runs, one
    // waits, the others are refused (centrality is non-null, so `data` itself becomes null).
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.length).toBeGreaterThanOrEqual(1);
    expect(codes.length).toBeLessThanOrEqual(2);
    expect(new Set(codes)).toEqual(new Set(['ANALYSIS_BUSY']));
    for (const e of res.errors!) expect(e.path![0]).toMatch(/^a[0-3]$/);
    expect(res.errors![0].message).toMatch(/busy/);
    await stillServing(busy);
    // The response leaves at the first error (graphql-js settles the non-null root then); the
    // accepted analyses still finish. Once the pool is idle, the same request is answered again.
    const pool = analysisPool(busy.config);
    for (let i = 0; i < 600 && pool.running + pool.queued > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect([pool.running, pool.queued]).toEqual([0, 0]);
    const again = await busy.gql(betweenness(1), { s: scope });
    expect(again.errors).toBeUndefined();
  });

  it('timeout: ANALYSIS_TIMEOUT, and the service goes on', async () => {
    const server = await startServer({ ANALYSIS_TIMEOUT_MS: '1' });
    servers.push(server);
    const res = await server.gql(betweenness(1), { s: scope });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['ANALYSIS_TIMEOUT']);
    expect(res.errors![0].message).toMatch(/longer than 1 ms/);
    await stillServing(server);
  });

  it('a worker crash (out of memory) answers QUERY_TOO_COMPLEX and does not take the service down', async () => {
    const server = await startServer({ ANALYSIS_WORKER_MEMORY_MB: '6' }); // see the pool test above
    servers.push(server);
    const res = await server.gql(betweenness(1), { s: scope });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(JSON.stringify(res.errors)).not.toMatch(/ERR_WORKER|stack/);
    await stillServing(server);
    // A small analysis on the same server: a fresh worker answers.
    const small = await server.gql('query ($s: AnalysisScope) { centrality(algorithm: DEGREE, scope: $s, top: 1) { entity { id } score } }', {
      s: { ids: ['pool:p1', 'pool:p2', 'pool:p3'] },
    });
    expect(small.errors).toBeUndefined();
    expect(small.data!.centrality[0].entity.id).toBe('pool:p2');
  });
});
