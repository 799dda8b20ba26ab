/**
 * Parsers for the adjacency-matrix CSV files in data/networks (see its README).
 *
 * One-mode file: first row and first column hold the node labels (the first cell is empty);
 * a tie between i and j exists when a[i][j] > 0 or a[j][i] > 0 and becomes ONE undirected
 * edge with weight a[i][j] + a[j][i]; the diagonal is ignored.
 *
 * Two-mode file: rows are persons, columns are events whose header holds a date
 * (dd/mm/yyyy, possibly followed by a marker such as "(L)", "(1)", "(?)", "(L)B") and a
 * description/place; a cell > 0 means the person attended the event.
 */
import { parse } from 'csv-parse/sync';

export interface AdjacencyEdge {
  a: string;
  b: string;
  weight: number;
}

export interface AdjacencyMatrix {
  labels: string[];
  edges: AdjacencyEdge[];
}

export interface TwoModeEvent {
  /** The full trimmed header text of the column. */
  label: string;
  /** ISO date (YYYY-MM-DD) parsed from the header, when it starts with a valid dd/mm/yyyy date. */
  date?: string;
  /** The description/place part of the header (text after the date and its markers). */
  place?: string;
}

export interface TwoModeMatrix {
  persons: string[];
  events: TwoModeEvent[];
  attendance: Array<{ person: string; event: string }>;
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads all CSV records; quoted fields may contain commas, quotes and line breaks. */
function readRecords(text: string, what: string): string[][] {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      // Some headers contain stray quotes inside unquoted fields.
      relax_quotes: true,
      // Column counts are checked below so the error can name the offending row.
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (err) {
    throw new Error(`${what}: invalid CSV: ${(err as Error).message}`);
  }
  // Drop records made only of empty cells (e.g. a trailing ",,,," line).
  const kept = records.filter((r) => r.some((cell) => cell.trim() !== ''));
  // Tolerate trailing empty cells (spreadsheet exports) by trimming them off every record.
  return kept.map((r) => {
    let end = r.length;
    while (end > 1 && r[end - 1].trim() === '') end--;
    return end === r.length ? r : r.slice(0, end);
  });
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

function parseNumber(raw: string, what: string, row: number, col: number, rowLabel: string, colLabel: string): number {
  const s = raw.trim();
  if (!NUMBER_RE.test(s)) {
    throw new Error(`${what}: non-numeric cell ${quote(raw)} at row ${row} (${quote(rowLabel)}), column ${col} (${quote(colLabel)})`);
  }
  return Number(s);
}

/** Column labels of the header record (first cell skipped), trimmed, non-empty and unique. */
function headerLabels(header: string[] | undefined, what: string, kind: string): string[] {
  if (!header || header.length < 2) throw new Error(`${what}: the header row has no ${kind} labels`);
  const labels = header.slice(1).map((l) => l.trim());
  const seen = new Map<string, number>();
  labels.forEach((label, i) => {
    if (label === '') throw new Error(`${what}: empty ${kind} label in header, column ${i + 2}`);
    const prev = seen.get(label);
    if (prev !== undefined) {
      throw new Error(`${what}: duplicate ${kind} label ${quote(label)} in header, columns ${prev + 2} and ${i + 2}`);
    }
    seen.set(label, i);
  });
  return labels;
}

/**
 * Parses a one-mode adjacency matrix into undirected weighted edges.
 * Rows may list the labels in a different order than the header, but must be the same set.
 */
export function parseAdjacencyCsv(text: string): AdjacencyMatrix {
  const what = 'adjacency matrix';
  const records = readRecords(text, what);
  const labels = headerLabels(records[0], what, 'column');
  const n = labels.length;
  const colOf = new Map<string, number>();
  labels.forEach((l, i) => colOf.set(l, i));

  const dataRows = records.slice(1);
  if (dataRows.length !== n) {
    throw new Error(`${what}: not square: ${n} column labels but ${dataRows.length} data rows`);
  }

  const a = new Float64Array(n * n);
  const rowSeen = new Int32Array(n).fill(-1);
  dataRows.forEach((rec, r) => {
    const rowNo = r + 2; // 1-based, header is row 1
    const rowLabel = (rec[0] ?? '').trim();
    if (rec.length !== n + 1) {
      throw new Error(`${what}: not square: row ${rowNo} (${quote(rowLabel)}) has ${rec.length - 1} value cells, expected ${n}`);
    }
    const i = colOf.get(rowLabel);
    if (i === undefined) {
      throw new Error(`${what}: label mismatch: row ${rowNo} label ${quote(rowLabel)} is not a column label`);
    }
    if (rowSeen[i] !== -1) {
      throw new Error(`${what}: label mismatch: label ${quote(rowLabel)} labels rows ${rowSeen[i]} and ${rowNo}`);
    }
    rowSeen[i] = rowNo;
    for (let j = 0; j < n; j++) {
      a[i * n + j] = parseNumber(rec[j + 1], what, rowNo, j + 2, rowLabel, labels[j]);
    }
  });

  const edges: AdjacencyEdge[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const aij = a[i * n + j];
      const aji = a[j * n + i];
      if (aij > 0 || aji > 0) edges.push({ a: labels[i], b: labels[j], weight: aij + aji });
    }
  }
  return { labels, edges };
}

/**
 * Date at the start of an event header: optional spreadsheet text prefix ', then dd/mm/yyyy,
 * then optional markers such as "(L)", "(1)", "(?)", "(L)B" or " (L)", then an optional comma.
 */
const EVENT_HEADER_RE = /^'?\s*(\d{1,2})\/(\d{1,2})\/(\d{4})((?:\s*\([^)]*\))*(?:[A-Z](?![A-Za-z]))?)\s*,?\s*([\s\S]*)$/;

function isoDate(day: number, month: number, year: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits an event column header into its date (ISO) and description/place. */
export function parseEventHeader(header: string): TwoModeEvent {
  const label = header.trim();
  const m = EVENT_HEADER_RE.exec(label);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date !== undefined) {
      const place = m[5].replace(/\s+/g, ' ').trim();
      return place === '' ? { label, date } : { label, date, place };
    }
  }
  const place = label.replace(/^'/, '').replace(/\s+/g, ' ').trim();
  return place === '' ? { label } : { label, place };
}

/** Parses a two-mode persons x events matrix (rows: persons, columns: events). */
export function parseTwoModeCsv(text: string): TwoModeMatrix {
  const what = 'two-mode matrix';
  const records = readRecords(text, what);
  const eventLabels = headerLabels(records[0], what, 'event');
  const events = eventLabels.map(parseEventHeader);
  const m = events.length;

  const persons: string[] = [];
  const personRow = new Map<string, number>();
  const attendance: Array<{ person: string; event: string }> = [];
  records.slice(1).forEach((rec, r) => {
    const rowNo = r + 2;
    const person = (rec[0] ?? '').trim();
    if (person === '') throw new Error(`${what}: empty person label at row ${rowNo}`);
    const prev = personRow.get(person);
    if (prev !== undefined) throw new Error(`${what}: duplicate person ${quote(person)} at rows ${prev} and ${rowNo}`);
    personRow.set(person, rowNo);
    if (rec.length !== m + 1) {
      throw new Error(`${what}: row ${rowNo} (${quote(person)}) has ${rec.length - 1} value cells, expected ${m}`);
    }
    persons.push(person);
    for (let j = 0; j < m; j++) {
      const v = parseNumber(rec[j + 1], what, rowNo, j + 2, person, eventLabels[j]);
      if (v > 0) attendance.push({ person, event: eventLabels[j] });
    }
  });
  return { persons, events, attendance };
}
