import { mintToken } from '../src/auth/tokens';
import { ReportImporter } from '../src/import/importer';
import { entityIdOf } from './support/fixtures';
import { GqlResponse, resetDatabase, startServer, TestServer, token } from './support/harness';

/**
 * Cost limits (issue 5): every over-sized request is refused with a stable `extensions.code`
 * (QUERY_TOO_COMPLEX unless noted) and no data; errors never carry a stack trace or Cypher.
 */

const P1 = entityIdOf({ type: 'Person', name: 'Lima One' });
const P2 = entityIdOf({ type: 'Person', name: 'Lima Two' });
const P3 = entityIdOf({ type: 'Person', name: 'Lima Three' });
const ORG = entityIdOf({ type: 'Organisation', name: 'Lima group', country: 'ME' });

const REPORT = {
  report: { id: 'LIMITS-0001', title: 'limits fixture', date: '2024-01-01', agency: 'ME-UP', classification: 'UNCLASSIFIED' },
  entities: [
    { ref: 'p1', type: 'Person', name: 'Lima One', nationalities: ['ME'] },
    { ref: 'p2', type: 'Person', name: 'Lima Two', nationalities: ['AL'] },
    { ref: 'p3', type: 'Person', name: 'Lima Three' },
    { ref: 'g', type: 'Organisation', name: 'Lima group', kind: 'CRIMINAL_GROUP', country: 'ME' },
  ],
  links: [
    { type: 'MEMBER_OF', from: 'p1', to: 'g' },
    { type: 'MEMBER_OF', from: 'p2', to: 'g' },
    { type: 'ASSOCIATE_OF', from: 'p2', to: 'p3' },
  ],
};

/** Every error answer seen in this file, checked at the end for stack traces and Cypher. */
const errorAnswers: unknown[] = [];

function expectRefused(res: GqlResponse, code = 'QUERY_TOO_COMPLEX', status?: number) {
  errorAnswers.push(res);
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(res.errors!.map((e) => e.extensions?.code)).toEqual(res.errors!.map(() => code));
  // no data: either none at all, or every root field null
  const data = res.data ?? null;
  if (data) for (const value of Object.values(data)) expect(value).toBeNull();
  // a refused request is the client's fault: never a 5xx
  if (status !== undefined) expect({ status: res.status }).toEqual({ status });
  else expect(res.status).toBeLessThan(500);
}

function expectNoInternals(answer: unknown) {
  const text = JSON.stringify(answer);
  expect(text).not.toMatch(/stacktrace|"stack"|exception/i);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(?[^)]*:\d+:\d+\)?/); // a stack frame
  expect(text).not.toMatch(/\.(ts|js):\d+/);
  expect(text).not.toMatch(/\b(MATCH|OPTIONAL MATCH|UNWIND|RETURN|CALL db\.|WITH \w+ ORDER BY)\b/);
  expect(text).not.toMatch(/Neo\.(Client|Transient|Database)Error|neo4j|cypher|bolt:\/\//i);
}

describe('cost limits', () => {
  let server: TestServer;
  let analyst: string;
  const gql = (query: string, variables?: Record<string, unknown>) => server.gql(query, variables, analyst);

  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    await new ReportImporter(server.db).import(REPORT, 'limits-test');
    analyst = await token({ sub: 'limits-analyst', roles: ['analyst'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' });
  });
  afterAll(() => server.stop());

  describe('query depth (MAX_QUERY_DEPTH = 8)', () => {
    it('refuses memberships → members nested beyond depth 8', async () => {
      const res = await gql(`query deep { entity(id: "${P1}") { ... on Person { memberships { entity { ... on Organisation { members { entity {
        ... on Person { memberships { entity { ... on Organisation { members { entity { ... on Person { memberships { entity { id } } } } } } } } } } } } } } } } }`);
      expectRefused(res, 'QUERY_TOO_COMPLEX', 400);
      expect(res.errors![0].message).toMatch(/depth/i);
    });

    it('refuses the same depth hidden in nested named fragments', async () => {
      const res = await gql(`query deepFragments { entity(id: "${P1}") { ...F1 } }
        fragment F1 on Person { memberships { entity { ...F2 } } }
        fragment F2 on Organisation { members { entity { ...F3 } } }
        fragment F3 on Person { memberships { entity { ...F4 } } }
        fragment F4 on Organisation { members { entity { ...F5 } } }
        fragment F5 on Person { memberships { entity { id } } }`);
      expectRefused(res, 'QUERY_TOO_COMPLEX', 400);
    });

    it('answers a query within the limit', async () => {
      const res = await gql(
        `query shallow { entity(id: "${P1}") { ... on Person { memberships { entity { ... on Organisation { members { entity { id } } } } } } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.entity.memberships[0].entity.members.map((m: { entity: { id: string } }) => m.entity.id).sort()).toEqual([P1, P2].sort());
    });
  });

  describe('aliases (MAX_ALIASES = 15)', () => {
    it('refuses a flood of 50 aliases of entity', async () => {
      const body = Array.from({ length: 50 }, (_, i) => `a${i}: entity(id: "${P1}") { id }`).join('\n');
      const res = await gql(`query aliasFlood { ${body} }`);
      expectRefused(res, 'QUERY_TOO_COMPLEX', 400);
      expect(res.errors![0].message).toMatch(/alias/i);
    });

    it('refuses aliases hidden deep inside nested fields', async () => {
      const inner = Array.from({ length: 20 }, (_, i) => `l${i}: links { id }`).join(' ');
      const res = await gql(`query nestedAliases { entity(id: "${P1}") { ${inner} } }`);
      expectRefused(res, 'QUERY_TOO_COMPLEX', 400);
    });

    it('answers 10 aliases', async () => {
      const body = Array.from({ length: 10 }, (_, i) => `a${i}: entity(id: "${P1}") { id }`).join('\n');
      const res = await gql(`query fewAliases { ${body} }`);
      expect(res.errors).toBeUndefined();
      expect(Object.keys(res.data!)).toHaveLength(10);
    });
  });

  describe('page sizes and result bounds (MAX_PAGE_SIZE = 500, MAX_SUBGRAPH_NODES = 2000)', () => {
    it.each([
      ['persons(first: 100000)', 'query big { persons(first: 100000) { totalCount edges { node { id } } } }'],
      ['persons(first: -1)', 'query big { persons(first: -1) { totalCount } }'],
      ['search(first: 100000)', 'query big { search(text: "lima", first: 100000) { totalCount } }'],
      ['reports(first: 100000)', 'query big { reports(first: 100000) { totalCount } }'],
      ['operations(first: 100000)', 'query big { operations(first: 100000) { totalCount } }'],
      ['seizures(first: 100000)', 'query big { seizures(first: 100000) { totalCount } }'],
      ['centrality(top: 100000)', 'query big { centrality(algorithm: DEGREE, top: 100000) { score } }'],
      ['timeline(limit: 100000)', `query big { timeline(id: "${P1}", limit: 100000) { date } }`],
      ['crossBorder(top: 100000)', 'query big { crossBorder(top: 100000) { countryLinks { links } } }'],
      ['neighbourhood(limit: 100000)', `query big { neighbourhood(id: "${P1}", limit: 100000) { nodes { id } } }`],
    ])('refuses %s', async (_name, query) => {
      expectRefused(await gql(query));
    });

    it('refuses auditLog(first: 600) with the same code as every page size', async () => {
      const admin = await token({ sub: 'limits-admin', roles: ['admin'] });
      const res = await server.gql('query big { auditLog(first: 600) { totalCount } }', undefined, admin);
      expectRefused(res);
      expect(res.errors![0].extensions).toMatchObject({ argument: 'first', min: 0, max: 500 });
    });

    it('refuses a nested links(first: 100000) and gives no data for it', async () => {
      const res = await gql(`query bigNested { entity(id: "${P1}") { id links(first: 100000) { id } } }`);
      errorAnswers.push(res);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(res.data?.entity ?? null).toBeNull(); // links is non-null: the error nulls the entity
    });

    it('answers first: 500, the maximum', async () => {
      const res = await gql('query max { persons(first: 500) { totalCount edges { node { id } } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data!.persons.totalCount).toBe(3);
    });
  });

  describe('hops (MAX_HOPS = 8; neighbourhood depth 1-4)', () => {
    it('refuses shortestPaths with maxLength 50', async () => {
      const res = await gql(`query hops { shortestPaths(from: "${P1}", to: "${P3}", maxLength: 50, all: true) { length } }`);
      expectRefused(res);
    });

    it('refuses connectingNetwork with maxLength 50', async () => {
      expectRefused(await gql(`query hops { connectingNetwork(ids: ["${P1}", "${P3}"], maxLength: 50) { nodes { id } } }`));
    });

    it('refuses shortestPaths with maxLength 0', async () => {
      expectRefused(await gql(`query hops { shortestPaths(from: "${P1}", to: "${P3}", maxLength: 0) { length } }`));
    });

    it('refuses neighbourhood depth 9', async () => {
      expectRefused(await gql(`query hops { neighbourhood(id: "${P1}", depth: 9) { nodes { id } } }`));
    });

    it('refuses neighbourhood depth 9 with limit 100000 (both out of bounds)', async () => {
      expectRefused(await gql(`query hops { neighbourhood(id: "${P1}", depth: 9, limit: 100000) { nodes { id } } }`));
    });

    it('refuses an analysis scope of depth 9 (noted: BAD_USER_INPUT or QUERY_TOO_COMPLEX)', async () => {
      const res = await gql(`query hops { centrality(algorithm: DEGREE, scope: { around: "${P1}", depth: 9 }) { score } }`);
      errorAnswers.push(res);
      expect(['QUERY_TOO_COMPLEX', 'BAD_USER_INPUT']).toContain(res.errors?.[0].extensions?.code);
      expect(res.data ?? null).toBeNull();
    });

    it('refuses connectingNetwork over more than 10 ids (noted: BAD_USER_INPUT)', async () => {
      const ids = Array.from({ length: 11 }, (_, i) => `person:x${i}`);
      expectRefused(await gql('query manyIds($ids: [ID!]!) { connectingNetwork(ids: $ids) { nodes { id } } }', { ids }), 'BAD_USER_INPUT');
    });

    it('answers within the bounds', async () => {
      const paths = await gql(`query okHops { shortestPaths(from: "${P1}", to: "${P3}", maxLength: 8) { length nodes { id } } }`);
      expect(paths.errors).toBeUndefined();
      expect(paths.data!.shortestPaths).toEqual([{ length: 3, nodes: [{ id: P1 }, { id: ORG }, { id: P2 }, { id: P3 }] }]);
      const hood = await gql(`query okHood { neighbourhood(id: "${P1}", depth: 4, limit: 2000) { nodes { id } truncated } }`);
      expect(hood.errors).toBeUndefined();
      expect(hood.data!.neighbourhood.truncated).toBe(false);
    });
  });

  describe('tokens and directives (MAX_TOKENS = 2000, MAX_DIRECTIVES = 10)', () => {
    it('refuses a document of more than 2000 tokens (no aliases, depth 2)', async () => {
      const res = await gql(`query tokens { serviceInfo { ${'version '.repeat(2100)} } }`);
      expectRefused(res, 'QUERY_TOO_COMPLEX', 400);
    });

    it('refuses more than 10 directives', async () => {
      const res = await gql(`query directives { serviceInfo { ${'version @include(if: true) '.repeat(12)} } }`);
      expectRefused(res, 'QUERY_TOO_COMPLEX', 400);
    });

    it('answers a large but allowed document', async () => {
      const res = await gql(`query manyTokens { serviceInfo { ${'version '.repeat(500)} } }`);
      expect(res.errors).toBeUndefined();
    });
  });

  describe('request body (BODY_LIMIT = 2mb)', () => {
    it('refuses a body over 2mb with HTTP 413 and a GraphQL-shaped error, without a stack', async () => {
      const body = JSON.stringify({ query: 'query huge($x: String) { persons(name: $x) { totalCount } }', variables: { x: 'a'.repeat(2.2 * 1024 * 1024) } });
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
        body,
      });
      expect(res.status).toBe(413);
      const json = (await res.json()) as GqlResponse;
      errorAnswers.push(json);
      expect(json.data ?? null).toBeNull();
      expect(json.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('refuses malformed JSON with 400, without a stack', async () => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
        body: '{"query": "{ persons { totalCount } }"',
      });
      expect(res.status).toBe(400);
      const json = await res.json();
      errorAnswers.push(json);
      expect((json as GqlResponse).errors?.[0].extensions?.code).toBeDefined();
    });
  });

  describe('CSRF prevention', () => {
    it('refuses a simple (non-preflighted) text/plain POST and a GET without a preflight header', async () => {
      const post = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${analyst}` },
        body: JSON.stringify({ query: '{ persons { totalCount } }' }),
      });
      expect(post.status).toBe(400);
      expect(await post.text()).not.toMatch(/totalCount"\s*:\s*\d/);
      const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ persons { totalCount } }')}`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      expect(get.status).toBe(400);
      expect(await get.text()).not.toMatch(/totalCount"\s*:\s*\d/);
    });
  });

  describe('errors are masked', () => {
    it('a database error answers INTERNAL_SERVER_ERROR without Cypher or a stack', async () => {
      // Date.parse accepts this, Cypher's datetime() does not: the database raises an error
      const admin = await token({ sub: 'limits-admin', roles: ['admin'] });
      const res = await server.gql('query badDate { auditLog(from: "Tue Mar 01 2022") { totalCount } }', undefined, admin);
      errorAnswers.push(res);
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(['INTERNAL_SERVER_ERROR', 'BAD_USER_INPUT']).toContain(res.errors![0].extensions?.code);
      expect(res.data ?? null).toBeNull();
    });

    it('validation, parse and argument errors carry a stable code', async () => {
      for (const q of ['{ persons { nope } }', '{ persons { ', '{ entity(id: true) { id } }', '{ shortestPaths(from: "a", to: "a") { length } }']) {
        const res = await gql(q);
        errorAnswers.push(res);
        expect(res.errors?.length).toBeGreaterThan(0);
        for (const e of res.errors!) expect(typeof e.extensions?.code).toBe('string');
      }
    });
  });

  describe('rate limit (per subject)', () => {
    let limited: TestServer;
    beforeAll(async () => {
      limited = await startServer({ RATE_LIMIT_PER_MINUTE: '5' });
    });
    afterAll(() => limited.stop());

    it('the 6th request of one subject within a minute gets 429 RATE_LIMITED; another subject still passes', async () => {
      const a = await token({ sub: 'rate-a', roles: ['analyst'] });
      const b = await token({ sub: 'rate-b', roles: ['analyst'] });
      for (let i = 0; i < 5; i++) {
        const ok = await limited.gql('query rl { persons { totalCount } }', undefined, a);
        expect(ok.status).toBe(200);
        expect(ok.errors).toBeUndefined();
      }
      const sixth = await limited.gql('query rl { persons { totalCount } }', undefined, a);
      errorAnswers.push(sixth);
      expect(sixth.status).toBe(429);
      expect(sixth.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
      expect(sixth.data ?? null).toBeNull();
      // a fresh token of the same subject does not reset the budget
      const again = await limited.gql('query rl { persons { totalCount } }', undefined, await token({ sub: 'rate-a', roles: ['analyst'] }));
      expect(again.status).toBe(429);
      const other = await limited.gql('query rl { persons { totalCount } }', undefined, b);
      expect(other.status).toBe(200);
      expect(other.errors).toBeUndefined();
      expect(other.data!.persons.totalCount).toBe(3);
    });
  });

  describe('production mode', () => {
    const SECRET = 'prod-secret-for-tests-0123456789abcdefgh'; // 40 characters
    let prod: TestServer;
    let prodToken: string;
    beforeAll(async () => {
      expect(SECRET).toHaveLength(40);
      prod = await startServer({ NODE_ENV: 'production', JWT_SECRET: SECRET, IDENTITY_SECRET: 'production-identity-secret-0123456789abcdef' });
      prodToken = await mintToken(SECRET, { sub: 'prod-analyst', roles: ['analyst'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' });
    });
    afterAll(() => prod.stop());

    it('serves ordinary queries', async () => {
      const res = await prod.gql('query prodOk { persons { totalCount } }', undefined, prodToken);
      expect(res.errors).toBeUndefined();
      expect(res.data!.persons.totalCount).toBe(3);
    });

    it('refuses tokens signed with the development secret', async () => {
      const res = await prod.gql('query prodDev { persons { totalCount } }', undefined, await token());
      expect(res.status).toBe(401);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    it.each([
      ['__schema', 'query intro { __schema { queryType { name } types { name fields { name } } } }'],
      ['__type', 'query intro { __type(name: "Person") { name fields { name } } }'],
    ])('refuses introspection (%s)', async (_n, q) => {
      const res = await prod.gql(q, undefined, prodToken);
      errorAnswers.push(res);
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(res.data ?? null).toBeNull();
      expect(JSON.stringify(res)).not.toMatch(/"fields"|PersonConnection|"queryType"/);
    });

    it('gives no "Did you mean" suggestion for a misspelt field (the development server does)', async () => {
      const misspelt = 'query typo { persns { totalCount } }';
      const res = await prod.gql(misspelt, undefined, prodToken);
      errorAnswers.push(res);
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.errors)).not.toMatch(/did you mean|persons/i);
      const argTypo = await prod.gql('query typo2 { persons(frist: 2) { totalCount } }', undefined, prodToken);
      expect(JSON.stringify(argTypo.errors)).not.toMatch(/did you mean|"first"/i);
      const dev = await server.gql(misspelt, undefined, analyst);
      expect(JSON.stringify(dev.errors)).toMatch(/did you mean/i); // the check above can fail
    });

    it('errors in production carry no stack either', async () => {
      const res = await prod.gql('{ entity(id: 5) { id } nope }', undefined, prodToken);
      errorAnswers.push(res);
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const e of res.errors!) expect(typeof e.extensions?.code).toBe('string');
    });

    it('has no landing page', async () => {
      const res = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
      // a GraphQL answer (a client error: no query), not a page
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(await res.text()).not.toMatch(/<html|<script|sandbox|landing/i);
    });
  });

  it('no error answer above carries a stack trace or Cypher', () => {
    expect(errorAnswers.length).toBeGreaterThan(30);
    for (const answer of errorAnswers) expectNoInternals(answer);
  });
});
