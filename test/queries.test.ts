import { entityIdOf } from './support/fixtures';
import { importFile, startSeededServer, TestServer } from './support/harness';
import {
  ASSOCIATION_KINDS,
  CLASSIFICATIONS,
  COMMODITIES,
  EVENT_KINDS,
  GENDERS,
  HANDLING_CODES,
  LOCATION_KINDS,
  OPERATION_KINDS,
  ORGANISATION_KINDS,
  ROUTE_MODES,
  SOURCE_RELIABILITY,
  UNITS,
} from '../src/domain/vocabulary';

/** Queries over the demo data of seed/ (imported through the real importer). */
describe('entity queries over the demo data', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSeededServer();
  });
  afterAll(() => server.stop());

  it('finds Škaljari whatever the case and diacritics, fuzzily, and by alias', async () => {
    for (const text of ['skaljari', 'ŠKALJARI', 'Skaljary', 'škaljari clan']) {
      const res = await server.gql('query ($t: String!) { search(text: $t, types: [Organisation]) { totalCount edges { node { id label } } } }', { t: text });
      expect(res.errors).toBeUndefined();
      expect(res.data!.search.edges[0].node).toEqual({
        id: entityIdOf({ type: 'Organisation', name: 'Škaljari clan', country: 'ME' }),
        label: 'Škaljari clan',
      });
    }
    const cyrillicFree = await server.gql('{ search(text: "mucaj") { edges { node { label } } } }');
    expect(cyrillicFree.data!.search.edges.map((e: { node: { label: string } }) => e.node.label)).toContain('Klodian Muçaj');
  });

  it('paginates search results stably, without overlap, to the exact total', async () => {
    const query =
      'query ($after: String) { search(text: "an", first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 50; page++) {
      const res: { data?: Record<string, any> } = await server.gql(query, { after });
      const s = res.data!.search;
      total = s.totalCount;
      seen.push(...s.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!s.pageInfo.hasNextPage) break;
      after = s.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(6);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    // The same query again gives the same order.
    const again = await server.gql('{ search(text: "an", first: 100) { edges { node { id } } } }');
    expect(again.data!.search.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(seen);
  });

  it('lists persons by nationality with keyset pagination that survives inserts before the cursor', async () => {
    const first = await server.gql(
      '{ persons(nationality: "AL", first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id ... on Person { name nationalities } } } } }',
    );
    const page1 = first.data!.persons;
    expect(page1.totalCount).toBeGreaterThan(2);
    for (const e of page1.edges) expect(e.node.nationalities).toContain('AL');
    // A person sorting before the cursor appears; the next page must not repeat or skip anyone.
    await importFile(
      server.db,
      await writeTemp({
        report: { id: 'TEST-INSERT-1', title: 't', date: '2022-01-01', agency: 'AL-ASP', classification: 'UNCLASSIFIED' },
        entities: [{ ref: 'a', type: 'Person', name: 'Aaaa Inserted', nationalities: ['AL'] }],
        links: [],
      }),
    );
    const second = await server.gql(
      'query ($after: String) { persons(nationality: "AL", first: 100, after: $after) { totalCount pageInfo { hasPreviousPage } edges { node { id } } } }',
      { after: page1.pageInfo.endCursor },
    );
    const ids = second.data!.persons.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(second.data!.persons.totalCount).toBe(page1.totalCount + 1);
    expect(second.data!.persons.pageInfo.hasPreviousPage).toBe(true);
    expect(ids).toHaveLength(page1.totalCount - 2);
    for (const e of page1.edges) expect(ids).not.toContain(e.node.id);
    const byName = await server.gql('{ persons(name: "mucaj") { edges { node { ... on Person { name } } } } }');
    expect(byName.data!.persons.edges).toEqual([{ node: { name: 'Klodian Muçaj' } }]);
  });

  it('lists operations by country, kind and date window', async () => {
    const res = await server.gql(
      '{ operations(country: "ES", from: "2021-01-01", to: "2021-12-31") { totalCount edges { node { ... on Operation { name countries startDate endDate } } } } }',
    );
    expect(res.errors).toBeUndefined();
    const ops = res.data!.operations.edges.map((e: { node: any }) => e.node);
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops) {
      expect(op.countries).toContain('ES');
      expect((op.endDate ?? op.startDate) >= '2021-01-01').toBe(true);
      expect(op.startDate <= '2021-12-31').toBe(true);
    }
    const none = await server.gql('{ operations(country: "ES", from: "1990-01-01", to: "1990-12-31") { totalCount } }');
    expect(none.data!.operations.totalCount).toBe(0);
  });

  it('lists seizures by commodity and country, with totals per commodity and unit that add up', async () => {
    const all = await server.gql(
      '{ seizures(first: 500) { totalCount edges { node { ... on Seizure { commodity quantity unit } } } } seizureTotals { commodity unit quantity seizures } }',
    );
    expect(all.errors).toBeUndefined();
    const seizures = all.data!.seizures.edges.map((e: { node: any }) => e.node);
    const totals = all.data!.seizureTotals as Array<{ commodity: string; unit: string | null; quantity: number; seizures: number }>;
    expect(totals.reduce((n, t) => n + t.seizures, 0)).toBe(all.data!.seizures.totalCount);
    for (const t of totals) {
      const matching = seizures.filter((s: any) => s.commodity === t.commodity && (s.unit ?? null) === t.unit);
      expect(matching).toHaveLength(t.seizures);
      expect(t.quantity).toBeCloseTo(
        matching.reduce((n: number, s: any) => n + (s.quantity ?? 0), 0),
        6,
      );
    }
    const cocaine = await server.gql('{ seizureTotals(commodity: COCAINE, country: "ES") { commodity unit quantity } }');
    expect(cocaine.data!.seizureTotals.find((t: any) => t.unit === 'KG').quantity).toBeGreaterThanOrEqual(408);
    // an aggregate of a few rows, answered whole in (commodity, unit) order: it takes no page arguments
    const order = totals.map((t) => [t.commodity, t.unit ?? '\uffff'].join(' ')); // Cypher puts a null unit last
    expect(order).toEqual([...order].sort());
    const paged = await server.gql('{ seizureTotals(first: 1) { commodity } }');
    expect(paged.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Unknown argument "first"'),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('shows every closed field of the demo data as a value of its enum', async () => {
    // each type's kind is its own enum: selected side by side, they need aliases (GraphQL's field merging rule)
    const res = await server.gql(`{ centrality(algorithm: DEGREE, top: 500) { entity { __typename
      sources { sourceReliability report { classification handlingCodes sourceReliability } }
      ... on Person { gender associates(first: 20) { kind } } ... on Organisation { organisationKind: kind } ... on Operation { operationKind: kind }
      ... on Seizure { commodity unit } ... on Route { commodities mode } ... on Location { locationKind: kind } ... on Event { eventKind: kind } } } }`);
    expect(res.errors).toBeUndefined();
    const entities: Array<Record<string, any>> = res.data!.centrality.map((s: { entity: unknown }) => s.entity);
    expect(entities.length).toBeLessThan(500); // the whole demo graph, countries excepted
    const seen = new Map<string, Set<unknown>>();
    const note = (where: string, values: unknown[]) => values.forEach((v) => v !== null && seen.set(where, (seen.get(where) ?? new Set()).add(v)));
    for (const e of entities) {
      for (const [field, value] of Object.entries(e))
        if (field !== '__typename' && field !== 'sources' && field !== 'associates') note(`${e.__typename}.${field}`, [value].flat());
      for (const s of e.sources) {
        note('Source.sourceReliability', [s.sourceReliability]);
        note('Report.classification', [s.report.classification]);
        note('Report.handlingCodes', s.report.handlingCodes);
        note('Report.sourceReliability', [s.report.sourceReliability]);
      }
      note(
        'Link.kind',
        (e.associates ?? []).map((l: { kind: unknown }) => l.kind),
      );
    }
    const vocabulary: Record<string, readonly unknown[]> = {
      'Person.gender': GENDERS,
      'Organisation.organisationKind': ORGANISATION_KINDS,
      'Operation.operationKind': OPERATION_KINDS,
      'Seizure.commodity': COMMODITIES,
      'Seizure.unit': UNITS,
      'Route.commodities': COMMODITIES,
      'Route.mode': ROUTE_MODES,
      'Location.locationKind': LOCATION_KINDS,
      'Event.eventKind': EVENT_KINDS,
      'Link.kind': ASSOCIATION_KINDS,
      'Source.sourceReliability': SOURCE_RELIABILITY,
      'Report.sourceReliability': SOURCE_RELIABILITY,
      'Report.classification': CLASSIFICATIONS,
      'Report.handlingCodes': HANDLING_CODES,
    };
    expect([...seen.keys()].sort()).toEqual(Object.keys(vocabulary).sort());
    for (const [where, values] of seen) expect({ where, unknown: [...values].filter((v) => !vocabulary[where].includes(v)) }).toEqual({ where, unknown: [] });
  });

  it('answers a missing id with null, and a hidden-or-missing report the same way', async () => {
    const res = await server.gql('{ entity(id: "person:nobody") { id } report(id: "NOPE") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ entity: null, report: null });
  });

  it('rejects a forged cursor with BAD_USER_INPUT', async () => {
    const res = await server.gql('{ persons(after: "not-a-cursor") { totalCount } }');
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

async function writeTemp(doc: unknown): Promise<string> {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-')), 'r.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}
