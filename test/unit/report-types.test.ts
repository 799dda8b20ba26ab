import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { validateReport } from '../../src/import/validate';
import { REPORT_TYPES_FILE, reportTypesText } from '../../src/scripts/report-types';

// json-schema-to-typescript requires Prettier's Node entry, which starts a dynamic import that
// jest's module runtime refuses; the generator formats with Prettier's standalone build instead.
jest.mock('prettier', () => ({}));

/**
 * schema/report.d.ts, the TypeScript types of the import document published next to its JSON
 * Schema: current, and in agreement with the validator and with the importer's own view of a
 * document (ReportDocument in src/import/validate.ts).
 */

const SEED = path.join(__dirname, '..', '..', 'seed', 'reports');
const seedReports = (): unknown[] => fs.readdirSync(SEED).map((f) => JSON.parse(fs.readFileSync(path.join(SEED, f), 'utf8')) as unknown);

/** Type-checks `source` as a file of test/unit/; the diagnostics of that file and of schema/report.d.ts. */
function typeCheck(source: string): string[] {
  const file = path.join(__dirname, 'report-types.check.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile.call(host, name, version, ...rest);
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  const program = ts.createProgram([file, REPORT_TYPES_FILE], options, host);
  return [file, REPORT_TYPES_FILE].flatMap((name) => {
    const sourceFile = program.getSourceFile(name)!;
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map(
      (d) =>
        `${path.basename(name)}:${d.start === undefined ? '?' : sourceFile.getLineAndCharacterOfPosition(d.start).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
  });
}

/** Documents the validator refuses, each with one thing wrong that the types refuse as well. */
function wrongDocuments(): Array<{ wrong: string; doc: any }> {
  const base = () => ({
    report: { id: 'TYPES-0001', title: 'Types', date: '2024-01-01', agency: 'ES-PN', classification: 'RESTRICTED' },
    entities: [
      { ref: 'p', type: 'Person', name: 'Ana' },
      { ref: 's', type: 'Seizure', commodity: 'COCAINE', unit: 'KG' },
    ],
    links: [{ type: 'SEIZED_FROM', from: 's', to: 'p' }],
  });
  const cases: Array<[string, (doc: any) => void]> = [
    ['a commodity outside the vocabulary', (d) => (d.entities[1].commodity = 'COFFEE')],
    ['a person without a name', (d) => delete d.entities[0].name],
    ['a field of another entity type', (d) => (d.entities[0].kind = 'CRIMINAL_GROUP')],
    ['a country as an imported entity', (d) => d.entities.push({ ref: 'c', type: 'Country', name: 'Spain' })],
    ['an unknown link type', (d) => (d.links[0].type = 'KNOWS')],
    ['an unknown classification', (d) => (d.report.classification = 'TOP_SECRET')],
    ['an information accuracy of 5', (d) => (d.report.informationAccuracy = 5)],
    ['no links array', (d) => delete d.links],
  ];
  return cases.map(([wrong, change]) => {
    const doc = base();
    change(doc);
    return { wrong, doc };
  });
}

describe('schema/report.d.ts', () => {
  it('is what `npm run schema:types` generates from the committed schema/report.schema.json', async () => {
    expect(fs.readFileSync(REPORT_TYPES_FILE, 'utf8')).toBe(await reportTypesText());
  });

  it('types every demo report, refuses what the validator refuses, and fits the importer’s ReportDocument', () => {
    const reports = seedReports();
    expect(reports.length).toBeGreaterThan(10);
    for (const doc of reports) expect(validateReport(doc)).toEqual([]);
    const wrong = wrongDocuments();
    for (const { wrong: what, doc } of wrong) expect({ what, refused: validateReport(doc).length > 0 }).toEqual({ what, refused: true });

    // One document per line: each `@ts-expect-error` must meet an error on its line, or the check fails.
    const source = [
      "import type { OperationReport } from '../../schema/report';",
      "import type { ReportDocument } from '../../src/import/validate';",
      `export const reports: OperationReport[] = [\n${reports.map((d) => JSON.stringify(d)).join(',\n')}\n];`,
      'export const forImporter: ReportDocument[] = reports.map((doc) => ({ ...doc, entities: doc.entities.map((e) => ({ ...e })), links: doc.links.map((l) => ({ ...l })) }));',
      ...wrong.map(({ wrong: what, doc }, i) => `// @ts-expect-error ${what}\nexport const wrong${i}: OperationReport = ${JSON.stringify(doc)};`),
    ].join('\n');
    expect(typeCheck(source)).toEqual([]);
  });

  it('fails the check above for a document the types do not refuse', () => {
    const { doc } = wrongDocuments()[0];
    doc.entities[1].commodity = 'HEROIN';
    const diagnostics = typeCheck(
      `import type { OperationReport } from '../../schema/report';\n// @ts-expect-error\nexport const fine: OperationReport = ${JSON.stringify(doc)};`,
    );
    expect(diagnostics).toEqual([expect.stringContaining("Unused '@ts-expect-error' directive")]);
  });
});
