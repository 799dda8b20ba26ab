import { serverAudits } from 'graphql-http';
import { startServer, TestServer, token } from './support/harness';

/** The GraphQL-over-HTTP audit suite of the graphql-http package, against the running server. */
describe('GraphQL over HTTP compliance', () => {
  let server: TestServer;
  let bearer: string;
  beforeAll(async () => {
    server = await startServer();
    bearer = await token();
  });
  afterAll(() => server.stop());

  it('passes every MUST audit', async () => {
    const audits = serverAudits({
      url: `${server.url}/graphql`,
      // Every request of this API needs a bearer token; the audits are about the protocol.
      fetchFn: (input: string | URL | Request, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${bearer}`);
        return fetch(input, { ...init, headers });
      },
    });
    const must = audits.filter((a) => a.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const audit of must) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});
