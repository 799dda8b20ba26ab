import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/paths';

const execFileAsync = promisify(execFile);
const IMPORT_CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'scripts', 'import.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run import` as a child process, against the test database, with the given API address
 * (direct mode when nothing answers there). Its audit checkpoints go to `auditDir`, the calling
 * suite's own; `token` (or none) is its CLA_TOKEN. Never throws: a failed run is its exit code.
 */
export async function runImportCli(args: string[], opts: { api: string; auditDir: string; token?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: process.env.NEO4J_TEST_URI,
    LOG_LEVEL: 'warn',
    CLA_API_URL: opts.api,
    AUDIT_DIR: opts.auditDir,
    ...opts.env,
  };
  delete env.CLA_TOKEN;
  if (opts.token !== undefined) env.CLA_TOKEN = opts.token;
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [IMPORT_CLI, '--quiet', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
