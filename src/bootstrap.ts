import { allCountries, countryId } from './domain/countries';
import { sortKeyOf } from './domain/identity';
import { logger } from './logger';
import { cypher, statements } from './db/cypher';
import { Database } from './db/database';

/** Applies `cypher/schema.cypher` and the country reference data; safe to run at every start. */
export async function bootstrapDatabase(db: Database): Promise<void> {
  const [old] = await db.read<{ n: number }>('MATCH (n:Entity) WHERE n.sources IS NOT NULL AND NOT n:Country RETURN count(n) AS n LIMIT 1');
  if (old && old.n > 0) {
    throw new Error(
      'This database holds data in the earlier store format (values merged on entity nodes). The store is now made of ' +
        'per-report statements: start with an empty database (for the embedded one, delete .neo4j-data) and re-import the reports.',
    );
  }
  for (const statement of statements('schema')) {
    // Replicas starting together race on `IF NOT EXISTS`: the loser is told the rule already exists,
    // which is the state the statement asks for.
    await db.write(statement).catch((err: { code?: string }) => {
      if (!/^Neo\.ClientError\.Schema\.(EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists)$/.test(err?.code ?? '')) throw err;
    });
  }
  await db.write('CALL db.awaitIndexes(120)');
  const countries = allCountries().map((c) => ({ ...c, id: countryId(c.code), sortKey: sortKeyOf(c.name) }));
  await db.write(cypher('countries-upsert'), { countries });
  logger.info({ countries: countries.length }, 'schema and reference data in place');
}
