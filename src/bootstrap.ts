import { allCountries, countryId } from './domain/countries';
import { sortKeyOf } from './domain/identity';
import { searchText } from './domain/lucene';
import { logger } from './logger';
import { cypher, statements } from './db/cypher';
import { Database } from './db/database';

/** Applies `cypher/schema/schema.cypher` and the country reference data; safe to run at every start. */
export async function bootstrapDatabase(db: Database): Promise<void> {
  const [old] = await db.read<{ n: number }>('MATCH (n:Entity) WHERE n.sources IS NOT NULL AND NOT n:Country RETURN count(n) AS n LIMIT 1');
  if (old && old.n > 0) {
    throw new Error(
      'This database holds data in the earlier store format (values merged on entity nodes). The store is now made of ' +
        'per-report statements: start with an empty database (for the embedded one, delete .neo4j-data) and re-import the reports.',
    );
  }
  const schema = statements('schema');
  await replaceChangedFulltextIndexes(db, schema);
  for (const statement of schema) {
    // Replicas starting together race on `IF NOT EXISTS`: the loser is told the rule already exists,
    // which is the state the statement asks for.
    await db.write(statement).catch((err: { code?: string }) => {
      if (!/^Neo\.ClientError\.Schema\.(EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists)$/.test(err?.code ?? '')) throw err;
    });
  }
  await db.write('CALL db.awaitIndexes(120)');
  const countries = allCountries().map((c) => ({ ...c, id: countryId(c.code), sortKey: sortKeyOf(c.name), searchText: searchText([c.name]) }));
  await db.write(cypher('countries-upsert'), { countries });
  await fillSearchText(db);
  logger.info({ countries: countries.length }, 'schema and reference data in place');
}

interface FulltextIndex {
  name: string;
  labelsOrTypes: string[];
  properties: string[];
  analyzer: string | null;
}

/** The full-text indexes a schema file declares: name, label or type, properties and analyzer. */
export function declaredFulltextIndexes(schema: string[]): FulltextIndex[] {
  return schema.flatMap((statement) => {
    const m = /^CREATE FULLTEXT INDEX (\w+) IF NOT EXISTS\s+FOR\s+(?:\(\w*:(\w+)\)|\(\)-\[\w*:(\w+)\]-\(\))\s+ON EACH \[([^\]]*)\]([\s\S]*)$/.exec(statement);
    if (!m) return [];
    const analyzer = /`fulltext\.analyzer`\s*:\s*'([^']+)'/.exec(m[5]);
    const properties = m[4].split(',').map((p) => p.trim().replace(/^\w+\./, ''));
    return [{ name: m[1], labelsOrTypes: [m[2] ?? m[3]], properties, analyzer: analyzer?.[1] ?? null }];
  });
}

/**
 * `IF NOT EXISTS` keeps an index of the same name whatever it indexes: a full-text index in place
 * with another analyzer, label or properties than the schema declares is dropped here, so that
 * the schema creates it as declared (issue 16 item 15: the earlier `standard-folding` indexes
 * dropped English stop words, and "Weight A" could not be found).
 */
async function replaceChangedFulltextIndexes(db: Database, schema: string[]): Promise<void> {
  const existing = new Map((await db.read<FulltextIndex>(cypher('schema-fulltext-indexes'))).map((i) => [i.name, i]));
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  for (const want of declaredFulltextIndexes(schema)) {
    const have = existing.get(want.name);
    if (!have) continue;
    if (have.analyzer === want.analyzer && same(have.labelsOrTypes, want.labelsOrTypes) && same(have.properties, want.properties)) continue;
    logger.info({ index: want.name, from: have.analyzer, to: want.analyzer }, 'full-text index declared differently: dropped, created anew');
    await db.write(cypher('schema-drop-index'), { name: want.name });
  }
}

/** Statements written before the index held `searchText` get it (in batches; none on a current store). */
async function fillSearchText(db: Database): Promise<void> {
  let filled = 0;
  for (;;) {
    const rows = await db.read<{ id: string; name: unknown; aliases: unknown }>(cypher('schema-search-text-missing'), { limit: 2000 });
    if (rows.length === 0) break;
    await db.write(cypher('schema-search-text-fill'), {
      rows: rows.map((r) => ({ id: r.id, searchText: searchText([r.name, ...(Array.isArray(r.aliases) ? r.aliases : [])]) })),
    });
    filled += rows.length;
  }
  if (filled > 0) logger.info({ statements: filled }, 'search text written for earlier statements');
}
