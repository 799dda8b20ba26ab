import { stringify } from 'csv-stringify/sync';
import {
  agenciesOf,
  bestGrade,
  classificationOf,
  ExportEdge,
  ExportGraph,
  ExportNode,
  highest,
  markingText,
  periodOf,
  provenanceText,
  reportIdsOf,
} from './model';

export const CSV_COLUMNS = [
  'End1Type',
  'End1Id',
  'End1Label',
  'LinkType',
  'Direction',
  'End2Type',
  'End2Id',
  'End2Label',
  'Date',
  'StartDate',
  'EndDate',
  'Sources',
  'Agencies',
  'Grade',
  'SourceReliability',
  'InformationAccuracy',
  'Provenance',
  'Classification',
  'LinkId',
] as const;

/**
 * A cell a spreadsheet would take for a formula (OWASP, CSV injection: a first character of `=`,
 * `+`, `-`, `@`, tab or carriage return) gets a leading `'`, which Excel and LibreOffice show as
 * text; every data cell is also written in double quotes (quotes inside doubled), so no separator
 * inside a value starts a new cell.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutraliseCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * The marking line, as text a spreadsheet opens safely: one line, no double quote, and no cell
 * (after a `,` or `;`) that starts a formula.
 */
function markingLine(text: string): string {
  const flat = text.replace(/[\t\r\n]+/g, ' ').replace(/"/g, "'");
  return `# ${flat.replace(/([,;] *)(?=[=+\-@])/g, "$1'")}\n`;
}

/**
 * Link rows in the shape i2 Analyst's Notebook import specifications map: end 1 (type, identity,
 * label), link type and direction, end 2, date, sources and grade. An entity without any link in
 * the export gets a row of its own with end 2 empty. The first line is the file's marking (a
 * `#` comment: set the import specification to start at line 2); the second is the header row.
 * Cells are neutralised against formula injection (see `neutraliseCell`).
 */
export function toCSV(g: ExportGraph): string {
  const byId = new Map<string, ExportNode>(g.nodes.map((n) => [n.id, n]));
  const linked = new Set<string>();
  const rows: string[][] = [];
  const row = (e: ExportEdge | null, a: ExportNode, b: ExportNode | undefined) => {
    const el = e ?? a;
    const best = bestGrade(el.sources);
    const { start, end } = periodOf(el);
    const date = e ? ((e.properties.date as string | undefined) ?? start ?? '') : (start ?? '');
    return [
      a.type,
      a.id,
      a.label,
      e?.type ?? '',
      e ? (e.directed ? 'WITH' : 'NONE') : '',
      b?.type ?? '',
      b?.id ?? '',
      b?.label ?? '',
      date,
      start ?? '',
      end ?? '',
      reportIdsOf(el.sources).join('; '),
      agenciesOf(el.sources).join('; '),
      best,
      best.slice(0, 1),
      best.slice(1),
      provenanceText(el.sources),
      // a link row shows its ends' labels too, so it carries their marking as well
      e ? highest([classificationOf(e.sources), classificationOf(a.sources), classificationOf(b?.sources ?? [])]) : classificationOf(a.sources),
      e?.id ?? '',
    ];
  };
  for (const e of g.edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) continue;
    linked.add(a.id).add(b.id);
    rows.push(row(e, a, b));
  }
  for (const n of g.nodes) if (!linked.has(n.id)) rows.push(row(null, n, undefined));
  return (
    markingLine(markingText(g)) +
    stringify([CSV_COLUMNS]) +
    stringify(
      rows.map((r) => r.map(neutraliseCell)),
      { quoted: true, quoted_empty: true },
    )
  );
}
