/**
 * A bounded pool of worker threads for the graph algorithms, so that a heavy analysis never
 * blocks the event loop (other users' requests, health probes, the database monitor).
 *
 * - `size` workers, started on first use and kept; an idle worker does not keep the process alive.
 * - A FIFO queue of at most `queueLimit` waiting analyses; beyond it `run` fails at once with
 *   ANALYSIS_BUSY.
 * - A per-analysis timeout, queueing included: ANALYSIS_TIMEOUT; a worker still computing is
 *   terminated and replaced.
 * - A worker that dies (out of memory, a crash) fails only its own analysis; the next one gets a
 *   fresh worker.
 * - The graph travels as a CSR index of typed arrays, transferred (not copied); scores or
 *   community labels come back the same way and are mapped to node ids here.
 *
 * The worker runs the compiled JavaScript (dist/src/analysis/pool/worker.js): `npm start`,
 * `npm test` and the benchmarks build first. With `size` 0 analyses run inline on the calling
 * thread (no timeout, no queue): for comparison in benchmarks only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AnalysisGraph, buildCsr, IndexedCsr, toMap } from '../algorithms/csr';
import { Config } from '../../config';
import { AppError, ErrorCode } from '../../errors';
import { logger } from '../../logger';
import { PROJECT_ROOT } from '../../paths';
import { AlgorithmName, AlgorithmOptions, bareCsr, csrBuffers, ResultMessage, runTask, TaskMessage, TaskOutput } from './tasks';

export type { AlgorithmName, AlgorithmOptions } from './tasks';

/** The answer of each algorithm, keyed by node id. */
export interface AlgorithmResults {
  degree: Map<string, number>;
  betweenness: Map<string, number>;
  closeness: Map<string, number>;
  pagerank: Map<string, number>;
  eigenvector: Map<string, number>;
  louvain: { modularity: number; communityOf: Map<string, number> };
  components: { modularity: number; communityOf: Map<string, number> };
}

/** What the analysis service needs: run one algorithm on a graph it has built. */
export interface AnalysisRunner {
  run<A extends AlgorithmName>(algorithm: A, graph: AnalysisGraph, options?: AlgorithmOptions[A]): Promise<AlgorithmResults[A]>;
}

export interface AnalysisPoolOptions {
  size: number;
  queueLimit: number;
  timeoutMs: number;
  /** Heap cap per worker in MiB; 0 or unset: Node's default. */
  workerMemoryMb?: number;
  /** The worker script (default: the compiled worker.js). */
  workerFile?: string;
}

export class AnalysisTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(`The analysis took longer than ${timeoutMs} ms and was stopped; narrow the scope or try again later.`, ErrorCode.ANALYSIS_TIMEOUT, { timeoutMs });
  }
}

export class AnalysisBusyError extends AppError {
  constructor(queueLimit: number) {
    super(`Every analysis worker is busy and ${queueLimit} analyses are already waiting; try again shortly.`, ErrorCode.ANALYSIS_BUSY, { queueLimit });
  }
}

/** A worker died while computing: out of memory (QUERY_TOO_COMPLEX) or another crash (INTERNAL_SERVER_ERROR). */
export class AnalysisWorkerError extends AppError {
  constructor(outOfMemory: boolean) {
    super(
      outOfMemory ? 'The analysis needed more memory than a worker may use; narrow the scope.' : 'The analysis worker failed; try again.',
      outOfMemory ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.INTERNAL_SERVER_ERROR,
    );
  }
}

/** Where the compiled worker is: next to this file when running from dist/, else in dist/. */
export function defaultWorkerFile(): string {
  const beside = path.join(__dirname, 'worker.js');
  if (fs.existsSync(beside)) return beside;
  const compiled = path.join(PROJECT_ROOT, 'dist', 'src', 'analysis', 'pool', 'worker.js');
  if (fs.existsSync(compiled)) return compiled;
  throw new Error(`the analysis worker is not built (${path.relative(PROJECT_ROOT, compiled)} is missing): run \`npm run build\` first`);
}

interface Job {
  id: number;
  algorithm: AlgorithmName;
  csr: IndexedCsr;
  options: unknown;
  resolve: (output: TaskOutput) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
  worker?: Worker;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

export class AnalysisPool implements AnalysisRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private workerFile?: string;
  /** Workers started so far (replacements included), for tests and monitoring. */
  started = 0;

  constructor(readonly options: AnalysisPoolOptions) {}

  static fromConfig(config: Config): AnalysisPool {
    return new AnalysisPool({
      size: config.analysis.workers,
      queueLimit: config.analysis.queueLimit,
      timeoutMs: config.analysis.timeoutMs,
      workerMemoryMb: config.analysis.workerMemoryMb,
    });
  }

  /** Analyses waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Analyses being computed. */
  get running(): number {
    return this.slots.filter((s) => s.job).length;
  }

  async run<A extends AlgorithmName>(algorithm: A, graph: AnalysisGraph, options?: AlgorithmOptions[A]): Promise<AlgorithmResults[A]> {
    if (this.closed) throw new Error('the analysis pool is closed');
    if (this.options.size > 0 && this.running >= this.options.size && this.queue.length >= this.options.queueLimit) {
      throw new AnalysisBusyError(this.options.queueLimit);
    }
    const csr = buildCsr(graph);
    const ids = csr.ids;
    const output = this.options.size === 0 ? runTask(algorithm, csr, options) : await this.submit(algorithm, csr, options);
    if ('scores' in output) return toMap(ids, output.scores) as AlgorithmResults[A];
    const communityOf = new Map<string, number>();
    ids.forEach((id, i) => communityOf.set(id, output.labels[i]));
    return { modularity: output.modularity, communityOf } as AlgorithmResults[A];
  }

  /** Terminates every worker and fails what is queued or running. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job, new Error('the analysis pool was closed'));
    const slots = this.slots.splice(0);
    for (const slot of slots) if (slot.job) this.finish(slot.job, new Error('the analysis pool was closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private submit(algorithm: AlgorithmName, csr: IndexedCsr, options: unknown): Promise<TaskOutput> {
    return new Promise<TaskOutput>((resolve, reject) => {
      const job: Job = { id: this.nextId++, algorithm, csr, options, resolve, reject, timer: undefined as unknown as NodeJS.Timeout };
      job.timer = setTimeout(() => this.timeOut(job), this.options.timeoutMs);
      this.queue.push(job);
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.options.size) return;
        try {
          slot = this.spawn();
        } catch (err) {
          for (const job of this.queue.splice(0)) this.finish(job, err as Error);
          return;
        }
      }
      const job = this.queue.shift()!;
      slot.job = job;
      job.worker = slot.worker;
      slot.worker.ref();
      const message: TaskMessage = { id: job.id, algorithm: job.algorithm, csr: bareCsr(job.csr), options: job.options };
      slot.worker.postMessage(message, csrBuffers(job.csr));
    }
  }

  private spawn(): Slot {
    this.workerFile ??= this.options.workerFile ?? defaultWorkerFile();
    const memory = this.options.workerMemoryMb;
    const worker = new Worker(this.workerFile, memory ? { resourceLimits: { maxOldGenerationSizeMb: memory } } : {});
    this.started++;
    const slot: Slot = { worker };
    this.slots.push(slot);
    worker.on('message', (msg: ResultMessage) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      slot.job = undefined;
      worker.unref();
      if (msg.ok) this.finish(job, undefined, msg.output);
      else this.finish(job, Object.assign(new Error(msg.error.message), { name: msg.error.name }));
      this.dispatch();
    });
    let failure: Error | undefined;
    worker.on('error', (err) => {
      failure = err;
    });
    worker.on('exit', (code) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      const job = slot.job;
      if (job) {
        slot.job = undefined;
        const outOfMemory = (failure as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        logger.error({ err: failure, exitCode: code, algorithm: job.algorithm, nodes: job.csr.n }, 'analysis worker died');
        this.finish(job, new AnalysisWorkerError(outOfMemory));
      }
      if (!this.closed) this.dispatch();
    });
    return slot;
  }

  private timeOut(job: Job): void {
    const queuedAt = this.queue.indexOf(job);
    if (queuedAt >= 0) this.queue.splice(queuedAt, 1);
    const slot = this.slots.find((s) => s.job === job);
    if (slot) {
      // Stop the computation: a worker cannot be interrupted, only terminated; `exit` replaces it.
      slot.job = undefined;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      void slot.worker.terminate();
      logger.warn({ algorithm: job.algorithm, nodes: job.csr.n, timeoutMs: this.options.timeoutMs }, 'analysis timed out; worker terminated');
    }
    this.finish(job, new AnalysisTimeoutError(this.options.timeoutMs));
    this.dispatch();
  }

  private finish(job: Job, err?: Error, output?: TaskOutput): void {
    clearTimeout(job.timer);
    if (err) job.reject(err);
    else job.resolve(output!);
  }
}

const pools = new WeakMap<Config, AnalysisPool>();

/**
 * The pool of an app, one per configuration object: created on first use, closed by
 * `closeAnalysisPool` when the app stops.
 */
export function analysisPool(config: Config): AnalysisPool {
  let pool = pools.get(config);
  if (!pool) {
    pool = AnalysisPool.fromConfig(config);
    pools.set(config, pool);
  }
  return pool;
}

/** The pool of an app if one was started (the metrics read its queue without starting workers). */
export function runningAnalysisPool(config: Config): AnalysisPool | undefined {
  return pools.get(config);
}

export async function closeAnalysisPool(config: Config): Promise<void> {
  const pool = pools.get(config);
  pools.delete(config);
  await pool?.close();
}
