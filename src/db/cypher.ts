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

export function expandMacros(text: string): string {
  return text.replace(/@(seen|stated|visible|best|all|sortkey|releasable)\(([\w.$]+)(?:,\s*([\w.$]+))?\)/g, (_m, macro: string, v: string, p?: string) =>
    VISIBILITY_MACROS[macro](v, p),
  );
}

/**
 * Loads `cypher/<name>.cypher`. A line `//:include <other>` is replaced by that file's text, so
 * shared fragments (the need-to-know prelude above all) are written once; macros are expanded.
 */
export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const file = path.join(CYPHER_DIR, `${name}.cypher`);
  const text = expandMacros(
    fs
      .readFileSync(file, 'utf8')
      .replace(/^\/\/:include\s+(\S+)\s*$/gm, (_m, other: string) => cypher(other))
      .trim(),
  );
  cache.set(name, text);
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
