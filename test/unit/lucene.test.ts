import { editDistanceAtMost, luceneQuery, searchTerms, searchText, textMatches } from '../../src/domain/lucene';
import { declaredFulltextIndexes } from '../../src/bootstrap';
import { statements } from '../../src/db/cypher';

describe('searchTerms', () => {
  it('folds diacritics and case, splits on punctuation, keeps at most 12 terms', () => {
    expect(searchTerms('Škaljari  CLAN, Perović!')).toEqual(['skaljari', 'clan', 'perovic']);
    expect(searchTerms('a b c d e f g h i j k l m n')).toHaveLength(12);
    expect(searchTerms(' -- ')).toEqual([]);
  });
});

describe('luceneQuery', () => {
  it('boosts exact terms, adds prefix and (from 4 letters) fuzzy alternatives, ANDs the terms', () => {
    expect(luceneQuery('Luka')).toBe('(luka^4 OR luka*^2 OR luka~1)');
    expect(luceneQuery('al')).toBe('(al^4 OR al*^2)');
    expect(luceneQuery('Škaljari clan')).toBe('(skaljari^4 OR skaljari*^2 OR skaljari~2) AND (clan^4 OR clan*^2 OR clan~1)');
  });

  it('never lets Lucene syntax through', () => {
    const query = luceneQuery('name:"x" OR (y~5) AND z* \\ ^9');
    expect(query).toBe(luceneQuery('name x OR y 5 AND z 9'));
    expect(query).not.toMatch(/[":\\]/);
    expect(luceneQuery('***')).toBe('');
  });
});

describe('textMatches (the same rules in TypeScript)', () => {
  it('exact, prefix and fuzzy matches; every term must match', () => {
    expect(textMatches(['Luka Perović'], searchTerms('perovic'))).toBe(true);
    expect(textMatches(['Luka Perović'], searchTerms('per'))).toBe(true);
    expect(textMatches(['Luka Perović'], searchTerms('perowic'))).toBe(true); // one edit, 7 letters
    expect(textMatches(['Luka Perović'], searchTerms('prowic'))).toBe(false); // two edits, 6 letters
    expect(textMatches(['Luka Perović'], searchTerms('luka ardit'))).toBe(false);
    expect(textMatches(['Ardit Lleshaj', 'Luka'], searchTerms('luka ardit'))).toBe(true);
  });

  it('edit distance bound', () => {
    expect(editDistanceAtMost('skaljari', 'skalari', 1)).toBe(true);
    expect(editDistanceAtMost('kitten', 'sitting', 2)).toBe(false);
    expect(editDistanceAtMost('kitten', 'sitting', 3)).toBe(true);
  });
});

describe('searchText (what the full-text indexes hold, issue 16 item 15)', () => {
  it('keeps every word, short ones too, folded and separated by single spaces', () => {
    expect(searchText(['Weight A', 'The Bear'])).toBe('weight a the bear');
    expect(searchText(['Đorđe Škaljarić', 'ŁUKASZ Øster-Straße'])).toBe('dorde skaljaric lukasz oster strasse');
    expect(searchText(['a b c d e f g h i j k l m n'])).toBe('a b c d e f g h i j k l m n'); // no 12-word cap
    expect(searchText([undefined, null, 'x'])).toBe('x');
  });

  it('folds a query the same way', () => {
    expect(searchTerms('Đorđe')).toEqual(['dorde']);
    expect(textMatches(['Đorđe Škaljarić'], searchTerms('dorde skaljaric'))).toBe(true);
  });
});

describe('the full-text indexes schema.cypher declares (start-up replaces one that differs)', () => {
  it('are read with their analyzer and properties', () => {
    expect(declaredFulltextIndexes(statements('schema'))).toEqual([
      { name: 'statement_search', labelsOrTypes: ['STATES'], properties: ['searchText'], analyzer: 'unicode_whitespace' },
      { name: 'country_search', labelsOrTypes: ['Country'], properties: ['searchText'], analyzer: 'unicode_whitespace' },
    ]);
  });
});
