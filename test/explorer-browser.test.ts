/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/paths';
import { FORMATS, READERS } from './support/export-readers';
import { CONF, importFixture, PUB, USERS } from './support/explorer-fixture';
import { resetDatabase, startServer, TestServer, token } from './support/harness';

/**
 * The explorer and the IDE in a real browser (Debian's chromium driven by playwright-core):
 * load /explore with a token, search, expand, move the time slider, check what is drawn, download
 * every export; and check that nothing is loaded from outside the service.
 */

const CHROMIUM = '/usr/bin/chromium';
// The README's picture is refreshed on request only (UPDATE_SCREENSHOT=1): a test run leaves the
// working tree as it found it.
const SCREENSHOT =
  process.env.UPDATE_SCREENSHOT === '1' ? path.join(PROJECT_ROOT, 'docs', 'explorer.png') : path.join(os.tmpdir(), `explorer-${process.pid}.png`);

interface Drawn {
  nodes: string[];
  edges: string[];
  visibleNodes: string[];
  visibleEdges: string[];
  classification: string;
  busy: number;
  lastError: string;
}

describe('explorer in a browser', () => {
  let server: TestServer;
  let ids: Record<string, string>;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const requested: string[] = [];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    ids = await importFixture(server);
    for (const [k, spec] of Object.entries(USERS)) tokens[k] = await token(spec);
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true, // passes --headless
      acceptDownloads: true,
      viewport: { width: 1400, height: 860 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // WebGL without a GPU: SwiftShader, which recent Chromium wants enabled explicitly
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    });
    context.on('request', (r) => requested.push(r.url()));
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    await server?.stop();
  });

  const drawn = (): Promise<Drawn> =>
    page.evaluate(() => {
      const x = (window as any).explorer;
      return {
        nodes: x.graph.nodes(),
        edges: x.graph.edges(),
        visibleNodes: x.visibleNodes(),
        visibleEdges: x.visibleEdges(),
        classification: document.getElementById('banner-top')!.dataset.classification!,
        busy: x.state.busy,
        lastError: x.state.lastError,
      };
    });

  /** Waits until no request of the page is in flight. */
  const settled = () => page.waitForFunction(() => document.getElementById('graph')!.dataset.busy === '0' && (window as any).explorer.state.busy === 0);

  async function neighbourhood(id: string, depth: number) {
    const res = await server.gql<{ neighbourhood: { nodes: Array<{ id: string }>; edges: Array<{ id: string }> } }>(
      'query nb($id: ID!, $depth: Int!) { neighbourhood(id: $id, depth: $depth) { nodes { id } edges { id } } }',
      { id, depth },
      tokens.it,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.neighbourhood;
  }

  async function clickNode(id: string, shift = false) {
    const point = await page.evaluate((node) => {
      const { renderer } = (window as any).explorer;
      const display = renderer.getNodeDisplayData(node);
      const p = renderer.framedGraphToViewport(display);
      const box = document.getElementById('graph')!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, id);
    if (shift) await page.keyboard.down('Shift');
    await page.mouse.click(point.x, point.y);
    if (shift) await page.keyboard.up('Shift');
  }

  it('serves the explorer and its assets from the service itself', async () => {
    const res = await fetch(`${server.url}/explore`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/(src|href)="https?:/);
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/explore');
  });

  it('takes the token from the URL fragment, searches and draws a neighbourhood', async () => {
    await page.goto(`${server.url}/explore#token=${tokens.it}`);
    await page.waitForFunction(() => !!(window as any).explorer);
    expect(page.url()).not.toContain('token='); // removed from the address bar
    await page.selectOption('#depth', '1');
    await page.fill('#search', 'amaro');
    await page.press('#search', 'Enter');
    const hit = page.locator(`#results li[data-id="${ids.a}"]`);
    await hit.waitFor();
    await hit.click();
    await page.waitForFunction(() => Number(document.getElementById('graph')!.dataset.nodes) > 0);
    await settled();
    const state = await drawn();
    const expected = await neighbourhood(ids.a, 1);
    expect(state.lastError).toBe('');
    expect([...state.nodes].sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect([...state.edges].sort()).toEqual(expected.edges.map((e) => e.id).sort());
    expect(state.visibleNodes.length).toBe(state.nodes.length);
    // A–B is also stated by the CONFIDENTIAL report, so the banner says so
    expect(state.classification).toBe('CONFIDENTIAL');
    expect(page.url()).toContain(`focus=${encodeURIComponent(ids.a)}`);
  });

  it('expands a clicked node and explains it in the "why linked?" panel', async () => {
    await clickNode(ids.g);
    await page.waitForFunction((g) => document.getElementById('why-body')!.dataset.selected === g, ids.g);
    await settled();
    const state = await drawn();
    const around = await neighbourhood(ids.g, 1);
    for (const n of around.nodes) expect(state.nodes).toContain(n.id);
    for (const e of around.edges) expect(state.edges).toContain(e.id);
    expect(state.nodes).toContain(ids.c); // C is a member of G, not linked to A
    const reports = await page.$$eval('#why-body tr[data-report]', (rows) => rows.map((r) => (r as HTMLElement).dataset.report).sort());
    expect(reports).toEqual([CONF, PUB].sort());
    const why = await page.textContent('#why-body');
    expect(why).toContain('IT-PS');
    expect(why).toContain('A1'); // CONF's grade
    expect(why).toContain('B2'); // PUB's grade
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10000);
  });

  it('finds the shortest path between two shift-clicked nodes', async () => {
    await clickNode(ids.op1, true);
    await clickNode(ids.c, true);
    await page.waitForFunction(() => !(document.getElementById('path') as HTMLButtonElement).disabled);
    await page.click('#path');
    await settled();
    // the explorer marks the path by link (GraphEdge.linkId); a path edge's own id carries its orientation
    const pathEdges = await page.evaluate(() => [...(window as any).explorer.state.pathEdges]);
    expect(pathEdges).toHaveLength(2);
    const res = await server.gql<{ shortestPaths: Array<{ edges: Array<{ id: string }> }> }>(
      'query p($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to) { edges { id: linkId } } }',
      { from: ids.op1, to: ids.c },
      tokens.it,
    );
    expect([...pathEdges].sort()).toEqual(res.data!.shortestPaths[0].edges.map((e) => e.id).sort());
  });

  it('the time slider hides dated links and entities outside the window', async () => {
    const before = await drawn();
    const dates: string[] = await page.evaluate(() => (window as any).explorer.state.dates);
    const last2021 = dates.filter((d) => d <= '2021-12-31').length - 1;
    expect(last2021).toBeGreaterThan(0);
    expect(dates[dates.length - 1] > '2021-12-31').toBe(true);
    await page.locator('#to').fill(String(last2021));
    await page.waitForFunction(() => document.getElementById('to-label')!.textContent.includes('2021'));
    const after = await drawn();
    const edgeOf = (type: string, a: string, b: string) =>
      page.evaluate(
        ([t, x, y]) => {
          const g = (window as any).explorer.graph;
          return g.edges().filter((e: string) => g.getEdgeAttribute(e, 'linkType') === t && [g.source(e), g.target(e)].sort().join() === [x, y].sort().join());
        },
        [type, a, b],
      );
    const [op2Targeted] = await edgeOf('TARGETED', ids.op2, ids.g); // Operation Heron: 2022
    const [memberA] = await edgeOf('MEMBER_OF', ids.a, ids.g); // since 2018
    const [memberC] = await edgeOf('MEMBER_OF', ids.c, ids.g); // undated
    expect(before.visibleNodes).toContain(ids.op2);
    expect(after.visibleNodes).not.toContain(ids.op2);
    expect(after.visibleEdges).not.toContain(op2Targeted);
    expect(after.visibleEdges).toEqual(expect.arrayContaining([memberA, memberC]));
    expect(after.visibleNodes).toContain(ids.c);
    expect(after.visibleNodes.length).toBeLessThan(before.visibleNodes.length);
  });

  it.each(FORMATS)('downloads the %s export of what is on screen', async (format) => {
    const state = await drawn();
    const label = { graphml: 'GraphML', gexf: 'GEXF', cytoscape: 'Cytoscape', csv: 'i2 CSV' }[format]!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#exports button:has-text("${label}")`)]);
    const file = await download.path();
    const parsed = READERS[format](fs.readFileSync(file, 'utf8'));
    const onScreen = state.visibleNodes.filter((n) => !n.startsWith('more:')).sort();
    expect([...parsed.nodes.keys()].sort()).toEqual(onScreen);
    // Every link drawn is in the file; the file may add links between drawn entities that no
    // answer drew yet (a neighbourhood does not list the links among its outermost entities).
    const drawnEdges = state.visibleEdges.filter((e) => !e.startsWith('more-edge:'));
    expect([...parsed.edges.keys()]).toEqual(expect.arrayContaining(drawnEdges));
    for (const e of parsed.edges.values()) expect(onScreen).toEqual(expect.arrayContaining([e.source, e.target]));
    expect(parsed.classification).toBe(state.classification);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${state.classification}-selection-\\d+\\.`));
  });

  it('filters by entity type', async () => {
    const typesOf = (nodes: string[]): Promise<string[]> =>
      page.evaluate((vs) => vs.map((n: string) => (window as any).explorer.graph.getNodeAttribute(n, 'entityType')), nodes);
    expect(await typesOf((await drawn()).visibleNodes)).toContain('Operation'); // the filter has something to hide
    await page.uncheck('#entity-filters input[data-value="Operation"]');
    await settled();
    const state = await drawn();
    const types = await typesOf(state.visibleNodes);
    expect(types).not.toContain('Operation');
    expect(types).toContain('Person');
  });

  it('caps an expansion with a "+N more" node, which draws the rest when clicked', async () => {
    const spokes = Array.from({ length: 30 }, (_, i) => ({ ref: `s${i}`, type: 'Person', name: `Spoke ${String(i).padStart(2, '0')} Testperson` }));
    const hub = {
      report: {
        id: 'EXPTEST-HUB-0001',
        title: 'Hub',
        date: '2020-01-01',
        agency: 'HR-PN',
        classification: 'UNCLASSIFIED',
        releasableTo: [],
        sourceReliability: 'C',
        informationAccuracy: 3,
      },
      entities: [{ ref: 'hub', type: 'Person', name: 'Hubert Hubovic' }, ...spokes],
      links: spokes.map((sp) => ({ type: 'ASSOCIATE_OF', from: 'hub', to: sp.ref })),
    };
    const loader = await token({ sub: 'loader-hr', roles: ['loader'], agency: 'HR-PN', country: 'HR', clearance: 'SECRET' });
    const imported = await server.gql<{ importReport: { entities: Array<{ ref: string; id: string }> } }>(
      'mutation hub($report: ReportInput!) { importReport(report: $report) { entities { ref id } } }',
      { report: hub },
      loader,
    );
    expect(imported.errors).toBeUndefined();
    const hubIds = Object.fromEntries(imported.data!.importReport.entities.map((e) => [e.ref, e.id]));
    await page.goto('about:blank');
    await page.goto(`${server.url}/explore#focus=${encodeURIComponent(hubIds.s0)}&depth=1`); // the token stays in this tab's session
    await page.waitForFunction(() => Number(document.getElementById('graph')?.dataset.nodes) > 0);
    await settled();
    expect((await drawn()).nodes.sort()).toEqual([hubIds.s0, hubIds.hub].sort());
    await clickNode(hubIds.hub);
    await page.waitForFunction((id) => (window as any).explorer.graph.hasNode(`more:${id}`), hubIds.hub);
    await settled();
    let state = await drawn();
    expect(state.nodes).toHaveLength(2 + 25 + 1); // 25 new spokes and the "+4 more" node
    expect(await page.evaluate((id) => (window as any).explorer.graph.getNodeAttribute(`more:${id}`, 'label'), hubIds.hub)).toBe('+4 more');
    await clickNode(`more:${hubIds.hub}`);
    await page.waitForFunction((id) => !(window as any).explorer.graph.hasNode(`more:${id}`), hubIds.hub);
    state = await drawn();
    expect(state.nodes.sort()).toEqual(Object.values(hubIds).sort());
    expect(state.edges).toHaveLength(30);

    // size by centrality: the hub is the key player
    await page.selectOption('#centrality', 'DEGREE');
    await settled();
    const sizes: Record<string, number> = await page.evaluate(() => {
      const g = (window as any).explorer.graph;
      return Object.fromEntries(g.nodes().map((n: string) => [n, g.getNodeAttribute(n, 'size')]));
    });
    expect(Math.max(...Object.values(sizes))).toBe(sizes[hubIds.hub]);
    expect(sizes[hubIds.hub]).toBeGreaterThan(sizes[hubIds.s1]);
    // colour by community: every entity on screen gets one
    await page.check('#communities');
    await settled();
    const communities: number = await page.evaluate(() => (window as any).explorer.state.community.size);
    expect(communities).toBe(31);
  });

  it('loads nothing from outside the service, and never sends the token in a URL', () => {
    expect(requested.length).toBeGreaterThan(5);
    const outside = requested.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(requested.filter((u) => u.includes(tokens.it))).toEqual([]);
  });

  // issue 16 item 10: token fixation
  it("a link with someone else's token does not replace the one in use: it says whose each is and asks", async () => {
    // the bearer tokens the page sent (all headers, read asynchronously)
    const seen: Array<Promise<string | undefined>> = [];
    const onRequest = (r: { allHeaders(): Promise<Record<string, string>> }) =>
      void seen.push(r.allHeaders().then((h) => h['authorization']?.replace(/^Bearer /, '')));
    const sent = async () => (await Promise.all(seen)).filter((t): t is string => !!t);
    page.on('request', onRequest);
    try {
      const current = async () => page.evaluate(() => ({ state: (window as any).explorer.state.token, stored: sessionStorage.getItem('explorer.token') }));
      // the tab uses the Italian analyst's token (earlier tests); a link carries the Croatian one
      await page.goto('about:blank');
      await page.goto(`${server.url}/explore#token=${tokens.low}&focus=${encodeURIComponent(ids.a)}&depth=1`);
      await page.waitForFunction(() => !!(window as any).explorer);
      expect(page.url()).not.toContain('token=');
      const who = page.locator('#who');
      expect(await who.getAttribute('data-subject')).toBe(USERS.it.sub);
      expect(await who.textContent()).toContain(`${USERS.it.sub} · ${USERS.it.agency}/${USERS.it.country} · ${USERS.it.clearance}`);
      const offer = page.locator('#token-offer');
      await offer.waitFor({ state: 'visible' });
      const text = (await offer.textContent())!;
      expect(text).toContain(`${USERS.low.sub} · ${USERS.low.agency}/${USERS.low.country} · ${USERS.low.clearance}`);
      expect(text).toContain(`You are using ${USERS.it.sub} · ${USERS.it.agency}/${USERS.it.country} · ${USERS.it.clearance}`);
      // nothing replaced, nothing drawn or requested until the analyst answers
      expect(await current()).toEqual({ state: tokens.it, stored: tokens.it });
      await page.waitForTimeout(500);
      expect((await drawn()).nodes).toEqual([]);
      expect(await sent()).toEqual([]);

      // "Keep mine": the link's focus is drawn, with the analyst's own token
      await page.click('#token-offer-keep');
      await offer.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => Number(document.getElementById('graph')!.dataset.nodes) > 0);
      await settled();
      expect(await current()).toEqual({ state: tokens.it, stored: tokens.it });
      expect((await sent()).length).toBeGreaterThan(0);
      expect((await sent()).filter((t) => t !== tokens.it)).toEqual([]);
      expect((await drawn()).nodes).toContain(ids.h); // the IT analyst's view (H is CONFIDENTIAL)

      // the same link again, and "Use the link's token": replaced, the other view drawn afresh
      await page.goto('about:blank');
      await page.goto(`${server.url}/explore#token=${tokens.low}&focus=${encodeURIComponent(ids.a)}&depth=1`);
      await offer.waitFor({ state: 'visible' });
      await page.click('#token-offer-accept');
      await offer.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => Number(document.getElementById('graph')!.dataset.nodes) > 0);
      await settled();
      expect(await current()).toEqual({ state: tokens.low, stored: tokens.low });
      expect(await who.getAttribute('data-subject')).toBe(USERS.low.sub);
      expect(await who.textContent()).toContain(`${USERS.low.sub} · ${USERS.low.agency}/${USERS.low.country} · ${USERS.low.clearance}`);
      expect((await drawn()).nodes).not.toContain(ids.h);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('a restricted analyst sees only what they may, with the banner to match', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/explore#token=${tokens.low}&focus=${encodeURIComponent(ids.a)}&depth=2`);
    await page.waitForFunction(() => Number(document.getElementById('graph')?.dataset.nodes) > 0);
    await settled();
    const state = await drawn();
    expect(state.nodes).not.toContain(ids.h);
    expect(state.classification).toBe('UNCLASSIFIED');
    const text = await page.evaluate(() => JSON.stringify((window as any).explorer.graph.export()));
    expect(text).not.toContain(CONF);
    expect(text).not.toMatch(/hektor|heron|vlora/i);
  });

  it('serves GraphiQL offline on GET /graphql, with the token in the header editor', async () => {
    await page.goto(`${server.url}/graphql#token=${tokens.it}`);
    await page.waitForSelector('.graphiql-container');
    const headers = await page.evaluate(() => document.body.innerText);
    expect(headers).toContain('Bearer');
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('totalCount'));
    const outside = requested.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    // A GraphQL client still gets GraphQL on the same URL.
    const api = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${tokens.it}` },
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('GraphQL IDE switch', () => {
  it('is off when GRAPHQL_IDE=false (as in production by default)', async () => {
    const server = await startServer({ GRAPHQL_IDE: 'false' });
    try {
      const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(400); // a GraphQL client error (no query), not the IDE's page
      expect(await res.text()).not.toContain('graphiql');
      const explore = await fetch(`${server.url}/explore`);
      expect(explore.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
