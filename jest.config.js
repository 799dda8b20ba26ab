/**
 * Two projects:
 * - `unit`: pure functions, no database, no global setup (test/unit/**; `npm run test:unit`, seconds);
 * - `integration`: everything else, against one embedded Neo4j per run (globalSetup/globalTeardown),
 *   files in band.
 * `npm test` builds, then runs the unit project, then the integration project.
 */
const common = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    // `npm test` type-checks with tsc first, so ts-jest only transpiles here.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/test/unit'],
    },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/unit/'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
