import neo4j, { Driver, ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { logger } from '../logger';
import { DatabaseUnavailableError } from '../errors';
import { toParams, toPlain } from './values';

/** Queries slower than this are logged (without their parameters). */
const SLOW_QUERY_MS = Number(process.env.SLOW_QUERY_MS ?? 2000);

const PROBE_TIMEOUT_MS = 2000;
/** Attempts of an auto-commit read that meets a transient error (a read has no effect to repeat). */
const READ_ATTEMPTS = 3;

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  queryTimeoutMs: number;
  /** How often the availability probe runs. */
  probeIntervalMs?: number;
}

/** Driver error codes that mean "the database is not there right now". */
function isUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  const code = (err as Neo4jError)?.code;
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'Neo.TransientError.General.DatabaseUnavailable';
}

/**
 * The one door to Neo4j. Reads are single auto-commit statements (retried here on transient
 * errors); writes run in driver transaction functions (the driver retries transient errors), or,
 * for the audit's one-statement batches, as auto-commit statements. Every result is converted to plain JavaScript values by `toPlain`, and an
 * availability probe lets requests fail fast with DATABASE_UNAVAILABLE instead of hanging while
 * the database is down. It counts round-trips so tests can prove batching.
 */
export class Database {
  readonly driver: Driver;
  private available = false;
  private probeTimer?: NodeJS.Timeout;
  private probing?: Promise<boolean>;
  /** Number of queries sent; tests read it to count round-trips. */
  queryCount = 0;
  /** Sees every statement sent (reads and statements in transactions alike): the benchmark records with it. */
  onQuery?: (cypher: string, params: Params) => void;
  /** Told how long each statement took (`read`, `write`, or `tx`: a statement inside a transaction): the metrics observe it. */
  readonly timingObservers = new Set<(mode: 'read' | 'write' | 'tx', seconds: number) => void>();

  constructor(readonly options: DatabaseOptions) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: true,
      // Fail within seconds while the database is down, rather than retrying for 30 s.
      maxTransactionRetryTime: 3000,
      connectionAcquisitionTimeout: 4000,
      connectionTimeout: 3000,
      maxConnectionPoolSize: 50,
      logging: { level: 'error', logger: (_level, message) => logger.debug({ neo4j: message }, 'driver') },
    });
  }

  get isAvailable(): boolean {
    return this.available;
  }

  /** Checks connectivity now; updates and returns availability. Concurrent callers share one probe. */
  probe(): Promise<boolean> {
    if (!this.probing) {
      // One auto-commit query, no driver retries, at most PROBE_TIMEOUT_MS: a probe must answer fast.
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
      });
      const query = session.run('RETURN 1 AS ok').then(
        () => true,
        () => false,
      );
      this.probing = Promise.race([query, timeout])
        .finally(() => {
          clearTimeout(timer);
          void session.close().catch(() => undefined);
        })
        .then((ok) => {
          if (ok !== this.available) logger[ok ? 'info' : 'warn'](`Neo4j is ${ok ? 'available' : 'unavailable'}`);
          this.available = ok;
          this.probing = undefined;
          return ok;
        });
    }
    return this.probing;
  }

  /** Probes every `probeIntervalMs` until `close()`. */
  startMonitoring(): void {
    const interval = this.options.probeIntervalMs ?? 1000;
    const tick = () => {
      void this.probe().finally(() => {
        if (this.probeTimer !== undefined) this.probeTimer = setTimeout(tick, interval);
      });
    };
    this.probeTimer = setTimeout(tick, 0);
  }

  /** Waits until the database answers, or throws after `timeoutMs`. */
  async waitUntilAvailable(timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.probe())) {
      if (Date.now() > deadline) throw new DatabaseUnavailableError();
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * One read statement in an auto-commit transaction: one network write (RUN and PULL together)
   * where a managed transaction needs three (BEGIN, RUN and PULL, COMMIT). On these 2-core machines
   * each socket write is a measurable share of a short request. A read changes nothing, so a
   * transient failure is simply run again, as a managed transaction would.
   */
  async read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.guard(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.autoCommit<T>('READ', cypher, params);
        } catch (err) {
          if (attempt >= READ_ATTEMPTS || isUnavailable(err) || !neo4j.isRetryableError(err)) throw err;
          await new Promise((r) => setTimeout(r, 20 * attempt * Math.random()));
        }
      }
    });
  }

  /**
   * One write statement in an auto-commit transaction (one round-trip; atomic like any single
   * statement). Never retried: after a lost connection its outcome is unknown, so the caller must
   * decide (the audit fails the batch's requests, as a failed transaction does).
   */
  async writeStatement<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.guard(() => this.autoCommit<T>('WRITE', cypher, params));
  }

  private async autoCommit<T>(mode: 'READ' | 'WRITE', cypher: string, params: Params): Promise<T[]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      this.counted(cypher, params);
      const started = Date.now();
      const result = await session.run(cypher, toParams(params), { timeout: this.options.queryTimeoutMs });
      this.timed(mode === 'READ' ? 'read' : 'write', started, cypher);
      return result.records.map((record) => toPlain(record.toObject()) as T);
    } finally {
      await session.close();
    }
  }

  /** One write statement in a managed transaction (retried by the driver on transient errors). */
  async write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.writeTransaction((tx) => this.runIn<T>(tx, cypher, params));
  }

  /** Runs `work` in one write transaction (all or nothing); `tx.run` results are not converted. */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await session.executeWrite(work, { timeout: this.options.queryTimeoutMs });
      } finally {
        await session.close();
      }
    });
  }

  /** Runs a query inside an existing transaction and converts its rows. */
  async runIn<T = Row>(tx: ManagedTransaction, cypher: string, params: Params = {}): Promise<T[]> {
    this.counted(cypher, params);
    const started = Date.now();
    const result = await tx.run(cypher, toParams(params));
    this.timed('tx', started, cypher);
    return result.records.map((record) => toPlain(record.toObject()) as T);
  }

  private counted(cypher: string, params: Params) {
    this.queryCount += 1;
    this.onQuery?.(cypher, params);
  }

  private timed(mode: 'read' | 'write' | 'tx', started: number, cypher: string) {
    const ms = Date.now() - started;
    for (const observe of this.timingObservers) observe(mode, ms / 1000);
    if (ms >= SLOW_QUERY_MS) logger.warn({ ms, query: cypher.slice(0, 200) }, 'slow query');
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    if (!this.available && !(await this.probe())) throw new DatabaseUnavailableError();
    try {
      return await work();
    } catch (err) {
      if (isUnavailable(err)) {
        this.available = false;
        throw new DatabaseUnavailableError();
      }
      throw err;
    }
  }

  async close(): Promise<void> {
    const timer = this.probeTimer;
    this.probeTimer = undefined;
    if (timer) clearTimeout(timer);
    await this.driver.close();
  }
}
