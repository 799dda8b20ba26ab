import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalysisService } from '../src/analysis/analysis-service';
import { ScopeCache } from '../src/analysis/scope-cache';
import { syntheticReports } from './synthetic';
import { mulberry32 } from '../src/analysis/algorithms';
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

/** `--analyses PAGERANK,LOUVAIN` (or BENCH_ANALYSES): which analyses to time, in that order. */
function listOption(name: string, env: string): string[] | undefined {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at >= 0 ? process.argv[at + 1] : process.env[env];
  return raw === undefined
    ? undefined
    : raw
        .split(',')
        .map((x) => x.trim().toUpperCase())
        .filter(Boolean);
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
  const say = (line: string) => {
    process.stdout.write(`${line}\n`);
    // written as it goes: a long run that is stopped keeps what it measured
    if (process.env.BENCH_OUT) fs.appendFileSync(process.env.BENCH_OUT, `${line}\n`);
  };
  try {
    await bootstrapDatabase(db);
    say(`# Benchmark: ${persons.toLocaleString('en')} persons in ${reports} reports, ${os.cpus().length} cores, Node ${process.version}`);
    say(
      `Neo4j: ${connection.uri}${connection.embedded ? ` (embedded, heap ${config.neo4j.embeddedHeapMb} MiB, page cache ${config.neo4j.embeddedPageCacheMb} MiB)` : ''}`,
    );

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
    say(
      `\nImport: ${records.toLocaleString('en')} records (entities + links) in ${importSeconds.toFixed(1)} s = ${Math.round(records / importSeconds).toLocaleString('en')} records/s (validation, identity, one transaction per report)`,
    );

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
    say(
      `\nBaseline: reading the visible scope subgraph (${graph.nodes.length.toLocaleString('en')} nodes, ${graph.edges.length.toLocaleString('en')} links) = ${(baseline / 1000).toFixed(2)} s`,
    );
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
    const memoryLine = (when: string) => {
      const memory = process.memoryUsage();
      say(
        `\nMemory of the service process ${when}: RSS ${(memory.rss / 2 ** 20).toFixed(0)} MiB, JS heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB; scope cache ${(cache.size.bytes / 2 ** 20).toFixed(1)} MiB (estimated) in ${cache.size.entries} entr${cache.size.entries === 1 ? 'y' : 'ies'}`,
      );
    };
    /** Mean and median of one interactive query over sampled starts (the goals are p50). */
    const latency = async (name: string, calls: Array<() => Promise<unknown>>) => {
      const times: number[] = [];
      for (const call of calls) times.push(await time(call));
      const sorted = [...times].sort((a, b) => a - b);
      const p50 = sorted[Math.floor((sorted.length - 1) / 2)];
      say(
        `| ${name} (${calls.length} calls): mean / p50 | ${(times.reduce((a, b) => a + b, 0) / times.length / 1000).toFixed(3)} / ${(p50 / 1000).toFixed(3)} | ${(p50 / baseline).toFixed(3)} (p50) |`,
      );
    };
    // Interactive queries first: they take seconds even at a million persons, while a full
    // betweenness there takes many minutes (and a run that is stopped keeps what it printed).
    const sample = (k: number) => Array.from({ length: k }, () => `bench:p${Math.floor(rnd() * persons)}`);
    await latency(
      'neighbourhood depth 2',
      sample(20).map((id) => () => analysis.expand(auth, id, { depth: 2, linkTypes: ['ASSOCIATE_OF'], entityTypes: ['Person'], limit: 2000 })),
    );
    const pairs = sample(20);
    await latency(
      'shortest path, max 8 hops',
      Array.from({ length: pairs.length / 2 }, (_, i) => () => analysis.shortestPaths(auth, pairs[2 * i], pairs[2 * i + 1], 8, ['ASSOCIATE_OF'], false)),
    );
    await latency(
      'full-text search (page of 20)',
      ['bench person 4711', 'persn 99', 'bench 12345', 'person 5'].map((text) => () => repo.search(auth, text, [], 0, 20)),
    );
    memoryLine('before the analyses');
    say('\n| analysis | seconds | × baseline |');
    say('|---|---:|---:|');

    // cold: the scope graph is read (the cache is emptied first); warm: served from the scope cache
    const coldAndWarm = (name: string, run: () => Promise<unknown>) =>
      attempt(name, async () => {
        cache.clear();
        row(`${name}, cold`, await time(run));
        row(`${name}, warm`, await time(run));
      });
    const centrality = (algorithm: 'DEGREE' | 'PAGERANK' | 'EIGENVECTOR' | 'BETWEENNESS' | 'CLOSENESS') => () =>
      coldAndWarm(`centrality ${algorithm}${algorithm === 'BETWEENNESS' || algorithm === 'CLOSENESS' ? ' (500 sampled pivots)' : ''}`, () =>
        analysis.centrality(auth, algorithm, scope, 10),
      );
    const communities = (algorithm: 'LOUVAIN' | 'CONNECTED_COMPONENTS') => () =>
      coldAndWarm(`communities ${algorithm}`, () => analysis.communities(auth, algorithm, scope));
    // PageRank and Louvain first (the goals name them), the slow sampled ones last.
    const analyses: Record<string, () => Promise<void>> = {
      PAGERANK: centrality('PAGERANK'),
      LOUVAIN: communities('LOUVAIN'),
      DEGREE: centrality('DEGREE'),
      EIGENVECTOR: centrality('EIGENVECTOR'),
      CONNECTED_COMPONENTS: communities('CONNECTED_COMPONENTS'),
      BETWEENNESS: centrality('BETWEENNESS'),
      CLOSENESS: centrality('CLOSENESS'),
    };
    const chosen = listOption('analyses', 'BENCH_ANALYSES') ?? Object.keys(analyses);
    for (const name of chosen) {
      if (!analyses[name]) throw new Error(`--analyses: unknown ${name} (one of ${Object.keys(analyses).join(', ')})`);
      await analyses[name]();
    }
    memoryLine('after the analyses');
  } finally {
    await connection.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function warmUp(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  const entities = Array.from({ length: 2000 }, (_, i) => ({ ref: `w${i}`, type: 'Person' as const, id: `warmup:p${i}`, name: `Warm-up ${i}` }));
  const links = entities.slice(1).map((e, i) => ({ type: 'ASSOCIATE_OF' as const, from: e.ref, to: `w${i}` }));
  const started = Date.now();
  await new ReportImporter(db).import({
    report: { id: 'BENCH-WARMUP', title: 'warm-up', date: '2024-01-01', agency: 'BENCH', classification: 'RESTRICTED' },
    entities,
    links,
  });
  await db.write('CALL db.prepareForReplanning()');
  process.stderr.write(`  warm-up import: ${Date.now() - started} ms\n`);
}

main().catch((err) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
