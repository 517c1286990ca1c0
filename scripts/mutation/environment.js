/**
 * Jest's node environment, plus two things for mutation runs: during Stryker's first, complete run, note
 * the full name of every test this file runs (test-names.js); during a mutant run, after the first
 * failure, skip the remaining tests (bail.js).
 */
const { TestEnvironment } = require('jest-environment-node');
const { bail, hasBailed } = require('./bail');
const { RECORDING, fullName, recordTestNames } = require('./test-names');

class MutationRunEnvironment extends TestEnvironment {
  #rootDir;
  #testPath;
  #names = [];

  constructor(config, context) {
    super(config, context);
    this.#rootDir = config.projectConfig.rootDir;
    this.#testPath = context.testPath;
  }

  async handleTestEvent(event) {
    if (event.name === 'test_start') {
      if (RECORDING && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
        this.#names.push(fullName(event.test));
      }
      if (hasBailed()) event.test.mode = 'skip';
    } else if (event.name === 'test_fn_failure' || event.name === 'hook_failure') {
      bail(this.#testPath);
    }
  }

  async teardown() {
    if (this.#names.length > 0) recordTestNames(this.#rootDir, this.#testPath, this.#names);
    await super.teardown();
  }
}

module.exports = MutationRunEnvironment;
