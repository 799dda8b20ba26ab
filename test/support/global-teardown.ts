import fs from 'node:fs';
import { EmbeddedNeo4jSupervisor } from '../../src/db/embedded-neo4j';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const supervisor = g.__NEO4J_SUPERVISOR__ as EmbeddedNeo4jSupervisor | undefined;
  await supervisor?.stop();
  const dir = g.__NEO4J_DATA_DIR__ as string | undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (process.env.AUDIT_DIR?.includes('audit-children-')) fs.rmSync(process.env.AUDIT_DIR, { recursive: true, force: true });
}
