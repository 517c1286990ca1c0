import { join } from 'node:path';
import { type FixtureRun, REPO_ROOT, runFixtureChild } from '../support/runner-setup-contract';

export const FIXTURE_ROOT = join(REPO_ROOT, 'tests/fixtures/jest-setup');

const JEST_BIN = join(REPO_ROOT, 'node_modules/jest/bin/jest.js');
const FIXTURE_CONFIG = join(FIXTURE_ROOT, 'jest.config.js');

/** Runs Jest once, in a child process, over every fixture test file, and reads its JSON result. */
export function runFixtureJest(): Promise<FixtureRun> {
  return runFixtureChild({
    runner: 'Jest',
    fixtureRoot: FIXTURE_ROOT,
    args: (outputFile) => [
      JEST_BIN,
      '--config',
      FIXTURE_CONFIG,
      '--ci',
      '--runInBand',
      '--json',
      `--outputFile=${outputFile}`,
    ],
  });
}
