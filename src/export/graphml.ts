import { attributeColumns, ExportGraph, graphClassification, xmlEscape, xmlMarkingComment } from './model';

/**
 * GraphML (http://graphml.graphdrawing.org) as Gephi, Cytoscape, yEd and networkx read it.
 * Link types without a direction carry `directed=false` as data: networkx refuses per-edge
 * `directed` attributes that differ from the graph's default.
 */
export function toGraphML(g: ExportGraph): string {
  const nodeCols = attributeColumns(g.nodes, 'node');
  const edgeCols = attributeColumns(g.edges, 'edge');
  const key = (prefix: string, i: number) => `${prefix}${i}`;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    xmlMarkingComment(g),
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_classification" for="graph" attr.name="classification" attr.type="string"/>',
    '  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>',
    '  <key id="g_exported" for="graph" attr.name="exported" attr.type="string"/>',
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
    ...nodeCols.map((c, i) => `  <key id="${key('n', i)}" for="node" attr.name="${xmlEscape(c.name)}" attr.type="${c.type}"/>`),
    '  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>',
    ...edgeCols.map((c, i) => `  <key id="${key('e', i)}" for="edge" attr.name="${xmlEscape(c.name)}" attr.type="${c.type}"/>`),
    '  <graph id="G" edgedefault="directed">',
    `    <data key="g_classification">${xmlEscape(graphClassification(g))}</data>`,
    `    <data key="g_title">${xmlEscape(g.title)}</data>`,
    `    <data key="g_exported">${xmlEscape(`${g.generatedAt} by ${g.exportedBy}`)}</data>`,
  ];
  const data = (k: string, v: unknown) => (v === undefined || v === '' ? [] : [`      <data key="${k}">${xmlEscape(v)}</data>`]);
  for (const n of g.nodes) {
    lines.push(`    <node id="${xmlEscape(n.id)}">`, ...data('n_label', n.label), ...nodeCols.flatMap((c, i) => data(key('n', i), c.value(n))), '    </node>');
  }
  for (const e of g.edges) {
    lines.push(
      `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`,
      ...data('e_label', e.type),
      ...edgeCols.flatMap((c, i) => data(key('e', i), c.value(e))),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
