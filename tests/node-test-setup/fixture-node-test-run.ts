import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type FixtureRun, REPO_ROOT, runFixtureChild } from '../support/runner-setup-contract';

export const FIXTURE_ROOT = join(REPO_ROOT, 'tests/fixtures/node-test-setup');

/** Plain JavaScript, run by Node alone: ES modules and CommonJS. */
export const JAVASCRIPT_FOLDERS = ['with-setup', 'node-test-only'] as const;
/** TypeScript, run through tsx (Node 20 cannot strip types). */
export const TYPESCRIPT_FOLDERS = ['typescript'] as const;

const REPORTER = join(REPO_ROOT, 'tests/support/node-test-json-reporter.mjs');
const ENABLE_KV_PLUGIN = pathToFileURL(join(FIXTURE_ROOT, 'support/enable-kv-plugin.ts')).href;

/** The file of a fixture named without its extension (`with-setup/correct-test` is a `.test.mjs`). */
export function fixtureFile(fixture: string): string {
  const [folder, name] = fixture.split('/') as [string, string];
  const file = readdirSync(join(FIXTURE_ROOT, folder)).find((candidate) =>
    candidate.startsWith(`${name}.test.`),
  );
  if (file === undefined) throw new Error(`tests/fixtures/node-test-setup has no fixture ${fixture}.test.*`);
  return `${folder}/${file}`;
}

function testFilesIn(folders: readonly string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(FIXTURE_ROOT, folder))
      .filter((file) => /\.test\.[cm]?[jt]s$/.test(file))
      .map((file) => join(FIXTURE_ROOT, folder, file)),
  );
}

/**
 * `node --test` as users run it, over the files given: ts-tripwire is the built package, which the fixtures
 * and `--import ts-tripwire/node-test` find by the package's own name (its "exports"), so dist/ must be built.
 */
function nodeTestArgs(before: readonly string[], after: readonly string[], files: readonly string[]) {
  return (outputFile: string): string[] => [
    ...before,
    '--test',
    '--import',
    'ts-tripwire/node-test',
    ...after,
    `--test-reporter=${REPORTER}`,
    `--test-reporter-destination=${outputFile}`,
    ...files,
  ];
}

/**
 * Runs node:test twice, in child processes: the JavaScript fixtures with Node alone, then the TypeScript ones
 * through tsx with a plugin enabled in each test by a second `--import`. One result for both.
 */
export async function runFixtureNodeTest(): Promise<FixtureRun> {
  const javascript = await runFixtureChild({
    runner: 'node:test',
    fixtureRoot: FIXTURE_ROOT,
    // Two files at a time, each in its own process: one file's settings never reach another's.
    args: nodeTestArgs([], ['--test-concurrency=2'], testFilesIn(JAVASCRIPT_FOLDERS)),
  });
  const typescript = await runFixtureChild({
    runner: 'node:test',
    fixtureRoot: FIXTURE_ROOT,
    args: nodeTestArgs(['--import', 'tsx'], ['--import', ENABLE_KV_PLUGIN], testFilesIn(TYPESCRIPT_FOLDERS)),
    // The repository's tsconfig maps `ts-tripwire` to src/: the fixtures' own maps nothing.
    env: () => ({ TSX_TSCONFIG_PATH: join(FIXTURE_ROOT, 'tsconfig.json') }),
  });
  return javascript.withFilesOf(typescript);
}
