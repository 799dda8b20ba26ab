// Lint: typescript-eslint with type information, import cycles refused, and the layers kept one way.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

/**
 * The layers, lowest first. A layer may import from the ones below it, never from one above:
 * errors/paths/logger/config → db → domain → bootstrap, auth, audit → import, analysis, export → graphql → web → server,
 * scripts → main. Every folder and top-level module of src/ is in a zone (resolution: below).
 */
const above = {
  db: ['domain', 'auth', 'audit', 'import', 'analysis', 'export', 'graphql', 'web', 'scripts', 'server.ts', 'main.ts', 'bootstrap.ts'],
  domain: ['auth', 'audit', 'import', 'analysis', 'export', 'graphql', 'web', 'scripts', 'server.ts', 'main.ts', 'bootstrap.ts'],
  auth: ['audit', 'import', 'analysis', 'export', 'graphql', 'web', 'scripts', 'server.ts', 'main.ts', 'bootstrap.ts'],
  audit: ['import', 'analysis', 'export', 'graphql', 'web', 'scripts', 'server.ts', 'main.ts', 'bootstrap.ts'],
  import: ['analysis', 'export', 'graphql', 'web', 'scripts', 'server.ts', 'main.ts', 'bootstrap.ts'],
  analysis: ['import', 'export', 'graphql', 'web', 'scripts', 'server.ts', 'main.ts', 'bootstrap.ts'],
  // the file writers turn a graph answer into GraphML, GEXF, Cytoscape JSON or CSV: below the routes that serve them
  export: ['import', 'analysis', 'audit', 'graphql', 'web', 'scripts', 'server.ts', 'main.ts', 'bootstrap.ts'],
  // start-up schema and reference data: over db and domain, under everything that serves requests
  'bootstrap.ts': ['auth', 'audit', 'import', 'analysis', 'export', 'graphql', 'web', 'scripts', 'server.ts', 'main.ts'],
  graphql: ['web', 'scripts', 'server.ts', 'main.ts'],
  web: ['scripts', 'server.ts', 'main.ts'],
  scripts: ['server.ts', 'main.ts'],
};
const zones = Object.entries(above).map(([layer, higher]) => ({
  target: `./src/${layer}`,
  from: higher.map((h) => `./src/${h}`),
  message: `${layer} is below these layers: it may not import them (see eslint.config.mjs).`,
}));
// resolution (issue 18) is a pure library: it imports nothing from src/ but the domain vocabulary.
zones.push({
  target: './src/resolution',
  from: './src',
  except: ['./resolution', './domain/vocabulary.ts'],
  message: 'resolution is a pure library: it may import only src/domain/vocabulary (see eslint.config.mjs).',
});

// metrics (issue 22) sits beneath everything: the layers hand it numbers, it imports none of them.
zones.push({
  target: './src/metrics',
  from: './src',
  except: ['./metrics'],
  message: 'metrics imports nothing from src/: callers hand it numbers (see eslint.config.mjs).',
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'launcher/**', 'web/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { import: importPlugin },
    // the project imports by relative paths; the node resolver with TypeScript's extensions finds them
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } } },
    rules: {
      'import/no-cycle': 'error',
      'import/no-restricted-paths': ['error', { zones }],
      'import/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Values from Neo4j rows and JSON documents are typed at the boundary (generic reads); the rest is checked.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // type-graphql resolvers are async by contract even when they do not await
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
