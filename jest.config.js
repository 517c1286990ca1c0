/** The test suite: library tests and the examples, each file in its own module registry. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['<rootDir>/tests/support/offline-env.ts'],
  roots: ['<rootDir>/tests', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
  moduleNameMapper: {
    '^ts-tripwire$': '<rootDir>/src/index.ts',
    '^ts-tripwire/jest$': '<rootDir>/src/jest.ts',
  },
};
