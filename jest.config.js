/**
 * The test suite. Three projects, because the Jest setup changes what every test in a file sees:
 * - library: tests of the library itself, with no test-runner setup (manual verifiers);
 * - with-setup: tests that run under `ts-tripwire/jest`, as users' tests do;
 * - examples: the example modules and their tests, also under `ts-tripwire/jest`.
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  setupFiles: ['<rootDir>/tests/support/offline-env.ts'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
  moduleNameMapper: {
    '^ts-tripwire$': '<rootDir>/src/index.ts',
    '^ts-tripwire/jest$': '<rootDir>/src/jest.ts',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'library',
      roots: ['<rootDir>/tests'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '/tests/with-setup/'],
    },
    {
      ...shared,
      displayName: 'with-setup',
      roots: ['<rootDir>/tests/with-setup'],
      setupFilesAfterEnv: ['<rootDir>/src/jest.ts'],
    },
    {
      ...shared,
      displayName: 'examples',
      roots: ['<rootDir>/examples'],
      setupFilesAfterEnv: ['<rootDir>/src/jest.ts'],
    },
  ],
};
