/**
 * The statement store, read side. Every value of an entity or a link is stated by exactly one
 * report: a `STATES` relationship from the report to the entity's anchor (its name, aliases, dates,
 * country, …) or one relationship per report and link (its role, weight, dates, …). Queries return
 * only the statements of reports the caller may see; this module assembles them into the entity or
 * link the caller is shown. Nothing here reads a statement the query did not already filter.
 */

import { text } from './identity';

/** Statement bookkeeping that is not an entity or link property. */
export const STATEMENT_META = new Set([
  'report',
  'agency',
  'marking',
  'grade',
  'rank',
  'reportDate',
  'type',
  'label',
  'sortKey',
  'searchText',
  'nameClean',
  'id',
]);

/** Fields whose values accumulate over statements (every visible report's values). */
export const LIST_FIELDS = new Set(['aliases', 'nationalities', 'countries', 'commodities']);

const RELIABILITY = ['A', 'B', 'C', 'X'];

/** Orders evaluations best first: reliability A < B < C < X, then accuracy 1 < 2 < 3 < 4 (A1 = 0 … X4 = 15). */
export function gradeRank(grade: string): number {
  const r = RELIABILITY.indexOf(grade.slice(0, 1));
  const a = Number(grade.slice(1));
  return (r < 0 ? 3 : r) * 4 + (Number.isInteger(a) && a >= 1 && a <= 4 ? a - 1 : 3);
}

/** Evaluation of one source for one fact: source reliability and information accuracy, e.g. `B2`. */
export function grade(reliability: unknown, accuracy: unknown): string {
  return `${typeof reliability === 'string' ? reliability : 'X'}${typeof accuracy === 'number' ? accuracy : 4}`;
}

export type Statement = Record<string, unknown> & { report: string; grade: string; rank: number; reportDate?: string | null };

/** Best first: better grade, then the more recent report, then report id (deterministic). */
export function byAuthority(a: Statement, b: Statement): number {
  return a.rank - b.rank || String(b.reportDate ?? '').localeCompare(String(a.reportDate ?? '')) || (a.report < b.report ? -1 : a.report > b.report ? 1 : 0);
}

/** How much a spelling carries: diacritics and mixed case beat folded or shouted forms. */
function spellingRichness(s: string): number {
  const diacritics = s.normalize('NFD') !== s ? 2 : 0;
  const mixed = s !== s.toUpperCase() && s !== s.toLowerCase() ? 1 : 0;
  return diacritics + mixed;
}

/**
 * The display label among the visible statements' labels: the one stated by the most distinct
 * agencies, then the best grade, then the most reports, then the spelling with diacritics and
 * mixed case, then code-point order. Agencies come first so that one agency cannot relabel an
 * entity for everyone by restating it with a self-declared A1 grade: a name several agencies
 * report outweighs it. A statement without its agency (`agency` is joined from its report by the
 * queries) counts as an agency of its own.
 */
export function chooseLabel(statements: Array<Pick<Statement, 'rank'> & { label?: unknown; agency?: unknown; report?: unknown }>): string | undefined {
  const groups = new Map<string, { best: number; count: number; agencies: Set<string> }>();
  for (const s of statements) {
    if (typeof s.label !== 'string' || s.label === '') continue;
    const agency =
      typeof s.agency === 'string' && s.agency !== '' ? `agency:${s.agency.toUpperCase()}` : `report:${typeof s.report === 'string' ? s.report : ''}`;
    const g = groups.get(s.label);
    if (g) {
      g.best = Math.min(g.best, s.rank);
      g.count += 1;
      g.agencies.add(agency);
    } else groups.set(s.label, { best: s.rank, count: 1, agencies: new Set([agency]) });
  }
  let chosen: string | undefined;
  let key: number[] | undefined;
  for (const [label, g] of groups) {
    const k = [-g.agencies.size, g.best, -g.count, -spellingRichness(label)];
    const i = key ? k.findIndex((x, j) => x !== key![j]) : 0;
    if (!key || (i >= 0 ? k[i] < key[i] : label < chosen!)) {
      chosen = label;
      key = k;
    }
  }
  return chosen;
}

/** Merges statements into one set of properties: scalars from the best statement that states them, lists as a union. */
export function mergeStatements(statements: Statement[]): Record<string, unknown> {
  const ordered = [...statements].sort(byAuthority);
  const out: Record<string, unknown> = {};
  for (const s of ordered) {
    for (const [k, v] of Object.entries(s)) {
      if (STATEMENT_META.has(k) || v === null || v === undefined) continue;
      if (LIST_FIELDS.has(k) && Array.isArray(v)) {
        const acc = (out[k] as unknown[] | undefined) ?? [];
        for (const x of v) if (!acc.includes(x)) acc.push(x);
        out[k] = acc;
      } else if (!(k in out)) out[k] = v;
    }
  }
  return out;
}

export interface SourceRef {
  reportId: string;
  grade: string;
}

function sourcesOf(statements: Statement[]): SourceRef[] {
  return [...statements].sort(byAuthority).map((s) => ({ reportId: s.report, grade: s.grade }));
}

/** An entity as the caller sees it. */
export type EntityView = Record<string, unknown> & { id: string; type: string; label: string; sources: SourceRef[] };
/** A link (all visible reports' statements of it collapsed) as the caller sees it. */
export type LinkView = Record<string, unknown> & { id: string; type: string; fromId: string; toId: string; sources: SourceRef[] };

/** Reference data (countries) carry their properties on the anchor and have no statements. */
export function assembleEntity(anchor: Record<string, unknown> & { id: string; type: string }, statements: Statement[]): EntityView {
  if (statements.length === 0) {
    return { ...anchor, label: text(anchor.name) || anchor.id, sources: [] };
  }
  const props = mergeStatements(statements);
  const label = chooseLabel(statements) ?? (text(props.name) || anchor.id);
  if (typeof props.name === 'string') props.name = label;
  return { ...props, id: anchor.id, type: anchor.type, label, sources: sourcesOf(statements) };
}

export function assembleLink(link: { id: string; type: string; fromId: string; toId: string }, statements: Statement[]): LinkView {
  return { ...mergeStatements(statements), id: link.id, type: link.type, fromId: link.fromId, toId: link.toId, sources: sourcesOf(statements) };
}

/** Label of one statement: its name, or for seizures a description of what was seized. */
export function statementLabel(type: string, p: Record<string, unknown>): string {
  if (type === 'Seizure') {
    const amount = p.quantity !== undefined ? `${text(p.quantity)} ${text(p.unit)} `.replace('  ', ' ') : '';
    return `${amount}${text(p.commodity).toLowerCase()}${p.date ? ` (${text(p.date)})` : ''}`.trim();
  }
  return text(p.name);
}
