import fs from 'node:fs';
import { CypherSourceError, cypher } from '../db/cypher';
import { CYPHER_DIR } from '../paths';

/**
 * `npm run cypher:print -- <name> [<name>…]`: the query text exactly as the service sends it to
 * Neo4j (fragments included, need-to-know macros expanded), for review and for pasting into
 * Neo4j Browser with EXPLAIN/PROFILE. Without a name, lists the query files.
 */
function main(names: string[]): number {
  if (names.length === 0) {
    const all = fs.readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher'));
    process.stdout.write(`${all.map((f) => f.replace(/\.cypher$/, '')).join('\n')}\n`);
    return 0;
  }
  for (const name of names) {
    try {
      process.stdout.write(`// ${name}\n${cypher(name.replace(/\.cypher$/, ''))}\n\n`);
    } catch (err) {
      if (!(err instanceof CypherSourceError)) throw err;
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
