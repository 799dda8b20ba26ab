import fs from 'node:fs';
import path from 'node:path';
import { boundedPathQuery, cypher, expandMacros } from '../../src/db/cypher';
import { CYPHER_DIR } from '../../src/paths';

/**
 * Every query that reads the store applies need-to-know the one way it is written: the
 * `visible-markings` prelude, and the visibility macros on every statement or link it reads.
 * Files that only write (import, audit, schema, reference data) or are fragments are listed.
 */
const NOT_READS: Record<string, string> = {
  schema: 'schema statements',
  'countries-upsert': 'reference data, written at start-up',
  'database-version': 'server metadata (versions), no data',
  'schema-fulltext-indexes': 'schema metadata, read at start-up',
  'schema-drop-index': 'schema statement, at start-up',
  'schema-search-text-missing': 'start-up maintenance (earlier statements get their search text), answers no caller',
  'schema-search-text-fill': 'start-up maintenance, writes only',
};
const isWrite = (name: string) => name.startsWith('import-') || name.startsWith('audit-');

const all = fs
  .readdirSync(CYPHER_DIR)
  .filter((f) => f.endsWith('.cypher'))
  .map((f) => f.replace(/\.cypher$/, ''));
/** Fragments (included by other files) are checked as part of every query that includes them. */
const fragments = new Set(
  all.flatMap((name) => [...fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8').matchAll(/^\/\/:include\s+(\S+)/gm)].map((m) => m[1])),
);
const files = all.filter((name) => !(name in NOT_READS) && !isWrite(name) && !fragments.has(name));

describe('every read query applies the need-to-know prelude and macros', () => {
  it('finds the read queries', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(fragments).toContain('visible-markings');
  });

  it.each(files)('%s', (name) => {
    const raw = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    const text = cypher(name);
    expect(text).toContain('MATCH (m:Marking)');
    // statements and links are read through the macros (here or in an included fragment)
    expect(raw).toMatch(/@(seen|stated|visible)\(|^\/\/:include (?!visible-markings)/m);
    expect(text).toMatch(/\.marking IN visible/);
    expect(text).not.toMatch(/\.sources\b|\.claims\b|\.grades\b/);
    // every STATES relationship it matches is filtered by marking within the same pattern's WHERE
    for (const m of text.matchAll(/\[(\w+):STATES\]/g)) expect(text).toMatch(new RegExp(`${m[1]}\\.marking IN visible`));
  });

  it('expands the macros to marking filters', () => {
    expect(expandMacros('@seen(r)')).toBe('r.marking IN visible');
    expect(expandMacros('@stated(n)')).toBe('EXISTS { MATCH (:Report)-[vs_n:STATES]->(n) WHERE vs_n.marking IN visible }');
    expect(expandMacros('@best(n, kind)')).toMatch(/vb_n\.marking IN visible AND vb_n\.kind IS NOT NULL.*ORDER BY vb_n\.rank/);
    expect(expandMacros('@releasable(m.releasableTo, $auth)')).toBe(
      '(size(m.releasableTo) = 0 OR any(x IN m.releasableTo WHERE CASE size(x) WHEN 2 THEN x = $auth.country ELSE x = $auth.agency END))',
    );
  });
});

describe('bounded path queries', () => {
  it('lower the path bound to the validated maximum length and refuse anything else', () => {
    const text = boundedPathQuery('shortest-paths', 8);
    expect(text).toContain('{1,8}');
    expect(text).not.toContain('{1,20}');
    expect(boundedPathQuery('shortest-paths', 20)).toContain('{1,20}');
    for (const bad of [0, 21, 2.5, Number.NaN, -1]) expect(() => boundedPathQuery('shortest-paths', bad)).toThrow(RangeError);
  });
});
