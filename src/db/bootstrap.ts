import { allCountries, countryId } from '../domain/countries';
import { normaliseName } from '../import/plan';
import { logger } from '../logger';
import { cypher, statements } from './cypher';
import { Database } from './database';

/** Applies `cypher/schema.cypher` and the country reference data; safe to run at every start. */
export async function bootstrapDatabase(db: Database): Promise<void> {
  for (const statement of statements('schema')) await db.write(statement);
  await db.write('CALL db.awaitIndexes(120)');
  const countries = allCountries().map((c) => ({ ...c, id: countryId(c.code), sortName: normaliseName(c.name) }));
  await db.write(cypher('countries-upsert'), { countries });
  logger.info({ countries: countries.length }, 'schema and reference data in place');
}
