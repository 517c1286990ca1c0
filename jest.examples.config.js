/** The examples alone, against the built package (`dist/`), exactly as a user's project loads it. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  setupFiles: ['<rootDir>/tests/support/offline-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/dist/jest.js'],
  roots: ['<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^ts-tripwire$': '<rootDir>/dist/index.js',
    '^ts-tripwire/jest$': '<rootDir>/dist/jest.js',
  },
};
