import neo4j, { Driver } from 'neo4j-driver';
import { parentPort } from 'node:worker_threads';
import { toParams } from '../src/db/values';

/**
 * The load generator of `bench/compare.ts`, in its own thread so that the clients' own work
 * (building requests, reading answers) is not charged to the server under test, which runs on the
 * main thread. Each job runs `concurrency` closed-loop clients for `durationMs` and answers with
 * the number of completed requests, failures and latency percentiles.
 */
export type Job =
  | { kind: 'http'; url: string; headers: Record<string, string>; bodies: string[]; concurrency: number; durationMs: number }
  | {
      kind: 'raw';
      uri: string;
      user: string;
      password: string;
      database: string;
      /** One list of read queries per request, replayed in order, each as an auto-commit read (as `Database.read` runs them). */
      requests: Array<Array<{ cypher: string; params: Record<string, unknown> }>>;
      concurrency: number;
      durationMs: number;
    }
  | { kind: 'stop' };

export interface JobResult {
  requests: number;
  failures: number;
  firstFailure?: string;
  seconds: number;
  p50: number;
  p95: number;
}

const drivers = new Map<string, Driver>();

function driverFor(job: Extract<Job, { kind: 'raw' }>): Driver {
  let driver = drivers.get(job.uri);
  if (!driver) {
    // The same pool size as the service's Database, and plain numbers as it reads them.
    driver = neo4j.driver(job.uri, neo4j.auth.basic(job.user, job.password), { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });
    drivers.set(job.uri, driver);
  }
  return driver;
}

async function run(job: Exclude<Job, { kind: 'stop' }>): Promise<JobResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const once: () => Promise<void> =
    job.kind === 'http'
      ? async () => {
          const body = job.bodies[next++ % job.bodies.length];
          const res = await fetch(job.url, { method: 'POST', headers: job.headers, body });
          const text = await res.text();
          if (res.status !== 200 || text.startsWith('{"errors"') || text.includes('"errors":[')) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
        }
      : (() => {
          const driver = driverFor(job);
          const prepared = job.requests.map((queries) => queries.map((q) => ({ cypher: q.cypher, params: toParams(q.params) as Record<string, unknown> })));
          return async () => {
            const queries = prepared[next++ % prepared.length];
            for (const q of queries) {
              const session = driver.session({ database: job.database, defaultAccessMode: neo4j.session.READ });
              try {
                // an auto-commit read, as `Database.read` runs it
                (await session.run(q.cypher, q.params)).records.map((rec) => rec.toObject());
              } finally {
                await session.close();
              }
            }
          };
        })();
  const started = performance.now();
  const deadline = started + job.durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        await once();
        latencies.push(performance.now() - t);
      } catch (err) {
        failures += 1;
        firstFailure ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN);
  return { requests: latencies.length, failures, firstFailure, seconds, p50: pct(0.5), p95: pct(0.95) };
}

parentPort?.on('message', (job: Job) => {
  if (job.kind === 'stop') {
    void Promise.all([...drivers.values()].map((d) => d.close())).then(() => parentPort?.close());
    return;
  }
  run(job).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (err: unknown) => parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.stack : String(err) }),
  );
});
