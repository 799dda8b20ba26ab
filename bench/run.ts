import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalysisService } from '../src/analysis/analysis-service';
import { ScopeCache } from '../src/analysis/scope-cache';
import { syntheticReports } from './synthetic';
import { mulberry32 } from '../src/analysis/graph-algorithms';
import { visibilityOf } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { bootstrapDatabase } from '../src/bootstrap';
import { openDatabase } from '../src/db/connect';
import { freePort } from '../src/db/embedded-neo4j';
import { Repository } from '../src/domain/repository';
import { ReportImporter } from '../src/import/importer';

/**
 * Benchmark on a synthetic graph of BENCH_PERSONS persons (default 100,000) in BENCH_REPORTS
 * reports, about 3 links per person (a ring plus random long-range ties, like a small world).
 * Prints import throughput and the time of each analysis, each as a ratio to the baseline measured
 * in the same run: reading the scope's visible subgraph out of Neo4j (the floor any engine pays).
 *
 *   npm run bench                      # embedded Neo4j in a temporary directory
 *   BENCH_PERSONS=20000 npm run bench  # smaller
 *   NEO4J_URI=bolt://… npm run bench   # against a server (writes bench reports into it!)
 */
/** `--persons N` (or BENCH_PERSONS), `--reports N` (or BENCH_REPORTS; default one per 10,000 persons). */
function option(name: string, env: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at >= 0 ? process.argv[at + 1] : process.env[env];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main() {
  const persons = option('persons', 'BENCH_PERSONS', 100000);
  const reports = option('reports', 'BENCH_REPORTS', Math.max(1, Math.ceil(persons / 10000)));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-neo4j-'));
  const config = loadConfig({
    ...process.env,
    NEO4J_EMBEDDED_PORT: process.env.NEO4J_URI ? undefined : String(await freePort()),
    NEO4J_EMBEDDED_DATA_DIR: dataDir,
    NEO4J_EMBEDDED_HEAP_MB: process.env.NEO4J_EMBEDDED_HEAP_MB ?? '3072',
    NEO4J_EMBEDDED_PAGECACHE_MB: process.env.NEO4J_EMBEDDED_PAGECACHE_MB ?? '1024',
    NEO4J_QUERY_TIMEOUT_MS: '600000',
    MAX_ANALYSIS_NODES: String(persons + 10),
    // a whole-network analysis of a million persons takes minutes, not the interactive default
    ANALYSIS_TIMEOUT_MS: process.env.ANALYSIS_TIMEOUT_MS ?? '3600000',
  });
  const connection = await openDatabase(config);
  const db = connection.db;
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  try {
    await bootstrapDatabase(db);
    say(`# Benchmark: ${persons.toLocaleString('en')} persons in ${reports} reports, ${os.cpus().length} cores, Node ${process.version}`);
    say(`Neo4j: ${connection.uri}${connection.embedded ? ` (embedded, heap ${config.neo4j.embeddedHeapMb} MiB, page cache ${config.neo4j.embeddedPageCacheMb} MiB)` : ''}`);

    // --- import -----------------------------------------------------------------------------
    // Warm-up: a small report first, committed, so that query plans and statistics are no longer
    // those of an empty store (the first bulk transaction into a brand-new store runs much slower).
    await warmUp(db);
    const rnd = mulberry32(2); // for the sampled ids of the latency rows
    const importer = new ReportImporter(db);
    let records = 0;
    const t0 = Date.now();
    const docs = syntheticReports(persons, reports);
    for (let r = 0; r < docs.length; r++) {
      const outcome = await importer.import(docs[r]);
      records += docs[r].entities.length + docs[r].links.length;
      process.stderr.write(`  report ${r + 1}/${reports}: ${outcome.nodes.created} nodes, ${outcome.links.created} links created\n`);
    }
    const importSeconds = (Date.now() - t0) / 1000;
    say(`\nImport: ${records.toLocaleString('en')} records (entities + links) in ${importSeconds.toFixed(1)} s = ${Math.round(records / importSeconds).toLocaleString('en')} records/s (validation, identity, one transaction per report)`);

    // --- analysis -----------------------------------------------------------------------------
    const auth = visibilityOf({ subject: 'bench', roles: ['analyst'], agency: 'BENCH', country: 'NL', clearance: 'SECRET' });
    const cache = new ScopeCache(config.limits.analysisCacheMb * 1024 * 1024);
    const analysis = new AnalysisService(db, config, cache);
    const repo = new Repository(db);
    const scope = { reports: Array.from({ length: reports }, (_, r) => `BENCH-${r}`) };
    const time = async (fn: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await analysis.readScopeGraph(auth, scope); // warm-up (query plans, page cache)
    const baseline = await time(() => analysis.readScopeGraph(auth, scope));
    const graph = await analysis.readScopeGraph(auth, scope);
    say(`\nBaseline: reading the visible scope subgraph (${graph.nodes.length.toLocaleString('en')} nodes, ${graph.edges.length.toLocaleString('en')} links) = ${(baseline / 1000).toFixed(2)} s`);
    say('\n| operation | seconds | × baseline |');
    say('|---|---:|---:|');
    const row = (name: string, ms: number) => say(`| ${name} | ${(ms / 1000).toFixed(2)} | ${(ms / baseline).toFixed(2)} |`);
    /** One failed measurement (a timeout, memory) is reported, and the others still run. */
    const attempt = async (name: string, run: () => Promise<void>) => {
      try {
        await run();
      } catch (err) {
        say(`| ${name} | failed: ${(err as Error).message.slice(0, 120)} | |`);
      }
    };
    // cold: the scope graph is read (the cache is emptied first); warm: served from the scope cache
    const coldAndWarm = (name: string, run: () => Promise<unknown>) =>
      attempt(name, async () => {
        cache.clear();
        row(`${name}, cold`, await time(run));
        row(`${name}, warm`, await time(run));
      });
    for (const algorithm of ['DEGREE', 'PAGERANK', 'EIGENVECTOR', 'BETWEENNESS', 'CLOSENESS'] as const) {
      await coldAndWarm(`centrality ${algorithm}${algorithm === 'BETWEENNESS' || algorithm === 'CLOSENESS' ? ' (500 sampled pivots)' : ''}`, () => analysis.centrality(auth, algorithm, scope, 10));
    }
    await coldAndWarm('communities LOUVAIN', () => analysis.communities(auth, 'LOUVAIN', scope));
    await coldAndWarm('communities CONNECTED_COMPONENTS', () => analysis.communities(auth, 'CONNECTED_COMPONENTS', scope));
    const memory = process.memoryUsage();
    say(`\nMemory of the service process after the analyses: RSS ${(memory.rss / 2 ** 20).toFixed(0)} MiB, JS heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB; scope cache ${(cache.size.bytes / 2 ** 20).toFixed(1)} MiB (estimated) in ${cache.size.entries} entr${cache.size.entries === 1 ? 'y' : 'ies'}`);
    const sample = (k: number) => Array.from({ length: k }, () => `bench:p${Math.floor(rnd() * persons)}`);
    const starts = sample(20);
    const neighbourhood = await time(async () => {
      for (const id of starts) await analysis.expand(auth, id, { depth: 2, linkTypes: ['ASSOCIATE_OF'], entityTypes: ['Person'], limit: 2000 });
    });
    row('neighbourhood depth 2 (mean of 20)', neighbourhood / starts.length);
    const pairs = sample(20);
    const paths = await time(async () => {
      for (let i = 0; i < pairs.length; i += 2) await analysis.shortestPaths(auth, pairs[i], pairs[i + 1], 8, ['ASSOCIATE_OF'], false);
    });
    row('shortest path, max 8 hops (mean of 10)', paths / (pairs.length / 2));
    const search = await time(async () => {
      for (const text of ['bench person 4711', 'persn 99', 'bench 12345', 'person 5']) await repo.search(auth, text, [], 0, 20);
    });
    row('full-text search (mean of 4)', search / 4);
  } finally {
    await connection.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, `${lines.join('\n')}\n`);
}

async function warmUp(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  const entities = Array.from({ length: 2000 }, (_, i) => ({ ref: `w${i}`, type: 'Person' as const, id: `warmup:p${i}`, name: `Warm-up ${i}` }));
  const links = entities.slice(1).map((e, i) => ({ type: 'ASSOCIATE_OF' as const, from: e.ref, to: `w${i}` }));
  const started = Date.now();
  await new ReportImporter(db).import({ report: { id: 'BENCH-WARMUP', title: 'warm-up', date: '2024-01-01', agency: 'BENCH', classification: 'RESTRICTED' }, entities, links });
  await db.write('CALL db.prepareForReplanning()');
  process.stderr.write(`  warm-up import: ${Date.now() - started} ms\n`);
}

main().catch((err) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
