import { join } from 'node:path';
import { type FixtureRun, REPO_ROOT, runFixtureChild } from '../support/runner-setup-contract';

export const FIXTURE_ROOT = join(REPO_ROOT, 'tests/fixtures/vitest-setup');

const VITEST_BIN = join(REPO_ROOT, 'node_modules/vitest/vitest.mjs');
const FIXTURE_CONFIG = join(FIXTURE_ROOT, 'vitest.config.mjs');

/** Runs Vitest once, in a child process, over every fixture test file, and reads its JSON result. */
export function runFixtureVitest(): Promise<FixtureRun> {
  return runFixtureChild({
    runner: 'Vitest',
    fixtureRoot: FIXTURE_ROOT,
    args: (outputFile) => [
      VITEST_BIN,
      'run',
      '--config',
      FIXTURE_CONFIG,
      // Node imports the config itself: no bundled copy of it is written next to the fixtures.
      '--configLoader',
      'native',
      '--reporter=json',
      `--outputFile=${outputFile}`,
    ],
    env: (scratchDir) => ({
      // Vite's cache goes with the result, not into a node_modules folder next to the fixtures.
      TRIPWIRE_VITEST_CACHE_DIR: join(scratchDir, 'vite-cache'),
      NO_COLOR: '1',
      CI: 'true',
    }),
  });
}
