import { agenciesOf, bestGrade, classificationOf, ExportGraph, ExportSource, graphClassification, markingText, periodOf, reportIdsOf } from './model';

const provenance = (sources: ExportSource[]) =>
  sources.map((s) => ({
    reportId: s.reportId,
    title: s.title ?? null,
    agency: s.agency ?? null,
    date: s.date ?? null,
    classification: s.classification ?? null,
    handlingCodes: s.handlingCodes ?? [],
    grade: `${s.sourceReliability}${s.informationAccuracy}`,
  }));

/**
 * Cytoscape.js JSON (`{ elements: { nodes, edges } }`), which Cytoscape desktop opens as .cyjs.
 * Each element's `data` holds its properties, its type (as `interaction` for edges, Cytoscape's
 * link-type column), its classification and its sources.
 */
export function toCytoscapeJSON(g: ExportGraph): string {
  const doc = {
    format_version: '1.0',
    generated_by: 'crime-link-analysis',
    target_cytoscapejs_version: '~3.30',
    data: {
      name: g.title,
      classification: graphClassification(g),
      marking: markingText(g),
      exported: g.generatedAt,
      exportedBy: g.exportedBy,
    },
    elements: {
      nodes: g.nodes.map((n) => ({
        data: {
          ...n.properties,
          id: n.id,
          name: n.label,
          label: n.label,
          type: n.type,
          ...periodOf(n),
          classification: classificationOf(n.sources),
          sources: reportIdsOf(n.sources),
          agencies: agenciesOf(n.sources),
          grade: bestGrade(n.sources),
          provenance: provenance(n.sources),
        },
      })),
      edges: g.edges.map((e) => ({
        data: {
          ...e.properties,
          id: e.id,
          source: e.source,
          target: e.target,
          interaction: e.type,
          type: e.type,
          directed: e.directed,
          ...periodOf(e),
          classification: classificationOf(e.sources),
          sources: reportIdsOf(e.sources),
          agencies: agenciesOf(e.sources),
          grade: bestGrade(e.sources),
          provenance: provenance(e.sources),
        },
      })),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
