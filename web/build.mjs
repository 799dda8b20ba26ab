// Bundles the browser pages (GraphiQL IDE, network explorer) from npm packages into dist/web,
// which the service serves itself: nothing is loaded from a CDN. Run by `npm run build`.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', 'dist', 'web');
fs.mkdirSync(out, { recursive: true });

await build({
  entryPoints: { explorer: path.join(here, 'explorer', 'main.ts'), graphiql: path.join(here, 'graphiql', 'main.jsx') },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  logLevel: 'warning',
});
fs.copyFileSync(path.join(here, 'explorer', 'index.html'), path.join(out, 'explorer.html'));
fs.copyFileSync(path.join(here, 'graphiql', 'index.html'), path.join(out, 'graphiql.html'));
