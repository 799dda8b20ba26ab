import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mulberry32 } from '../src/analysis/algorithms/prng';
import { mintToken } from '../src/auth/tokens';
import { Config, loadConfig } from '../src/config';
import { bootstrapDatabase } from '../src/bootstrap';
import { openDatabase } from '../src/db/connect';
import { freePort } from '../src/db/embedded-neo4j';
import { ReportImporter } from '../src/import/importer';
import { createApp } from '../src/server';
import { syntheticNetworkReports } from './synthetic-network';

/**
 * Does a heavy analysis block other users? Measures the median latency of `entity()` over HTTP
 * while the service is idle, then while three heavy requests run (each BENCH_ALIASES aliased
 * betweenness calls over a synthetic network of BENCH_PERSONS persons), and prints the ratio.
 * Goal: at most 3× with the worker pool. The same is measured, in the same run and on the same
 * database, with ANALYSIS_WORKERS=0 (algorithms on the event loop, as before the pool) for
 * comparison.
 *
 *   npm run bench:event-loop                          # 3,000 persons, 5 aliases per request
 *   BENCH_PERSONS=5000 BENCH_ALIASES=15 npm run bench:event-loop
 */
const PERSONS = Number(process.env.BENCH_PERSONS ?? 3000);
const ALIASES = Number(process.env.BENCH_ALIASES ?? 5);
const HEAVY_REQUESTS = 3;
const IDLE_SAMPLES = Number(process.env.BENCH_IDLE_SAMPLES ?? 100);

interface Measurement {
  mode: string;
  idle: number[];
  loaded: number[];
  heavyMs: number;
  heavyErrors: string[];
  /** Event-loop delay while the heavy requests ran (the server runs in this process): p99 and max, ms. */
  loopDelay: { p99: number; max: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-event-loop-'));
  const env = {
    ...process.env,
    NEO4J_EMBEDDED_PORT: process.env.NEO4J_URI ? undefined : String(await freePort()),
    NEO4J_EMBEDDED_DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '1000000',
    MAX_ALIASES: String(Math.max(15, ALIASES)),
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const base = loadConfig(env);
  const connection = await openDatabase(base);
  const { db } = connection;
  try {
    await bootstrapDatabase(db);
    const importer = new ReportImporter(db);
    const started = Date.now();
    const docs = syntheticNetworkReports(PERSONS, { reports: Math.max(1, Math.ceil(PERSONS / 500)), idPrefix: 'bench', reportPrefix: 'BENCH' });
    for (const doc of docs) await importer.import(doc, 'bench');
    process.stderr.write(`imported ${PERSONS} persons in ${docs.length} reports (${Date.now() - started} ms)\n`);
    const scope = { reports: docs.map((d) => d.report.id) };
    const token = await mintToken(base.auth.jwtSecret!, { sub: 'bench', roles: ['analyst'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' });

    const results: Measurement[] = [];
    for (const [mode, workers] of [
      ['worker pool', String(loadConfig(env).analysis.workers)],
      ['on the event loop (ANALYSIS_WORKERS=0)', '0'],
    ] as const) {
      const config: Config = loadConfig({ ...env, ANALYSIS_WORKERS: workers });
      const app = await createApp(config, db);
      const port = await app.listen(0);
      try {
        results.push(await measure(mode, `http://127.0.0.1:${port}/graphql`, token, scope));
      } finally {
        await app.stop();
      }
    }

    const lines = [
      `# Event-loop benchmark: ${PERSONS.toLocaleString('en')} persons, ${HEAVY_REQUESTS} concurrent requests of ${ALIASES} aliased betweenness calls, ${os.availableParallelism()} cores, Node ${process.version}`,
      '',
      '| analyses run | entity() idle median | entity() median under load | ratio | p90 under load | max under load | samples under load | heavy requests took | event-loop delay p99 / max |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.mode} | ${r.idle.length ? median(r.idle).toFixed(1) : '-'} ms | ${median(r.loaded).toFixed(1)} ms | **${(median(r.loaded) / median(r.idle)).toFixed(2)}×** | ${quantile(r.loaded, 0.9).toFixed(0)} ms | ${Math.max(...r.loaded).toFixed(0)} ms | ${r.loaded.length} | ${(r.heavyMs / 1000).toFixed(1)} s | ${r.loopDelay.p99.toFixed(0)} / ${r.loopDelay.max.toFixed(0)} ms |`,
      ),
    ];
    for (const r of results) if (r.heavyErrors.length) lines.push('', `${r.mode}: heavy requests answered errors: ${[...new Set(r.heavyErrors)].join(', ')}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    const pooled = results[0];
    const ratio = median(pooled.loaded) / median(pooled.idle);
    process.stdout.write(`\nworker pool: ${ratio <= 3 ? 'within' : 'OVER'} the 3× goal (${ratio.toFixed(2)}×)\n`);
    if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, `${lines.join('\n')}\n`);
  } finally {
    await connection.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(mode: string, url: string, token: string, scope: { reports: string[] }): Promise<Measurement> {
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  };
  const rnd = mulberry32(7);
  const entityQuery = 'query ($id: ID!) { entity(id: $id) { id label type sources { reportId sourceReliability } } }';
  const entity = async () => {
    const id = `bench:p${Math.floor(rnd() * PERSONS)}`;
    const t0 = process.hrtime.bigint();
    const res = await post(entityQuery, { id });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (res.errors || !(res.data as { entity?: unknown }).entity) throw new Error(`entity(${id}) failed: ${JSON.stringify(res.errors)}`);
    return ms;
  };
  const heavyQuery = `query ($s: AnalysisScope) { ${Array.from({ length: ALIASES }, (_, i) => `b${i}: centrality(algorithm: BETWEENNESS, scope: $s, top: 5) { entity { id } score }`).join(' ')} }`;

  // Warm-up: query plans, connection pool, the worker thread, the JIT (one full heavy request).
  for (let i = 0; i < 20; i++) await entity();
  const warm = await post(heavyQuery, { s: scope });
  if (warm.errors) throw new Error(`warm-up analysis failed: ${JSON.stringify(warm.errors)}`);
  for (let i = 0; i < 20; i++) await entity();

  // Idle samples: half before the load, half after it (and a pause), so that neither the
  // warm-up's after-effects nor drift bias the baseline.
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await pause(2000);
  const idle: number[] = [];
  for (let i = 0; i < IDLE_SAMPLES / 2; i++) idle.push(await entity());

  const loaded: number[] = [];
  const heavyErrors: string[] = [];
  let running = true;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const t0 = Date.now();
  const heavy = Promise.all(
    Array.from({ length: HEAVY_REQUESTS }, () =>
      post(heavyQuery, { s: scope }).then((res) => res.errors?.forEach((e) => heavyErrors.push(e.extensions?.code ?? 'UNKNOWN'))),
    ),
  ).finally(() => {
    running = false;
  });
  // Give the heavy requests a head start so that every sample is taken under load.
  await pause(200);
  while (running) loaded.push(await entity());
  await heavy;
  const heavyMs = Date.now() - t0;
  delay.disable();
  const loopDelay = { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
  await pause(2000);
  for (let i = 0; i < IDLE_SAMPLES / 2; i++) idle.push(await entity());
  process.stderr.write(
    `${mode}: idle median ${median(idle).toFixed(1)} ms, loaded median ${median(loaded).toFixed(1)} ms (${loaded.length} samples), heavy ${heavyMs} ms\n`,
  );
  return { mode, idle, loaded, heavyMs, heavyErrors, loopDelay };
}

main().catch((err) => {
  process.stderr.write(`benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
