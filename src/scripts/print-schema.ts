import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../graphql/schema';
import { buildReportJsonSchema } from '../import/report-schema';
import { REPORT_SCHEMA_FILE } from '../import/validate';
import { PROJECT_ROOT } from '../paths';

/**
 * Writes the committed contracts: schema.graphql (GraphQL SDL), schema/report.schema.json and the
 * TypeScript types generated from it, schema/report.d.ts.
 */
export const SDL_FILE = path.join(PROJECT_ROOT, 'schema.graphql');
export const reportSchemaText = () => `${JSON.stringify(buildReportJsonSchema(), null, 2)}\n`;

async function main() {
  fs.writeFileSync(SDL_FILE, schemaSdl());
  fs.mkdirSync(path.dirname(REPORT_SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(REPORT_SCHEMA_FILE, reportSchemaText());
  // loaded only here: the tests that import this module's constants need no type generator
  const { writeReportTypes } = await import('./report-types');
  const types = await writeReportTypes();
  const written = [SDL_FILE, REPORT_SCHEMA_FILE, types].map((f) => path.relative(process.cwd(), f));
  process.stdout.write(`wrote ${written.join(', ')}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
