import fs from 'node:fs';
import path from 'node:path';

/** The repository root, found from this file whether it runs from src/ (ts-jest) or dist/src/. */
function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'dist') {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project root above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(__dirname);
export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');
export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');
export const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'launcher');
