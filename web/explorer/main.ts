// The network explorer: sigma.js v3 (WebGL) over a graphology graph, fed by the service's own
// GraphQL API with the analyst's bearer token. Everything is bundled by esbuild (web/build.mjs).
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import './explorer.css';

// ------------------------------------------------------------------------------------------
// Vocabulary and colours
// ------------------------------------------------------------------------------------------
const ENTITY_TYPES = ['Person', 'Organisation', 'Operation', 'Seizure', 'Route', 'Location', 'Event', 'Country'];
const LINK_TYPES = ['MEMBER_OF', 'ASSOCIATE_OF', 'NATIONAL_OF', 'BASED_IN', 'PARTICIPATED_IN', 'TARGETED', 'ARRESTED', 'SEIZED_IN', 'SEIZED_AT', 'SEIZED_FROM', 'USES_ROUTE', 'ATTENDED', 'HELD_AT'];
const TYPE_COLOURS: Record<string, string> = {
  Person: '#1f77b4',
  Organisation: '#d62728',
  Operation: '#2ca02c',
  Seizure: '#ff7f0e',
  Route: '#9467bd',
  Location: '#8c564b',
  Event: '#e377c2',
  Country: '#7f7f7f',
  More: '#bbbbbb',
};
const COMMUNITY_COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#008080', '#9a6324', '#800000', '#000075'];
const CLASSIFICATIONS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
/** How many new neighbours one expansion draws; the rest wait behind a "+N more" node. */
const EXPAND_CAP = 25;

// ------------------------------------------------------------------------------------------
// Types of the API answers
// ------------------------------------------------------------------------------------------
interface Source {
  reportId: string;
  sourceReliability: string;
  informationAccuracy: number;
  report: { id: string; title: string; date: string; agency: string; classification: string } | null;
}
interface ApiNode {
  id: string;
  type: string;
  label: string;
  properties: Record<string, unknown>;
  sources: Source[];
}
interface ApiEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  directed: boolean;
  properties: Record<string, unknown>;
  sources: Source[];
  orientation?: string | null;
}
interface Subgraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
  truncated: boolean;
}

const SOURCE = 'sources { reportId sourceReliability informationAccuracy report { id title date agency classification } }';
const NODE = `id type label properties ${SOURCE}`;
const EDGE = `id: linkId type source target directed properties ${SOURCE}`;

// ------------------------------------------------------------------------------------------
// State
// ------------------------------------------------------------------------------------------
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const container = $<HTMLDivElement>('graph');
const graph = new Graph({ multi: true, type: 'mixed' });
const known = { nodes: new Map<string, ApiNode>(), edges: new Map<string, ApiEdge>() };
const pending = new Map<string, ApiNode[]>(); // "+N more" node id -> nodes not drawn yet
const expanded = new Set<string>();
const hiddenEntityTypes = new Set<string>();
const hiddenLinkTypes = new Set<string>();
const state = {
  token: '',
  focus: '' as string,
  depth: 2,
  dates: [] as string[],
  window: { from: null as string | null, to: null as string | null },
  selected: null as { kind: 'node' | 'edge'; id: string } | null,
  pathEnds: [] as string[],
  pathEdges: new Set<string>(),
  community: new Map<string, number>(),
  busy: 0,
  lastError: '',
};

const renderer = new Sigma(graph, container, {
  renderEdgeLabels: false,
  enableEdgeEvents: true,
  labelRenderedSizeThreshold: 4,
  defaultEdgeType: 'line',
  allowInvalidContainer: true,
  nodeReducer: (node, data) => {
    const res = { ...data } as Record<string, unknown>;
    if (!nodeVisible(node)) res.hidden = true;
    const c = state.community.get(node);
    if (c !== undefined) res.color = COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length];
    if (state.selected?.kind === 'node' && state.selected.id === node) res.highlighted = true;
    if (state.pathEnds.includes(node)) {
      res.highlighted = true;
      res.borderColor = '#000';
    }
    return res;
  },
  edgeReducer: (edge, data) => {
    const res = { ...data } as Record<string, unknown>;
    if (!edgeVisible(edge)) res.hidden = true;
    if (state.pathEdges.has(edge)) {
      res.color = '#d81b60';
      res.size = 4;
    }
    if (state.selected?.kind === 'edge' && state.selected.id === edge) res.color = '#000';
    return res;
  },
});

// ------------------------------------------------------------------------------------------
// Visibility: type filters and the time window
// ------------------------------------------------------------------------------------------
function periodOf(props: Record<string, unknown>): { start?: string; end?: string } {
  const s = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return { start: s(props.startDate) ?? s(props.since) ?? s(props.date), end: s(props.endDate) ?? s(props.until) ?? s(props.date) };
}

/** Undated elements always show; dated ones only when their period meets the window. */
function inWindow(props: Record<string, unknown>): boolean {
  const { start, end } = periodOf(props);
  if (!start && !end) return true;
  const { from, to } = state.window;
  if (from && (end ?? start)! < from) return false;
  if (to && (start ?? end)! > to) return false;
  return true;
}

function nodeVisible(id: string): boolean {
  const a = graph.getNodeAttributes(id);
  if (a.more) return true;
  if (hiddenEntityTypes.has(a.entityType)) return false;
  return inWindow(a.props ?? {});
}

function edgeVisible(id: string): boolean {
  const a = graph.getEdgeAttributes(id);
  if (a.more) return nodeVisible(graph.source(id)) && nodeVisible(graph.target(id));
  if (hiddenLinkTypes.has(a.linkType)) return false;
  if (!nodeVisible(graph.source(id)) || !nodeVisible(graph.target(id))) return false;
  return inWindow(a.props ?? {});
}

const visibleNodes = () => graph.nodes().filter((n) => nodeVisible(n));
const visibleEdges = () => graph.edges().filter((e) => edgeVisible(e));
const entityIdsOnScreen = () => visibleNodes().filter((n) => !graph.getNodeAttribute(n, 'more'));

// ------------------------------------------------------------------------------------------
// The API
// ------------------------------------------------------------------------------------------
function setStatus(text: string, error = false) {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', error);
  if (error) state.lastError = text;
}

async function busy<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
  state.busy++;
  container.dataset.busy = String(state.busy);
  setStatus(`${what}…`);
  try {
    const result = await fn();
    setStatus('');
    return result;
  } catch (err) {
    setStatus(err instanceof Error ? err.message : String(err), true);
    return undefined;
  } finally {
    state.busy--;
    container.dataset.busy = String(state.busy);
    refresh();
  }
}

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  if (!state.token) throw new Error('Enter a token first.');
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${state.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  return body.data as T;
}

// ------------------------------------------------------------------------------------------
// Drawing
// ------------------------------------------------------------------------------------------
/** FNV-1a: a stable angle per id, so the layout is reproducible. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function nodeSize(n: ApiNode): number {
  return n.type === 'Country' ? 4 : 7;
}

function addNode(n: ApiNode, near?: string) {
  known.nodes.set(n.id, n);
  if (graph.hasNode(n.id)) {
    graph.mergeNodeAttributes(n.id, { label: n.label, props: n.properties, sources: n.sources });
    return;
  }
  const base = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : { x: 0, y: 0 };
  const angle = (hash(n.id) % 3600) / 10 * (Math.PI / 180); // the same picture for the same answer
  graph.addNode(n.id, {
    label: n.label,
    entityType: n.type,
    color: TYPE_COLOURS[n.type] ?? '#999',
    size: nodeSize(n),
    baseSize: nodeSize(n),
    x: (base.x as number) + Math.cos(angle) * 10,
    y: (base.y as number) + Math.sin(angle) * 10,
    props: n.properties,
    sources: n.sources,
  });
}

/** Draws every known link whose two ends are on screen. */
function addKnownEdges() {
  for (const e of known.edges.values()) {
    if (graph.hasEdge(e.id) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const attrs = { linkType: e.type, props: e.properties, sources: e.sources, type: e.directed ? 'arrow' : 'line', size: 1.5, color: '#9aa3b5' };
    if (e.directed) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, attrs);
    else graph.addUndirectedEdgeWithKey(e.id, e.source, e.target, attrs);
  }
}

function layout() {
  if (graph.order < 2) return;
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, { iterations: 120, settings: { ...settings, gravity: 1, scalingRatio: 8 } });
}

function addSubgraph(sg: Subgraph, near?: string) {
  sg.nodes.forEach((n) => addNode(n, near));
  sg.edges.forEach((e) => known.edges.set(e.id, e));
  addKnownEdges();
}

function addMoreNode(parent: string, rest: ApiNode[], truncated: boolean) {
  const id = `more:${parent}`;
  if (graph.hasNode(id)) graph.dropNode(id);
  pending.delete(id);
  if (rest.length === 0) return;
  pending.set(id, rest);
  const base = graph.getNodeAttributes(parent);
  graph.addNode(id, { label: `+${rest.length}${truncated ? '+' : ''} more`, more: true, parent, color: TYPE_COLOURS.More, size: 6, x: (base.x as number) + 5, y: (base.y as number) + 5 });
  graph.addUndirectedEdgeWithKey(`more-edge:${parent}`, parent, id, { more: true, color: '#ddd', size: 1 });
}

// ------------------------------------------------------------------------------------------
// Actions
// ------------------------------------------------------------------------------------------
function clearGraph() {
  graph.clear();
  known.nodes.clear();
  known.edges.clear();
  pending.clear();
  expanded.clear();
  state.pathEnds = [];
  state.pathEdges.clear();
  state.community.clear();
  state.selected = null;
  ($('centrality') as HTMLSelectElement).value = '';
  ($('communities') as HTMLInputElement).checked = false;
  showWhy();
}

async function focusOn(id: string, depth: number) {
  state.focus = id;
  state.depth = depth;
  ($('depth') as HTMLSelectElement).value = String(depth);
  const params = new URLSearchParams({ focus: id, depth: String(depth) });
  history.replaceState(null, '', `#${params}`);
  await busy('Loading the neighbourhood', async () => {
    const data = await gql<{ neighbourhood: Subgraph }>(
      `query ExplorerNeighbourhood($id: ID!, $depth: Int!) { neighbourhood(id: $id, depth: $depth, limit: 300) { truncated nodes { ${NODE} } edges { ${EDGE} } } }`,
      { id, depth },
    );
    clearGraph();
    addSubgraph(data.neighbourhood);
    expanded.add(id);
    if (data.neighbourhood.truncated) setStatus('The neighbourhood was cut at 300 nodes.');
    resetWindow();
    layout();
  });
}

async function expand(id: string) {
  if (expanded.has(id) || id.startsWith('country:')) return;
  await busy('Expanding', async () => {
    const data = await gql<{ neighbourhood: Subgraph }>(
      `query ExplorerExpand($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 500) { truncated nodes { ${NODE} } edges { ${EDGE} } } }`,
      { id },
    );
    expanded.add(id);
    const fresh = data.neighbourhood.nodes.filter((n) => !graph.hasNode(n.id));
    const now = fresh.slice(0, EXPAND_CAP);
    data.neighbourhood.edges.forEach((e) => known.edges.set(e.id, e));
    now.forEach((n) => addNode(n, id));
    data.neighbourhood.nodes.forEach((n) => known.nodes.set(n.id, n));
    addKnownEdges();
    addMoreNode(id, fresh.slice(EXPAND_CAP), data.neighbourhood.truncated);
    widenWindow();
    layout();
  });
}

function expandMore(moreId: string) {
  const rest = pending.get(moreId) ?? [];
  const parent = graph.getNodeAttribute(moreId, 'parent') as string;
  rest.slice(0, EXPAND_CAP).forEach((n) => addNode(n, parent));
  addKnownEdges();
  addMoreNode(parent, rest.slice(EXPAND_CAP), false);
  widenWindow();
  layout();
  refresh();
}

async function search(text: string) {
  await busy('Searching', async () => {
    const data = await gql<{ search: { totalCount: number; edges: Array<{ node: { id: string; type: string; label: string } }> } }>(
      'query ExplorerSearch($text: String!) { search(text: $text, first: 20) { totalCount edges { node { id type label } } } }',
      { text },
    );
    const list = $('results');
    list.innerHTML = '';
    for (const { node } of data.search.edges) {
      const li = document.createElement('li');
      li.dataset.id = node.id;
      li.innerHTML = `<span class="swatch"></span><span class="label"></span> <span class="type"></span>`;
      (li.querySelector('.swatch') as HTMLElement).style.background = TYPE_COLOURS[node.type] ?? '#999';
      li.querySelector('.label')!.textContent = node.label;
      li.querySelector('.type')!.textContent = node.type;
      li.addEventListener('click', () => void focusOn(node.id, Number(($('depth') as HTMLSelectElement).value)));
      list.appendChild(li);
    }
    if (data.search.edges.length === 0) list.innerHTML = '<li>No match.</li>';
  });
}

async function shortestPath() {
  const [from, to] = state.pathEnds;
  if (!from || !to) return;
  await busy('Finding the shortest path', async () => {
    const data = await gql<{ shortestPaths: Array<{ nodes: ApiNode[]; edges: ApiEdge[] }> }>(
      `query ExplorerPath($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to) { nodes { ${NODE} } edges { ${EDGE} orientation } } }`,
      { from, to },
    );
    state.pathEdges.clear();
    const path = data.shortestPaths[0];
    if (!path) {
      setStatus('No path between them through what you may see.');
      return;
    }
    addSubgraph({ nodes: path.nodes, edges: path.edges, truncated: false }, from);
    path.edges.forEach((e) => state.pathEdges.add(e.id));
    widenWindow();
    layout();
  });
}

async function sizeByCentrality(algorithm: string) {
  const ids = entityIdsOnScreen();
  if (!algorithm || ids.length === 0) {
    graph.forEachNode((n, a) => graph.setNodeAttribute(n, 'size', a.baseSize ?? a.size));
    refresh();
    return;
  }
  await busy('Computing centrality', async () => {
    const data = await gql<{ centrality: Array<{ entity: { id: string }; score: number }> }>(
      'query ExplorerCentrality($algorithm: CentralityAlgorithm!, $ids: [ID!]!, $top: Int!) { centrality(algorithm: $algorithm, scope: { ids: $ids }, top: $top) { entity { id } score } }',
      { algorithm, ids, top: Math.min(ids.length, 500) },
    );
    const max = Math.max(...data.centrality.map((c) => c.score), 1e-9);
    const score = new Map(data.centrality.map((c) => [c.entity.id, c.score]));
    graph.forEachNode((n, a) => {
      if (!a.more) graph.setNodeAttribute(n, 'size', 4 + 16 * ((score.get(n) ?? 0) / max));
    });
  });
}

async function colourByCommunity(on: boolean) {
  state.community.clear();
  const ids = entityIdsOnScreen();
  if (!on || ids.length === 0) return refresh();
  await busy('Finding communities', async () => {
    const data = await gql<{ communities: { communities: Array<{ id: number; members: Array<{ id: string }> }> } }>(
      'query ExplorerCommunities($ids: [ID!]!) { communities(scope: { ids: $ids }, seed: 42) { communities { id members { id } } } }',
      { ids },
    );
    for (const c of data.communities.communities) for (const m of c.members) state.community.set(m.id, c.id);
  });
}

async function download(format: string) {
  await busy(`Exporting ${format}`, async () => {
    const ids = entityIdsOnScreen();
    const params = new URLSearchParams();
    if (ids.length > 0 && ids.length <= 150) params.set('ids', ids.join(','));
    else if (state.focus) {
      params.set('around', state.focus);
      params.set('depth', String(state.depth));
    } else throw new Error('Nothing to export.');
    if (state.window.from && state.window.from !== state.dates[0]) params.set('from', state.window.from);
    if (state.window.to && state.window.to !== state.dates[state.dates.length - 1]) params.set('to', state.window.to);
    if (hiddenLinkTypes.size > 0) params.set('linkTypes', LINK_TYPES.filter((t) => !hiddenLinkTypes.has(t)).join(','));
    const res = await fetch(`/export/${format}?${params}`, { headers: { authorization: `Bearer ${state.token}` } });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { errors?: Array<{ message: string }> };
      throw new Error(body.errors?.[0]?.message ?? `export failed (${res.status})`);
    }
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `export.${format}`;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });
}

// ------------------------------------------------------------------------------------------
// Time window
// ------------------------------------------------------------------------------------------
function collectDates(): string[] {
  const dates = new Set<string>();
  const add = (props: Record<string, unknown> | undefined) => {
    const { start, end } = periodOf(props ?? {});
    if (start) dates.add(start);
    if (end) dates.add(end);
  };
  graph.forEachNode((_n, a) => add(a.props));
  graph.forEachEdge((_e, a) => add(a.props));
  return [...dates].sort();
}

function syncSliders() {
  const from = $('from') as HTMLInputElement;
  const to = $('to') as HTMLInputElement;
  const max = Math.max(state.dates.length - 1, 0);
  from.max = to.max = String(max);
  from.value = String(Math.max(0, state.dates.indexOf(state.window.from ?? '')));
  to.value = String(state.window.to ? Math.max(0, state.dates.indexOf(state.window.to)) : max);
  $('from-label').textContent = `from ${state.window.from ?? '–'}`;
  $('to-label').textContent = `to ${state.window.to ?? '–'}`;
}

/** A new drawing: the window spans every date on screen. */
function resetWindow() {
  state.dates = collectDates();
  state.window = { from: state.dates[0] ?? null, to: state.dates[state.dates.length - 1] ?? null };
  syncSliders();
}

/** New elements: a window that was at an end of the range stays at that end. */
function widenWindow() {
  const old = state.dates;
  const atStart = !state.window.from || state.window.from === old[0];
  const atEnd = !state.window.to || state.window.to === old[old.length - 1];
  state.dates = collectDates();
  if (atStart) state.window.from = state.dates[0] ?? null;
  if (atEnd) state.window.to = state.dates[state.dates.length - 1] ?? null;
  syncSliders();
}

function onSlider() {
  const from = Number(($('from') as HTMLInputElement).value);
  const to = Number(($('to') as HTMLInputElement).value);
  state.window = { from: state.dates[Math.min(from, to)] ?? null, to: state.dates[Math.max(from, to)] ?? null };
  $('from-label').textContent = `from ${state.window.from ?? '–'}`;
  $('to-label').textContent = `to ${state.window.to ?? '–'}`;
  refresh();
}

// ------------------------------------------------------------------------------------------
// Panels
// ------------------------------------------------------------------------------------------
function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function sourcesTable(sources: Source[]): string {
  if (!sources?.length) return '<p>Reference data: no report states it.</p>';
  const rows = sources
    .map(
      (s) =>
        `<tr data-report="${escapeHtml(s.reportId)}"><td>${escapeHtml(s.reportId)}<br><span class="type">${escapeHtml(s.report?.title)}</span></td><td>${escapeHtml(s.report?.agency)}</td><td>${escapeHtml(s.report?.date)}</td><td>${escapeHtml(`${s.sourceReliability}${s.informationAccuracy}`)}</td><td>${escapeHtml(s.report?.classification)}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>Report</th><th>Agency</th><th>Date</th><th>Grade</th><th>Class.</th></tr>${rows}</table>`;
}

function propsList(props: Record<string, unknown>): string {
  const entries = Object.entries(props ?? {}).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
  return entries.length ? `<table>${entries.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(Array.isArray(v) ? v.join(', ') : v)}</td></tr>`).join('')}</table>` : '';
}

function showWhy() {
  const body = $('why-body');
  const sel = state.selected;
  if (!sel || (sel.kind === 'node' ? !graph.hasNode(sel.id) : !graph.hasEdge(sel.id))) {
    body.innerHTML = 'Click a node or a link to see who says so.';
    body.dataset.selected = '';
    return;
  }
  body.dataset.selected = sel.id;
  if (sel.kind === 'node') {
    const a = graph.getNodeAttributes(sel.id);
    body.innerHTML = `<h4>${escapeHtml(a.label)} <span class="type">${escapeHtml(a.entityType)}</span></h4><p class="type">${escapeHtml(sel.id)}</p>${propsList(a.props)}<h3>Sources</h3>${sourcesTable(a.sources)}`;
  } else {
    const a = graph.getEdgeAttributes(sel.id);
    const s = graph.getNodeAttribute(graph.source(sel.id), 'label');
    const t = graph.getNodeAttribute(graph.target(sel.id), 'label');
    body.innerHTML = `<h4>${escapeHtml(s)} ${a.type === 'arrow' ? '→' : '—'} ${escapeHtml(t)}</h4><p><b>${escapeHtml(a.linkType)}</b></p>${propsList(a.props)}<h3>Sources</h3>${sourcesTable(a.sources)}`;
  }
}

function buildFilters() {
  const make = (box: string, values: string[], hidden: Set<string>, swatch: boolean) => {
    const el = $(box);
    for (const v of values) {
      const label = document.createElement('label');
      label.innerHTML = `<input type="checkbox" checked data-value="${v}"> ${swatch ? `<span class="swatch" style="background:${TYPE_COLOURS[v]}"></span>` : ''}${v}`;
      label.querySelector('input')!.addEventListener('change', (ev) => {
        if ((ev.target as HTMLInputElement).checked) hidden.delete(v);
        else hidden.add(v);
        refresh();
      });
      el.appendChild(label);
    }
  };
  make('entity-filters', ENTITY_TYPES, hiddenEntityTypes, true);
  make('link-filters', LINK_TYPES, hiddenLinkTypes, false);
}

/** The highest classification among the sources of what is on screen. */
function screenClassification(): string {
  let rank = 0;
  const see = (sources: Source[] | undefined) => {
    for (const s of sources ?? []) rank = Math.max(rank, CLASSIFICATIONS.indexOf(s.report?.classification ?? 'UNCLASSIFIED'));
  };
  visibleNodes().forEach((n) => see(graph.getNodeAttribute(n, 'sources')));
  visibleEdges().forEach((e) => see(graph.getEdgeAttribute(e, 'sources')));
  return CLASSIFICATIONS[rank];
}

function refresh() {
  renderer.refresh();
  const nodes = visibleNodes();
  const edges = visibleEdges();
  container.dataset.nodes = String(graph.order);
  container.dataset.edges = String(graph.size);
  container.dataset.visibleNodes = String(nodes.length);
  container.dataset.visibleEdges = String(edges.length);
  const classification = screenClassification();
  for (const id of ['banner-top', 'banner-bottom']) {
    $(id).dataset.classification = classification;
    $(id).textContent = classification;
  }
  container.dataset.classification = classification;
  $('path-ends').textContent = state.pathEnds.length ? state.pathEnds.map((n) => graph.getNodeAttribute(n, 'label')).join(' → ') : 'shift-click two nodes';
  ($('path') as HTMLButtonElement).disabled = state.pathEnds.length !== 2;
  showWhy();
}

// ------------------------------------------------------------------------------------------
// Wiring
// ------------------------------------------------------------------------------------------
/** The claims a token carries (read, not verified: the service verifies it on every request). */
interface TokenClaims {
  sub?: string;
  agency?: string;
  country?: string;
  clearance?: string;
  roles?: string[];
  exp?: number;
}

function claimsOf(token: string): TokenClaims | null {
  try {
    const part = token.split('.')[1] ?? '';
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as TokenClaims) : null;
  } catch {
    return null;
  }
}

/** Whose a token is: subject, agency/country, clearance (and roles), for the analyst to check. */
function describeToken(token: string): string {
  const c = claimsOf(token);
  if (!c) return 'a token that cannot be read';
  const text = (v: unknown) => (typeof v === 'string' && v ? v : '?');
  const roles = Array.isArray(c.roles) && c.roles.length ? ` (${c.roles.map(text).join(', ')})` : '';
  const expired = typeof c.exp === 'number' && c.exp * 1000 < Date.now() ? ', expired' : '';
  return `${text(c.sub)} · ${text(c.agency)}${typeof c.country === 'string' ? `/${c.country}` : ''} · ${text(c.clearance)}${roles}${expired}`;
}

function setToken(token: string) {
  state.token = token.trim();
  sessionStorage.setItem('explorer.token', state.token);
  ($('token') as HTMLInputElement).value = state.token;
  // Whose token is in use, always on screen (issue 16 item 10).
  const who = $('who');
  const claims = state.token ? claimsOf(state.token) : null;
  who.textContent = state.token ? `in use: ${describeToken(state.token)}` : 'no token';
  who.dataset.subject = claims?.sub ?? '';
  who.dataset.agency = claims?.agency ?? '';
  who.dataset.clearance = claims?.clearance ?? '';
  who.dataset.expired = String(typeof claims?.exp === 'number' && claims.exp * 1000 < Date.now());
}

/**
 * A link's `#token=` never silently replaces the token in use (token fixation: someone else's
 * token would make the analyst work, and be audited, as that someone). The explorer says whose
 * each token is and asks; the rest of the link waits for the answer.
 */
let offeredToken = '';
function offerToken(token: string) {
  offeredToken = token;
  $('token-offer-text').textContent =
    `This link carries another token: ${describeToken(token)}. You are using ${describeToken(state.token)}. Replace yours with the link's?`;
  $('token-offer').dataset.subject = claimsOf(token)?.sub ?? '';
  $('token-offer').hidden = false;
}
function answerOffer(accept: boolean) {
  const token = offeredToken;
  offeredToken = '';
  $('token-offer').hidden = true;
  if (accept && token) {
    setToken(token);
    // what is drawn was answered for the other token: start again under this one
    clearGraph();
    state.focus = '';
    refresh();
  }
  readFragment();
}
$('token-offer-accept').addEventListener('click', () => answerOffer(true));
$('token-offer-keep').addEventListener('click', () => answerOffer(false));

let lastClick = { node: '', at: 0 };
function onNodeClick(node: string, original: MouseEvent | TouchEvent) {
  lastClick = { node, at: Date.now() };
  if (graph.getNodeAttribute(node, 'more')) return expandMore(node);
  if ((original as MouseEvent).shiftKey) {
    state.pathEnds = state.pathEnds.includes(node) ? state.pathEnds.filter((n) => n !== node) : [...state.pathEnds, node].slice(-2);
    return refresh();
  }
  state.selected = { kind: 'node', id: node };
  refresh();
  void expand(node);
}
renderer.on('clickNode', ({ node, event }) => onNodeClick(node, event.original));
// Sigma reports a second click soon after the first as a double click, even on another node.
renderer.on('doubleClickNode', ({ node, event, preventSigmaDefault }) => {
  preventSigmaDefault();
  if (node !== lastClick.node) onNodeClick(node, event.original);
});
renderer.on('clickEdge', ({ edge }) => {
  if (graph.getEdgeAttribute(edge, 'more')) return;
  state.selected = { kind: 'edge', id: edge };
  refresh();
});

$('token-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  setToken(($('token') as HTMLInputElement).value);
});
$('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = ($('search') as HTMLInputElement).value.trim();
  if (text) void search(text);
});
$('from').addEventListener('input', onSlider);
$('to').addEventListener('input', onSlider);
$('path').addEventListener('click', () => void shortestPath());
$('clear').addEventListener('click', () => {
  clearGraph();
  refresh();
});
$('centrality').addEventListener('change', (ev) => void sizeByCentrality((ev.target as HTMLSelectElement).value));
$('communities').addEventListener('change', (ev) => void colourByCommunity((ev.target as HTMLInputElement).checked));
document.querySelectorAll<HTMLButtonElement>('#exports button').forEach((b) => b.addEventListener('click', () => void download(b.dataset.format!)));

/**
 * `#token=…` (never sent to the server: fragments stay in the browser; taken as is only when no
 * token is in use, otherwise offered, see offerToken) and `#focus=<id>&depth=N`.
 */
function readFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token')?.trim();
  if (params.has('token')) {
    params.delete('token');
    history.replaceState(null, '', params.toString() ? `#${params}` : location.pathname);
  }
  if (token && token !== state.token) {
    if (state.token) return offerToken(token); // asks first; the rest of the link waits for the answer
    setToken(token);
  }
  if (offeredToken) return; // still waiting for the analyst's answer
  const focus = params.get('focus');
  if (focus && state.token) {
    const depth = Math.min(Math.max(Number(params.get('depth') ?? 2) || 2, 1), 4);
    if (focus !== state.focus || depth !== state.depth || graph.order === 0) void focusOn(focus, depth);
  }
}

buildFilters();
setToken(sessionStorage.getItem('explorer.token') ?? '');
window.addEventListener('hashchange', readFragment);
readFragment();
refresh();

/** For scripted use and the browser test: the live graph and what is drawn. */
Object.assign(window, {
  explorer: { graph, renderer, state, visibleNodes, visibleEdges, focusOn, expand, search, screenClassification, setWindow: (from: string | null, to: string | null) => {
    state.window = { from, to };
    syncSliders();
    refresh();
  } },
});
