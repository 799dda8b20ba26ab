import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { Command, Option } from 'commander';
import fs from 'node:fs';
import readline from 'node:readline';
import { loadConfig } from '../config';
import { adjacencyReport, twoModeReport } from '../import/dataset-report';
import { parseAdjacencyCsv, parseTwoModeCsv } from '../import/matrix-csv';
import { ApiTarget, DirectTarget, ImportTarget, ReportFailed, RunAborted, serviceIsUp, verifyToken } from './import-targets';

interface Failure {
  where: string;
  reportId?: string;
  problems: string[];
}

interface Warned {
  where: string;
  reportId: string;
  warnings: Array<{ path: string; code: string; message: string }>;
}

/** Editors on some systems start UTF-8 files with a byte-order mark; it is not part of the JSON. */
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Yields every report document of a file: a JSON object, a JSON array, or JSON Lines. */
async function* documents(
  file: string,
  format: string,
  opts: { date?: string; agency?: string },
): AsyncGenerator<{ where: string; doc?: unknown; error?: string }> {
  if (format === 'adjacency' || format === 'two-mode') {
    const text = withoutBom(fs.readFileSync(file, 'utf8'));
    const doc = format === 'adjacency' ? adjacencyReport(file, parseAdjacencyCsv(text), opts) : twoModeReport(file, parseTwoModeCsv(text), opts);
    yield { where: file, doc };
    return;
  }
  if (format === 'jsonl' || (format === 'auto' && /\.jsonl$/i.test(file))) {
    const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n += 1;
      if (!line.trim()) continue;
      try {
        yield { where: `${file}:${n}`, doc: JSON.parse(n === 1 ? withoutBom(line) : line) };
      } catch (err) {
        yield { where: `${file}:${n}`, error: `not valid JSON (${(err as Error).message})` };
      }
    }
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(withoutBom(fs.readFileSync(file, 'utf8')));
  } catch (err) {
    yield { where: file, error: `not valid JSON (${(err as Error).message})` };
    return;
  }
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  for (let i = 0; i < docs.length; i++) yield { where: Array.isArray(parsed) ? `${file}[${i}]` : file, doc: docs[i] };
}

function countLines(file: string, format: string): number {
  if (format !== 'jsonl' && !(format === 'auto' && /\.jsonl$/i.test(file))) return 1;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
}

const DEFAULT_API = 'http://localhost:4000';

interface Options {
  format: string;
  date?: string;
  agency: string;
  quiet?: boolean;
  dryRun?: boolean;
  token?: string;
  api?: string;
  retract: string[];
}

function usageError(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The service's API when one answers at the API address, otherwise the database directly. */
async function openTarget(opts: Options, token: string): Promise<ImportTarget> {
  const apiUrl = opts.api || process.env.CLA_API_URL || DEFAULT_API;
  if (await serviceIsUp(apiUrl)) return new ApiTarget(apiUrl, token);
  const config = loadConfig();
  const principal = await verifyToken(config, token);
  return DirectTarget.open(config, principal, `no service at ${apiUrl}`, apiUrl);
}

const program = new Command()
  .name('import')
  .description(
    'Import operation reports (JSON, JSON array or JSON Lines) or a network dataset matrix (CSV), as a loader: ' +
      'through the running service when one answers at --api, otherwise directly into the database with the same checks and audit.',
  )
  .argument('[files...]', 'files to import')
  .addOption(new Option('--format <format>', 'input format').choices(['auto', 'json', 'jsonl', 'adjacency', 'two-mode']).default('auto'))
  .option('--date <date>', 'report date for a dataset (YYYY-MM-DD)')
  .option('--agency <agency>', 'reporting agency for a dataset', 'RESEARCH')
  .option('--quiet', 'no progress bar')
  .option('--dry-run', 'run every check and report what would change, writing nothing')
  .option(
    '--retract <id>',
    "retract a report: remove every statement it makes (its agency's loaders, or an admin); repeatable, before any files",
    (id: string, ids: string[]) => [...ids, id],
    [] as string[],
  )
  .addOption(new Option('--token <jwt>', 'bearer token of a loader (or admin); prefer the environment variable').env('CLA_TOKEN'))
  .addOption(new Option('--api <url>', `the service to import through, when it is up (default ${DEFAULT_API})`).env('CLA_API_URL'))
  .action(async (files: string[], opts: Options) => {
    if (files.length === 0 && opts.retract.length === 0) usageError('nothing to do: name the files to import, or --retract <id>');
    if (opts.dryRun && opts.retract.length > 0) usageError('--dry-run does not apply to --retract');
    for (const file of files) {
      if (!fs.existsSync(file)) usageError(`no such file: ${file}`);
    }
    const token = opts.token?.trim();
    if (!token) {
      usageError(
        'a loader token is required: pass --token <jwt> or set CLA_TOKEN\n' +
          '(in development: CLA_TOKEN=$(npm run --silent token -- --role loader --agency <AGENCY> --country <CC> --clearance <LEVEL>))',
      );
    }
    const target = await openTarget(opts, token);
    const failures: Failure[] = [];
    const warned: Warned[] = [];
    const totals = {
      reports: 0,
      unchanged: 0,
      revised: 0,
      nodes: { created: 0, updated: 0, unchanged: 0 },
      links: { created: 0, updated: 0, unchanged: 0 },
      removed: { statements: 0, links: 0 },
    };
    const retracted = { reports: 0, statements: 0, links: 0 };
    const bar = new SingleBar(
      { format: 'importing [{bar}] {value}/{total} reports | {eta_formatted} left | {failed} failed', stream: process.stderr },
      Presets.shades_classic,
    );
    let aborted: RunAborted | undefined;
    try {
      const total = files.reduce((sum, f) => sum + countLines(f, opts.format), 0) + opts.retract.length;
      if (!opts.quiet) bar.start(total, 0, { failed: 0 });
      for (const id of opts.retract) {
        try {
          const outcome = await target.retractReport(id);
          retracted.reports += 1;
          retracted.statements += outcome.statements;
          retracted.links += outcome.links;
        } catch (err) {
          if (err instanceof RunAborted) {
            aborted = err;
            break;
          }
          failures.push({ where: `--retract ${id}`, reportId: id, problems: err instanceof ReportFailed ? err.problems : [(err as Error).message] });
        }
        if (!opts.quiet) bar.increment(1, { failed: failures.length });
      }
      outer: for (const file of aborted ? [] : files) {
        for await (const item of documents(file, opts.format, opts)) {
          const reportId = (item.doc as { report?: { id?: unknown } } | undefined)?.report?.id;
          try {
            if (item.error) throw new ReportFailed([`(document): ${item.error}`]);
            const outcome = await target.importReport(item.doc, opts.dryRun ?? false);
            totals.reports += 1;
            if (outcome.alreadyImported) totals.unchanged += 1;
            if (outcome.revised) totals.revised += 1;
            for (const k of ['created', 'updated', 'unchanged'] as const) {
              totals.nodes[k] += outcome.nodes[k];
              totals.links[k] += outcome.links[k];
            }
            totals.removed.statements += outcome.removed?.statements ?? 0;
            totals.removed.links += outcome.removed?.links ?? 0;
            if (outcome.warnings?.length) warned.push({ where: item.where, reportId: outcome.reportId, warnings: outcome.warnings });
          } catch (err) {
            if (err instanceof RunAborted) {
              aborted = err;
              break outer;
            }
            const problems = err instanceof ReportFailed ? err.problems : [(err as Error).message];
            failures.push({ where: item.where, reportId: typeof reportId === 'string' ? reportId : undefined, problems });
          }
          if (!opts.quiet) bar.increment(1, { failed: failures.length });
        }
      }
    } finally {
      if (!opts.quiet) bar.stop();
      await target.close();
    }
    if (aborted && totals.reports === 0 && retracted.reports === 0 && failures.length === 0) {
      process.stderr.write(`import refused: ${aborted.message}\n`);
      process.exit(aborted.exitCode);
    }
    const out = process.stdout;
    if (opts.retract.length > 0) {
      out.write(
        `retracted ${retracted.reports} report(s) in ${target.description}: ${retracted.statements} statement(s) and ${retracted.links} link(s) removed\n`,
      );
    }
    if (files.length > 0) {
      // "revised": reports that replaced an earlier version; "removed": what those earlier versions stated and the new ones no longer do
      out.write(
        `${opts.dryRun ? 'dry run (nothing written): would import' : 'imported'} ${totals.reports} report(s) (${totals.unchanged} already present, unchanged; ` +
          `${totals.revised} revised) into ${target.description}\n`,
      );
      const warnings = warned.reduce((n, w) => n + w.warnings.length, 0);
      out.write(
        `  nodes: ${totals.nodes.created} created, ${totals.nodes.updated} updated, ${totals.nodes.unchanged} unchanged, ${totals.removed.statements} removed\n`,
      );
      out.write(
        `  links: ${totals.links.created} created, ${totals.links.updated} updated, ${totals.links.unchanged} unchanged, ${totals.removed.links} removed\n`,
      );
      // warnings never refuse a report: they say where an identity rests on the name alone
      out.write(`  warnings: ${warnings} in ${warned.length} report(s)\n`);
      for (const w of warned) {
        out.write(`- ${w.where} (${w.reportId}):\n${w.warnings.map((x) => `    ${x.path} [${x.code}]: ${x.message}`).join('\n')}\n`);
      }
    }
    if (failures.length > 0) {
      process.stderr.write(`${failures.length} report(s) failed and wrote nothing:\n`);
      for (const f of failures) {
        process.stderr.write(`- ${f.where}${f.reportId ? ` (${f.reportId})` : ''}:\n${f.problems.map((p) => `    ${p}`).join('\n')}\n`);
      }
      process.exitCode = 1;
    }
    if (aborted) {
      process.stderr.write(`import stopped: ${aborted.message}\n`);
      process.exitCode = aborted.exitCode;
    }
  });

program.parseAsync().catch((err) => {
  if (err instanceof RunAborted) {
    process.stderr.write(`import refused: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`import failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
