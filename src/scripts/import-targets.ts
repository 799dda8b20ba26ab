import { AuditAnchor } from '../audit/anchor';
import { AuditLog } from '../audit/audit-log';
import { Principal, visibilityOf } from '../auth/principal';
import { TokenVerifier } from '../auth/tokens';
import { Config } from '../config';
import { bootstrapDatabase } from '../bootstrap';
import { openDatabase } from '../db/connect';
import { EmbeddedDatabaseInUse } from '../db/embedded-neo4j';
import { WRITE_ROLES } from '../graphql/auth-checker';
import { AppError, BadInputError, ErrorCode, forbidden } from '../errors';
import { AuditedRequest, auditAfterwards, auditedImport, auditedRetract } from '../import/audited-import';
import { ReportImporter } from '../import/importer';

/**
 * Where `npm run import` sends report documents: the running service's GraphQL API (which
 * authenticates, checks clearance and ownership, and audits), or, when no service is up, the
 * database directly with the same checks and an audit entry per report written here.
 */
export interface ImportTarget {
  /** For the summary line: where the reports went. */
  readonly description: string;
  importReport(doc: unknown, validateOnly: boolean): Promise<ImportSummary>;
  /** `--retract <id>`: removes every statement of a report (its agency's loaders, or an admin). */
  retractReport(id: string): Promise<RetractSummary>;
  close(): Promise<void>;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  reportId: string;
  alreadyImported: boolean;
  /** An earlier version of the report was replaced. */
  revised: boolean;
  nodes: Counts;
  links: Counts;
  /** What the earlier version stated and this one no longer does. */
  removed: { statements: number; links: number };
  /** What the document lacks for a sure identity (MISSING_BIRTH_DATE, MISSING_COUNTRY, SINGLE_NAME); the import went ahead. */
  warnings: Array<{ path: string; code: string; message: string }>;
}

export interface RetractSummary {
  reportId: string;
  statements: number;
  links: number;
}

/** One report was refused or failed; nothing of it was written. */
export class ReportFailed extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** The whole run stops (bad token, service gone, audit unwritable); `exitCode` for the process. */
export class RunAborted extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Through the service's API
// ---------------------------------------------------------------------------------------------

const base = (apiUrl: string) => apiUrl.replace(/\/+$/, '');

/** True when our service answers `GET /ready` (with `{ ready: … }`, even 503) within the timeout. */
export async function serviceIsUp(apiUrl: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(`${base(apiUrl)}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => undefined)) as { ready?: unknown } | undefined;
    return typeof body?.ready === 'boolean';
  } catch {
    return false;
  }
}

/** The operations the CLI sends; the server's audit entries carry their names. */
export const CLI_OPERATION_NAME = 'CliImport';
export const CLI_RETRACT_OPERATION_NAME = 'CliRetract';
const MUTATION = `mutation ${CLI_OPERATION_NAME}($report: ReportInput!, $validateOnly: Boolean!) {
  importReport(report: $report, validateOnly: $validateOnly) {
    reportId alreadyImported revised
    nodes { created updated unchanged }
    links { created updated unchanged }
    removed { statements links }
    warnings { path code message }
  }
}`;
const RETRACT = `mutation ${CLI_RETRACT_OPERATION_NAME}($id: ID!) {
  retractReport(id: $id) { reportId statements links }
}`;

interface GqlError {
  message?: string;
  extensions?: { code?: string; problems?: Array<{ path?: string; message?: string }> };
}

/** Each GraphQL error as lines of the CLI's failure list: validation problems with their paths. */
export function problemsOf(errors: GqlError[]): string[] {
  return errors.flatMap((e) => {
    const problems = e.extensions?.problems;
    if (Array.isArray(problems) && problems.length > 0) return problems.map((p) => `${p.path ?? '(document)'}: ${p.message ?? ''}`);
    return [`${e.extensions?.code ?? 'ERROR'}: ${e.message ?? 'unknown error'}`];
  });
}

/** Answers the service gives when it is busy or briefly without its database: retried with back-off. */
const RETRYABLE = new Set<string>([ErrorCode.RATE_LIMITED, ErrorCode.DATABASE_UNAVAILABLE]);
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000];

export class ApiTarget implements ImportTarget {
  readonly description: string;
  private readonly endpoint: string;

  constructor(
    apiUrl: string,
    private readonly token: string,
  ) {
    this.endpoint = `${base(apiUrl)}/graphql`;
    this.description = `${this.endpoint} (through the service: its checks and its audit trail)`;
  }

  importReport(doc: unknown, validateOnly: boolean): Promise<ImportSummary> {
    return this.call<ImportSummary>(MUTATION, CLI_OPERATION_NAME, 'importReport', { report: doc, validateOnly });
  }

  retractReport(id: string): Promise<RetractSummary> {
    return this.call<RetractSummary>(RETRACT, CLI_RETRACT_OPERATION_NAME, 'retractReport', { id });
  }

  private async call<T>(query: string, operationName: string, field: string, variables: Record<string, unknown>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const { status, errors, data } = await this.post<T>(query, operationName, field, variables);
      if (errors.length === 0 && data) return data;
      const codes = errors.map((e) => e.extensions?.code);
      if (codes.includes(ErrorCode.UNAUTHENTICATED)) {
        throw new RunAborted(`the service refused the token (UNAUTHENTICATED): ${errors[0].message ?? ''}`, 2);
      }
      if (codes.some((c) => c && RETRYABLE.has(c))) {
        if (attempt < RETRY_DELAYS_MS.length) {
          await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
          continue;
        }
        throw new RunAborted(`the service keeps answering ${codes.join(', ')}: ${errors[0].message ?? ''}`, 1);
      }
      throw new ReportFailed(errors.length > 0 ? problemsOf(errors) : [`the service answered HTTP ${status} without a result`]);
    }
  }

  private async post<T>(
    query: string,
    operationName: string,
    field: string,
    variables: Record<string, unknown>,
  ): Promise<{ status: number; errors: GqlError[]; data?: T }> {
    let res: Response;
    try {
      res = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query, operationName, variables }),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new RunAborted(`the service at ${this.endpoint} stopped answering (${cause})`, 1);
    }
    const text = await res.text();
    let body: { data?: Record<string, T | null> | null; errors?: GqlError[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new ReportFailed([`the service answered HTTP ${res.status} with a body that is not JSON`]);
    }
    return { status: res.status, errors: Array.isArray(body.errors) ? body.errors : [], data: body.data?.[field] ?? undefined };
  }

  async close(): Promise<void> {}
}

// ---------------------------------------------------------------------------------------------
// Directly into the database (no service running)
// ---------------------------------------------------------------------------------------------

/** The CLI's audit operation names on the direct path (the API path's entries carry `CliImport`, `CliRetract`). */
export const DIRECT_OPERATION_NAME = 'cli-import';
export const DIRECT_RETRACT_OPERATION_NAME = 'cli-retract';

/** Verifies the token exactly as the server does (JWT secret or JWKS from the configuration). */
export async function verifyToken(config: Config, token: string): Promise<Principal> {
  try {
    return await new TokenVerifier(config.auth).verify(`Bearer ${token}`);
  } catch (err) {
    throw new RunAborted(`the token was refused (UNAUTHENTICATED): ${(err as Error).message}`, 2);
  }
}

const codeOf = (err: unknown): string => (err instanceof AppError ? err.code : ErrorCode.INTERNAL_SERVER_ERROR);

export class DirectTarget implements ImportTarget {
  private constructor(
    readonly description: string,
    private readonly importer: ReportImporter,
    private readonly audit: AuditLog,
    private readonly principal: Principal,
    private readonly closeConnection: () => Promise<void>,
  ) {}

  /**
   * The caller must already be verified (`verifyToken`); opens (or starts) the database. An
   * embedded database that another process holds (the service, on another port than --api) is
   * not started a second time: the run stops and says to import through that service.
   */
  static async open(config: Config, principal: Principal, note: string, apiUrl = 'the --api address'): Promise<DirectTarget> {
    let connection;
    try {
      connection = await openDatabase(config, { reuseRunning: true, refuseLocked: true });
    } catch (err) {
      if (err instanceof EmbeddedDatabaseInUse || /store_lock|FileLockException|locked by another/i.test((err as Error).message)) {
        const holder = err instanceof EmbeddedDatabaseInUse ? ` by process ${err.pid}` : '';
        throw new RunAborted(
          `the embedded database in ${config.neo4j.embeddedDataDir} is in use${holder}, most likely by the service running on another port ` +
            `(no service answered at ${apiUrl}). Import through it: pass --api http://localhost:<its PORT> (or set CLA_API_URL).`,
          2,
        );
      }
      throw err;
    }
    try {
      await bootstrapDatabase(connection.db);
    } catch (err) {
      await connection.close();
      throw err;
    }
    return new DirectTarget(
      `${connection.uri} (directly, ${note}; audited as ${DIRECT_OPERATION_NAME})`,
      new ReportImporter(connection.db, config.identitySecret),
      new AuditLog(connection.db, new AuditAnchor(config.audit)),
      principal,
      () => connection.close(),
    );
  }

  /** The audited import the `importReport` resolver runs (src/import/audited-import.ts), after the same role check. */
  async importReport(doc: unknown, validateOnly: boolean): Promise<ImportSummary> {
    const request = this.request(DIRECT_OPERATION_NAME, { report: doc, validateOnly });
    let result;
    try {
      this.mayWrite('Importing');
      result = await auditedImport(request, doc, { validateOnly, returns: 'report' });
    } catch (err) {
      throw await this.failed(request, err);
    }
    const { outcome, audited } = result;
    // a dry run (rolled back, the only outcome not audited in its transaction): audited now
    if (!audited) await this.audited(request, { returnedIds: [outcome.reportId], changedIds: [], outcome: 'ok' });
    return outcome;
  }

  /** The audited retraction the `retractReport` resolver runs, after the same role check. */
  async retractReport(id: string): Promise<RetractSummary> {
    const request = this.request(DIRECT_RETRACT_OPERATION_NAME, { id });
    let outcome;
    try {
      this.mayWrite('Retracting');
      outcome = await auditedRetract(request, id);
    } catch (err) {
      throw await this.failed(request, err);
    }
    return { reportId: outcome.reportId, statements: outcome.statements, links: outcome.links };
  }

  /** The role check the resolvers' `@Authorized(...WRITE_ROLES)` makes. */
  private mayWrite(what: string): void {
    if (!this.principal.roles.some((r) => WRITE_ROLES.includes(r))) throw forbidden(`${what} needs the loader or admin role.`);
  }

  private request(operationName: string, variables: Record<string, unknown>): AuditedRequest {
    const p = this.principal;
    return { importer: this.importer, audit: this.audit, principal: p, auth: visibilityOf(p), operationName, variables, started: Date.now() };
  }

  /** Audits a failed report (nothing of it was written) and answers the error the run reports. */
  private async failed(request: AuditedRequest, err: unknown): Promise<ReportFailed> {
    const code = codeOf(err);
    await this.audited(request, { returnedIds: [], changedIds: [], outcome: `error:${code}` });
    if (err instanceof BadInputError) return new ReportFailed(err.problems.map((x) => `${x.path}: ${x.message}`));
    return new ReportFailed([`${code}: ${(err as Error).message}`]);
  }

  private async audited(request: AuditedRequest, entry: { returnedIds: string[]; changedIds: string[]; outcome: string }): Promise<void> {
    try {
      await auditAfterwards(request, entry);
    } catch (err) {
      const what = entry.outcome === 'ok' && entry.changedIds.length > 0 ? 'the report was written but its audit entry' : 'the audit entry';
      throw new RunAborted(`${what} (${entry.outcome}) could not be written: ${(err as Error).message}; stopping`, 1);
    }
  }

  close(): Promise<void> {
    return this.closeConnection();
  }
}
