import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditAnchor } from '../src/audit/anchor';
import { AuditLog, AuditRecord } from '../src/audit/audit-log';
import { loadConfig } from '../src/config';
import { bootstrapDatabase } from '../src/bootstrap';
import { openDatabase } from '../src/db/connect';
import { freePort } from '../src/db/embedded-neo4j';

/**
 * Audit group commit against one lock per request, in the same run on the same database:
 * BENCH_AUDIT_ENTRIES entries (default 3,000) appended by BENCH_AUDIT_CONCURRENCY callers in
 * flight (default 50), each waiting until its entry is durable. Prints entries/s of each and the
 * ratio, then checks the chain.
 *
 *   npm run bench:audit
 */
async function main() {
  const total = Number(process.env.BENCH_AUDIT_ENTRIES ?? 3000);
  const concurrency = Number(process.env.BENCH_AUDIT_CONCURRENCY ?? 50);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-audit-'));
  const config = loadConfig({
    ...process.env,
    NEO4J_EMBEDDED_PORT: process.env.NEO4J_URI ? undefined : String(await freePort()),
    NEO4J_EMBEDDED_DATA_DIR: dataDir,
    AUDIT_DIR: path.join(dataDir, 'audit'),
  });
  const connection = await openDatabase(config);
  const db = connection.db;
  try {
    await bootstrapDatabase(db);
    const record = (i: number): AuditRecord => ({
      at: new Date().toISOString(),
      subject: `bench-${i % 20}`,
      agency: 'EUROPOL',
      country: 'NL',
      roles: ['analyst'],
      operationName: `op${i}`,
      operationType: 'query',
      variables: '{}',
      returnedIds: [`country:NL`],
      changedIds: [],
      outcome: 'ok',
      durationMs: 1,
    });
    const run = async (label: string, maxBatch: number) => {
      const audit = new AuditLog(db, new AuditAnchor(config.audit), maxBatch);
      let next = 0;
      const started = Date.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < total) await audit.append(record(next++), { clearance: 3, principals: ['EUROPOL', 'NL'], agency: 'EUROPOL', country: 'NL' });
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      const rate = total / seconds;
      process.stdout.write(
        `${label}: ${total} entries in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} entries/s, ${audit.stats.batches} transactions (${(total / audit.stats.batches).toFixed(1)} entries per head lock)\n`,
      );
      return { rate, audit };
    };
    await run('warm-up', 500);
    const single = await run('one lock per request (maxBatch 1)', 1);
    const grouped = await run('group commit (maxBatch 500)', 500);
    process.stdout.write(`group commit / one lock per request = ${(grouped.rate / single.rate).toFixed(2)}x\n`);
    const status = await grouped.audit.verify();
    process.stdout.write(
      `chain: ${status.entries} entries, ${status.brokenAt === null ? 'intact' : `broken at ${status.brokenAt}: ${status.reason}`}, ${status.checkpoints} checkpoints\n`,
    );
  } finally {
    await connection.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
