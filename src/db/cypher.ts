import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../paths';

const cache = new Map<string, string>();

/**
 * The need-to-know macros, written once. They need the `visible` list of marking keys that the
 * `visible-markings` prelude computes:
 * - `@seen(r)`: link relationship `r` belongs to a report the caller may see;
 * - `@stated(n)`: a report the caller may see states entity `n`;
 * - `@visible(n)`: `@stated(n)`, or `n` is reference data (a country), visible to everyone;
 * - `@best(n, p)`: property `p` of `n` as the most authoritative visible statement gives it
 *   (best grade, then the most recent report, then report id: as `byAuthority` in TypeScript);
 * - `@all(n, p)`: the distinct values of list property `p` over `n`'s visible statements;
 * - `@sortkey(n)`: `n`'s sort key for this caller (the least of its visible statements' keys).
 * A visible link implies visible ends: a report states every entity its links join.
 * And the releasability rule itself (src/auth/markings.ts `releasableToCaller`), for the prelude and
 * the audit's marking query: `@releasable(list, auth)`: a marking releasable to `list` (empty: to
 * everyone) may be released to `auth` (two letters name a country, longer codes an agency).
 */
const statementsOf = (n: string, v: string, where = '') => `MATCH (:Report)-[${v}:STATES]->(${n}) WHERE ${v}.marking IN visible${where}`;

export const VISIBILITY_MACROS: Record<string, (n: string, p?: string) => string> = {
  seen: (r) => `${r}.marking IN visible`,
  stated: (n) => `EXISTS { ${statementsOf(n, `vs_${n}`)} }`,
  visible: (n) => `(${n}:Country OR EXISTS { ${statementsOf(n, `vs_${n}`)} })`,
  best: (n, p) =>
    `COLLECT { ${statementsOf(n, `vb_${n}`, ` AND vb_${n}.${p} IS NOT NULL`)} RETURN vb_${n}.${p} ORDER BY vb_${n}.rank, vb_${n}.reportDate DESC, vb_${n}.report LIMIT 1 }[0]`,
  all: (n, p) => `COLLECT { ${statementsOf(n, `va_${n}`)} UNWIND coalesce(va_${n}.${p}, []) AS va_value RETURN DISTINCT va_value }`,
  releasable: (list, auth) => `(size(${list}) = 0 OR any(x IN ${list} WHERE CASE size(x) WHEN 2 THEN x = ${auth}.country ELSE x = ${auth}.agency END))`,
  sortkey: (n) =>
    `CASE WHEN ${n}:Country THEN ${n}.sortKey ELSE COLLECT { ${statementsOf(n, `vk_${n}`)} RETURN vk_${n}.sortKey ORDER BY vk_${n}.sortKey LIMIT 1 }[0] END`,
};

const MACRO_CALL = /@(\w+)\(([\w.$]+)(?:,\s*([\w.$]+))?\)/g;

/** Expands the visibility macros; an unknown `@name(` is an error (a typo would otherwise reach Neo4j). */
export function expandMacros(text: string, file = 'query'): string {
  const unknown = [...text.matchAll(/@(\w+)\(/g)].map((m) => m[1]).filter((name) => !(name in VISIBILITY_MACROS));
  if (unknown.length > 0)
    throw new CypherSourceError(
      `${file}: unknown macro @${unknown[0]} (known: ${Object.keys(VISIBILITY_MACROS)
        .map((m) => `@${m}`)
        .join(', ')})`,
    );
  return text.replace(MACRO_CALL, (_m, macro: string, v: string, p?: string) => VISIBILITY_MACROS[macro](v, p));
}

/** A query file that cannot be assembled: an unknown macro or include, or a fragment's variable not in scope. */
export class CypherSourceError extends Error {}

const INCLUDE = /^\/\/:include\s+(\S+)\s*$/;
const NEEDS = /^\/\/:needs\s+(.+)$/m;

/** The variables a fragment declares it needs in scope where it is included (`//:needs a, b`). */
export function fragmentNeeds(name: string, dir = CYPHER_DIR): string[] {
  const match = NEEDS.exec(readSource(name, dir));
  return match ? match[1].split(/[\s,]+/).filter(Boolean) : [];
}

/**
 * The query files under `dir`, by name. Names are unique across the folders, which say what a query
 * does: `read/` (need-to-know reads and their fragments), `write/` (the report writer), `audit/`
 * (the audit trail), `schema/` (constraints, indexes, reference data, server metadata).
 */
export function cypherFiles(dir = CYPHER_DIR): Map<string, { file: string; folder: string }> {
  const cached = fileIndex.get(dir);
  if (cached) return cached;
  const files = new Map<string, { file: string; folder: string }>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(dir, folder), { withFileTypes: true })) {
      const rel = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.cypher')) {
        const name = entry.name.replace(/\.cypher$/, '');
        const seen = files.get(name);
        if (seen) throw new CypherSourceError(`two query files named ${name}: ${seen.file} and ${rel}`);
        files.set(name, { file: rel, folder });
      }
    }
  };
  walk('');
  fileIndex.set(dir, files);
  return files;
}
const fileIndex = new Map<string, Map<string, { file: string; folder: string }>>();

function readSource(name: string, dir: string): string {
  const entry = /^[\w-]+$/.test(name) ? cypherFiles(dir).get(name) : undefined;
  if (!entry) throw new CypherSourceError(`unknown include ${name}: no ${name}.cypher under ${path.basename(dir)}/`);
  return fs.readFileSync(path.join(dir, entry.file), 'utf8');
}

/** `variable` is bound in `text` (a whole word, not a parameter `$x` or a property `.x`), comments aside. */
function inScope(text: string, variable: string): boolean {
  const code = text.replace(/\/\/.*$/gm, '');
  return new RegExp(`(?<![$.\\w])${variable}(?!\\w)`).test(code);
}

/**
 * Loads `cypher/<name>.cypher`. A line `//:include <other>` is replaced by that file's text, so
 * shared fragments (the need-to-know prelude above all) are written once; macros are expanded.
 * A fragment names the variables it reads from its includer's scope in a `//:needs` line, and
 * the loader checks that each is bound before the include. Errors are thrown at load time.
 */
export function cypher(name: string, dir = CYPHER_DIR): string {
  const key = `${dir}\0${name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const out: string[] = [];
  for (const line of readSource(name, dir).split('\n')) {
    const include = INCLUDE.exec(line);
    if (!include) {
      out.push(line);
      continue;
    }
    const missing = fragmentNeeds(include[1], dir).filter((v) => !inScope(out.join('\n'), v));
    if (missing.length > 0) throw new CypherSourceError(`${name}: //:include ${include[1]} needs ${missing.join(', ')} in scope`);
    out.push(cypher(include[1], dir));
  }
  const text = expandMacros(out.join('\n').trim(), name);
  cache.set(key, text);
  return text;
}

/** Splits a schema file into statements (separated by `;` at line ends), without comments. */
export function statements(name: string): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}

/**
 * A query whose path pattern has the bound `{1,20}` with that bound lowered to `maxLength`. Cypher
 * takes no parameter there; the number is checked to be an integer from 1 to 20 (the schema's own
 * limit), so the text varies only among twenty fixed variants.
 */
export function boundedPathQuery(name: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 20) throw new RangeError(`path bound out of range: ${maxLength}`);
  const text = cypher(name);
  if (text.split('{1,20}').length !== 2) throw new Error(`${name}.cypher must have exactly one {1,20} path bound`);
  return text.replace('{1,20}', `{1,${maxLength}}`);
}
