import { releasableToCaller } from '../src/auth/markings';
import { expandMacros } from '../src/db/cypher';
import { Database } from '../src/db/database';
import { connect } from './support/harness';

/**
 * The releasability rule is written twice, once in each language that needs it: in TypeScript
 * (`releasableToCaller`, used where a marking is checked outside a query) and as the Cypher macro
 * `@releasable` (used inside every need-to-know query). This test asks Neo4j for the macro's answer
 * on every case of a grid and compares it with the TypeScript answer, so the two cannot drift.
 */
describe('releasability: the TypeScript rule and the Cypher macro agree on every case', () => {
  let db: Database;
  beforeAll(async () => {
    db = await connect();
  });
  afterAll(() => db.close());

  const codes = ['ES', 'NL', 'ME', 'ES-PN', 'EUROPOL', 'RS-MUP', 'NLD'];
  /** Every list of up to three distinct codes, in both orders where it matters. */
  const lists: string[][] = [[]];
  for (const a of codes) {
    lists.push([a]);
    for (const b of codes) {
      if (b === a) continue;
      lists.push([a, b]);
      for (const c of codes) if (c !== a && c !== b && c > b) lists.push([a, b, c]);
    }
  }
  const callers = ['ES-PN', 'EUROPOL', 'RS-MUP', 'ME-UP'].flatMap((agency) => ['ES', 'NL', 'RS', 'ME'].map((country) => ({ agency, country })));

  it('on lists of countries and agencies, against callers of every agency and country', async () => {
    const cases = lists.flatMap((list) => callers.map((auth) => ({ list, auth })));
    expect(cases.length).toBeGreaterThan(2000);
    const rows = await db.read<{ i: number; ok: boolean }>(
      expandMacros('UNWIND range(0, size($cases) - 1) AS i WITH i, $cases[i] AS c RETURN i, @releasable(c.list, c.auth) AS ok'),
      { cases },
    );
    expect(rows).toHaveLength(cases.length);
    const disagreements = rows.filter(({ i, ok }) => ok !== releasableToCaller(cases[i].list, cases[i].auth)).map(({ i }) => cases[i]);
    expect(disagreements).toEqual([]);
    // the grid has both answers in it, and the two-letter / longer split decides them
    expect(rows.filter((r) => r.ok).length).toBeGreaterThan(100);
    expect(rows.filter((r) => !r.ok).length).toBeGreaterThan(100);
    expect(releasableToCaller(['NLD'], { agency: 'EUROPOL', country: 'NL' })).toBe(false);
  });
});
