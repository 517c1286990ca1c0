/**
 * The test suite. Four projects, because the Jest setup changes what every test in a file sees:
 * - library: tests of the library itself, with no test-runner setup (manual verifiers);
 * - with-setup: tests that run under `ts-tripwire/jest`, as users' tests do;
 * - examples: the example modules and their tests, also under `ts-tripwire/jest`;
 * - sdk-3.600: the SDK fidelity tests again, against the older SDK line installed in tests/compat/sdk-3.600
 *   (base client in @smithy/smithy-client, commands without operation schemas). `npm test` installs that
 *   workspace first (scripts/install-compat.js); run this project alone with
 *   `npx jest --selectProjects sdk-3.600`.
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
    '^ts-tripwire/plugin$': '<rootDir>/src/plugin.ts',
  },
};

if (!require('node:fs').existsSync(`${__dirname}/tests/compat/sdk-3.600/node_modules`)) {
  process.stderr.write(
    'tests/compat/sdk-3.600 is not installed, so the sdk-3.600 project cannot find the SDK: ' +
      'run `npm run compat:install` (npm test does it first).\n',
  );
}

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'library',
      roots: ['<rootDir>/tests'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '/tests/with-setup/', '/tests/compat/'],
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
    {
      ...shared,
      displayName: 'sdk-3.600',
      roots: ['<rootDir>/tests'],
      testMatch: [
        '<rootDir>/tests/plugins/aws/**/*.test.ts',
        '<rootDir>/tests/fidelity/**/*.test.ts',
        '<rootDir>/tests/compat/sdk-3.600/*.test.ts',
      ],
      testPathIgnorePatterns: [
        ...shared.testPathIgnorePatterns,
        // Latest line only, by design:
        // - plain Node child processes that resolve the root's node_modules, out of reach of the resolver
        //   below (tests/compat/sdk-3.600/sdk-line.test.ts runs the same checks from the workspace);
        '/tests/plugins/aws/interception/module-loading\\.test\\.ts$',
        // - validation against the service model reads the commands' operation schemas, which this line
        //   does not have: there it is skipped (sdk-line.test.ts pins that down).
        '/tests/plugins/aws/sdk/(validation(-[a-z-]+)?|required-members-[a-z0-9]+|service-model)\\.test\\.ts$',
        // - loads this workspace's SDK beside the root's on purpose: here both would be the same copy.
        '/tests/plugins/aws/interception/sdk-copies\\.test\\.ts$',
        '/tests/plugins/aws/interception/node-load-hook\\.test\\.ts$',
        // - a client this workspace does not install (SSM): the root's copy would meet this line's core;
        '/tests/plugins/aws/mocking/operation-names\\.test\\.ts$',
        // - both copies are the same copy under this project's resolver (service-aliases-copies also uses SSM);
        '/tests/plugins/aws/sdk/(error-classes-per-copy|service-aliases-copies|client-packages-copies|service-model-older-line)\\.test\\.ts$',
        // - a client option this line does not have (ignoreConfiguredEndpointUrls);
        '/tests/plugins/aws/recording/ignored-endpoint\\.test\\.ts$',
        // - a schema-based output run through the SDK's own deserializer: this line has neither.
        '/tests/plugins/aws/sdk/blob-members\\.test\\.ts$',
        // - names the operation from the command's schema alone, which this line's commands do not carry.
        '/tests/plugins/aws/sdk/naming-schema\\.test\\.ts$',
        // - Secrets Manager, and a core copy with no stream helpers beside it (this resolver finds the
        //   workspace's helpers from any folder).
        '/tests/plugins/aws/sdk/sdk-streams-latest\\.test\\.ts$',
      ],
      // The SDK imports of tests and of ts-tripwire, which would find the root's latest line, come from the
      // workspace; requires inside the workspace keep Node's resolution (see tests/compat/resolver.js).
      resolver: '<rootDir>/tests/compat/sdk-3.600/resolver.js',
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        // The base Client lives in @smithy/smithy-client on this line (@smithy/core has no ./client).
        '^@smithy/core/client$': '<rootDir>/tests/compat/sdk-3.600/node_modules/@smithy/smithy-client',
      },
    },
  ],
};
