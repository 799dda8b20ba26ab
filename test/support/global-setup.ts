import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedNeo4jSupervisor, ensureLauncherBuilt, freePort } from '../../src/db/embedded-neo4j';

/** One embedded Neo4j for the whole run: a free port, a temporary data directory. */
export default async function globalSetup(): Promise<void> {
  // One audit HMAC key for the whole run: every test server (and child process) appends to the
  // same chain in the same database.
  process.env.AUDIT_KEY ??= crypto.randomBytes(32).toString('hex');
  // Child processes (the CLI, `npm start` in foundation tests) keep their audit checkpoints here,
  // never in the repository's own data folder.
  process.env.AUDIT_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'audit-children-'));
  // The run's token and identity keys, random per run and handed to every test and child process
  // through the environment (no secret is published in the source; issue 16 item 3).
  process.env.JWT_SECRET ??= crypto.randomBytes(32).toString('base64url');
  process.env.IDENTITY_SECRET ??= crypto.randomBytes(32).toString('base64url');
  if (process.env.NEO4J_TEST_URI) return; // an external database was supplied
  ensureLauncherBuilt((line) => process.stderr.write(`${line}\n`));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-test-'));
  const supervisor = new EmbeddedNeo4jSupervisor({ port: await freePort(), dataDir, heapMb: 1024, pageCacheMb: 128, txTimeoutSeconds: 60 });
  const started = Date.now();
  const uri = await supervisor.start();
  process.stderr.write(`\nembedded Neo4j for tests at ${uri} (${Date.now() - started} ms)\n`);
  process.env.NEO4J_TEST_URI = uri;
  // Authentication is on: every test (and every child process a test starts) uses the password
  // the supervisor generated into the data folder.
  process.env.NEO4J_TEST_PASSWORD = supervisor.password;
  process.env.NEO4J_PASSWORD = supervisor.password;
  process.env.NEO4J_TEST_DATA_DIR = dataDir;
  process.env.NEO4J_TEST_PID = String(supervisor.pid);
  (globalThis as Record<string, unknown>).__NEO4J_SUPERVISOR__ = supervisor;
  (globalThis as Record<string, unknown>).__NEO4J_DATA_DIR__ = dataDir;
}
