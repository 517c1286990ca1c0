/**
 * Mutation testing of the verifier core and the AWS plugin: `npm run mutation` (docs/testing.md).
 * Not part of `npm test`: a full run takes tens of minutes on two cores.
 */
// Lets the mutation runs' Jest environment record which file holds which test (scripts/mutation/).
process.env.TRIPWIRE_MUTATION_RUN = '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  // The verifier core and the AWS plugin; the matching, formatting and keying of values moved from
  // src/verifier to src/util and stay in scope.
  mutate: [
    'src/verifier/**/*.ts',
    'src/plugins/aws/**/*.ts',
    'src/util/matching.ts',
    'src/util/format.ts',
    'src/util/canonical.ts',
  ],
  // One test process: the machine's two cores are shared. STRYKER_CONCURRENCY raises it on a bigger one.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  // Reruns test only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The sandbox copy needs the sources and tests only (node_modules is linked, not copied).
  ignorePatterns: ['dist', 'coverage', 'docs', 'bench', '.bench', '.scratch', 'examples'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 10000,
};
