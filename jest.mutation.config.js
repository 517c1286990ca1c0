/**
 * The Jest configuration for mutation runs (`npm run mutation`, see docs/testing.md): the `library`
 * project's in-process unit tests only. Left out, because they spawn child processes or pack the library:
 * tests/jest-setup, tests/vitest-setup, tests/node-test-setup, tests/packaging, the update-mode end-to-end run and
 * tests/plugins/aws/interception/module-loading; also tests/docs,
 * which checks the docs' code samples, not the code. The sdk-3.600 project's run of the same tests
 * against the older SDK line would only repeat the work.
 */
require('./scripts/mutation/sandbox').linkNestedInstalls(__dirname);

const { displayName, ...library } = require('./jest.config.js').projects.find(
  (project) => project.displayName === 'library',
);

/** @type {import('jest').Config} */
module.exports = {
  ...library,
  rootDir: __dirname,
  // Load only the test files that hold a mutant's covering tests, and stop at the first failure
  // (scripts/mutation/).
  testEnvironment: `${__dirname}/scripts/mutation/environment.js`,
  testSequencer: `${__dirname}/scripts/mutation/sequencer.js`,
  testPathIgnorePatterns: [
    ...library.testPathIgnorePatterns,
    '/tests/jest-setup/',
    '/tests/vitest-setup/',
    '/tests/node-test-setup/',
    '/tests/update-mode/update-mode\\.e2e\\.test\\.ts$',
    '/tests/packaging/',
    '/tests/plugins/aws/interception/module-loading\\.test\\.ts$',
    '/tests/docs/',
    // Reads the source text (file lengths, imports), which Stryker's instrumentation changes.
    '/tests/architecture/',
  ],
};
