import neo4j, { ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { releasableToCaller } from '../auth/markings';
import { CLEARANCES, VisibilityParams } from '../auth/principal';
import { cypher } from '../db/cypher';
import { Database } from '../db/database';
import { configuredIdentitySecret } from '../domain/identity-secret';
import { cleanName, sortKeyOf } from '../domain/identity';
import { searchText } from '../domain/lucene';
import { gradeRank, statementLabel } from '../domain/statements';
import { DATE_FIELDS, LINK_DATE_FIELDS, UNDIRECTED_LINKS } from '../domain/vocabulary';
import { AppError, BadInputError, ErrorCode, forbidden, Problem } from '../errors';
import { canonicalJson, contentHash, ImportPlan, linkId, planImport } from './plan';
import { ReportDocument, validateReport } from './validate';
import { ImportWarning, importWarnings } from './warnings';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportOutcome {
  reportId: string;
  /** True when the same report (same content) had been imported before: nothing was written. */
  alreadyImported: boolean;
  /** True when an earlier, different version of the report was replaced. */
  revised: boolean;
  /** True for a dry run (`validateOnly`): every check ran, nothing was written. */
  dryRun: boolean;
  nodes: Counts;
  links: Counts;
  /** A revision: the entity statements and the links the earlier version stated and this one no longer does. */
  removed: { statements: number; links: number };
  entities: Array<{ ref: string; id: string }>;
  changedIds: string[];
  /** What the document itself lacks for a sure identity (never refuses the import): see `importWarnings`. */
  warnings: ImportWarning[];
  /** The markings of what the import touched: the report as written, and its earlier version (a revision). */
  marked: ReportMarking[];
}

/** A report's classification level and the `releasableTo` it declares (its audit entry's marking). */
export interface ReportMarking {
  level: number;
  releasableTo: string[];
}

export interface RetractOutcome {
  reportId: string;
  statements: number;
  links: number;
  changedIds: string[];
  /** The marking of the retracted report: its ids and its entities' were known under it. */
  marked: ReportMarking[];
}

/**
 * Who is importing: their need-to-know (import counts are computed over what they can see), their
 * agency (a report belongs to its agency) and whether they are an admin. Absent for trusted
 * in-process imports (the demo seed), which act as a system admin that sees everything.
 */
export interface Importer {
  auth: VisibilityParams;
  agency: string;
  admin: boolean;
}

const BATCH = 5000;
const MAX_ATTEMPTS = 8;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/** Dates travel to Neo4j as DATE values; everything else as is. */
function toStored(props: Record<string, unknown>, dateFields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    if (dateFields.includes(k) && typeof v === 'string') {
      const [y, m, d] = v.split('-').map(Number);
      out[k] = new neo4j.types.Date(y, m, d);
    } else out[k] = v;
  }
  return out;
}

/**
 * A write step wrote fewer rows than it meant to (an anchor deleted under the import by a concurrent
 * retraction's or revision's orphan clean-up, say): the transaction is rolled back and the whole
 * import retried, never acknowledged. After the last attempt the caller is told to try again.
 */
export class WriteConflictError extends AppError {
  constructor(step: string, intended: number, written: number) {
    super(
      `A concurrent change got in the way of this import (${step}: ${written} of ${intended} rows written); nothing was written. Try again.`,
      ErrorCode.DATABASE_UNAVAILABLE,
    );
    this.name = 'WriteConflictError';
  }
}

/** Checks the rows a write step reports against the rows it was given. */
function expectWritten(step: string, intended: number, rows: Array<{ written: unknown }>): void {
  const written = Number(rows[0]?.written ?? 0);
  if (written !== intended) throw new WriteConflictError(step, intended, written);
}

/** Errors after which the whole import is simply run again (it is idempotent). */
function isRetryable(err: unknown): boolean {
  if (err instanceof WriteConflictError) return true;
  const code = (err as Neo4jError)?.code ?? '';
  return (
    code.startsWith('Neo.TransientError.') ||
    code === 'Neo.ClientError.Statement.EntityNotFound' ||
    code === 'Neo.ClientError.Schema.ConstraintValidationFailed'
  );
}

export interface ImportOptions {
  /** Run every check and roll back: the outcome says what would change. */
  validateOnly?: boolean;
}

/** A validated document, the caller's right to import it checked, and its statements planned. */
export interface PreparedImport {
  report: ReportDocument;
  plan: ImportPlan;
  hash: string;
}

/** Thrown inside a dry run's transaction to roll it back with the outcome it would have had. */
class DryRun extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('dry run');
  }
}

/**
 * The marking of a report: its classification level and the set it is releasable to. The owning
 * agency always sees and manages its own reports, so a report releasable to a list that leaves
 * its own agency out is marked releasable to that agency as well (a report releasable to
 * everyone needs nothing added). The report keeps the `releasableTo` its document declared.
 */
export function markingOf(level: number, releasableTo: string[], owner?: string): { key: string; level: number; releasableTo: string[] } {
  const codes = releasableTo.map((x) => x.toUpperCase());
  if (owner && codes.length > 0) codes.push(owner.toUpperCase());
  const sorted = [...new Set(codes)].sort();
  return { key: `${level}|${sorted.join(',')}`, level, releasableTo: sorted };
}

/**
 * Imports operation reports into the statement store. A report owns its statements: an import
 * writes only that report's STATES relationships and link relationships, a revision replaces only
 * them, a retraction removes only them; entities are shared identity anchors created with MERGE
 * under uniqueness constraints, so concurrent loaders converge and never overwrite each other.
 */
export class ReportImporter {
  constructor(
    readonly db: Database,
    private readonly identitySecret: string = configuredIdentitySecret(),
  ) {}

  validate(doc: unknown): ReportDocument {
    const problems = validateReport(doc);
    if (problems.length > 0) throw invalid(problems);
    return doc as ReportDocument;
  }

  /**
   * Validates the whole document (every problem with its path, nothing written on failure), then
   * writes it in ONE transaction, retried as a whole on deadlocks and transient errors. With
   * `validateOnly`, everything runs and the transaction is rolled back: the answer says what would
   * have been created, updated or unchanged.
   */
  async import(doc: unknown, importedBy = 'system', caller?: Importer, options: ImportOptions = {}): Promise<ImportOutcome> {
    const prepared = this.prepare(doc, caller);
    return this.transaction((tx) => this.writeIn(tx, prepared, importedBy, caller, options.validateOnly ?? false));
  }

  /**
   * Runs `work` in ONE write transaction, retried as a whole on deadlocks and transient errors; a
   * dry run's rollback (thrown by `writeIn`) answers the outcome it would have had. The audited
   * import (src/import/audited-import.ts) owns its transaction this way: it writes the import with
   * `writeIn`, then its audit entry, in the same transaction.
   */
  async transaction(work: (tx: ManagedTransaction) => Promise<ImportOutcome>): Promise<ImportOutcome> {
    return this.retrying(async () => {
      try {
        return await this.db.writeTransaction(work);
      } catch (err) {
        if (err instanceof DryRun) return err.outcome;
        throw err;
      }
    });
  }

  /** Writes one prepared report in `tx` (a dry run throws its outcome, to roll back: see `transaction`). */
  writeIn(tx: ManagedTransaction, prepared: PreparedImport, importedBy: string, caller: Importer | undefined, dryRun: boolean): Promise<ImportOutcome> {
    return this.write(tx, prepared.report, prepared.plan, prepared.hash, importedBy, caller, dryRun);
  }

  /** Validates a document and the caller's right to import it, and plans its statements. */
  prepare(doc: unknown, caller?: Importer): PreparedImport {
    const report = this.validate(doc);
    const level = CLEARANCES.indexOf(report.report.classification as (typeof CLEARANCES)[number]);
    if (caller && level > caller.auth.clearance) throw forbidden('You may not import a report classified above your clearance.');
    if (caller && !caller.admin && report.report.agency.toUpperCase() !== caller.agency.toUpperCase()) {
      throw forbidden(`A report belongs to its agency: only loaders of ${report.report.agency.toUpperCase()} (or an admin) may import it.`);
    }
    return { report, plan: planImport(report, this.identitySecret), hash: contentHash(report) };
  }

  /**
   * The bulk path: many reports, each still atomic and idempotent, with every problem reported per
   * report. Valid reports are written in groups of up to `batchSize` per transaction (one commit
   * for many small reports); when anything in a group fails, the group is rolled back and its
   * reports are written one by one, so that one bad report costs only itself. Up to `concurrency`
   * groups are written at once, but never two that share a report or an entity (they would only
   * wait on each other's locks). Documents are consumed as they come (a stream of JSON Lines).
   */
  async importMany(
    docs: AsyncIterable<{ doc: unknown; where: string }> | Iterable<{ doc: unknown; where: string }>,
    onResult: (where: string, result: ImportOutcome | Error, doc: unknown) => void,
    options: { importedBy?: string; caller?: Importer; validateOnly?: boolean; batchSize?: number; concurrency?: number } = {},
  ): Promise<void> {
    const batchSize = options.batchSize ?? 50;
    const concurrency = options.concurrency ?? 2;
    const importedBy = options.importedBy ?? 'system';
    type Item = { where: string; doc: unknown; prepared: ReturnType<ReportImporter['prepare']>; keys: string[] };
    const inFlight = new Set<Promise<void>>();
    const locked = new Set<string>();

    const writeOne = async (item: Item) => {
      try {
        onResult(item.where, await this.import(item.doc, importedBy, options.caller, { validateOnly: options.validateOnly }), item.doc);
      } catch (err) {
        onResult(item.where, err as Error, item.doc);
      }
    };
    const writeGroup = async (group: Item[]) => {
      if (group.length === 1 || options.validateOnly) {
        for (const item of group) await writeOne(item);
        return;
      }
      try {
        const outcomes = await this.retrying(() =>
          this.db.writeTransaction(async (tx) => {
            const out: ImportOutcome[] = [];
            for (const { prepared } of group) out.push(await this.write(tx, prepared.report, prepared.plan, prepared.hash, importedBy, options.caller, false));
            return out;
          }),
        );
        group.forEach((item, i) => onResult(item.where, outcomes[i], item.doc));
      } catch {
        for (const item of group) await writeOne(item);
      }
    };
    const launch = async (group: Item[]) => {
      const keys = group.flatMap((g) => g.keys);
      while (inFlight.size >= concurrency || keys.some((k) => locked.has(k))) await Promise.race(inFlight);
      keys.forEach((k) => locked.add(k));
      const running: Promise<void> = writeGroup(group).finally(() => {
        keys.forEach((k) => locked.delete(k));
        inFlight.delete(running);
      });
      inFlight.add(running);
    };

    let group: Item[] = [];
    const groupKeys = new Set<string>();
    for await (const { doc, where } of docs) {
      let prepared: Item['prepared'];
      try {
        prepared = this.prepare(doc, options.caller);
      } catch (err) {
        onResult(where, err as Error, doc);
        continue;
      }
      const keys = [`report:${prepared.plan.reportId}`, ...prepared.plan.nodes.map((n) => n.id)];
      // the same report twice in one group would be its own revision inside one transaction
      if (groupKeys.has(keys[0]) || group.length >= batchSize) {
        await launch(group);
        group = [];
        groupKeys.clear();
      }
      group.push({ where, doc, prepared, keys });
      keys.forEach((k) => groupKeys.add(k));
    }
    if (group.length > 0) await launch(group);
    await Promise.all(inFlight);
  }

  /**
   * Removes every statement of a report (owner agency or admin within clearance), in one
   * transaction retried as a whole (the audited retraction runs `retractIn` in a transaction of its
   * own, with its audit entry: src/import/audited-import.ts).
   */
  async retract(reportId: string, caller?: Importer): Promise<RetractOutcome> {
    return this.retrying(() => this.db.writeTransaction((tx) => this.retractIn(tx, reportId, caller)));
  }

  /** The retraction's statements in `tx` (see `retract`). */
  async retractIn(tx: ManagedTransaction, reportId: string, caller?: Importer): Promise<RetractOutcome> {
    const [lock] = await this.db.runIn<LockRow>(tx, cypher('import-report-lock'), { id: reportId });
    if (lock.fresh) throw new BadInputError([{ path: 'id', message: 'no such report' }]);
    // a report the caller cannot read answers exactly as an unknown one
    this.checkOwnership(lock, caller, 'id', 'no such report');
    const links = await this.db.runIn<{ id: string }>(tx, cypher('import-retract-links'), { id: reportId });
    const statements = await this.db.runIn<{ id: string }>(tx, cypher('import-retract-statements'), { id: reportId });
    const touched = [...new Set(statements.map((s) => s.id))].sort();
    await this.db.runIn(tx, cypher('import-orphans'), { ids: touched });
    await this.db.runIn(tx, cypher('import-retract-report'), { id: reportId });
    return {
      reportId,
      statements: statements.length,
      links: links.length,
      changedIds: touched,
      marked: [{ level: lock.level ?? 0, releasableTo: lock.releasableTo }],
    };
  }

  /** Runs `work` again (it is idempotent) after deadlocks, transient errors and write conflicts. */
  async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** Math.min(attempt, 6)));
      }
    }
  }

  /**
   * An existing report may be revised or retracted only by its agency's loaders, or by an admin,
   * within their clearance and releasability (the owning agency is always within it, whatever
   * the report's releasableTo says). A report the caller cannot read answers exactly like a taken
   * id, whatever it holds.
   */
  private checkOwnership(lock: LockRow, caller: Importer | undefined, path: string, hidden = 'is already used by another report') {
    if (!caller || lock.fresh) return;
    const owner = lock.agency !== null && lock.agency === caller.agency.toUpperCase();
    const readable = (lock.level ?? 0) <= caller.auth.clearance && (owner || releasableToCaller(lock.releasableTo, caller.auth));
    if (!readable) throw new BadInputError([{ path, message: hidden }]);
    if (!caller.admin && lock.agency !== caller.agency.toUpperCase()) {
      throw forbidden(`Report ${path === 'id' ? '' : 'id '}belongs to ${lock.agency}: only its loaders (or an admin) may change it.`);
    }
  }

  private async write(
    tx: ManagedTransaction,
    doc: ReportDocument,
    plan: ImportPlan,
    hash: string,
    importedBy: string,
    caller: Importer | undefined,
    dryRun: boolean,
  ): Promise<ImportOutcome> {
    const db = this.db;
    const [lock] = await db.runIn<LockRow>(tx, cypher('import-report-lock'), { id: plan.reportId });
    this.checkOwnership(lock, caller, 'report.id');
    const r = doc.report;
    const level = CLEARANCES.indexOf(r.classification as (typeof CLEARANCES)[number]);
    const releasableTo = (r.releasableTo ?? []).map((x) => x.toUpperCase());
    const outcome: ImportOutcome = {
      reportId: plan.reportId,
      alreadyImported: false,
      revised: false,
      dryRun,
      nodes: { created: 0, updated: 0, unchanged: 0 },
      links: { created: 0, updated: 0, unchanged: 0 },
      removed: { statements: 0, links: 0 },
      entities: plan.refs,
      changedIds: [],
      warnings: importWarnings(doc),
      // a revision's dropped statements were known under the earlier version's marking
      marked: [{ level, releasableTo }, ...(lock.fresh ? [] : [{ level: lock.level ?? 0, releasableTo: lock.releasableTo }])],
    };
    if (!lock.fresh && lock.hash === hash) {
      outcome.alreadyImported = true;
      outcome.nodes.unchanged = plan.nodes.length;
      outcome.links.unchanged = plan.links.length;
      // The ids the report's entities have (an anchor may predate a change of IDENTITY_SECRET).
      const anchors = await db.runIn<{ ref: string; id: string }>(tx, cypher('import-anchor-ids'), {
        id: plan.reportId,
        refs: plan.nodes.map((n) => ({ ref: n.ref ?? '', id: n.id, key: n.key ?? null })),
      });
      const actual = new Map(anchors.map((a) => [a.ref, a.id]));
      outcome.entities = plan.refs.map((r) => ({ ref: r.ref, id: actual.get(r.ref) ?? r.id }));
      if (dryRun) throw new DryRun(outcome);
      return outcome;
    }
    outcome.revised = !lock.fresh;

    const marking = markingOf(level, releasableTo, r.agency);

    // What the caller could already see through other reports (their view decides the counts).
    const auth = caller?.auth ?? null;
    const [before] = await db.runIn<{ nodes: string[]; links: string[] }>(tx, cypher('import-visible-before'), {
      auth,
      everything: auth === null,
      reportId: plan.reportId,
      nodeIds: plan.nodes.map((n) => n.id),
      links: plan.links.map((l) => ({ id: l.id, type: l.type, from: l.from, to: l.to })),
    });
    const seenBefore = { nodes: new Set(before?.nodes ?? []), links: new Set(before?.links ?? []) };

    // A revision: this report's earlier statements go (and are compared with the new ones).
    const previous = { nodes: new Map<string, string>(), links: new Map<string, string>() };
    if (!lock.fresh) {
      for (const l of await db.runIn<{ id: string; props: Record<string, unknown> }>(tx, cypher('import-retract-links'), { id: plan.reportId }))
        previous.links.set(l.id, canonicalJson(l.props));
      for (const s of await db.runIn<{ id: string; props: Record<string, unknown> }>(tx, cypher('import-retract-statements'), { id: plan.reportId }))
        previous.nodes.set(s.id, canonicalJson(s.props));
    }

    const reportDate = r.date;
    const reportWritten = await db.runIn<{ written: number }>(tx, cypher('import-report-write'), {
      marking,
      report: toStored(
        {
          id: r.id,
          title: r.title,
          date: r.date,
          agency: r.agency.toUpperCase(),
          classification: r.classification,
          classificationLevel: level,
          releasableTo,
          marking: marking.key,
          handlingCodes: r.handlingCodes ?? [],
          handlingNote: r.handlingNote,
          sourceReliability: r.sourceReliability,
          informationAccuracy: r.informationAccuracy,
          contentHash: hash,
          // counts revisions: part of the data version analysis caches key on
          revision: lock.fresh ? 0 : lock.revision + 1,
          importedBy,
          importedAt: new Date().toISOString(),
          entityCount: plan.nodes.length,
          linkCount: plan.links.length,
        },
        ['date'],
      ),
    });
    expectWritten('import-report-write', 1, reportWritten);

    // Anchors: converge on existing entities; refuse loader ids of another type or of a country.
    // In id order, as the orphan clean-up locks them: two writers lock shared anchors in one order.
    const anchorRows = plan.nodes
      .map((n) => ({ ref: n.ref ?? n.id, id: n.id, key: n.key ?? null, type: n.type }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const remap = new Map<string, string>();
    const problems: Problem[] = [];
    const refIndex = new Map(doc.entities.map((e, i) => [e.ref, i]));
    const plannedByRef = new Map(plan.nodes.map((n) => [n.ref ?? n.id, n]));
    for (const [query, rows] of [
      ['import-anchors', anchorRows.filter((x) => x.key !== null)],
      ['import-anchors-by-id', anchorRows.filter((x) => x.key === null)],
    ] as const) {
      for (const batch of chunks(rows)) {
        const anchors = await db.runIn<{ ref: string; planned: string; id: string; type: string; country: boolean }>(tx, cypher(query), { rows: batch });
        expectWritten(query, batch.length, [{ written: anchors.length }]);
        for (const a of anchors) {
          const planned = plannedByRef.get(a.ref);
          if (a.country || a.type !== planned?.type) {
            problems.push({
              path: `entities[${refIndex.get(a.ref) ?? '?'}].id`,
              message: a.country
                ? 'names a country: countries are reference data that no report restates'
                : `names an entity of another type (not a ${planned?.type})`,
            });
          } else if (a.id !== a.planned) remap.set(a.planned, a.id);
        }
      }
    }
    if (problems.length > 0) throw invalid(problems);
    const idOf = (id: string) => remap.get(id) ?? id;
    outcome.entities = plan.refs.map((x) => ({ ref: x.ref, id: idOf(x.id) }));

    const base = { report: plan.reportId, marking: marking.key, reportDate };
    const statementRows = plan.nodes.map((n) => {
      const label = statementLabel(n.type, n.props);
      const plain: Record<string, unknown> = {
        ...n.props,
        ...base,
        grade: n.grade,
        rank: gradeRank(n.grade),
        type: n.type,
        label,
        sortKey: sortKeyOf(label),
        // what the full-text index `statement_search` holds: the folded words of the name and aliases
        ...(typeof n.props.name === 'string' || Array.isArray(n.props.aliases)
          ? { searchText: searchText([n.props.name, ...((n.props.aliases as string[]) ?? [])]) }
          : {}),
        ...(typeof n.props.name === 'string' ? { nameClean: [n.props.name, ...((n.props.aliases as string[]) ?? [])].map(cleanName) } : {}),
      };
      if (Array.isArray(plain.legs)) plain.legs = (plain.legs as string[]).map(idOf);
      if (typeof plain.location === 'string') plain.location = idOf(plain.location);
      return { id: idOf(n.id), plain };
    });
    for (const rows of chunks(statementRows)) {
      const written = await db.runIn<{ written: number }>(tx, cypher('import-statements'), {
        reportId: plan.reportId,
        rows: rows.map((s) => ({ id: s.id, props: toStored(s.plain, [...DATE_FIELDS, 'reportDate']) })),
      });
      expectWritten('import-statements', rows.length, written);
    }
    const linkRows = plan.links.map((l) => {
      const [from, to] = [idOf(l.from), idOf(l.to)];
      const [a, b] = UNDIRECTED_LINKS.has(l.type) && from > to ? [to, from] : [from, to];
      const id = linkId(l.type, a, b);
      return { id, type: l.type, from: a, to: b, plain: { ...l.props, ...base, id, grade: l.grade, rank: gradeRank(l.grade) } };
    });
    for (const rows of chunks(linkRows)) {
      const written = await db.runIn<{ written: number }>(tx, cypher('import-links'), {
        rows: rows.map((l) => ({ type: l.type, from: l.from, to: l.to, props: toStored(l.plain, [...LINK_DATE_FIELDS, 'reportDate']) })),
      });
      expectWritten('import-links', rows.length, written);
    }

    // Entities this report no longer states may now be stated by no report at all.
    const kept = new Set(statementRows.map((s) => s.id));
    const dropped = [...previous.nodes.keys()].filter((id) => !kept.has(id)).sort();
    if (dropped.length > 0) await db.runIn(tx, cypher('import-orphans'), { ids: dropped });

    // Counts over the caller's view: unchanged = stated before by this report exactly so.
    const tally = (counts: Counts, id: string, prev: Map<string, string>, now: Record<string, unknown>, seen: Set<string>): boolean => {
      const p = prev.get(id);
      if (p !== undefined && p === canonicalJson(toComparable(now))) {
        counts.unchanged += 1;
        return false;
      }
      if (p !== undefined || seen.has(id)) counts.updated += 1;
      else counts.created += 1;
      return true;
    };
    for (const s of statementRows) if (tally(outcome.nodes, s.id, previous.nodes, s.plain, seenBefore.nodes)) outcome.changedIds.push(s.id);
    for (const l of linkRows) tally(outcome.links, l.id, previous.links, l.plain, seenBefore.links);
    outcome.changedIds.push(...dropped);
    const keptLinks = new Set(linkRows.map((l) => l.id));
    outcome.removed = { statements: dropped.length, links: [...previous.links.keys()].filter((id) => !keptLinks.has(id)).length };
    if (dryRun) throw new DryRun(outcome);
    return outcome;
  }
}

interface LockRow {
  fresh: boolean;
  hash: string | null;
  level: number | null;
  releasableTo: string[];
  agency: string | null;
  marking: string | null;
  revision: number;
}

/** Statement properties as they read back from the database (no undefined values). */
function toComparable(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined && v !== null));
}

function invalid(problems: Problem[]): BadInputError {
  return new BadInputError(
    problems,
    `The report has ${problems.length} problem(s): ${problems
      .slice(0, 5)
      .map((p) => `${p.path}: ${p.message}`)
      .join('; ')}${problems.length > 5 ? '; …' : ''}`,
  );
}
