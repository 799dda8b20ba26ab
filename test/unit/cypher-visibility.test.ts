import fs from 'node:fs';
import path from 'node:path';
import { boundedPathQuery, cypher, cypherFiles, expandMacros } from '../../src/db/cypher';
import { CYPHER_DIR } from '../../src/paths';

/**
 * Every query that reads the store applies need-to-know the one way it is written: the
 * `visible-markings` prelude, and the visibility macros on every statement or link it reads.
 * The folder says what a query is: every file of `cypher/read/` is a read (fragments are checked
 * as part of every query that includes them); `write/` is the report writer, `audit/` the audit
 * trail, `schema/` start-up schema and reference data.
 */
const files = [...cypherFiles()];
const inFolder = (folder: string) => files.filter(([, f]) => f.folder === folder).map(([name]) => name);
const source = (name: string) => fs.readFileSync(path.join(CYPHER_DIR, cypherFiles().get(name)!.file), 'utf8');
/** Fragments (included by other files) are checked as part of every query that includes them. */
const fragments = new Set(files.flatMap(([name]) => [...source(name).matchAll(/^\/\/:include\s+(\S+)/gm)].map((m) => m[1])));
const reads = inFolder('read').filter((name) => !fragments.has(name));

describe('every read query applies the need-to-know prelude and macros', () => {
  it('finds the read queries', () => {
    expect(reads.length).toBeGreaterThan(15);
    expect(fragments).toContain('visible-markings');
    // what the folder-less selection used to skip by name prefix is checked now
    expect(reads).toContain('import-visible-before');
  });

  it.each(reads)('%s', (name) => {
    const raw = source(name);
    const text = cypher(name);
    expect(text).toContain('MATCH (m:Marking)');
    // statements and links are read through the macros (here or in an included fragment)
    expect(raw).toMatch(/@(seen|stated|visible)\(|^\/\/:include (?!visible-markings)/m);
    expect(text).toMatch(/\.marking IN visible/);
    expect(text).not.toMatch(/\.sources\b|\.claims\b|\.grades\b/);
    // every STATES relationship it matches is filtered by marking within the same pattern's WHERE
    for (const m of text.matchAll(/\[(\w+):STATES\]/g)) expect(text).toMatch(new RegExp(`${m[1]}\\.marking IN visible`));
  });

  it('has no fragment outside read/ read the store, and no file outside read/ include the prelude', () => {
    for (const folder of ['write', 'audit', 'schema'])
      for (const name of inFolder(folder)) expect({ name, prelude: /visible-markings/.test(source(name)) }).toEqual({ name, prelude: false });
  });

  it('has the audit compute markings from every stating report, with the releasability macro', () => {
    // the audit's reads of the store are not need-to-know reads: they mark an entry with what it
    // touched; a STATES read there must go through @releasable against the caller it is marked for
    for (const name of inFolder('audit').filter((n) => /STATES/.test(source(n))))
      expect({ name, text: source(name) }).toMatchObject({ name, text: expect.stringMatching(/@releasable\(/) });
    expect(inFolder('audit')).toContain('audit-marking');
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
