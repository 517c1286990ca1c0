import { type ExecFileException, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { offlineEnvironment } from '../support/offline-environment';

export const REPO_ROOT = resolve(__dirname, '../..');
export const FIXTURE_ROOT = join(REPO_ROOT, 'tests/fixtures/vitest-setup');
/** The child Vitest run gets this long; the outer hook that starts it, a little longer. */
export const CHILD_TIMEOUT_MS = 120_000;

const VITEST_BIN = join(REPO_ROOT, 'node_modules/vitest/vitest.mjs');
const FIXTURE_CONFIG = join(FIXTURE_ROOT, 'vitest.config.mjs');

/** One test of the child run, as Vitest's JSON reporter (Jest's format) reports it. */
export interface TestOutcome {
  readonly title: string;
  readonly status: string;
  readonly failureMessages: readonly string[];
}

/** One test file of the child run. `message` holds the error of a file that failed to run. */
export interface SuiteOutcome {
  readonly name: string;
  readonly status: string;
  readonly message: string;
  readonly assertionResults: readonly TestOutcome[];
}

interface VitestJsonResult {
  readonly testResults: ReadonlyArray<
    Omit<SuiteOutcome, 'assertionResults'> & {
      readonly assertionResults: ReadonlyArray<
        Omit<TestOutcome, 'failureMessages'> & { readonly failureMessages: readonly string[] | null }
      >;
    }
  >;
}

/** The result of the child Vitest run over every fixture file, looked up by fixture path and test title. */
export class FixtureRun {
  private readonly suites: readonly SuiteOutcome[];

  constructor(result: VitestJsonResult) {
    this.suites = result.testResults.map((suite) => ({
      ...suite,
      assertionResults: suite.assertionResults.map((test) => ({
        ...test,
        failureMessages: test.failureMessages ?? [],
      })),
    }));
  }

  /** Fixture paths, relative to the fixture folder, of every test file the child ran. */
  fixturePaths(): string[] {
    return this.suites.map((suite) => fixturePath(suite.name)).sort();
  }

  /** A test file's result, by its path relative to the fixture folder (`with-setup/unused-mock.test.ts`). */
  suite(fixture: string): SuiteOutcome {
    const suite = this.suites.find((candidate) => fixturePath(candidate.name) === fixture);
    if (suite === undefined) {
      throw new Error(
        `The child Vitest run has no result for ${fixture}; it ran ${this.fixturePaths().join(', ')}`,
      );
    }
    return suite;
  }

  test(fixture: string, title: string): TestOutcome {
    const suite = this.suite(fixture);
    const outcome = suite.assertionResults.find((candidate) => candidate.title === title);
    if (outcome === undefined) {
      const titles = suite.assertionResults.map((candidate) => `'${candidate.title}'`).join(', ');
      throw new Error(`${fixture} has no test '${title}'; it has ${titles || 'none'}.\n${suite.message}`);
    }
    return outcome;
  }
}

/** Runs Vitest once, in a child process, over every fixture test file, and reads its JSON result. */
export async function runFixtureVitest(): Promise<FixtureRun> {
  const outputDir = mkdtempSync(join(tmpdir(), 'tripwire-vitest-setup-'));
  const outputFile = join(outputDir, 'result.json');
  try {
    const { error, stdout, stderr } = await runNode(
      [
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
      // Vite's cache goes with the result, not into a node_modules folder next to the fixtures.
      { TRIPWIRE_VITEST_CACHE_DIR: join(outputDir, 'vite-cache') },
    );
    if (!existsSync(outputFile)) {
      throw new Error(
        `The child Vitest run wrote no result (${error?.message ?? 'no error'}):\n${stdout}\n${stderr}`,
      );
    }
    return new FixtureRun(JSON.parse(readFileSync(outputFile, 'utf8')) as VitestJsonResult);
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

/**
 * `file:line:column` of the first occurrence of `needle` in a fixture file, relative to the repository
 * (the child's working directory): where ts-tripwire should say that code is.
 */
export function fixtureSourcePosition(fixture: string, needle: string): string {
  const file = join(FIXTURE_ROOT, fixture);
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${fixture} does not contain ${needle}`);
  const column = lines[index]!.indexOf(needle) + 1;
  return `${relative(REPO_ROOT, file)}:${index + 1}:${column}`;
}

/** Every failure message of a test, joined: the test's own error first, then the setup's `verifyAll()`. */
export function failureText(outcome: TestOutcome): string {
  return outcome.failureMessages.join('\n');
}

function fixturePath(testFile: string): string {
  return relative(FIXTURE_ROOT, testFile).split('\\').join('/');
}

/** The child fails whenever a fixture test fails, which most do on purpose: only a missing result counts. */
function runNode(
  args: string[],
  extraEnv: Record<string, string>,
): Promise<{ error: ExecFileException | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          ...offlineEnvironment(),
          ...extraEnv,
          FORCE_COLOR: '0',
          NO_COLOR: '1',
          CI: 'true',
        },
        timeout: CHILD_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolveRun({ error, stdout, stderr }),
    );
  });
}
