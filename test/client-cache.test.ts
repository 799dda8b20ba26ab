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
          entity { id label }
          from { id }
          to { id }
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
