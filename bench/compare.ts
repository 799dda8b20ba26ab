import { syntheticReports } from './synthetic';
import './quiet';
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { mulberry32 } from '../src/analysis/algorithms';
import { mintToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { bootstrapDatabase } from '../src/bootstrap';
import { openDatabase } from '../src/db/connect';
import { cypher, cypherFiles } from '../src/db/cypher';
import { Database, Params } from '../src/db/database';
import { freePort } from '../src/db/embedded-neo4j';
import { ReportImporter } from '../src/import/importer';
import { seedIfEmpty } from '../src/import/seed';
import { createApp } from '../src/server';
import type { Job, JobResult } from './load-worker';

/**
 * `npm run bench:compare [-- --quick]`: this service against @neo4j/graphql 7 and against the raw
 * neo4j-driver running the same Cypher, in ONE run over ONE embedded Neo4j holding the same data.
 * See BENCHMARKS.md for what each figure means. The last line printed is `RATIOS {json}`.
 *
 * Environment: BENCH_PERSONS (quick 5,000, full 20,000), BENCH_REPORTS (2 / 4), BENCH_SECONDS per
 * load round (5 / 20), BENCH_CLIENTS (10).
 */
const QUICK = process.argv.includes('--quick');
/** `--only entity,persons`: load rounds of these queries only (import and analysis always run); the others' ratios print as null. */
const onlyAt = process.argv.indexOf('--only');
const QUERIES = (['entity', 'persons', 'neighbourhood'] as const).filter((q) => onlyAt < 0 || (process.argv[onlyAt + 1] ?? '').split(',').includes(q));
const PERSONS = Number(process.env.BENCH_PERSONS ?? (QUICK ? 5000 : 20000));
const REPORTS = Number(process.env.BENCH_REPORTS ?? (QUICK ? 2 : 4));
const ROUND_MS = 1000 * Number(process.env.BENCH_SECONDS ?? (QUICK ? 5 : 20));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const RAW_BATCH = 5000;
const SAMPLE = 20; // distinct ids the clients cycle through

/** The peer's view of the same store: anchors, the reports' STATES statements, per-report links. */
const PEER_TYPE_DEFS = /* GraphQL */ `
  type Person @node(labels: ["Person", "Entity"]) {
    id: ID!
    sources: [Report!]! @relationship(type: "STATES", direction: IN, properties: "Statement")
    associates: [Person!]! @relationship(type: "ASSOCIATE_OF", direction: OUT, queryDirection: UNDIRECTED, properties: "Association")
  }
  type Report @node {
    id: ID!
    agency: String
    classification: String
  }
  type Statement @relationshipProperties {
    name: String
    grade: String
    report: String
    rank: Int
  }
  type Association @relationshipProperties {
    id: String
    report: String
    grade: String
    weight: Float
  }
`;

const OURS = {
  entity: 'query Entity($id: ID!) { entity(id: $id) { id label sources { reportId sourceReliability informationAccuracy } } }',
  persons: 'query Persons { persons(first: 50) { edges { node { id label associates(first: 100) { id entity { id label } } } } } }',
  neighbourhood: 'query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2) { truncated nodes { id label type } edges { id source target type } } }',
  pagerank: 'query PageRank { centrality(algorithm: PAGERANK, top: 10) { score entity { id label } } }',
  louvain: 'query Louvain { communities(algorithm: LOUVAIN, seed: 7) { modularity communities { id size } } }',
};
const PEER = {
  entity:
    'query Entity($id: ID!) { people(where: { id: { eq: $id } }) { id sourcesConnection { edges { properties { name grade report } node { id agency classification } } } } }',
  persons:
    'query Persons { people(limit: 50, sort: [{ id: ASC }]) { id sourcesConnection { edges { properties { name grade } } } associates(limit: 100) { id sourcesConnection { edges { properties { name grade } } } } } }',
};

type Target = 'ours' | 'raw' | 'peer';
interface Round {
  target: Target;
  result: JobResult;
  queriesPerRequest?: number;
}

function say(line = '') {
  process.stdout.write(`${line}\n`);
}
function note(line: string) {
  process.stderr.write(`  ${line}\n`);
}

/** The names of the cypher/ files, so that recorded queries can be shown by name. */
function cypherNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const name of cypherFiles().keys()) names.set(cypher(name), name);
  return names;
}

async function rawImport(db: Database, docs: ReturnType<typeof syntheticReports>, prefix: string): Promise<{ records: number; seconds: number }> {
  // The same records as ours (an entity stated by two reports is two records there and here), into
  // their own label and relationship type, so the store is untouched.
  const rows: Array<Record<string, unknown>> = [];
  const links: Array<Record<string, unknown>> = [];
  for (const doc of docs) {
    const idOf = new Map<string, string>();
    for (const e of doc.entities) {
      const id = `${prefix}${e.id as string}`;
      idOf.set(e.ref as string, id);
      rows.push({ id, name: e.name, nationalities: e.nationalities, report: doc.report.id });
    }
    for (const l of doc.links) {
      const from = idOf.get(l.from as string)!;
      const to = idOf.get(l.to as string)!;
      links.push({ id: `${from}|${to}`, from, to, report: doc.report.id, weight: l.weight ?? null, kind: l.kind ?? null });
    }
  }
  const started = performance.now();
  for (let i = 0; i < rows.length; i += RAW_BATCH) {
    await db.write('UNWIND $rows AS r MERGE (p:RawBenchPerson {id: r.id}) SET p.name = r.name, p.nationalities = r.nationalities, p.report = r.report', {
      rows: rows.slice(i, i + RAW_BATCH),
    });
  }
  for (let i = 0; i < links.length; i += RAW_BATCH) {
    await db.write(
      `UNWIND $rows AS r
       MATCH (a:RawBenchPerson {id: r.from}) MATCH (b:RawBenchPerson {id: r.to})
       MERGE (a)-[l:RAW_ASSOCIATE_OF {id: r.id}]->(b) SET l.report = r.report, l.weight = r.weight, l.kind = r.kind`,
      { rows: links.slice(i, i + RAW_BATCH) },
    );
  }
  return { records: rows.length + links.length, seconds: (performance.now() - started) / 1000 };
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

async function main() {
  const started = Date.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-compare-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    NEO4J_URI: '',
    JWT_SECRET: '',
    JWT_JWKS_URL: '',
    NEO4J_EMBEDDED_PORT: String(await freePort()),
    NEO4J_EMBEDDED_DATA_DIR: dataDir,
    NEO4J_EMBEDDED_HEAP_MB: process.env.NEO4J_EMBEDDED_HEAP_MB ?? '2048',
    NEO4J_EMBEDDED_PAGECACHE_MB: process.env.NEO4J_EMBEDDED_PAGECACHE_MB ?? '1024',
    NEO4J_QUERY_TIMEOUT_MS: '600000',
    MAX_ANALYSIS_NODES: String(PERSONS + 20000),
    // The load generator is one subject; the per-subject rate limit would otherwise be what is measured.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000000',
  });
  const connection = await openDatabase(config);
  const db = connection.db;
  db.startMonitoring();
  const worker = new Worker(path.join(__dirname, 'load-worker.js'));
  // The credentials the service's own connection uses (the embedded database generates its password).
  const { user, password } = db.options;
  const peerDriver = neo4j.driver(connection.uri, neo4j.auth.basic(user, password), { maxConnectionPoolSize: 50 });
  const servers: Array<() => Promise<void>> = [];
  try {
    // --- data ----------------------------------------------------------------------------------
    await bootstrapDatabase(db);
    const seeded = await seedIfEmpty(db, config.identitySecret);
    note(`demo seed: ${seeded} reports (${((Date.now() - started) / 1000).toFixed(0)} s since start)`);
    const importer = new ReportImporter(db);
    // Warm-up of both import paths (plans, statistics, a brand-new store's first big transactions).
    const warm = syntheticReports(1000, 1).map((d) => ({
      ...d,
      report: { ...d.report, id: 'BENCH-WARMUP' },
      entities: d.entities.map((e) => ({ ...e, id: `warm:${e.id as string}` })),
    }));
    await importer.import(warm[0]);
    await db.write('CREATE CONSTRAINT raw_bench_person IF NOT EXISTS FOR (p:RawBenchPerson) REQUIRE p.id IS UNIQUE');
    await rawImport(db, warm, 'warm:');
    await db.write('CALL db.prepareForReplanning()');

    const docs = syntheticReports(PERSONS, REPORTS);
    let records = 0;
    const t0 = performance.now();
    for (const doc of docs) {
      await importer.import(doc);
      records += doc.entities.length + doc.links.length;
    }
    const ourImport = { records, seconds: (performance.now() - t0) / 1000 };
    note(`ours: ${records} records in ${ourImport.seconds.toFixed(1)} s`);
    const rawImported = await rawImport(db, docs, 'raw:');
    note(`raw: ${rawImported.records} records in ${rawImported.seconds.toFixed(1)} s`);
    const [{ persons, links }] = await db.read<{ persons: number; links: number }>(
      'MATCH (p:Person) WITH count(p) AS persons MATCH ()-[l:ASSOCIATE_OF]->() RETURN persons, count(l) AS links',
    );

    // --- servers ---------------------------------------------------------------------------------
    const ours = await createApp(config, db);
    const ourPort = await ours.listen(0);
    servers.push(() => ours.stop());
    const peerSchema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver: peerDriver }).getSchema();
    const peerApollo = new ApolloServer({ schema: peerSchema });
    await peerApollo.start();
    const peerApp = express();
    peerApp.use('/graphql', express.json(), expressMiddleware(peerApollo, { context: async () => ({}) }));
    const peerServer = http.createServer(peerApp);
    const peerPort = await listen(peerServer);
    servers.push(async () => {
      await peerApollo.stop();
      await new Promise((r) => peerServer.close(r));
    });
    const bearer = await mintToken(config.auth.jwtSecret!, {
      sub: 'bench',
      roles: ['analyst'],
      agency: 'EUROPOL',
      country: 'NL',
      clearance: 'SECRET',
    });
    const ourUrl = `http://127.0.0.1:${ourPort}/graphql`;
    const peerUrl = `http://127.0.0.1:${peerPort}/graphql`;
    const ourHeaders = { 'content-type': 'application/json', authorization: `Bearer ${bearer}` };
    const peerHeaders = { 'content-type': 'application/json' };
    const post = async (url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (res.status !== 200 || body.errors) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
      return body.data;
    };

    // --- analysis: cold, then the identical call again ----------------------------------------
    // Each analysis runs once first (query plans, JIT, page cache), then a small report is imported
    // (the data changed: a cache must not answer from before it); "cold" is the next call, "warm"
    // the identical call after it.
    const timed = async (query: string) => {
      const t = performance.now();
      await post(ourUrl, ourHeaders, query);
      return (performance.now() - t) / 1000;
    };
    await timed(OURS.pagerank);
    await timed(OURS.louvain);
    let touches = 0;
    const touch = () =>
      importer.import({
        report: { id: `BENCH-TOUCH-${++touches}`, title: 'a late report', date: '2024-02-01', agency: 'BENCH', classification: 'RESTRICTED' },
        entities: [
          { ref: 'a', type: 'Person', id: `touch:${touches}a`, name: `Late Person ${touches}a` },
          { ref: 'b', type: 'Person', id: 'bench:p1', name: 'Bench Person 1' },
        ],
        links: [{ type: 'ASSOCIATE_OF', from: 'a', to: 'b' }],
      });
    // Three cycles of (import, cold call, warm call); the medians are reported (single calls are noisy here).
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const coldWarm = async (query: string) => {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < 3; i++) {
        await touch();
        cold.push(await timed(query));
        warm.push(await timed(query));
      }
      return { cold: median(cold), warm: median(warm) };
    };
    global.gc?.();
    const heapBefore = process.memoryUsage();
    const analysis = { pagerank: await coldWarm(OURS.pagerank), louvain: await coldWarm(OURS.louvain) };
    global.gc?.();
    const heapAfter = process.memoryUsage();

    // --- the same requests for everyone, and the raw twins recorded from ours ------------------
    const rnd = mulberry32(42);
    const ids = Array.from({ length: SAMPLE }, () => `bench:p${Math.floor(rnd() * PERSONS)}`);
    const names = cypherNames();
    const recorded: Array<{ cypher: string; params: Params }> = [];
    // Every statement the request sends passes `Database.onQuery`; the audit's own queries
    // (cypher/audit-*) are left out: the raw twin is the request's reads.
    let recording = false;
    db.onQuery = (text: string, params: Params) => {
      if (recording && !(names.get(text) ?? '').startsWith('audit-')) recorded.push({ cypher: text, params });
    };
    const record = async (query: string, variables: Record<string, unknown>, check: (data: any) => boolean) => {
      recorded.length = 0;
      recording = true;
      const data = await post(ourUrl, ourHeaders, query, variables);
      recording = false;
      if (!check(data)) throw new Error(`unexpected answer to ${query}: ${JSON.stringify(data).slice(0, 300)}`);
      if (recorded.length === 0) throw new Error(`no query recorded for ${query}: does the service still send its queries through Database (onQuery)?`);
      return [...recorded];
    };
    const twins = { entity: [] as Array<typeof recorded>, persons: [] as Array<typeof recorded>, neighbourhood: [] as Array<typeof recorded> };
    for (const id of ids) {
      twins.entity.push(await record(OURS.entity, { id }, (d) => d.entity?.id === id && d.entity.sources.length > 0));
      twins.neighbourhood.push(await record(OURS.neighbourhood, { id }, (d) => d.neighbourhood.nodes.length > 5));
    }
    twins.persons.push(await record(OURS.persons, {}, (d) => d.persons.edges.length === 50));
    // The peer answers the same ids (it sees every statement: no need-to-know).
    const peerCheck = await post(peerUrl, peerHeaders, PEER.entity, { id: ids[0] });
    if (peerCheck.people.length !== 1 || peerCheck.people[0].sourcesConnection.edges.length === 0) throw new Error(`peer does not see ${ids[0]}`);
    const peerPersons = await post(peerUrl, peerHeaders, PEER.persons);
    if (peerPersons.people.length !== 50) throw new Error('peer persons: not 50');
    const show = (qs: Array<{ cypher: string }>) => qs.map((q) => names.get(q.cypher) ?? 'inline').join(' → ');

    // --- load ------------------------------------------------------------------------------------
    const runJob = (job: Job): Promise<JobResult> =>
      new Promise((resolve, reject) => {
        worker.once('message', (m: { ok: boolean; result?: JobResult; error?: string }) => (m.ok ? resolve(m.result!) : reject(new Error(m.error))));
        worker.postMessage(job);
      });
    const raw = { uri: connection.uri, user, password, database: config.neo4j.database };
    const jobs = (query: keyof typeof twins, durationMs: number): Record<Target, Job | undefined> => {
      const variables = query === 'persons' ? [{}] : ids.map((id) => ({ id }));
      return {
        ours: {
          kind: 'http',
          url: ourUrl,
          headers: ourHeaders,
          bodies: variables.map((v) => JSON.stringify({ query: OURS[query], variables: v })),
          concurrency: CLIENTS,
          durationMs,
        },
        raw: { kind: 'raw', ...raw, requests: twins[query], concurrency: CLIENTS, durationMs },
        peer:
          query === 'neighbourhood'
            ? undefined
            : {
                kind: 'http',
                url: peerUrl,
                headers: peerHeaders,
                bodies: variables.map((v) => JSON.stringify({ query: PEER[query], variables: v })),
                concurrency: CLIENTS,
                durationMs,
              },
      };
    };
    const rounds: Record<string, Round[]> = {};
    const loadBefore = os.loadavg()[0].toFixed(2);
    for (const query of QUERIES) {
      const targets: Target[] = query === 'neighbourhood' ? ['ours', 'raw'] : ['ours', 'raw', 'peer'];
      // A short warm-up of each (JIT, query plans, pools), then rounds A-B-C-C-B-A.
      for (const target of targets) await runJob(jobs(query, Math.max(2000, ROUND_MS / 5))[target]!);
      const order = [...targets, ...[...targets].reverse()];
      rounds[query] = [];
      for (const target of order) {
        const before = db.queryCount;
        const result = await runJob(jobs(query, ROUND_MS)[target]!);
        if (result.failures > 0) throw new Error(`${query} ${target}: ${result.failures} failures, first: ${result.firstFailure}`);
        rounds[query].push({ target, result, queriesPerRequest: target === 'ours' ? (db.queryCount - before) / result.requests : undefined });
        note(`${query} ${target}: ${(result.requests / result.seconds).toFixed(1)} req/s`);
      }
    }

    // --- report ----------------------------------------------------------------------------------
    const rate = (r: Round) => r.result.requests / r.result.seconds;
    const of = (query: string, target: Target) => rounds[query].filter((r) => r.target === target);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const throughput = (query: string, target: Target) => (rounds[query] ? mean(of(query, target).map(rate)) : NaN);
    const fmt = (x: number, digits = 1) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    const load = `${loadBefore} before the load rounds, ${os.loadavg()[0].toFixed(2)} after (1-minute averages; other work shares the machine)`;
    say(
      `# bench:compare${QUICK ? ' --quick' : ''}: ${persons.toLocaleString('en')} persons, ${links.toLocaleString('en')} ASSOCIATE_OF statements (demo seed + 1,000 warm-up + ${PERSONS.toLocaleString('en')} synthetic in ${REPORTS} reports)`,
    );
    say(
      `${os.cpus().length} cores, Node ${process.version}, embedded Neo4j (heap ${config.neo4j.embeddedHeapMb} MiB, page cache ${config.neo4j.embeddedPageCacheMb} MiB); ${CLIENTS} clients, ${ROUND_MS / 1000} s per round; load average ${load}`,
    );
    say();
    say('| query | target | rounds (req/s) | mean req/s | p50 ms | p95 ms | queries/request |');
    say('|---|---|---|---:|---:|---:|---|');
    for (const query of Object.keys(rounds)) {
      for (const target of ['ours', 'raw', 'peer'] as Target[]) {
        const rs = of(query, target);
        if (!rs.length) continue;
        const label = { ours: 'this service (JWT, need-to-know, audit)', raw: 'raw neo4j-driver, same Cypher', peer: '@neo4j/graphql 7, no auth' }[target];
        const trips =
          target === 'ours'
            ? (() => {
                const total = mean(rs.map((r) => r.queriesPerRequest!));
                const reads = mean(twins[query as keyof typeof twins].map((t) => t.length));
                return `${fmt(total)}: ${fmt(reads)} reads + ${fmt(total - reads)} audit`;
              })()
            : target === 'raw'
              ? `${fmt(mean(twins[query as keyof typeof twins].map((t) => t.length)), 1)}: ${show(twins[query as keyof typeof twins][0])}`
              : '1 (one generated Cypher)';
        say(
          `| \`${query}\` | ${label} | ${rs.map((r) => fmt(rate(r))).join(', ')} | ${fmt(throughput(query, target))} | ${fmt(mean(rs.map((r) => r.result.p50)))} | ${fmt(mean(rs.map((r) => r.result.p95)))} | ${trips} |`,
        );
      }
    }
    say();
    const ourRate = ourImport.records / ourImport.seconds;
    const rawRate = rawImported.records / rawImported.seconds;
    say('| import | records | seconds | records/s |');
    say('|---|---:|---:|---:|');
    say(
      `| ReportImporter, ${REPORTS} report(s), one transaction each | ${ourImport.records.toLocaleString('en')} | ${fmt(ourImport.seconds, 2)} | ${Math.round(ourRate).toLocaleString('en')} |`,
    );
    say(
      `| raw \`UNWIND … MERGE\`, batches of ${RAW_BATCH.toLocaleString('en')} | ${rawImported.records.toLocaleString('en')} | ${fmt(rawImported.seconds, 2)} | ${Math.round(rawRate).toLocaleString('en')} |`,
    );
    say();
    say('| analysis through the API (median of 3) | cold s | warm s | warm ÷ cold |');
    say('|---|---:|---:|---:|');
    const mib = (b: number) => `${fmt(b / 2 ** 20, 0)} MiB`;
    for (const [name, t] of Object.entries(analysis))
      say(`| ${name === 'pagerank' ? 'centrality PAGERANK' : 'communities LOUVAIN'} | ${fmt(t.cold, 2)} | ${fmt(t.warm, 2)} | ${fmt(t.warm / t.cold, 2)} |`);
    say();
    say(
      `Service process memory around the analysis calls (the main thread's heap: API and importer): heap used ${mib(heapBefore.heapUsed)} → ${mib(heapAfter.heapUsed)}, RSS ${mib(heapBefore.rss)} → ${mib(heapAfter.rss)}${global.gc ? ' (after a forced GC)' : ' (run node with --expose-gc to measure after a GC)'}.`,
    );
    say();
    const round3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
    const ratios = {
      entityVsRaw: round3(throughput('entity', 'ours') / throughput('entity', 'raw')),
      entityVsPeer: round3(throughput('entity', 'ours') / throughput('entity', 'peer')),
      personsVsPeer: round3(throughput('persons', 'ours') / throughput('persons', 'peer')),
      neighbourhoodVsRaw: round3(throughput('neighbourhood', 'ours') / throughput('neighbourhood', 'raw')),
      importVsRaw: round3(ourRate / rawRate),
      warmVsColdAnalysis: round3((analysis.pagerank.warm + analysis.louvain.warm) / (analysis.pagerank.cold + analysis.louvain.cold)),
    };
    say(`Run time ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    say(`RATIOS ${JSON.stringify(ratios)}`);
  } finally {
    for (const stop of servers.reverse()) await stop().catch(() => undefined);
    worker.postMessage({ kind: 'stop' } satisfies Job);
    await peerDriver.close();
    await connection.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench:compare failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
