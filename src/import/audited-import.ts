import { AuditLog, AuditMarking, AuditRecord, markingOfReport, redactVariables } from '../audit/audit-log';
import { Principal, VisibilityParams } from '../auth/principal';
import { ImportOutcome, Importer, ReportImporter, ReportMarking, RetractOutcome } from './importer';

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
}

/** The outcome, and whether its audit entry was written in its transaction (false: a dry run, audited afterwards). */
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

/**
 * The marking of an import's or a retraction's entry, on both paths: the report's, as written and
 * as it was (a revision, a retraction). Everything the entry names (the report's id, the ids of the
 * entities it states or stated) was known under these, so no other report's marking is needed;
 * `appendInTransaction` raises it to the requester's marking and the document's declared one.
 */
function entryMarking(marked: ReportMarking[]): AuditMarking {
  const each = marked.map((m) => markingOfReport(m.level, m.releasableTo));
  return {
    classificationLevel: Math.max(0, ...each.map((m) => m.classificationLevel)),
    releasability: [...new Set(each.flatMap((m) => m.releasability))].sort(),
  };
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
    head = await audit.appendInTransaction(tx, record, entryMarking(o.marked), request.auth);
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
      head = await audit.appendInTransaction(tx, record, entryMarking(o.marked), request.auth);
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
