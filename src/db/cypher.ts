import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../paths';

const cache = new Map<string, string>();

/**
 * Loads `cypher/<name>.cypher`. A line `//:include <other>` is replaced by that file's text, so
 * shared fragments (the need-to-know prelude above all) are written once.
 */
export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const file = path.join(CYPHER_DIR, `${name}.cypher`);
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/^\/\/:include\s+(\S+)\s*$/gm, (_m, other: string) => cypher(other))
    .trim();
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
