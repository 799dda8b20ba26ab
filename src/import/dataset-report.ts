import path from 'node:path';
import { foldName } from '../domain/identity';
import { AdjacencyMatrix, TwoModeMatrix } from './matrix-csv';
import { ReportDocument } from './validate';

export interface DatasetOptions {
  /** Report id; default `dataset:<file name without extension>`. */
  reportId?: string;
  agency?: string;
  /** The report date; research datasets have none, so a fixed default keeps re-imports idempotent. */
  date?: string;
  classification?: string;
  /** Kind of the ASSOCIATE_OF links of a one-mode network. */
  kind?: string;
}

export const datasetName = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');

/** Stable, readable ids `<dataset>:<label>`, unique even when two labels fold to the same text. */
function idMaker(dataset: string) {
  const used = new Map<string, string>();
  const taken = new Set<string>();
  return (label: string): string => {
    const existing = used.get(label);
    if (existing) return existing;
    const base = `${dataset}:${foldName(label)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    used.set(label, id);
    taken.add(id);
    return id;
  };
}

function envelope(file: string, options: DatasetOptions, title: string): ReportDocument['report'] {
  const name = datasetName(file);
  return {
    id: options.reportId ?? `dataset:${name}`,
    title,
    date: options.date ?? '1970-01-01',
    agency: options.agency ?? 'RESEARCH',
    classification: options.classification ?? 'UNCLASSIFIED',
    releasableTo: [],
    handlingCodes: ['H0'],
  };
}

/** Numeric labels (as in Morselli's files) get the dataset name, so that search finds something useful. */
const personName = (dataset: string, label: string) => (/^\d+$/.test(label) ? `${dataset} #${label}` : label);

/** A one-mode matrix as one report: persons and weighted ASSOCIATE_OF links (README conventions). */
export function adjacencyReport(file: string, matrix: AdjacencyMatrix, options: DatasetOptions = {}): ReportDocument {
  const dataset = datasetName(file);
  const idOf = idMaker(dataset);
  const refOf = new Map(matrix.labels.map((label, i) => [label, `p${i}`]));
  return {
    report: envelope(file, options, `Network dataset ${path.basename(file)} (one-mode)`),
    entities: matrix.labels.map((label) => ({ ref: refOf.get(label)!, type: 'Person' as const, id: idOf(label), name: personName(dataset, label) })),
    links: matrix.edges.map((e) => ({
      type: 'ASSOCIATE_OF' as const,
      from: refOf.get(e.a)!,
      to: refOf.get(e.b)!,
      weight: e.weight,
      kind: options.kind ?? 'COMMUNICATION',
    })),
  };
}

/** A persons x events matrix as one report: persons, dated events and ATTENDED links. */
export function twoModeReport(file: string, matrix: TwoModeMatrix, options: DatasetOptions = {}): ReportDocument {
  const dataset = datasetName(file);
  const idOf = idMaker(dataset);
  const personRef = new Map(matrix.persons.map((label, i) => [label, `p${i}`]));
  const eventRef = new Map(matrix.events.map((e, i) => [e.label, `e${i}`]));
  return {
    report: envelope(file, options, `Network dataset ${path.basename(file)} (two-mode: persons x events)`),
    entities: [
      ...matrix.persons.map((label) => ({ ref: personRef.get(label)!, type: 'Person' as const, id: idOf(label), name: personName(dataset, label) })),
      ...matrix.events.map((e) => ({
        ref: eventRef.get(e.label)!,
        type: 'Event' as const,
        id: idOf(`event ${e.label}`),
        name: e.label.replace(/^'+/, '').slice(0, 300),
        kind: 'MEETING',
        ...(e.date ? { date: e.date } : {}),
      })),
    ],
    links: matrix.attendance.map((a) => ({ type: 'ATTENDED' as const, from: personRef.get(a.person)!, to: eventRef.get(a.event)! })),
  };
}
