/**
 * For a mutant, Stryker runs Jest with a `testNamePattern` of the tests that cover it. Jest would still
 * load every test file (and the AWS SDK clients each imports) only to skip its tests, which costs seconds
 * per mutant: this sequencer drops the files that hold none of those tests (a file the first run did not
 * record is kept, so the worst case is Jest's own behaviour), and puts the files that killed the last
 * mutants first (bail.js).
 */
const Sequencer = require('@jest/test-sequencer').default;
const { killerRank, startRun } = require('./bail');
const { readTestNames } = require('./test-names');

class MutationRunSequencer extends Sequencer {
  #pattern;

  constructor(options) {
    super(options);
    startRun();
    const pattern = options.globalConfig.testNamePattern;
    this.#pattern = pattern ? new RegExp(pattern, 'i') : undefined;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    const pattern = this.#pattern;
    if (pattern === undefined || sorted.length === 0) return sorted;
    const names = readTestNames(sorted[0].context.config.rootDir);
    if (names === undefined) return sorted;
    return sorted
      .filter((test) => names[test.path]?.some((name) => pattern.test(name)) ?? true)
      .sort((a, b) => killerRank(a.path) - killerRank(b.path));
  }
}

module.exports = MutationRunSequencer;
