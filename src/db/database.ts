import neo4j, { Driver, ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { logger } from '../logger';
import { DatabaseUnavailableError } from '../errors';
import { toParams, toPlain } from './values';

/** Queries slower than this are logged (without their parameters). */
const SLOW_QUERY_MS = Number(process.env.SLOW_QUERY_MS ?? 2000);

const PROBE_TIMEOUT_MS = 2000;

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
 * The one door to Neo4j. Every query runs in a driver transaction function (the driver retries
 * transient errors), every result is converted to plain JavaScript values by `toPlain`, and an
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

  async read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.run<T>('READ', cypher, params);
  }

  async write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.run<T>('WRITE', cypher, params);
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
    this.queryCount += 1;
    const started = Date.now();
    const result = await tx.run(cypher, toParams(params));
    const ms = Date.now() - started;
    if (ms >= SLOW_QUERY_MS) logger.warn({ ms, query: cypher.slice(0, 200) }, 'slow query');
    return result.records.map((record) => toPlain(record.toObject()) as T);
  }

  private async run<T>(mode: 'READ' | 'WRITE', cypher: string, params: Params): Promise<T[]> {
    return this.guard(async () => {
      const session = this.driver.session({
        database: this.options.database,
        defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      });
      try {
        const work = (tx: ManagedTransaction) => this.runIn<T>(tx, cypher, params);
        const config = { timeout: this.options.queryTimeoutMs };
        return await (mode === 'READ' ? session.executeRead(work, config) : session.executeWrite(work, config));
      } finally {
        await session.close();
      }
    });
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
