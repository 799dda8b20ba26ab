import { AuditLog } from '../audit/audit-log';
import { Principal, VisibilityParams } from '../auth/principal';
import { Database } from '../db/database';
import { Loaders } from '../domain/loaders';
import { Config } from '../config';
import { Repository } from '../domain/repository';
import { AnalysisService } from '../analysis/analysis-service';
import { checkRange } from '../errors';

/** Per-request state shared by all resolvers. */
export interface Context {
  principal: Principal;
  /** `$auth` of every need-to-know query. */
  auth: VisibilityParams;
  db: Database;
  config: Config;
  repository: Repository;
  /** Created once per app: its scope cache is shared by all requests. */
  analysis: AnalysisService;
  loaders: Loaders;
  /** The audit trail (one per process: its writer group-commits the entries of all requests). */
  audit: AuditLog;
  /** Set by a resolver that wrote this request's audit entry itself (inside its own transaction). */
  auditWritten?: boolean;
  /** Entity ids a mutation changed, for the audit trail (ids returned are read from the response). */
  changedIds: Set<string>;
}

/** A page size (`first`) within 0 and the configured maximum, else QUERY_TOO_COMPLEX (as every bound). */
export function checkPageSize(ctx: Context, first: number | null | undefined): number {
  return checkRange('first', first, 0, ctx.config.limits.maxPageSize);
}
