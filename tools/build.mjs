// `npm run build` and `npm start`'s build: compiles the TypeScript (tsc) and bundles the browser
// pages (web/build.mjs), then records a hash of everything they read in dist/.build-hash.
// With --if-changed it does nothing when that hash still matches (issue 22 item 7: `npm start`
// used to spend ~25 s recompiling unchanged sources on every start). A hash, not mtimes: a
// checkout or a copy can leave files older than the build they changed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'dist', '.build-hash');
const inputs = ['src', 'web', 'test', 'bench', 'tsconfig.json', 'package-lock.json'];

function* files(relative) {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    yield relative;
    return;
  }
  for (const entry of fs.readdirSync(full, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules') continue;
    yield* files(path.join(relative, entry.name));
  }
}

function sourceHash() {
  const hash = createHash('sha256').update(process.version);
  for (const input of inputs) {
    for (const file of files(input)) hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

const wanted = sourceHash();
const built = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
if (process.argv.includes('--if-changed') && built === wanted && fs.existsSync(path.join(root, 'dist', 'src', 'main.js'))) {
  process.exit(0);
}
fs.rmSync(stampFile, { force: true });
for (const [command, args] of [
  [process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')]],
  [process.execPath, [path.join(root, 'web', 'build.mjs')]],
]) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
fs.writeFileSync(stampFile, `${wanted}\n`);
