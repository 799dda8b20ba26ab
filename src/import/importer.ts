import { releasableToCaller } from '../auth/markings';
import neo4j, { ManagedTransaction } from 'neo4j-driver';
import { CLEARANCES } from '../auth/principal';
import { cypher } from '../db/cypher';
import { Database } from '../db/database';
import { BadInputError, forbidden } from '../graphql/errors';
import { VisibilityParams } from '../auth/principal';
import { DATE_FIELDS, LINK_DATE_FIELDS } from '../domain/vocabulary';
import { applyProps, withDerived } from '../domain/claims';
import { contentHash, ImportPlan, planImport, PlannedLink, PlannedNode } from './plan';
import { ReportDocument, validateReport } from './validate';

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
  nodes: Counts;
  links: Counts;
  entities: Array<{ ref: string; id: string }>;
  changedIds: string[];
}

const BATCH = 5000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/** Dates travel to Neo4j as DATE values; everything else as is. */
function toStored(props: Record<string, unknown>, dateFields: string[]): Record<string, unknown> {
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

function canonical(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x && typeof x === 'object') {
      return Object.fromEntries(Object.keys(x as object).sort().map((k) => [k, norm((x as Record<string, unknown>)[k])]));
    }
    return x;
  };
  return JSON.stringify(norm(v));
}

/**
 * Adds this report to a fact's sources (or restates it), keeping `grades[i]` (its evaluation) and
 * `claims[i]` (the JSON of the properties it asserted) parallel to `sources[i]`.
 */
function withSource(existing: Record<string, unknown> | undefined, reportId: string, grade: string, props: Record<string, unknown>) {
  const sources = [...((existing?.sources as string[]) ?? [])];
  const grades = [...((existing?.grades as string[]) ?? [])];
  const claims = [...((existing?.claims as string[]) ?? [])];
  const claim = JSON.stringify(props);
  const at = sources.indexOf(reportId);
  if (at >= 0) {
    grades[at] = grade;
    claims[at] = claim;
  } else {
    sources.push(reportId);
    grades.push(grade);
    claims.push(claim);
  }
  return { sources, grades, claims };
}

export function mergeNode(existing: Record<string, unknown> | undefined, node: PlannedNode, reportId: string): Record<string, unknown> {
  const merged = applyProps({ ...existing }, node.props);
  merged.id = node.id;
  merged.type = node.type;
  withDerived(node.type, merged);
  return Object.assign(merged, withSource(existing, reportId, node.grade, node.props));
}

export function mergeLink(existing: Record<string, unknown> | undefined, link: PlannedLink, reportId: string): Record<string, unknown> {
  return { ...existing, ...link.props, id: link.id, ...withSource(existing, reportId, link.grade, link.props) };
}

/**
 * Imports one report document: validates it completely (every problem with its path, nothing
 * written on failure), then writes it in ONE transaction. Re-importing the same content changes
 * nothing; a changed document with the same report id replaces the earlier version.
 */
export class ReportImporter {
  constructor(private readonly db: Database) {}

  validate(doc: unknown): ReportDocument {
    const problems = validateReport(doc);
    if (problems.length > 0) {
      throw new BadInputError(problems, `The report has ${problems.length} problem(s): ${problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ')}${problems.length > 5 ? '; …' : ''}`);
    }
    return doc as ReportDocument;
  }

  /**
   * `loader`, when given (the GraphQL path), is the importing caller's need-to-know: they may not
   * import a report classified above their clearance, nor revise a report they could not read.
   */
  async import(doc: unknown, importedBy = 'system', loader?: VisibilityParams): Promise<ImportOutcome> {
    const report = this.validate(doc);
    if (loader && CLEARANCES.indexOf(report.report.classification as (typeof CLEARANCES)[number]) > loader.clearance) {
      throw forbidden('You may not import a report classified above your clearance.');
    }
    const plan = planImport(report);
    const hash = contentHash(report);
    return this.db.writeTransaction((tx) => this.write(tx, report, plan, hash, importedBy, loader));
  }

  private async write(tx: ManagedTransaction, doc: ReportDocument, plan: ImportPlan, hash: string, importedBy: string, loader?: VisibilityParams): Promise<ImportOutcome> {
    const db = this.db;
    const [previous] = await db.runIn<{ hash: string; level: number; releasableTo: string[] }>(tx, cypher('import-report-hash'), { id: plan.reportId });
    if (previous && loader && !(previous.level <= loader.clearance && releasableToCaller(previous.releasableTo, loader))) {
      // Same answer whatever the hidden report is: its id is taken, nothing more.
      throw new BadInputError([{ path: 'report.id', message: 'is already used by another report' }]);
    }
    const outcome: ImportOutcome = {
      reportId: plan.reportId,
      alreadyImported: false,
      revised: false,
      nodes: { created: 0, updated: 0, unchanged: 0 },
      links: { created: 0, updated: 0, unchanged: 0 },
      entities: plan.refs,
      changedIds: [],
    };
    if (previous?.hash === hash) {
      outcome.alreadyImported = true;
      outcome.nodes.unchanged = plan.nodes.length;
      outcome.links.unchanged = plan.links.length;
      return outcome;
    }
    if (previous) {
      outcome.revised = true;
      await db.runIn(tx, cypher('import-retract-links'), { id: plan.reportId });
      await db.runIn(tx, cypher('import-retract-nodes'), { id: plan.reportId });
    }

    const r = doc.report;
    await db.runIn(tx, cypher('import-report-upsert'), {
      report: toStored(
        {
          id: r.id,
          title: r.title,
          date: r.date,
          agency: r.agency.toUpperCase(),
          classification: r.classification,
          classificationLevel: CLEARANCES.indexOf(r.classification as (typeof CLEARANCES)[number]),
          releasableTo: (r.releasableTo ?? []).map((x) => x.toUpperCase()),
          handlingCodes: r.handlingCodes ?? [],
          handlingNote: r.handlingNote,
          sourceReliability: r.sourceReliability,
          informationAccuracy: r.informationAccuracy,
          contentHash: hash,
          importedBy,
          importedAt: new Date().toISOString(),
          entityCount: plan.nodes.length,
          linkCount: plan.links.length,
        },
        ['date'],
      ),
    });

    // Nodes, then links: read what exists, merge in TypeScript, write only what changed.
    const readExisting = async (query: string, keys: Array<Record<string, unknown>>) => {
      const existing = new Map<string, Record<string, unknown>>();
      for (const rows of chunks(keys)) {
        for (const row of await db.runIn<{ id: string; props: Record<string, unknown> }>(tx, cypher(query), { rows })) existing.set(row.id, row.props);
      }
      return existing;
    };
    /** Counts created/updated/unchanged and returns the facts to write with their merged properties. */
    const diff = <T extends { id: string }>(items: T[], existing: Map<string, Record<string, unknown>>, merge: (before: Record<string, unknown> | undefined, item: T) => Record<string, unknown>, counts: Counts) =>
      items.flatMap((item) => {
        const before = existing.get(item.id);
        const after = merge(before, item);
        if (!before) counts.created += 1;
        else if (canonical(before) === canonical(after)) {
          counts.unchanged += 1;
          return [];
        } else counts.updated += 1;
        return [{ item, after }];
      });

    const existingNodes = await readExisting('import-existing-nodes', plan.nodes.map((n) => ({ id: n.id })));
    const nodeRows = diff(plan.nodes, existingNodes, (before, node) => mergeNode(before, node, plan.reportId), outcome.nodes).map(({ item, after }) => {
      outcome.changedIds.push(item.id);
      return { id: item.id, type: item.type, props: toStored(after, DATE_FIELDS) };
    });
    for (const rows of chunks(nodeRows)) await db.runIn(tx, cypher('import-write-nodes'), { rows });
    for (const rows of chunks(plan.nodes.map((n) => ({ id: n.id, grade: n.grade })))) {
      await db.runIn(tx, cypher('import-asserts'), { reportId: plan.reportId, rows });
    }

    const existingLinks = await readExisting('import-existing-links', plan.links.map((l) => ({ id: l.id, from: l.from, to: l.to })));
    const linkRows = diff(plan.links, existingLinks, (before, link) => mergeLink(before, link, plan.reportId), outcome.links).map(({ item, after }) => ({
      id: item.id,
      type: item.type,
      from: item.from,
      to: item.to,
      props: toStored(after, LINK_DATE_FIELDS),
    }));
    for (const rows of chunks(linkRows)) await db.runIn(tx, cypher('import-write-links'), { rows });
    return outcome;
  }
}
