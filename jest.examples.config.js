/** The examples alone, against the built package (`dist/`), as a user's project would load it. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['<rootDir>/tests/support/offline-env.ts'],
  roots: ['<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^ts-tripwire$': '<rootDir>/dist/index.js',
    '^ts-tripwire/jest$': '<rootDir>/dist/jest.js',
  },
};
