import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Issue 22 item 7: `npm start` compiles only when the sources changed (tools/build.mjs --if-changed). */

const ROOT = path.resolve(__dirname, '..', '..');

/** A tiny project with the real build script and the real TypeScript compiler. */
function tinyProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-if-changed-'));
  fs.mkdirSync(path.join(dir, 'tools'));
  fs.copyFileSync(path.join(ROOT, 'tools', 'build.mjs'), path.join(dir, 'tools', 'build.mjs'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'export const answer: number = 41;\n');
  fs.mkdirSync(path.join(dir, 'web'));
  // the web bundle step: counts its runs
  fs.writeFileSync(path.join(dir, 'web', 'build.mjs'), "import fs from 'node:fs'; fs.appendFileSync(new URL('../web-runs.txt', import.meta.url), 'x');\n");
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: '.', module: 'commonjs', strict: true }, include: ['src/**/*.ts'] }),
  );
  fs.writeFileSync(path.join(dir, 'package-lock.json'), '{}\n');
  return dir;
}

const build = (dir: string, ...args: string[]) => execFileSync(process.execPath, [path.join(dir, 'tools', 'build.mjs'), ...args], { cwd: dir, stdio: 'pipe' });
const webRuns = (dir: string) => fs.readFileSync(path.join(dir, 'web-runs.txt'), 'utf8').length;

describe('tools/build.mjs --if-changed', () => {
  it('builds once, skips while nothing changed, and rebuilds after a source edit', () => {
    const dir = tinyProject();
    build(dir, '--if-changed');
    const out = path.join(dir, 'dist', 'src', 'main.js');
    expect(fs.readFileSync(out, 'utf8')).toContain('41');
    expect(webRuns(dir)).toBe(1);

    build(dir, '--if-changed');
    expect(webRuns(dir)).toBe(1); // nothing ran

    fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'export const answer: number = 42;\n');
    build(dir, '--if-changed');
    expect(fs.readFileSync(out, 'utf8')).toContain('42');
    expect(webRuns(dir)).toBe(2);

    // a plain build always builds
    build(dir);
    expect(webRuns(dir)).toBe(3);
  }, 60000);

  it('rebuilds when the output is missing even if the hash matches, and fails on a type error without a stamp', () => {
    const dir = tinyProject();
    build(dir);
    fs.rmSync(path.join(dir, 'dist', 'src'), { recursive: true });
    build(dir, '--if-changed');
    expect(fs.existsSync(path.join(dir, 'dist', 'src', 'main.js'))).toBe(true);

    fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'export const answer: number = "not a number";\n');
    expect(() => build(dir, '--if-changed')).toThrow();
    expect(fs.existsSync(path.join(dir, 'dist', '.build-hash'))).toBe(false);
  }, 60000);
});
