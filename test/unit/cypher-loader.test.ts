import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CypherSourceError, cypher, cypherFiles, expandMacros, fragmentNeeds } from '../../src/db/cypher';

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
    fs.mkdirSync(path.join(dir, 'sub'));
    write('sub/nested', 'MATCH (n) RETURN n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses an unknown macro, naming it and the file', () => {
    expect(() => expandMacros('MATCH (n) WHERE @seenn(r) RETURN n')).toThrow(CypherSourceError);
    expect(() => cypher('typo', dir)).toThrow(/typo: unknown macro @seenn/);
    expect(expandMacros('@seen(r)')).toBe('r.marking IN visible');
  });

  it('finds files in sub-folders and refuses two files of one name', () => {
    expect(cypher('nested', dir)).toBe('MATCH (n) RETURN n');
    const twice = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-twice-'));
    for (const folder of ['read', 'write']) {
      fs.mkdirSync(path.join(twice, folder));
      fs.writeFileSync(path.join(twice, folder, 'same.cypher'), 'RETURN 1');
    }
    expect(() => cypher('same', twice)).toThrow(/two query files named same/);
    fs.rmSync(twice, { recursive: true, force: true });
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
    const names = [...cypherFiles().keys()];
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) expect(() => cypher(name)).not.toThrow();
    // every file is in one of the four folders that say what it does
    expect(new Set([...cypherFiles().values()].map((f) => f.folder))).toEqual(new Set(['read', 'write', 'audit', 'schema']));
  });

  it('has every fragment that reads outer variables declare them', () => {
    // a fragment that does not start a query (no MATCH/CALL/UNWIND head of its own) continues one
    expect(fragmentNeeds('link-in-window')).toEqual(['r']);
    expect(fragmentNeeds('expand-step')).toEqual(['visible', 'frontier', 'level']);
    expect(fragmentNeeds('persons-filter')).toEqual(['n', 'sortKey', 'visible']);
  });
});
