import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { execFileSync } from 'node:child_process';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';

/** Independent readers of the export formats, for tests: each file back to nodes and edges. */
export type Parsed = {
  nodes: Map<string, { label: string; type: string; sources: string[]; classification: string; start?: string; end?: string }>;
  edges: Map<string, { type: string; source: string; target: string; directed: boolean; sources: string[]; classification: string }>;
  classification: string;
};

const list = (v: unknown) => (typeof v === 'string' && v ? v.split('; ') : Array.isArray(v) ? (v as string[]) : []).sort();

export function readGraphml(text: string): Parsed {
  const g = parseGraphml(Graph, text);
  return fromGraphology(g, g.getAttribute('classification') as string);
}

export function readGexf(text: string): Parsed {
  const g = parseGexf(Graph, text);
  // the <meta> keywords, as graphology reads them
  const keywords = /^CLASSIFICATION: ([A-Z]+)$/.exec(String(g.getAttribute('keywords') ?? ''))?.[1] ?? '';
  return fromGraphology(g, keywords);
}

function fromGraphology(g: Graph, classification: string): Parsed {
  const nodes: Parsed['nodes'] = new Map();
  g.forEachNode((id, a) =>
    nodes.set(id, { label: a.label, type: a.type, sources: list(a.sources), classification: a.classification, start: a.start, end: a.end }),
  );
  const edges: Parsed['edges'] = new Map();
  g.forEachEdge((id, a, source, target) =>
    edges.set(id, {
      type: a.type,
      source,
      target,
      directed: a.directed === true || a.directed === 'true',
      sources: list(a.sources),
      classification: a.classification,
    }),
  );
  return { nodes, edges, classification };
}

export function readCytoscape(text: string): Parsed {
  const doc = JSON.parse(text);
  const cy = cytoscape({ headless: true, elements: doc.elements });
  const nodes: Parsed['nodes'] = new Map();
  cy.nodes().forEach((n) => {
    nodes.set(n.id(), {
      label: n.data('label'),
      type: n.data('type'),
      sources: list(n.data('sources')),
      classification: n.data('classification'),
      start: n.data('start'),
      end: n.data('end'),
    });
  });
  const edges: Parsed['edges'] = new Map();
  cy.edges().forEach((e) => {
    edges.set(e.id(), {
      type: e.data('interaction'),
      source: e.source().id(),
      target: e.target().id(),
      directed: e.data('directed'),
      sources: list(e.data('sources')),
      classification: e.data('classification'),
    });
  });
  cy.destroy();
  return { nodes, edges, classification: doc.data.classification };
}

export function readCsv(text: string): Parsed & { rows: Array<Record<string, string>> } {
  const [marking] = text.split('\n', 1);
  const rows = parseCsv<Record<string, string>>(text, { from_line: 2, columns: true, skip_empty_lines: true });
  const nodes: Parsed['nodes'] = new Map();
  const edges: Parsed['edges'] = new Map();
  for (const r of rows) {
    if (!nodes.has(r.End1Id)) nodes.set(r.End1Id, { label: r.End1Label, type: r.End1Type, sources: [], classification: '' });
    if (r.End2Id && !nodes.has(r.End2Id)) nodes.set(r.End2Id, { label: r.End2Label, type: r.End2Type, sources: [], classification: '' });
    if (r.LinkId)
      edges.set(r.LinkId, {
        type: r.LinkType,
        source: r.End1Id,
        target: r.End2Id,
        directed: r.Direction === 'WITH',
        sources: list(r.Sources),
        classification: r.Classification,
      });
    else nodes.get(r.End1Id)!.sources = list(r.Sources);
  }
  return { nodes, edges, classification: /^# CLASSIFICATION: ([A-Z]+) \|/.exec(marking)?.[1] ?? '', rows };
}

export const READERS: Record<string, (text: string) => Parsed> = { graphml: readGraphml, gexf: readGexf, cytoscape: readCytoscape, csv: readCsv };
export const FORMATS = Object.keys(READERS);

/**
 * GraphML or GEXF read by Python: first parsed as strict XML 1.0 by expat (which refuses what the
 * JavaScript readers forgive, such as `--` inside a comment), then read by networkx. Answers the
 * graph-level attributes networkx keeps, the node ids with their labels, and the number of edges.
 */
const NETWORKX_READER = `
import io, json, sys, xml.etree.ElementTree as ET
import networkx as nx
fmt, data = sys.argv[1], sys.stdin.buffer.read()
ET.fromstring(data)
G = nx.read_graphml(io.BytesIO(data)) if fmt == 'graphml' else nx.read_gexf(io.BytesIO(data))
print(json.dumps({
  'graph': {k: v for k, v in G.graph.items() if isinstance(v, str)},
  'labels': {str(n): d.get('label') for n, d in G.nodes(data=True)},
  'edges': G.number_of_edges(),
}))
`;
export function readWithNetworkx(format: 'graphml' | 'gexf', text: string): { graph: Record<string, string>; labels: Record<string, string>; edges: number } {
  const out = execFileSync('python3', ['-c', NETWORKX_READER, format], { input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  return JSON.parse(out);
}
