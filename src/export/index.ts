import { CSV_COLUMNS, toCSV } from './csv';
import { toCytoscapeJSON } from './cytoscape';
import { toGEXF } from './gexf';
import { toGraphML } from './graphml';
import { ExportGraph } from './model';

export * from './model';
export { CSV_COLUMNS, toCSV, toCytoscapeJSON, toGEXF, toGraphML };

export const EXPORT_FORMATS = {
  graphml: { write: toGraphML, contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { write: toGEXF, contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  cytoscape: { write: toCytoscapeJSON, contentType: 'application/json; charset=utf-8', extension: 'cyjs' },
  csv: { write: toCSV, contentType: 'text/csv; charset=utf-8', extension: 'csv' },
} as const satisfies Record<string, { write: (g: ExportGraph) => string; contentType: string; extension: string }>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const isExportFormat = (f: string): f is ExportFormat => Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, f);
