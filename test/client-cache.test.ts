import { InMemoryCache } from '@apollo/client/cache';
import { gql } from '@apollo/client';
import { print } from 'graphql';
import { entityIdOf } from './support/fixtures';
import { startSeededServer, TestServer } from './support/harness';

/**
 * Normalised client caches (Apollo Client's InMemoryCache here; urql's graphcache and Relay key
 * objects the same way, by type and id) must not mix up the two ends of a link. A link listed
 * under an entity is a view of it: its `id` names the link and the viewpoint, `entity` is the
 * other end, `from`/`to` are absolute, and `linkId` is the same from both ends.
 */
const KLODIAN = entityIdOf({ type: 'Person', name: 'Klodian Muçaj', birthDate: '1990-02-27' });
const ERMAL = entityIdOf({ type: 'Person', name: 'Ermal Doda', birthDate: '1982-06-05' });

const ASSOCIATES = gql`
  query associates($id: ID!) {
    entity(id: $id) {
      id
      label
      ... on Person {
        associates {
          id
          linkId
          type
          entity {
            id
            label
          }
          from {
            id
          }
          to {
            id
          }
        }
      }
    }
  }
`;

describe('a normalised client cache keeps the two ends of a link apart', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSeededServer();
  });
  afterAll(() => server.stop());

  it('reads Klodian’s and then Ermal’s associates through InMemoryCache and gets both right', async () => {
    const cache = new InMemoryCache({ possibleTypes: { Entity: ['Person', 'Organisation', 'Operation', 'Seizure', 'Route', 'Location', 'Event', 'Country'] } });
    const answers: Record<string, any> = {};
    // the query as Apollo Client sends it (with the __typename fields the cache needs)
    const sent = print(cache.transformDocument(ASSOCIATES));
    expect(sent).toContain('__typename');
    for (const id of [KLODIAN, ERMAL]) {
      const res = await server.gql(sent, { id });
      expect(res.errors).toBeUndefined();
      answers[id] = res.data;
      cache.writeQuery({ query: ASSOCIATES, variables: { id }, data: { ...res.data } });
    }
    // the two persons are associates of each other: the same link, seen from both ends
    const kToE = answers[KLODIAN].entity.associates.find((l: { entity: { id: string } }) => l.entity.id === ERMAL);
    const eToK = answers[ERMAL].entity.associates.find((l: { entity: { id: string } }) => l.entity.id === KLODIAN);
    expect(kToE).toBeDefined();
    expect(eToK).toBeDefined();
    expect(kToE.linkId).toBe(eToK.linkId);
    expect(kToE.id).not.toBe(eToK.id);
    expect([kToE.from.id, kToE.to.id]).toEqual([eToK.from.id, eToK.to.id]);

    for (const id of [KLODIAN, ERMAL]) {
      const cached = cache.readQuery<any>({ query: ASSOCIATES, variables: { id } });
      // exactly what the server answered, and nobody is their own associate
      expect(cached).toEqual(answers[id]);
      for (const link of cached.entity.associates) expect(link.entity.id).not.toBe(id);
    }
  });
});

const PEROVIC = entityIdOf({ type: 'Person', name: 'Luka Perović', birthDate: '1986-03-14' });

const PATHS = gql`
  query paths($from: ID!, $to: ID!) {
    shortestPaths(from: $from, to: $to, all: true) {
      length
      nodes {
        id
        label
      }
      edges {
        id
        linkId
        type
        source
        target
        directed
        orientation
        sources {
          reportId
        }
      }
    }
  }
`;

/**
 * Graph answers (issue 16, item 13): an edge's orientation belongs to the path that walks it, and
 * the statements it carries to the time window that chose them. Cached by link id, the second of
 * two answers overwrote the first's edges (`shortestPaths(A→B)` then `(B→A)` flipped every
 * orientation of the first). Each answer must read back from the cache exactly as it was received.
 */
describe('a normalised client cache keeps graph answers apart', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSeededServer();
  });
  afterAll(() => server.stop());

  const newCache = () =>
    new InMemoryCache({ possibleTypes: { Entity: ['Person', 'Organisation', 'Operation', 'Seizure', 'Route', 'Location', 'Event', 'Country'] } });

  /** Each query through the cache as Apollo Client sends it; then each read back from the cache. */
  async function roundTrip(query: typeof PATHS, variables: Array<Record<string, unknown>>) {
    const cache = newCache();
    const sent = print(cache.transformDocument(query));
    const answers: any[] = [];
    for (const v of variables) {
      const res = await server.gql(sent, v);
      expect(res.errors).toBeUndefined();
      answers.push(res.data);
      cache.writeQuery({ query, variables: v, data: { ...res.data } });
    }
    return { answers, cached: variables.map((v) => cache.readQuery<any>({ query, variables: v })) };
  }

  it('shortestPaths(A→B) then (B→A): the first answer keeps its orientations', async () => {
    const { answers, cached } = await roundTrip(PATHS, [
      { from: PEROVIC, to: KLODIAN },
      { from: KLODIAN, to: PEROVIC },
    ]);
    type Edge = { linkId: string; source: string; target: string; orientation: string };
    const there: Edge[] = answers[0].shortestPaths.flatMap((p: { edges: Edge[] }) => p.edges);
    const back: Edge[] = answers[1].shortestPaths.flatMap((p: { edges: Edge[] }) => p.edges);
    // the two answers walk the same links the other way: the case the cache must keep apart
    const shared = there.filter((e) => back.some((b) => b.linkId === e.linkId));
    expect(shared.length).toBeGreaterThan(0);
    for (const e of shared) {
      expect(back.find((b) => b.linkId === e.linkId)!.orientation).not.toBe(e.orientation);
      // the orientation is the walk's, independently: FORWARD when the path goes source → target
    }
    for (const p of answers[0].shortestPaths) {
      p.edges.forEach((e: Edge, i: number) =>
        expect([e.source, e.target]).toEqual(e.orientation === 'FORWARD' ? [p.nodes[i].id, p.nodes[i + 1].id] : [p.nodes[i + 1].id, p.nodes[i].id]),
      );
    }
    expect(cached).toEqual(answers);
  });
});
