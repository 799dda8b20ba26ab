import { AuditLog, AuditMarking, AuditRecord, markingOfReport, redactVariables } from '../audit/audit-log';
import { CLEARANCES, Principal, VisibilityParams } from '../auth/principal';
import { ImportOutcome, Importer, ReportImporter, RetractOutcome } from './importer';
import { ReportDocument } from './validate';

/**
 * The one audited import and the one audited retraction (issue 17): the `importReport` and
 * `retractReport` resolvers and the CLI's direct mode (`npm run import` with no service up) both
 * call these. The audit record is built here only (`auditRecord`), and a written report's entry is
 * appended in the import's own transaction: the import and its entry commit together or not at all.
 */
export interface AuditedRequest {
  importer: ReportImporter;
  audit: AuditLog;
  /** Who asks: the entry's subject, agency, country and roles. */
  principal: Principal;
  /** Their need-to-know: the floor of the entry's marking, and the importer's counts and checks. */
  auth: VisibilityParams;
  /** The entry's operation name: the GraphQL operation's, or the CLI's `cli-import` / `cli-retract`. */
  operationName: string | null;
  /** The request's variables (redacted here: a document is summarised to its id, marking and sizes). */
  variables: Record<string, unknown> | undefined;
  /** `Date.now()` when the request started, for the entry's duration. */
  started: number;
}

export interface AuditedImportOptions {
  validateOnly: boolean;
  /**
   * The ids the entry records as returned: what the path answers its caller. The API answers the
   * report's entities (`entities`); the CLI prints the report id only (`report`).
   */
  returns: 'entities' | 'report';
  /**
   * The entry's marking: the API marks it as the document declares (`document`); the CLI's direct
   * path as the audit log's marking query finds what it touched, in the transaction (`store`).
   * Both are raised to the requester's marking and the document's declared one.
   */
  markedBy: 'document' | 'store';
}

/** The outcome, and whether its audit entry was written (false: a dry run or an unchanged re-import, audited afterwards). */
export interface Audited<T> {
  outcome: T;
  audited: boolean;
}

/** The caller of the importer: the requester's need-to-know, agency, and whether they are an admin. */
export function importerOf(request: Pick<AuditedRequest, 'principal' | 'auth'>): Importer {
  return { auth: request.auth, agency: request.principal.agency, admin: request.principal.roles.includes('admin') };
}

/** THE audit record of an import or a retraction, successful or not. */
export function auditRecord(request: AuditedRequest, fields: { returnedIds: string[]; changedIds: string[]; outcome: string }): AuditRecord {
  return request.audit.record(request.principal, {
    at: new Date().toISOString(),
    operationName: request.operationName,
    operationType: 'mutation',
    variables: redactVariables(request.variables),
    returnedIds: fields.returnedIds,
    changedIds: fields.changedIds,
    outcome: fields.outcome,
    durationMs: Date.now() - request.started,
  });
}

function documentMarking(doc: unknown): AuditMarking {
  const { classification, releasableTo } = (doc as ReportDocument).report;
  const level = CLEARANCES.indexOf(classification as (typeof CLEARANCES)[number]);
  return markingOfReport(level, releasableTo ?? []);
}

/**
 * Validates, checks and writes one report, its audit entry appended in the same transaction as
 * its writes (a dry run rolls back with nothing audited here). After the commit, the chain head is
 * anchored. Failures throw: the caller audits them (the API's audit plugin, the CLI's `auditFailure`).
 */
export async function auditedImport(request: AuditedRequest, doc: unknown, options: AuditedImportOptions): Promise<Audited<ImportOutcome>> {
  const { importer, audit } = request;
  const caller = importerOf(request);
  const prepared = importer.prepare(doc, caller);
  let head: { seq: number; hash: string } | undefined;
  const outcome = await importer.transaction(async (tx) => {
    head = undefined; // a retried attempt appends again
    const o = await importer.writeIn(tx, prepared, request.principal.subject, caller, options.validateOnly);
    const record = auditRecord(request, {
      returnedIds: options.returns === 'entities' ? o.entities.map((e) => e.id) : [o.reportId],
      changedIds: o.changedIds,
      outcome: 'ok',
    });
    head = await audit.appendInTransaction(tx, record, options.markedBy === 'document' ? documentMarking(doc) : undefined, request.auth);
    return o;
  });
  if (head) await audit.anchorHead(head);
  return { outcome, audited: head !== undefined };
}

/** Removes every statement of a report, its audit entry appended in the retraction's own transaction. */
export async function auditedRetract(request: AuditedRequest, reportId: string): Promise<RetractOutcome> {
  const { importer, audit } = request;
  let head: { seq: number; hash: string } | undefined;
  const outcome = await importer.retrying(() =>
    importer.db.writeTransaction(async (tx) => {
      const o = await importer.retractIn(tx, reportId, importerOf(request));
      const record = auditRecord(request, { returnedIds: [o.reportId], changedIds: o.changedIds, outcome: 'ok' });
      head = await audit.appendInTransaction(tx, record, undefined, request.auth);
      return o;
    }),
  );
  if (head) await audit.anchorHead(head);
  return outcome;
}

/** The entry of a request that wrote nothing in its own transaction (a failure, a dry run, an unchanged re-import). */
export function auditAfterwards(request: AuditedRequest, fields: { returnedIds: string[]; changedIds: string[]; outcome: string }): Promise<void> {
  return request.audit.append(auditRecord(request, fields), request.auth);
}
