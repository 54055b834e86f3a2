/** One jest run over every package; test/e2e journeys run in their own project (they need builds). */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.(mjs|cjs)$': swc },
  // PGlite's CJS build does a dynamic import("fs") jest cannot run untransformed; otplib's default
  // plugins (@scure/base, @noble/hashes) ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(@electric-sql/pglite|@scure/base|@noble/hashes|@otplib)/)'],
};
module.exports = {
  // A global option (jest ignores it inside a project): API tests run against a real PostgreSQL and
  // journeys drive a browser; on 2 busy cores jest's 5 s default is noise. Journeys set their own.
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'shared', testMatch: ['<rootDir>/shared/src/**/*.test.ts'] },
    { ...base, displayName: 'config', testMatch: ['<rootDir>/config/src/**/*.test.ts'] },
    { ...base, displayName: 'admin', testMatch: ['<rootDir>/admin/src/**/*.test.ts'] },
    {
      ...base,
      displayName: 'server',
      testMatch: ['<rootDir>/server/src/**/*.test.ts', '<rootDir>/test/contract/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts', '<rootDir>/test/weapp/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
  ],
};
