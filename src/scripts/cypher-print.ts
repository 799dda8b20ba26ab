import path from 'node:path';
import { CypherSourceError, cypher, cypherFiles } from '../db/cypher';

/**
 * `npm run cypher:print -- <name> [<name>…]`: the query text exactly as the service sends it to
 * Neo4j (fragments included, need-to-know macros expanded), for review and for pasting into
 * Neo4j Browser with EXPLAIN/PROFILE. Without a name, lists the query files.
 */
function main(names: string[]): number {
  if (names.length === 0) {
    const all = [...cypherFiles()].map(([, { file }]) => file.replace(/\.cypher$/, '')).sort();
    process.stdout.write(`${all.join('\n')}\n`);
    return 0;
  }
  for (const name of names) {
    try {
      process.stdout.write(`// ${name}\n${cypher(path.basename(name).replace(/\.cypher$/, ''))}\n\n`);
    } catch (err) {
      if (!(err instanceof CypherSourceError)) throw err;
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
