import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../db/database';
import { logger } from '../logger';
import { SEED_DIR } from '../paths';
import { ReportImporter } from './importer';

export function seedReportFiles(): string[] {
  const dir = path.join(SEED_DIR, 'reports');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Loads the demo reports from `seed/reports` when the database holds no report yet. */
export async function seedIfEmpty(db: Database, identitySecret?: string): Promise<number> {
  const [{ reports }] = await db.read<{ reports: number }>('MATCH (r:Report) RETURN count(r) AS reports');
  if (reports > 0) return 0;
  const importer = new ReportImporter(db, identitySecret);
  const files = seedReportFiles();
  for (const file of files) await importer.import(JSON.parse(fs.readFileSync(file, 'utf8')), 'seed');
  logger.info({ reports: files.length }, 'demo data loaded from seed/');
  return files.length;
}
