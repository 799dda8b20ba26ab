import { attributeColumns, ExportGraph, graphClassification, markingText, periodOf, xmlEscape, xmlMarkingComment } from './model';

/**
 * GEXF 1.2 (https://gexf.net), Gephi's own format, dynamic: a dated entity or link carries
 * `start`/`end`, so Gephi's timeline can play the network. Attribute ids are numbers, as Gephi
 * writes them (readers take the column name from `title` only then). networkx reads it too (it refuses
 * mixed edge types, so undirected link types say so in their `directed` attribute). The file's
 * classification is in the graph's `name` (networkx: `G.graph["name"]`), in the meta `keywords`
 * (graphology, Gephi) and in a leading comment holding nothing but the service's own words.
 */
export function toGEXF(g: ExportGraph): string {
  const nodeCols = attributeColumns(g.nodes, 'node');
  const edgeCols = attributeColumns(g.edges, 'edge');
  const gexfType = (t: string) => (t === 'double' ? 'double' : t === 'boolean' ? 'boolean' : 'string');
  const classification = graphClassification(g);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    xmlMarkingComment(g),
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
    `  <meta lastmodifieddate="${xmlEscape(g.generatedAt.slice(0, 10))}">`,
    '    <creator>crime-link-analysis</creator>',
    `    <keywords>${xmlEscape(`CLASSIFICATION: ${classification}`)}</keywords>`,
    `    <description>${xmlEscape(markingText(g))}</description>`,
    '  </meta>',
    // `name` is the one free-text attribute of <graph> that networkx's reader keeps (G.graph["name"]):
    // it carries the classification first, as the <keywords> do for Gephi and graphology.
    `  <graph name="${xmlEscape(`CLASSIFICATION: ${classification} | ${g.title}`)}" mode="dynamic" defaultedgetype="directed" timeformat="date">`,
    '    <attributes class="node">',
    ...nodeCols.map((c, i) => `      <attribute id="${i}" title="${xmlEscape(c.name)}" type="${gexfType(c.type)}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...edgeCols.map((c, i) => `      <attribute id="${i}" title="${xmlEscape(c.name)}" type="${gexfType(c.type)}"/>`),
    '    </attributes>',
  ];
  const period = (el: { properties: Record<string, unknown> }) => {
    const { start, end } = periodOf(el);
    return `${start ? ` start="${xmlEscape(start)}"` : ''}${end ? ` end="${xmlEscape(end)}"` : ''}`;
  };
  const values = (cols: typeof nodeCols, prefix: string, el: Parameters<(typeof nodeCols)[number]['value']>[0]) => {
    const vs = cols.flatMap((c, i) => {
      const v = c.value(el);
      return v === undefined || v === '' ? [] : [`          <attvalue for="${prefix}${i}" value="${xmlEscape(v)}"/>`];
    });
    return vs.length ? ['        <attvalues>', ...vs, '        </attvalues>'] : [];
  };
  lines.push('    <nodes>');
  for (const n of g.nodes) {
    lines.push(`      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}"${period(n)}>`, ...values(nodeCols, '', n), '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of g.edges) {
    lines.push(
      `      <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" label="${xmlEscape(e.type)}"${period(e)}>`,
      ...values(edgeCols, '', e),
      '      </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
