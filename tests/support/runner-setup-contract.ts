/**
 * What ts-tripwire's setups for Jest (`ts-tripwire/jest`), Vitest (`ts-tripwire/vitest`) and node:test
 * (`ts-tripwire/node-test`) must all do, seen from outside. Each outer suite (tests/jest-setup,
 * tests/vitest-setup, tests/node-test-setup) runs its runner in a child process over its own fixture folder
 * (tests/fixtures/<runner>-setup), reads the JSON result into a {@link FixtureRun} and calls
 * {@link describeSetupContract} for the cases the setups share. The fixture files stay apart, one set a
 * runner: each imports the test API of its own runner. A case names its fixture without the extension
 * (`with-setup/correct-test`): each runner says which file that is ({@link SetupContractOptions.fixtureFile}).
 */
import { type ExecFileException, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { offlineEnvironment } from './offline-environment';

export type Runner = 'Jest' | 'Vitest' | 'node:test';

export const REPO_ROOT = resolve(__dirname, '../..');
/** The child run gets this long; the outer hook that starts it, a little longer. */
export const CHILD_TIMEOUT_MS = 120_000;

export const GET_OBJECT_CALL = "s3.GetObject({ Bucket: 'b', Key: 'k' })";
export const GET_OBJECT_ASSERTION =
  "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });";
export const GET_OBJECT_MOCK =
  "tripwire.aws.mockCall('s3', 'GetObject', { returns: { /* GetObjectCommandOutput */ } });";

/**
 * One test of the child run, as Jest's `--json` result reports it (Vitest's JSON reporter and
 * tests/support/node-test-json-reporter.mjs write Jest's format).
 */
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

/** The JSON result as written: Vitest gives a test without failures `failureMessages: null`, Jest `[]`. */
export interface JsonResult {
  readonly testResults: ReadonlyArray<
    Omit<SuiteOutcome, 'assertionResults'> & {
      readonly assertionResults: ReadonlyArray<
        Omit<TestOutcome, 'failureMessages'> & { readonly failureMessages: readonly string[] | null }
      >;
    }
  >;
}

/** The result of a child run over every fixture file, looked up by fixture path and test title. */
export class FixtureRun {
  private readonly suites: readonly SuiteOutcome[];

  constructor(
    readonly runner: Runner,
    /** The fixture folder the child ran; fixture paths are relative to it. */
    readonly fixtureRoot: string,
    result: JsonResult,
  ) {
    this.suites = result.testResults.map((suite) => ({
      ...suite,
      assertionResults: suite.assertionResults.map((outcome) => ({
        ...outcome,
        failureMessages: outcome.failureMessages ?? [],
      })),
    }));
  }

  /** One run with the test files of both, as when one runner needs two child processes to run them all. */
  withFilesOf(other: FixtureRun): FixtureRun {
    if (other.runner !== this.runner || other.fixtureRoot !== this.fixtureRoot) {
      throw new Error(`Cannot merge a ${other.runner} run over ${other.fixtureRoot} into this one`);
    }
    return new FixtureRun(this.runner, this.fixtureRoot, { testResults: [...this.suites, ...other.suites] });
  }

  /** Fixture paths, relative to the fixture folder, of every test file the child ran. */
  fixturePaths(): string[] {
    return this.suites.map((suite) => this.fixturePath(suite.name)).sort();
  }

  /** A test file's result, by its path relative to the fixture folder (`with-setup/unused-mock.test.ts`). */
  suite(fixture: string): SuiteOutcome {
    const suite = this.suites.find((candidate) => this.fixturePath(candidate.name) === fixture);
    if (suite === undefined) {
      throw new Error(
        `The child ${this.runner} run has no result for ${fixture}; it ran ${this.fixturePaths().join(', ')}`,
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

  private fixturePath(testFile: string): string {
    return relative(this.fixtureRoot, testFile).split('\\').join('/');
  }
}

/** How to run one runner over its fixture folder. */
export interface ChildRun {
  readonly runner: Runner;
  readonly fixtureRoot: string;
  /** The child's Node arguments, given the file it must write its JSON result to and a scratch folder. */
  readonly args: (outputFile: string, scratchDir: string) => string[];
  /** Environment of the child beyond the offline AWS settings and FORCE_COLOR=0. */
  readonly env?: (scratchDir: string) => Record<string, string>;
}

/** Runs the runner once, in a child process, over every fixture test file, and reads its JSON result. */
export async function runFixtureChild(child: ChildRun): Promise<FixtureRun> {
  const scratchDir = mkdtempSync(
    join(tmpdir(), `tripwire-${child.runner.replace(/\W/g, '-').toLowerCase()}-setup-`),
  );
  const outputFile = join(scratchDir, 'result.json');
  try {
    const { error, stdout, stderr } = await runNode(
      child.args(outputFile, scratchDir),
      child.env?.(scratchDir) ?? {},
    );
    if (!existsSync(outputFile)) {
      throw new Error(
        `The child ${child.runner} run wrote no result (${error?.message ?? 'no error'}):\n${stdout}\n${stderr}`,
      );
    }
    const result = JSON.parse(readFileSync(outputFile, 'utf8')) as JsonResult;
    return new FixtureRun(child.runner, child.fixtureRoot, result);
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
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
        env: { ...process.env, ...offlineEnvironment(), ...extraEnv, FORCE_COLOR: '0' },
        timeout: CHILD_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolveRun({ error, stdout, stderr }),
    );
  });
}

/**
 * `file:line:column` of the first occurrence of `needle` in a fixture file, relative to the repository
 * (the child's working directory): where ts-tripwire should say that code is.
 */
export function fixtureSourcePosition(fixtureRoot: string, fixture: string, needle: string): string {
  const file = join(fixtureRoot, fixture);
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

/** Compared whole, so that an unexpected failure shows its messages. */
export function expectPassed(run: FixtureRun, fixture: string, title: string): void {
  const { status, failureMessages } = run.test(fixture, title);
  expect({ status, failureMessages }).toEqual({ status: 'passed', failureMessages: [] });
}

/** What a test failed by the guard must say: the blocked call and both ways to fix it. */
export function expectGuardedCallFailure(run: FixtureRun, fixture: string, title: string): void {
  const outcome = run.test(fixture, title);
  expect(outcome.status).toBe('failed');
  expect(outcome.failureMessages[0]).toMatch(
    /^GuardedCallError: AWS call outside the sandbox: s3\.GetObject\(\{ Bucket: 'b', Key: 'k' \}\)/,
  );
  expect(outcome.failureMessages[0]).toContain('await tripwire.run(async () => {');
  expect(outcome.failureMessages[0]).toContain("tripwire.configure({ guard: 'warn' });");
  // Remembered as well, so that code which catches it cannot hide it.
  expect(failureText(outcome)).toContain(`[guarded] AWS call outside the sandbox: ${GET_OBJECT_CALL}`);
}

/** Where the runners' results differ for a shared case, or one runner has more to check. */
export interface SetupContractOptions {
  /** Folders of the fixture root whose test files the child must all have run. */
  readonly fixtureFolders: readonly string[];
  /** Which files of those folders are test files: `*.test.ts` unless given. */
  readonly testFile?: RegExp;
  /** The file of a shared case's fixture (`with-setup/correct-test`): `with-setup/correct-test.test.ts` unless given. */
  readonly fixtureFile?: (fixture: string) => string;
  /** The file error of a `mockCall` at the top level of a test file (with-setup/top-level-mock). */
  readonly topLevelMock: {
    /** What the file's error message must contain. */
    readonly message: string;
    /** A fixture test (named as the shared cases are) that checks the error's class, where the JSON report keeps only its message. */
    readonly errorClassTest?: { readonly fixture: string; readonly title: string };
  };
  /** This runner's own cases of 'with the setup file', declared after the shared ones. */
  readonly moreSetupFileCases?: () => void;
}

/**
 * Declares the cases both setups share: every fixture file ran, 'with the setup file' and 'the guard'.
 * `getRun` gives the child run that the outer suite's `beforeAll` started.
 */
export function describeSetupContract(
  runner: Runner,
  getRun: () => FixtureRun,
  options: SetupContractOptions,
): void {
  const file = options.fixtureFile ?? ((fixture: string) => `${fixture}.test.ts`);
  const testOf = (fixture: string, title: string) => getRun().test(file(fixture), title);
  const passed = (fixture: string, title: string) => expectPassed(getRun(), file(fixture), title);
  const guarded = (fixture: string, title: string) =>
    expectGuardedCallFailure(getRun(), file(fixture), title);

  test('the child run ran every fixture test file', () => {
    const run = getRun();
    expect(run.runner).toBe(runner);
    expect(run.fixturePaths()).toEqual(
      fixtureFilesOnDisk(run.fixtureRoot, options.fixtureFolders, options.testFile ?? /\.test\.ts$/),
    );
  });

  describe('with the setup file', () => {
    test('a test that mocks, runs and asserts passes', () => {
      passed('with-setup/correct-test', 'mocks, runs and asserts');
    });

    test('a forgotten assertion fails the test with UnassertedInteractionsError and the assertion to paste', () => {
      const outcome = testOf('with-setup/missing-assertion', 'forgets to assert the call');

      expect(outcome.status).toBe('failed');
      expect(outcome.failureMessages).toHaveLength(1);
      expect(outcome.failureMessages[0]).toMatch(/^UnassertedInteractionsError: /);
      expect(outcome.failureMessages[0]).toContain(`#1 ${GET_OBJECT_CALL}`);
      expect(outcome.failureMessages[0]).toContain(GET_OBJECT_ASSERTION);
    });

    test('an unused required mock fails the test with UnusedMocksError naming where it was registered', () => {
      const run = getRun();
      const fixture = 'with-setup/unused-mock';
      const outcome = run.test(file(fixture), 'registers a mock the code never uses');
      const registeredAt = fixtureSourcePosition(
        run.fixtureRoot,
        file(fixture),
        "mockCall('s3', 'PutObject'",
      );

      expect(outcome.status).toBe('failed');
      expect(outcome.failureMessages).toHaveLength(1);
      expect(outcome.failureMessages[0]).toMatch(/^UnusedMocksError: /);
      expect(outcome.failureMessages[0]).toContain(`s3.PutObject, registered at ${registeredAt}`);
    });

    test('an unmocked call that the code under test swallowed still fails the test', () => {
      const outcome = testOf(
        'with-setup/swallowed-unmocked',
        'the code under test swallows the unmocked call error',
      );

      expect(outcome.status).toBe('failed');
      expect(outcome.failureMessages).toHaveLength(1);
      expect(outcome.failureMessages[0]).toMatch(/^VerificationError: /);
      expect(outcome.failureMessages[0]).toContain(`[unmocked] Unmocked AWS call: ${GET_OBJECT_CALL}`);
      expect(outcome.failureMessages[0]).toContain(GET_OBJECT_MOCK);
      // A violation is not an interaction: there is nothing to assert.
      expect(outcome.failureMessages[0]).not.toContain('Unasserted interactions');
    });

    test('a call made after tripwire.run settled, by work started inside it, fails the test', () => {
      const outcome = testOf(
        'with-setup/post-sandbox-call',
        'starts a read in the sandbox without awaiting it',
      );

      // One message: the fixture's own check that the call threw PostSandboxInteractionError passed.
      expect(outcome.status).toBe('failed');
      expect(outcome.failureMessages).toHaveLength(1);
      expect(outcome.failureMessages[0]).toMatch(/^VerificationError: /);
      expect(outcome.failureMessages[0]).toContain(
        "[post-sandbox] AWS call after the sandbox closed: s3.GetObject({ Bucket: 'b', Key: 'late' })",
      );
    });

    test('a call made after the test ended, during afterAll, is refused and never sent', () => {
      const fixture = 'with-setup/late-call-after-the-tests';
      // The fixture's afterAll fails the file unless the late call threw PostSandboxInteractionError.
      expect(getRun().suite(file(fixture))).toMatchObject({ status: 'passed', message: '' });
      passed(fixture, 'starts a read that fires after the test has ended');
    });

    test('mocks registered in beforeEach serve every test of the file', () => {
      const fixture = 'with-setup/mocks-in-before-each';

      passed(fixture, 'the first test uses the mock from beforeEach');
      passed(fixture, 'the second test gets its own copy of it');
    });

    test('after a failed assertion, the next test of the file gets a fresh verifier', () => {
      const fixture = 'with-setup/fresh-after-failure';
      const failed = testOf(fixture, 'asserts the wrong key');

      expect(failed.status).toBe('failed');
      expect(failed.failureMessages[0]).toMatch(/^InteractionMismatchError: /);
      expect(failed.failureMessages[0]).toContain("params.Key: expected 'other', actual 'k'");
      passed(fixture, 'the next test starts with a fresh verifier');
    });

    test('mockCall at the top level of a test file fails the file with NoActiveVerifierError', () => {
      const suite = getRun().suite(file('with-setup/top-level-mock'));
      const { message, errorClassTest } = options.topLevelMock;

      expect(suite.status).toBe('failed');
      expect(suite.assertionResults).toHaveLength(0);
      expect(suite.message).toContain(message);
      expect(suite.message).toContain('register mocks inside the test or in beforeEach');
      if (errorClassTest !== undefined) passed(errorClassTest.fixture, errorClassTest.title);
    });

    options.moreSetupFileCases?.();
  });

  describe('the guard', () => {
    test('an SDK call outside tripwire.run fails the test with GuardedCallError naming the call and the fixes', () => {
      guarded('with-setup/guarded-call', 'calls the SDK outside the sandbox');
    });

    test('guards a test file that never imports ts-tripwire', () => {
      guarded('with-setup/guarded-without-tripwire-import', 'calls the SDK without using ts-tripwire at all');
    });

    test("configure({ guard: 'off' }) in a test lets that test's call through and no other test's", () => {
      const fixture = 'with-setup/guard-off-in-one-test';

      passed(fixture, 'with the guard off, the outside call reaches the network');
      guarded(fixture, 'the next test in the file is guarded again');
    });

    test("configure({ guard: 'warn' }) at the top of a file applies to every test in it", () => {
      const fixture = 'with-setup/guard-warn-for-file';

      passed(fixture, 'the first test lets the outside call through with a warning');
      passed(fixture, 'the second test does too');
    });
  });
}

function fixtureFilesOnDisk(fixtureRoot: string, folders: readonly string[], testFile: RegExp): string[] {
  return folders
    .flatMap((folder) => readdirSync(join(fixtureRoot, folder)).map((file) => `${folder}/${file}`))
    .filter((file) => testFile.test(file))
    .sort();
}
