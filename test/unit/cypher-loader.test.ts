import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CypherSourceError, cypher, expandMacros, fragmentNeeds } from '../../src/db/cypher';
import { CYPHER_DIR } from '../../src/paths';

/** The loader refuses, at load time, what Neo4j would otherwise refuse (or misread) at run time. */
describe('the Cypher loader', () => {
  let dir: string;
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, `${name}.cypher`), text);
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-loader-'));
    write('needs-r', '// a fragment on link r\n//:needs r\n  AND r.weight > 0');
    write('good', 'MATCH (a)-[r]->(b)\nWHERE true\n//:include needs-r\nRETURN r');
    write('out-of-scope', 'MATCH (a)-[x]->(b)\nWHERE true\n//:include needs-r\nRETURN x');
    write('parameter-only', 'WITH $r AS y\nWHERE true\n//:include needs-r\nRETURN y');
    write('missing-include', 'MATCH (n)\n//:include no-such-fragment\nRETURN n');
    write('typo', 'MATCH (n)-[r]-() WHERE @seenn(r) RETURN n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses an unknown macro, naming it and the file', () => {
    expect(() => expandMacros('MATCH (n) WHERE @seenn(r) RETURN n')).toThrow(CypherSourceError);
    expect(() => cypher('typo', dir)).toThrow(/typo: unknown macro @seenn/);
    expect(expandMacros('@seen(r)')).toBe('r.marking IN visible');
  });

  it('refuses an include of a file that does not exist', () => {
    expect(() => cypher('missing-include', dir)).toThrow(/unknown include no-such-fragment/);
  });

  it("checks a fragment's declared variables against its includer's scope", () => {
    expect(fragmentNeeds('needs-r', dir)).toEqual(['r']);
    expect(cypher('good', dir)).toContain('AND r.weight > 0');
    expect(() => cypher('out-of-scope', dir)).toThrow(/out-of-scope: \/\/:include needs-r needs r in scope/);
    // a parameter $r is not the variable r
    expect(() => cypher('parameter-only', dir)).toThrow(/needs r in scope/);
  });

  it('assembles every query file of the project', () => {
    const names = fs.readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher'));
    expect(names.length).toBeGreaterThan(40);
    for (const f of names) expect(() => cypher(f.replace(/\.cypher$/, ''))).not.toThrow();
  });

  it('has every fragment that reads outer variables declare them', () => {
    // a fragment that does not start a query (no MATCH/CALL/UNWIND head of its own) continues one
    expect(fragmentNeeds('link-in-window')).toEqual(['r']);
    expect(fragmentNeeds('expand-step')).toEqual(['visible', 'frontier', 'level']);
    expect(fragmentNeeds('persons-filter')).toEqual(['n', 'sortKey', 'visible']);
  });
});
