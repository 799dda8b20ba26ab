import { AnalysisService } from '../src/analysis/analysis-service';
import { estimateBytes, ScopeCache } from '../src/analysis/scope-cache';
import { visibilityOf } from '../src/auth/principal';
import { ReportImporter } from '../src/import/importer';
import { resetDatabase, startServer, TestServer } from './support/harness';

/**
 * The scope cache (issue 11): a second analysis of the same scope by a caller of the same
 * visibility class reads no graph; any import, revision or retraction of a report in that class
 * changes the data version, so the next analysis sees the new data; classes never share entries.
 */
const ring = (id: string, names: string[], classification = 'UNCLASSIFIED', releasableTo: string[] = []) => ({
  report: { id, title: id, date: '2024-06-01', agency: 'XX-TEST', classification, releasableTo },
  entities: names.map((name, i) => ({ ref: `p${i}`, type: 'Person', name })),
  links: names.map((_, i) => ({ type: 'ASSOCIATE_OF', from: `p${i}`, to: `p${(i + 1) % names.length}` })),
});

describe('analysis scope cache', () => {
  let server: TestServer;
  let service: AnalysisService;
  let cache: ScopeCache;
  const analyst = visibilityOf({ subject: 'a', roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'RESTRICTED' });
  const cleared = visibilityOf({ subject: 'b', roles: ['analyst'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' });
  const importer = () => new ReportImporter(server.db);

  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    cache = new ScopeCache(64 * 1024 * 1024);
    service = new AnalysisService(server.db, server.config, cache);
    await importer().import(ring('CACHE-1', ['Cache Alpha', 'Cache Beta', 'Cache Gamma']));
  });
  afterAll(() => server.stop());

  it('serves a second analysis of the same scope from the cache', async () => {
    const first = await service.centrality(analyst, 'DEGREE', {}, 10);
    const misses = cache.misses;
    const second = await service.centrality(analyst, 'DEGREE', { entityTypes: [] }, 10);
    expect(cache.misses).toBe(misses);
    expect(cache.hits).toBeGreaterThan(0);
    expect(second).toEqual(first);
    expect(first.nodeCount).toBe(3);
  });

  it('an import, a revision and a retraction each invalidate it', async () => {
    await importer().import(ring('CACHE-2', ['Cache Delta', 'Cache Epsilon']));
    expect((await service.centrality(analyst, 'DEGREE', {}, 10)).nodeCount).toBe(5);
    await importer().import(ring('CACHE-2', ['Cache Delta', 'Cache Epsilon', 'Cache Zeta']));
    expect((await service.centrality(analyst, 'DEGREE', {}, 10)).nodeCount).toBe(6);
    await importer().retract('CACHE-2');
    expect((await service.centrality(analyst, 'DEGREE', {}, 10)).nodeCount).toBe(3);
  });

  it('keeps visibility classes apart', async () => {
    await importer().import(ring('CACHE-SECRET', ['Cache Hidden One', 'Cache Hidden Two'], 'SECRET', ['ES-PN']));
    expect((await service.centrality(cleared, 'DEGREE', {}, 10)).nodeCount).toBe(5);
    expect((await service.centrality(analyst, 'DEGREE', {}, 10)).nodeCount).toBe(3);
    expect((await service.communities(analyst, 'CONNECTED_COMPONENTS', {})).nodeCount).toBe(3);
  });

  it('stays within its memory bound, keeping what fits', async () => {
    const graphBytes = estimateBytes(await service.readScopeGraph(cleared, {}));
    // room for one scope graph, not for a second one (nor a graph and its result)
    const bound = Math.floor(graphBytes * 1.5);
    const small = new ScopeCache(bound);
    const s = new AnalysisService(server.db, server.config, small);
    await s.centrality(cleared, 'DEGREE', {}, 10);
    await s.centrality(analyst, 'DEGREE', {}, 10);
    expect(small.size.bytes).toBeLessThanOrEqual(bound);
    expect(small.size.entries).toBeGreaterThanOrEqual(1);
    // the latest analysis is still served from the cache
    const misses = small.misses;
    await s.centrality(analyst, 'DEGREE', {}, 10);
    expect(small.misses).toBe(misses);
  });
});
