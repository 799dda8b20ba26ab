import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { queryCost } from '../src/graphql/cost';
import { buildGraphQLSchema } from '../src/graphql/schema';
import { ReportImporter } from '../src/import/importer';
import { logger } from '../src/logger';
import { resetDatabase, startServer, TestServer, token } from './support/harness';

/** Issue 9 items 6 (priced queries), 8 (rate limits) and 9 (client mistakes are 4xx with a stable code). */

const CLIQUE = 40;
const clique = {
  report: { id: 'HARDEN-CLIQUE', title: 'a clique', date: '2024-01-01', agency: 'ME-UP', classification: 'UNCLASSIFIED' },
  entities: Array.from({ length: CLIQUE }, (_, i) => ({ ref: `p${i}`, type: 'Person', name: `Clique member ${i}` })),
  links: Array.from({ length: CLIQUE }, (_, i) =>
    Array.from({ length: CLIQUE - i - 1 }, (_, j) => ({ type: 'ASSOCIATE_OF', from: `p${i}`, to: `p${i + j + 1}` })),
  ).flat(),
};

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

describe('hardening', () => {
  let server: TestServer;
  let analyst: string;
  let firstId: string;

  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    const outcome = await new ReportImporter(server.db).import(clique, 'hardening-test');
    firstId = outcome.entities.find((e) => e.ref === 'p0')!.id;
    analyst = await token({ sub: 'hardening-analyst' });
  });
  afterAll(() => server.stop());

  describe('query pricing (MAX_QUERY_COST)', () => {
    const threeLevels = (first: number) => `query threeLevels($id: ID!) { entity(id: $id) { ... on Person {
      associates(first: ${first}) { entity { id label ... on Person {
        associates(first: ${first}) { entity { id label ... on Person {
          associates(first: ${first}) { entity { id label } } } } } } } } } } }`;

    it('refuses three levels of associates(first: 39) before running it, with the estimate', async () => {
      const before = server.db.queryCount;
      const res = await server.gql(threeLevels(39), { id: firstId });
      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', budget: 100000, cost: expect.any(Number) });
      expect(res.errors![0].extensions!.cost).toBeGreaterThan(200000);
      expect(server.db.queryCount - before).toBeLessThanOrEqual(3); // nothing but the audit entry
    });

    it('prices linearly in each list size and answers an ordinary three-level query', async () => {
      const schema = buildGraphQLSchema();
      const cost = (first: number) => queryCost(schema, parse(threeLevels(first)), { id: 'x' });
      expect(cost(20) / cost(10)).toBeGreaterThan(7); // ~ (20/10)^3 through three levels
      expect(cost(20) / cost(10)).toBeLessThan(9);
      const res = await server.gql(threeLevels(5), { id: firstId });
      expect(res.errors).toBeUndefined();
      expect(res.data!.entity.associates).toHaveLength(5);
      expect(res.data!.entity.associates[0].entity.associates[0].entity.associates).toHaveLength(5);
    });

    it('the examples of the README and docs/ stay within the budget', () => {
      const schema = buildGraphQLSchema();
      const root = path.resolve(__dirname, '..');
      const pages = [
        'README.md',
        ...fs
          .readdirSync(path.join(root, 'docs'))
          .filter((f) => f.endsWith('.md'))
          .map((f) => path.join('docs', f)),
      ];
      const readme = pages.map((page) => fs.readFileSync(path.join(root, page), 'utf8')).join('\n');
      const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
      expect(blocks.length).toBeGreaterThan(3);
      for (const block of blocks) {
        const doc = parse(block);
        for (const op of doc.definitions) {
          if (op.kind !== Kind.OPERATION_DEFINITION || (op.variableDefinitions ?? []).some((v) => v.type.kind === Kind.NON_NULL_TYPE)) continue;
          expect({ op: op.name?.value ?? block.slice(0, 60), ok: queryCost(schema, doc, {}, op.name?.value) <= 100000 }).toEqual({
            op: op.name?.value ?? block.slice(0, 60),
            ok: true,
          });
        }
      }
    });

    it('replaces an answer over MAX_RESPONSE_BYTES with an error, not a truncated JSON', async () => {
      const small = await startServer({ MAX_RESPONSE_BYTES: '2000' });
      try {
        const res = await small.gql('query bigAnswer { __schema { types { name description } } }');
        expect(res.status).toBe(400);
        expect(res.data ?? null).toBeNull();
        expect(res.errors![0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 2000 });
        const fine = await small.gql('query smallAnswer { __typename }');
        expect(fine.data).toEqual({ __typename: 'Query' });
      } finally {
        await small.stop();
      }
    });
  });

  describe('rate limits', () => {
    it('limits each client address, unauthenticated requests included', async () => {
      const s = await startServer({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '5' });
      try {
        const statuses: number[] = [];
        let last: { status: number; json: any } | undefined;
        for (let i = 0; i < 7; i++) {
          last = await post(s.url, JSON.stringify({ query: '{ __typename }' }));
          statuses.push(last.status);
        }
        expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
        expect(statuses.slice(5)).toEqual([429, 429]);
        expect(last!.json.errors[0].extensions.code).toBe('RATE_LIMITED');
      } finally {
        await s.stop();
      }
    });

    it('freshly minted subjects do not escape: the address limit still applies', async () => {
      const s = await startServer({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '6', RATE_LIMIT_PER_MINUTE: '1000' });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) statuses.push((await s.gql('{ __typename }', undefined, await token({ sub: `fresh-${i}` }))).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
      } finally {
        await s.stop();
      }
    });

    it('limits each subject', async () => {
      const s = await startServer({ RATE_LIMIT_PER_MINUTE: '3' });
      try {
        const mine = await token({ sub: 'busy-analyst' });
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await s.gql('{ __typename }', undefined, mine)).status);
        expect(statuses).toEqual([200, 200, 200, 429]);
        expect((await s.gql('{ __typename }', undefined, await token({ sub: 'calm-analyst' }))).status).toBe(200);
      } finally {
        await s.stop();
      }
    });

    it('caps the analyses a subject has in flight', async () => {
      const s = await startServer({ MAX_CONCURRENT_ANALYSES: '2' });
      try {
        const three = await s.gql(
          'query threeAnalyses { a: centrality(algorithm: DEGREE) { score } b: centrality(algorithm: PAGERANK) { score } c: communities(algorithm: LOUVAIN) { modularity } }',
        );
        expect(three.status).toBe(429);
        expect(three.errors![0].extensions!.code).toBe('RATE_LIMITED');
        // sequential requests within the cap run, and release their slots
        for (let i = 0; i < 3; i++) {
          const two = await s.gql('query twoAnalyses { a: centrality(algorithm: DEGREE) { score } b: centrality(algorithm: PAGERANK) { score } }');
          expect(two.errors).toBeUndefined();
        }
        // in parallel, two requests of two analyses each cannot both hold slots at once
        const parallel = await Promise.all(
          Array.from({ length: 6 }, () =>
            s.gql('query parallelAnalyses { a: centrality(algorithm: BETWEENNESS) { score } b: centrality(algorithm: CLOSENESS) { score } }'),
          ),
        );
        expect(parallel.some((r) => r.status === 429)).toBe(true);
        expect(parallel.some((r) => r.status === 200)).toBe(true);
      } finally {
        await s.stop();
      }
    });
  });

  describe('client mistakes are 4xx with a stable code', () => {
    it("operation-name mistakes are BAD_REQUEST with graphql-js's message, not logged as errors", async () => {
      const errorLog = jest.spyOn(logger, 'error');
      try {
        const two = await post(server.url, JSON.stringify({ query: 'query a { __typename } query b { __typename }' }), { authorization: `Bearer ${analyst}` });
        expect(two.status).toBe(400);
        expect(two.json.errors[0]).toMatchObject({
          message: 'Must provide operation name if query contains multiple operations.',
          extensions: { code: 'BAD_REQUEST' },
        });
        const unknown = await post(server.url, JSON.stringify({ query: 'query a { __typename }', operationName: 'nope' }), {
          authorization: `Bearer ${analyst}`,
        });
        expect(unknown.status).toBe(400);
        expect(unknown.json.errors[0]).toMatchObject({ message: 'Unknown operation named "nope".', extensions: { code: 'BAD_REQUEST' } });
        expect(errorLog).not.toHaveBeenCalled();
      } finally {
        errorLog.mockRestore();
      }
    });

    it('a forged reports cursor and auditLog(from: "1") are BAD_USER_INPUT', async () => {
      const forged = Buffer.from(JSON.stringify({ date: 'garbage', id: 'x' })).toString('base64url');
      for (const after of [forged, 'zzz', Buffer.from('[1,2]').toString('base64url')]) {
        const res = await server.gql('query forged($after: String) { reports(after: $after) { totalCount } }', { after });
        expect({ after, status: res.status, code: res.errors?.[0].extensions?.code }).toEqual({ after, status: 200, code: 'BAD_USER_INPUT' });
      }
      const admin = await token({ sub: 'hardening-admin', roles: ['admin'] });
      for (const from of ['1', '2024-13-45', 'yesterday']) {
        const res = await server.gql('query auditFrom($from: String) { auditLog(from: $from) { totalCount } }', { from }, admin);
        expect({ from, code: res.errors?.[0].extensions?.code }).toEqual({ from, code: 'BAD_USER_INPUT' });
      }
      const after = await server.gql('query auditAfter { auditLog(after: "1e3") { totalCount } }', undefined, admin);
      expect(after.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('centrality on a scope of unknown ids answers empty, never a 500', async () => {
      for (const algorithm of ['BETWEENNESS', 'CLOSENESS', 'DEGREE', 'PAGERANK', 'EIGENVECTOR']) {
        const res = await server.gql(`query emptyScope { centrality(algorithm: ${algorithm}, scope: { ids: ["nope"] }) { score } }`);
        expect({ algorithm, errors: res.errors, data: res.data }).toEqual({ algorithm, errors: undefined, data: { centrality: [] } });
      }
    });

    it('a JSON body nested 100,000 levels is 400 with a JSON body', async () => {
      const body = `{"query":"{ __typename }","variables":{"x":${'['.repeat(100000)}${']'.repeat(100000)}}}`;
      const res = await post(server.url, body, { authorization: `Bearer ${analyst}` });
      expect(res.status).toBe(400);
      expect(res.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('a token over 12 KB is 431 with a JSON body', async () => {
      for (const size of [13 * 1024, 40 * 1024]) {
        const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = http.request(
            `${server.url}/graphql`,
            { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${'a'.repeat(size)}` } },
            (res) => {
              let text = '';
              res.on('data', (c) => (text += c));
              res.on('end', () => resolve({ status: res.statusCode!, text }));
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify({ query: '{ __typename }' }));
        });
        expect({ size, status }).toEqual({ size, status: 431 });
        expect(JSON.parse(text).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      }
    });
  });
});
