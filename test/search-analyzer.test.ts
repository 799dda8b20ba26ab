import { bootstrapDatabase } from '../src/bootstrap';
import { ReportImporter } from '../src/import/importer';
import { entityIdOf } from './support/fixtures';
import { resetDatabase, startServer, TestServer } from './support/harness';

/**
 * Issue 16 item 15: the full-text indexes used `standard-folding`, whose English stop words
 * ("a", "and", "the", …) never reach the index, so `search("Weight A")` found nothing. Names are
 * now indexed as folded words split on white space only; start-up replaces an index that is in
 * place with another analyzer (an existing database) and gives earlier statements their words.
 */
const REPORT = {
  report: { id: 'SEARCH-WORDS-1', title: 'Names with short words', date: '2024-03-01', agency: 'EUROPOL', classification: 'UNCLASSIFIED' },
  entities: [
    { ref: 'o1', type: 'Organisation', name: 'Weight A', country: 'NL' },
    { ref: 'o2', type: 'Organisation', name: 'Weight Lifters', country: 'NL' },
    { ref: 'o3', type: 'Organisation', name: 'Škaljari clan', country: 'ME' },
    { ref: 'p1', type: 'Person', name: 'Đorđe Škaljarić', aliases: ['The Bear'] },
  ],
  links: [],
};
const id = (ref: string) => entityIdOf(REPORT.entities.find((e) => e.ref === ref)!);

describe('search indexes every word of a name (no stop words), folded', () => {
  let server: TestServer;
  const search = async (text: string, types?: string[]): Promise<string[]> => {
    const res = await server.gql('query ($t: String!, $types: [EntityType!]) { search(text: $t, types: $types, first: 50) { edges { node { id } } } }', {
      t: text,
      types,
    });
    expect(res.errors).toBeUndefined();
    return res.data!.search.edges.map((e: { node: { id: string } }) => e.node.id);
  };

  beforeAll(async () => {
    server = await startServer();
    await resetDatabase(server.db);
    await new ReportImporter(server.db).import(REPORT, 'test');
  });
  afterAll(() => server.stop());

  it('finds names by their stop words: "Weight A", "the bear", "Bosnia and Herzegovina"', async () => {
    expect(await search('Weight A')).toEqual([id('o1')]);
    expect(await search('a', ['Organisation'])).toEqual([id('o1')]);
    expect(await search('the bear')).toEqual([id('p1')]);
    expect(await search('Bosnia and Herzegovina', ['Country'])).toEqual(['country:BA']);
    expect(await search('trinidad and tobago', ['Country'])).toEqual(['country:TT']);
  });

  it('stays case-, diacritics- and typo-insensitive', async () => {
    for (const text of ['skaljari clan', 'ŠKALJARI CLAN', 'Skaljary clan', 'škaljari']) expect(await search(text, ['Organisation'])).toEqual([id('o3')]);
    expect(await search('dorde skaljaric')).toEqual([id('p1')]); // Đ and đ fold to d, as ASCII folding did
    expect((await search('waight', ['Organisation'])).sort()).toEqual([id('o1'), id('o2')].sort()); // one edit
  });

  it('replaces an index of an existing database that has another analyzer, and fills in earlier statements', async () => {
    const { db } = server;
    // The store as the earlier code left it: standard-folding indexes over name and aliasText.
    await db.write('DROP INDEX statement_search');
    await db.write('DROP INDEX country_search');
    await db.write(
      "CREATE FULLTEXT INDEX statement_search FOR ()-[s:STATES]-() ON EACH [s.name, s.aliasText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } }",
    );
    await db.write(
      "CREATE FULLTEXT INDEX country_search FOR (n:Country) ON EACH [n.name] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } }",
    );
    await db.write("MATCH ()-[s:STATES]->() WHERE s.aliases IS NOT NULL SET s.aliasText = reduce(t = '', a IN s.aliases | t + a + ' | ')");
    await db.write('MATCH ()-[s:STATES]->() REMOVE s.searchText');
    await db.write('MATCH (c:Country) REMOVE c.searchText');
    await db.write('CALL db.awaitIndexes(60)');
    expect(await search('Weight A')).toEqual([]); // the field report, reproduced

    await bootstrapDatabase(db); // what every start does

    const indexes = await db.read<{ name: string; properties: string[]; analyzer: string }>(
      "SHOW FULLTEXT INDEXES YIELD name, properties, options RETURN name, properties, options.indexConfig['fulltext.analyzer'] AS analyzer ORDER BY name",
    );
    expect(indexes).toEqual([
      { name: 'country_search', properties: ['searchText'], analyzer: 'unicode_whitespace' },
      { name: 'statement_search', properties: ['searchText'], analyzer: 'unicode_whitespace' },
    ]);
    const [left] = await db.read<{ missing: number; aliasText: number }>(
      'MATCH ()-[s:STATES]->() RETURN count(CASE WHEN s.searchText IS NULL THEN 1 END) AS missing, count(s.aliasText) AS aliasText',
    );
    expect(left).toEqual({ missing: 0, aliasText: 0 });
    expect(await search('Weight A')).toEqual([id('o1')]);
    expect(await search('the bear')).toEqual([id('p1')]);
    expect(await search('Bosnia and Herzegovina', ['Country'])).toEqual(['country:BA']);
    expect(await search('skaljari clan', ['Organisation'])).toEqual([id('o3')]);

    // A second start changes nothing (the index is not dropped again).
    const [before] = await db.read<{ id: string }>("SHOW FULLTEXT INDEXES YIELD name, id WHERE name = 'statement_search' RETURN id");
    await bootstrapDatabase(db);
    const [after] = await db.read<{ id: string }>("SHOW FULLTEXT INDEXES YIELD name, id WHERE name = 'statement_search' RETURN id");
    expect(after).toEqual(before);
  });
});
