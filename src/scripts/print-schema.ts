import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../graphql/schema';
import { buildReportJsonSchema } from '../import/report-schema';
import { REPORT_SCHEMA_FILE } from '../import/validate';
import { PROJECT_ROOT } from '../paths';

/** Writes the committed contracts: schema.graphql (GraphQL SDL) and schema/report.schema.json. */
export const SDL_FILE = path.join(PROJECT_ROOT, 'schema.graphql');
export const reportSchemaText = () => `${JSON.stringify(buildReportJsonSchema(), null, 2)}\n`;

if (require.main === module) {
  fs.writeFileSync(SDL_FILE, schemaSdl());
  fs.mkdirSync(path.dirname(REPORT_SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(REPORT_SCHEMA_FILE, reportSchemaText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SDL_FILE)} and ${path.relative(process.cwd(), REPORT_SCHEMA_FILE)}\n`);
}
