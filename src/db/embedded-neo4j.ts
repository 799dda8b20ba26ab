import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { logger } from '../logger';
import { LAUNCHER_DIR } from '../paths';
import { embeddedPassword, ensurePrivateDir } from './credentials';

const MAIN_CLASS = 'org.linkanalysis.EmbeddedNeo4j';
const READY_PREFIX = 'NEO4J_READY ';

/** The flags Neo4j 5 passes to its own JVM; without them UnsafeUtil fails. */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
];

export interface EmbeddedOptions {
  port: number;
  dataDir: string;
  heapMb: number;
  pageCacheMb: number;
  txTimeoutSeconds?: number;
  startTimeoutMs?: number;
  /** Authentication on (the default); `false` exists only to test that production refuses it. */
  authEnabled?: boolean;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the launcher with Maven unless its classes and jars are newer than its sources. */
export function ensureLauncherBuilt(log: (line: string) => void = (l) => logger.info(l)): void {
  const marker = path.join(LAUNCHER_DIR, 'target', 'classes', ...MAIN_CLASS.split('.')) + '.class';
  const plugins = path.join(LAUNCHER_DIR, 'target', 'plugins');
  const sourcesTime = Math.max(newestMtime(path.join(LAUNCHER_DIR, 'src')), fs.statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs);
  if (fs.existsSync(marker) && fs.existsSync(plugins) && fs.statSync(marker).mtimeMs >= sourcesTime) return;
  log('building the embedded Neo4j launcher with Maven (first run downloads ~250 MB of jars into ~/.m2)…');
  const result = spawnSync('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package', '-DskipTests'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw new Error(`could not run Maven (is it installed and on PATH?): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`the Maven build of the embedded Neo4j launcher failed (exit ${result.status})`);
}

/** The embedded database's store is locked by another running process (`pid`). */
export class EmbeddedDatabaseInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the embedded database in ${dataDir} is in use by process ${pid}`);
  }
}

/**
 * The process holding the store lock of the embedded database in `dataDir` (Neo4j takes a POSIX
 * lock on `data/databases/store_lock` while it runs), read from /proc/locks; undefined when no
 * process holds it, the store does not exist yet, or the system has no /proc/locks.
 */
export function storeLockHolder(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'data', 'databases', 'store_lock');
  let stat: fs.Stats;
  let locks: string;
  try {
    stat = fs.statSync(file);
    locks = fs.readFileSync('/proc/locks', 'utf8');
  } catch {
    return undefined;
  }
  // st_dev as Linux encodes it: major in bits 8-19, minor in bits 0-7 and 20-31
  const major = (stat.dev >> 8) & 0xfff;
  const minor = (stat.dev & 0xff) | ((stat.dev >> 12) & 0xfff00);
  for (const line of locks.split('\n')) {
    const m = /^\d+:\s+(?:->\s+)?\S+\s+\S+\s+\S+\s+(\d+)\s+([0-9a-f]+):([0-9a-f]+):(\d+)\s/i.exec(line);
    if (!m) continue;
    if (Number(m[4]) === stat.ino && parseInt(m[2], 16) === major && parseInt(m[3], 16) === minor && Number(m[1]) !== process.pid) return Number(m[1]);
  }
  return undefined;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One running embedded Neo4j JVM. The child's stdin is a pipe from us: when this process dies for
 * any reason the pipe closes and the launcher shuts itself down, so no orphan JVM survives.
 */
export class EmbeddedNeo4jProcess extends EventEmitter {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(readonly options: EmbeddedOptions) {
    super();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.options.port}`;
  }

  /** The password of user `neo4j` (generated into the data folder on first start). */
  get password(): string {
    return embeddedPassword(this.options.dataDir);
  }

  start(): Promise<string> {
    const { port, dataDir, heapMb, pageCacheMb } = this.options;
    ensurePrivateDir(dataDir);
    const password = this.password;
    const target = path.join(LAUNCHER_DIR, 'target');
    const classpath = [path.join(target, 'classes'), path.join(target, 'lib', '*')].join(path.delimiter);
    const args = [
      `-Xms${Math.min(256, heapMb)}m`,
      `-Xmx${heapMb}m`,
      ...JVM_FLAGS,
      '-cp',
      classpath,
      MAIN_CLASS,
      '--home',
      dataDir,
      '--port',
      String(port),
      '--plugins',
      path.join(target, 'plugins'),
      '--pagecache',
      String(pageCacheMb),
      '--tx-timeout',
      String(this.options.txTimeoutSeconds ?? 120),
      '--auth',
      String(this.options.authEnabled !== false),
    ];
    // umask 077: every store file the JVM creates is 0600 and every folder 0700. The password
    // travels in the environment, which other users cannot read (unlike the command line).
    const child = spawn('/bin/sh', ['-c', 'umask 077 && exec java "$@"', 'java', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NEO4J_INITIAL_PASSWORD: password },
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const stderrTail: string[] = [];
    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 40) stderrTail.shift();
      logger.debug({ neo4j: line }, 'embedded neo4j');
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`embedded Neo4j did not become ready within ${this.options.startTimeoutMs ?? 120000} ms`));
      }, this.options.startTimeoutMs ?? 120000);
      let ready = false;
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        if (!ready && line.startsWith(READY_PREFIX)) {
          ready = true;
          clearTimeout(timer);
          resolve(line.slice(READY_PREFIX.length).trim());
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`could not start java: ${err.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (!ready) {
          reject(
            new Error(
              `embedded Neo4j exited before it was ready (code ${code}, signal ${signal}):\n${stderrTail
                .filter((l) => !/^\s+at /.test(l))
                .slice(-12)
                .join('\n')}`,
            ),
          );
        } else {
          this.emit('exit', code, signal);
        }
      });
    });
  }

  /** SIGTERM (the launcher's shutdown hook closes the store), SIGKILL if it takes too long. */
  async stop(timeoutMs = 30000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * Keeps an embedded Neo4j running: if it dies, it is restarted on the same port and data
 * directory with exponential backoff. The service's readiness follows the driver's view of the
 * database, not this class, so clients see DATABASE_UNAVAILABLE while a restart is under way.
 */
export class EmbeddedNeo4jSupervisor {
  private current?: EmbeddedNeo4jProcess;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  private failures = 0;

  constructor(readonly options: EmbeddedOptions) {}

  get uri(): string {
    return `bolt://127.0.0.1:${this.options.port}`;
  }

  get pid(): number | undefined {
    return this.current?.pid;
  }

  /** The password of user `neo4j` (generated into the data folder on first start). */
  get password(): string {
    return embeddedPassword(this.options.dataDir);
  }

  /**
   * Starts the database. A previous JVM on the same store may still be shutting down (it holds the
   * store lock and the port for a few seconds), so a lock or port conflict is retried for a while.
   */
  async start(retryUntil = Date.now() + 45000): Promise<string> {
    const proc = new EmbeddedNeo4jProcess(this.options);
    this.current = proc;
    let uri: string;
    try {
      uri = await proc.start();
    } catch (err) {
      if (/store_lock|Address already in use/.test((err as Error).message) && Date.now() < retryUntil && !this.stopping) {
        logger.warn('embedded Neo4j store or port still in use (an earlier instance shutting down?); retrying');
        await new Promise((r) => setTimeout(r, 2000));
        return this.start(retryUntil);
      }
      throw err;
    }
    this.failures = 0;
    proc.once('exit', (code: number | null, signal: string | null) => {
      if (this.stopping) return;
      logger.error({ code, signal }, 'embedded Neo4j exited unexpectedly; restarting');
      this.scheduleRestart();
    });
    return uri;
  }

  private scheduleRestart(): void {
    const delay = Math.min(5000 * 2 ** this.failures, 30000);
    this.restartTimer = setTimeout(() => {
      this.start().then(
        () => logger.info('embedded Neo4j is back'),
        (err: Error) => {
          this.failures += 1;
          logger.error({ err: err.message }, 'embedded Neo4j restart failed');
          if (!this.stopping) this.scheduleRestart();
        },
      );
    }, delay);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.current?.stop();
  }
}
