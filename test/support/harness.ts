import { seedReportFiles } from '../../src/import/seed';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHECKPOINT_FILE } from '../../src/audit/anchor';
import { Clearance, Role } from '../../src/auth/principal';
import { mintToken } from '../../src/auth/tokens';
import { Config, loadConfig } from '../../src/config';
import { bootstrapDatabase } from '../../src/bootstrap';
import { Database } from '../../src/db/database';
import { ReportImporter } from '../../src/import/importer';
import { createApp } from '../../src/server';

export { DATASETS } from './datasets';

export function testConfig(overrides: Partial<NodeJS.ProcessEnv> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    NEO4J_URI: process.env.NEO4J_TEST_URI,
    NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD,
    AUDIT_KEY: process.env.AUDIT_KEY,
    AUDIT_DIR: path.join(os.tmpdir(), 'audit-unused'),
    // the run's keys (test/support/global-setup.ts)
    JWT_SECRET: process.env.JWT_SECRET,
    IDENTITY_SECRET: process.env.IDENTITY_SECRET,
    ...overrides,
  });
}

export async function connect(probeIntervalMs = 500): Promise<Database> {
  const config = testConfig();
  const db = new Database({ ...config.neo4j, uri: config.neo4j.uri!, probeIntervalMs });
  await db.waitUntilAvailable(60000);
  return db;
}

/** Audit folders of the servers started in this file: a reset empties the trail, and its anchors with it. */
const auditDirs = new Set<string>();

/** Empties the database (but keeps the schema and re-applies the reference data). */
export async function resetDatabase(db: Database): Promise<void> {
  for (const dir of auditDirs) fs.rmSync(path.join(dir, CHECKPOINT_FILE), { force: true });
  for (;;) {
    const [{ deleted }] = await db.write<{ deleted: number }>('MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted');
    if (deleted === 0) break;
  }
  await bootstrapDatabase(db);
}

export async function importFile(db: Database, file: string): Promise<void> {
  await new ReportImporter(db).import(JSON.parse(fs.readFileSync(file, 'utf8')), 'test');
}

export interface TokenSpec {
  sub?: string;
  roles?: Role[];
  agency?: string;
  country?: string;
  clearance?: Clearance;
}

/** `token`, minting each distinct spec once per test file (tokens are cheap to keep, slow to sign in bulk). */
export function tokenCache(): (spec: TokenSpec) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (spec) => {
    const key = JSON.stringify(spec);
    if (!tokens.has(key)) tokens.set(key, token(spec));
    return tokens.get(key)!;
  };
}

/** The HS256 key test servers verify with: the run's JWT_SECRET (test/support/global-setup.ts). */
export function testJwtSecret(): string {
  const secret = process.env.JWT_SECRET;
  if (!secret) throw new Error('JWT_SECRET is not set: integration tests run with the global setup of jest.config.js');
  return secret;
}

export function token(spec: TokenSpec = {}): Promise<string> {
  return mintToken(testJwtSecret(), {
    sub: spec.sub ?? 'test-analyst',
    roles: spec.roles ?? ['analyst'],
    agency: spec.agency ?? 'EUROPOL',
    country: spec.country ?? 'NL',
    clearance: spec.clearance ?? 'SECRET',
  });
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestServer {
  url: string;
  db: Database;
  config: Config;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, bearer?: string | null): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

/** The real app on a random port, against the test database. */
export async function startServer(env: Partial<NodeJS.ProcessEnv> = {}): Promise<TestServer> {
  // A fresh folder for the audit checkpoints: suites reset the database (and with it the chain).
  const config = testConfig({ PORT: '0', AUDIT_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'audit-')), ...env });
  const db = new Database({ ...config.neo4j, uri: config.neo4j.uri!, probeIntervalMs: 500 });
  await db.waitUntilAvailable(60000);
  db.startMonitoring();
  await bootstrapDatabase(db);
  auditDirs.add(config.audit.dir);
  const app = await createApp(config, db);
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}`;
  const defaultToken = await token();
  return {
    url,
    db,
    config,
    async gql(query, variables, bearer) {
      const auth = bearer === null ? undefined : (bearer ?? defaultToken);
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse;
      return { ...body, status: res.status } as never;
    },
    async stop() {
      await app.stop();
      await db.close();
    },
  };
}

/**
 * The token with one character of its signature changed. Not the last character: in a base64url
 * signature the last one carries only some bits, and some changes there decode to the same bytes.
 */
export function forgeSignature(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const i = Math.floor(signature.length / 2);
  return `${header}.${payload}.${signature.slice(0, i)}${signature[i] === 'A' ? 'B' : 'A'}${signature.slice(i + 1)}`;
}

/**
 * A test server over an empty database, with the per-caller rate limit lifted: for suites that
 * import their own fixtures and make more requests per minute than the default limit allows.
 */
export async function startEmptyServer(env: Partial<NodeJS.ProcessEnv> = {}): Promise<TestServer> {
  const server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000', ...env });
  await resetDatabase(server.db);
  return server;
}

/**
 * A differential run for the leak matrix: `answer()` on a database holding only `visible` (the
 * control), then on one where `hidden` was imported before `visible`, so that the hidden report
 * creates the entities both state and the store holds (and scans) them in another order. Leaves
 * the second database in place.
 */
export async function answersWithoutAndWithHidden<T>(
  db: Database,
  visible: object,
  hidden: object,
  answer: () => Promise<T>,
): Promise<{ control: T; full: T }> {
  const importer = new ReportImporter(db);
  await resetDatabase(db);
  await importer.import(visible);
  const control = await answer();
  await resetDatabase(db);
  await importer.import(hidden);
  await importer.import(visible);
  const full = await answer();
  return { control, full };
}

/** A test server over a database holding exactly the demo reports of seed/ (imported by the real importer). */
export async function startSeededServer(env: Partial<NodeJS.ProcessEnv> = {}): Promise<TestServer> {
  const server = await startServer(env);
  await resetDatabase(server.db);
  for (const file of seedReportFiles()) await importFile(server.db, file);
  return server;
}
