import fs from 'node:fs';
import path from 'node:path';
import { cypher, cypherFiles } from '../../src/db/cypher';
import { CYPHER_DIR } from '../../src/paths';

/**
 * Golden files of the expanded text of every query that carries the need-to-know prelude, as
 * Neo4j receives it (fragments included, macros expanded). A review aid beside the behaviour
 * tests, as neo4j/graphql's TCK is: a change to a macro, a fragment or the prelude shows up in a
 * diff of test/golden/cypher/ as the exact Cypher every query now runs. After an intended change,
 * `UPDATE_GOLDEN=1 npx jest test/unit/cypher-golden.test.ts --selectProjects unit` rewrites them.
 */
const GOLDEN_DIR = path.join(__dirname, '..', 'golden', 'cypher');
const includes = (name: string): string[] =>
  [...fs.readFileSync(path.join(CYPHER_DIR, cypherFiles().get(name)!.file), 'utf8').matchAll(/^\/\/:include\s+(\S+)\s*$/gm)].map((m) => m[1]);
/** Includes the prelude itself or through a fragment that does (list-all, list-walk). */
const carriesPrelude = (name: string): boolean => includes(name).some((i) => i === 'visible-markings' || carriesPrelude(i));
const withPrelude = [...cypherFiles().keys()].filter(carriesPrelude).sort();

describe('golden Cypher: the expanded text of every query with the need-to-know prelude', () => {
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    for (const f of fs.readdirSync(GOLDEN_DIR)) fs.rmSync(path.join(GOLDEN_DIR, f));
    for (const name of withPrelude) fs.writeFileSync(path.join(GOLDEN_DIR, `${name}.cypher`), `${cypher(name)}\n`);
  }

  it('finds the queries with the prelude, and a golden file for each and no other', () => {
    expect(withPrelude.length).toBeGreaterThan(15);
    const golden = fs
      .readdirSync(GOLDEN_DIR)
      .map((f) => f.replace(/\.cypher$/, ''))
      .sort();
    expect(golden).toEqual(withPrelude);
  });

  it.each(withPrelude)('%s', (name) => {
    expect(cypher(name)).toBe(fs.readFileSync(path.join(GOLDEN_DIR, `${name}.cypher`), 'utf8').replace(/\n$/, ''));
  });
});
