/**
 * The graph an export file is written from: a `neighbourhood`-shaped answer (nodes and edges, as
 * the GraphQL API returns them to the caller) with each source's report metadata resolved.
 * Every writer in this folder is a pure function from an ExportGraph to text.
 */
import { CLEARANCES } from '../auth/principal';
import { gradeRank } from '../domain/statements';

export interface ExportSource {
  reportId: string;
  title?: string | null;
  agency?: string | null;
  date?: string | null;
  classification?: string | null;
  handlingCodes?: string[] | null;
  /** Source reliability (A, B, C, X) and information accuracy (1-4). */
  sourceReliability: string;
  informationAccuracy: number;
}

export interface ExportNode {
  id: string;
  type: string;
  label: string;
  properties: Record<string, unknown>;
  sources: ExportSource[];
}

export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  directed: boolean;
  properties: Record<string, unknown>;
  sources: ExportSource[];
}

export interface ExportGraph {
  /** What the file holds, e.g. `neighbourhood of <id>, depth 2`. */
  title: string;
  generatedAt: string;
  /** Subject of the caller who exported it. */
  exportedBy: string;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

export const UNCLASSIFIED = CLEARANCES[0];

/** The highest of some classifications (unknown ones rank highest, so nothing is under-marked). */
export function highest(classifications: Array<string | null | undefined>): string {
  let best: string = UNCLASSIFIED;
  let rank = 0;
  for (const c of classifications) {
    if (!c) continue;
    const r = (CLEARANCES as readonly string[]).indexOf(c);
    const effective = r < 0 ? CLEARANCES.length : r;
    if (effective > rank) {
      rank = effective;
      best = c;
    }
  }
  return best;
}

/** An element carries the highest classification of the reports that assert it. */
export const classificationOf = (sources: ExportSource[]): string => highest(sources.map((s) => s.classification));

/** A file carries the highest classification of everything in it. */
export const graphClassification = (g: ExportGraph): string => highest([...g.nodes, ...g.edges].map((e) => classificationOf(e.sources)));

export const gradeOf = (s: ExportSource): string => `${s.sourceReliability}${s.informationAccuracy}`;

/** The best evaluation among the sources (reliability first, then accuracy), or '' when none. */
export function bestGrade(sources: ExportSource[]): string {
  const grades = sources.map(gradeOf);
  return grades.length ? grades.reduce((best, g) => (gradeRank(g) < gradeRank(best) ? g : best)) : '';
}

/** "who says so?" as one line: `REPORT-ID (AGENCY, 2021-08-19, B2, RESTRICTED, H1)` joined by "; ". */
export function provenanceText(sources: ExportSource[]): string {
  return sources
    .map((s) => `${s.reportId} (${[s.agency, s.date, gradeOf(s), s.classification, ...(s.handlingCodes ?? [])].filter(Boolean).join(', ')})`)
    .join('; ');
}

const uniq = (xs: Array<string | null | undefined>) => [...new Set(xs.filter((x): x is string => !!x))];
export const reportIdsOf = (sources: ExportSource[]) => uniq(sources.map((s) => s.reportId));
export const agenciesOf = (sources: ExportSource[]) => uniq(sources.map((s) => s.agency));

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The time an entity or link is dated to, if any: [start, end] as ISO dates. */
export function periodOf(el: { properties: Record<string, unknown> }): { start?: string; end?: string } {
  const p = el.properties;
  const start = str(p.startDate) ?? str(p.since) ?? str(p.date);
  const end = str(p.endDate) ?? str(p.until) ?? str(p.date);
  return { start, end: end ?? undefined };
}

/** Properties as flat scalar columns: arrays joined by "; ", objects as JSON. */
export function flatProperties(props: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('; ');
    else out[k] = JSON.stringify(v);
  }
  return out;
}

export type AttrType = 'string' | 'double' | 'boolean';

export interface AttributeColumn {
  /** The name written in the file. */
  name: string;
  type: AttrType;
  value: (el: ExportNode | ExportEdge) => string | number | boolean | undefined;
}

/** Columns every element carries (provenance first), then one per property seen on any element. */
export function attributeColumns(elements: Array<ExportNode | ExportEdge>, kind: 'node' | 'edge'): AttributeColumn[] {
  const fixed: AttributeColumn[] = [
    { name: 'type', type: 'string', value: (e) => e.type },
    ...(kind === 'edge' ? [{ name: 'directed', type: 'boolean' as const, value: (e: ExportNode | ExportEdge) => (e as ExportEdge).directed }] : []),
    { name: 'classification', type: 'string', value: (e) => classificationOf(e.sources) },
    { name: 'sources', type: 'string', value: (e) => reportIdsOf(e.sources).join('; ') },
    { name: 'agencies', type: 'string', value: (e) => agenciesOf(e.sources).join('; ') },
    { name: 'grade', type: 'string', value: (e) => bestGrade(e.sources) },
    { name: 'provenance', type: 'string', value: (e) => provenanceText(e.sources) },
    { name: 'start', type: 'string', value: (e) => periodOf(e).start },
    { name: 'end', type: 'string', value: (e) => periodOf(e).end },
  ];
  const taken = new Set(['id', 'label', 'source', 'target', ...fixed.map((c) => c.name)]);
  const types = new Map<string, Set<string>>();
  for (const el of elements) {
    for (const [k, v] of Object.entries(flatProperties(el.properties))) {
      if (!types.has(k)) types.set(k, new Set());
      types.get(k)!.add(typeof v);
    }
  }
  const props: AttributeColumn[] = [...types.keys()].sort().map((k) => {
    const seen = types.get(k)!;
    const type: AttrType = seen.size === 1 && seen.has('number') ? 'double' : seen.size === 1 && seen.has('boolean') ? 'boolean' : 'string';
    const name = taken.has(k) ? `property_${k}` : k;
    return {
      name,
      type,
      value: (e) => {
        const v = flatProperties(e.properties)[k];
        return v === undefined ? undefined : type === 'string' ? String(v) : v;
      },
    };
  });
  return [...fixed, ...props];
}

/** Characters XML 1.0 cannot hold are dropped; the five special ones escaped. */
export function xmlEscape(value: unknown): string {
  return String(value)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Text made safe for an XML comment (XML 1.0 §2.5: no `--` inside, no `-` at the end; only
 * characters XML can hold). The writers put only the service's own words in comments (the
 * classification, never an id, a name or a title a loader or caller chose), and pass even those
 * through this.
 */
export function xmlComment(value: unknown): string {
  return String(value)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/-(?=-|$)/g, '- ');
}

/** The XML comment GraphML and GEXF files start with: the classification, in the service's words only. */
export function xmlMarkingComment(g: ExportGraph): string {
  return `<!-- ${xmlComment(`CLASSIFICATION: ${graphClassification(g)} | handle according to the handling codes of each source`)} -->`;
}

/** The marking line every file starts with (as a comment, in the format's own syntax). */
export function markingText(g: ExportGraph): string {
  return `CLASSIFICATION: ${graphClassification(g)} | ${g.title} | ${g.nodes.length} nodes, ${g.edges.length} links | exported ${g.generatedAt} by ${g.exportedBy} | handle according to the handling codes of each source`;
}
