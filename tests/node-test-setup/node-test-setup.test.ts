/**
 * `ts-tripwire/node-test` seen from outside: child `node --test --import ts-tripwire/node-test` runs over the
 * fixture test files in tests/fixtures/node-test-setup (ES modules and CommonJS with Node alone, TypeScript
 * through tsx; most fail on purpose), and these tests read their results. The cases the Jest and Vitest
 * setups share are in tests/support/runner-setup-contract.ts; the node:test-only ones follow. The fixtures
 * use the built package: `npm run build` first.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import {
  CHILD_TIMEOUT_MS,
  describeSetupContract,
  expectPassed,
  type FixtureRun,
  GET_OBJECT_ASSERTION,
} from '../support/runner-setup-contract';
import {
  fixtureFile,
  JAVASCRIPT_FOLDERS,
  runFixtureNodeTest,
  runUsingScriptCompiled,
  runUsingScriptWithTsx,
  TYPESCRIPT_FOLDERS,
  WITHOUT_SETUP_FOLDERS,
} from './fixture-node-test-run';

let run: FixtureRun;

beforeAll(
  async () => {
    run = await runFixtureNodeTest();
  },
  2 * CHILD_TIMEOUT_MS + 10_000,
);

describeSetupContract('node:test', () => run, {
  fixtureFolders: [...JAVASCRIPT_FOLDERS, ...TYPESCRIPT_FOLDERS, ...WITHOUT_SETUP_FOLDERS],
  testFile: /\.test\.(mjs|cjs|ts)$/,
  fixtureFile,
  // node:test reports a file that failed to load by its stderr, where Node printed the error.
  topLevelMock: {
    message: 'NoActiveVerifierError: tripwire.aws was used outside a test. With the node:test setup',
  },
});

describe('subtests (t.test)', () => {
  const fixture = 'node-test-only/subtests.test.mjs';

  test('a subtest gets a verifier of its own, and the parent gets its own back when the subtest ends', () => {
    expectPassed(run, fixture, 'the subtest mocks, runs and asserts on its own verifier');
    expectPassed(run, fixture, 'a parent whose subtests have verifiers of their own');
  });

  test('what a subtest leaves over fails that subtest, and node:test fails its parent for it', () => {
    const subtest = run.test(fixture, 'the subtest fails on its own unasserted call');
    const parent = run.test(fixture, 'a parent whose subtest forgets an assertion');

    expect(subtest.status).toBe('failed');
    expect(subtest.failureMessages).toHaveLength(1);
    expect(subtest.failureMessages[0]).toMatch(/^UnassertedInteractionsError: /);
    expect(subtest.failureMessages[0]).toContain(GET_OBJECT_ASSERTION);
    expect(parent).toEqual({ title: parent.title, status: 'failed', failureMessages: ['1 subtest failed'] });
  });

  test('a subtest its parent did not await has no verifier once the parent ends, and leaves nothing to the next test', () => {
    const cancelled = run.test(fixture, 'the subtest still running when its parent ends');

    expect(cancelled.status).toBe('failed');
    expect(cancelled.failureMessages).toEqual([
      expect.stringMatching(
        /^NoActiveVerifierError: tripwire\.aws was used outside a test\. With the node:test setup/,
      ),
    ]);
    expect(cancelled.failureMessages[0]).toContain(
      'A subtest must be awaited (await t.test(...)): once its parent has ended, it has none.',
    );
    expect(run.test(fixture, 'a parent that does not await its subtest').failureMessages).toEqual([
      '1 subtest failed',
    ]);
    expectPassed(run, fixture, 'the next test after it starts with a fresh verifier and nothing left over');
  });
});

describe('describe/it with hooks at every level', () => {
  const fixture = 'node-test-only/describe-it.test.cjs';

  test("every afterEach, the suites' and the file's, runs before verifyAll() and sees the test's verifier", () => {
    expectPassed(
      run,
      fixture,
      'uses the mock from the suite and leaves the assertion to the file-level afterEach',
    );
    expectPassed(run, fixture, 'asserts in the nested suite and in the file');
  });

  test('a failing afterEach fails the test, and what verifyAll() found is reported with it', () => {
    const outcome = run.test(fixture, 'reads only one of the two reports');

    expect(outcome.status).toBe('failed');
    expect(outcome.failureMessages).toHaveLength(2);
    expect(outcome.failureMessages[0]).toMatch(/^InteractionMismatchError: /);
    expect(outcome.failureMessages[0]).toContain("params.Key: expected 'first', actual 'k'");
    // node:test keeps one error a test: the setup reports its own as a diagnostic of that test.
    expect(outcome.failureMessages[1]).toMatch(
      /^verifyAll\(\) after the test failed too: VerificationError: /,
    );
    expect(outcome.failureMessages[1]).toContain('1 unasserted interaction, 1 unused required mock');
  });
});

describe('tests of one file running at the same time', () => {
  const fixture = 'node-test-only/concurrent-tests.test.mjs';
  const refusal =
    "TripwireConfigError: Test 'reports read at the same time > reads the second report' started while test " +
    "'reports read at the same time > reads the first report' was running: the node:test setup gives one " +
    'test of a file at a time its verifier behind `tripwire`';

  test('are refused with TripwireConfigError naming both tests and the ways out', () => {
    // node:test runs one beforeEach hook object for every test: its error fails both tests.
    for (const title of ['reads the first report', 'reads the second report']) {
      const outcome = run.test(fixture, title);
      expect(outcome.status).toBe('failed');
      expect(outcome.failureMessages[0]).toContain(refusal);
      expect(outcome.failureMessages[0]).toContain('Remove the `concurrency` option');
      expect(outcome.failureMessages[0]).toContain(
        'or run this file without the setup, each test with a verifier of its own: using verifier = new StrictVerifier();',
      );
    }
  });

  test('without the setup, each with a verifier of its own declared with `using`, they pass', () => {
    const fixture = 'without-setup/concurrent-using.test.ts';

    expectPassed(run, fixture, 'reads the first report, finishing last');
    expectPassed(run, fixture, 'reads the second report, finishing first');
  });
});

describe('TypeScript through tsx', () => {
  const fixture = 'typescript/plugin-in-each-test.test.ts';

  test('a plugin enabled in each test by a module imported after the setup is tripwire.<name>', () => {
    expectPassed(
      run,
      fixture,
      'a plugin enabled in each test is tripwire.kv, on the timeline with the AWS plugin',
    );
  });

  test('configure() at the top of the file applies to every test of the file', () => {
    expectPassed(run, fixture, 'configure() at the top of the file set the plugin setting for every test');
  });

  test('a verifier declared with `using` verifies itself when the test function returns', () => {
    expectPassed(run, 'typescript/using-verifier.test.ts', 'reads the daily report');
    expectPassed(
      run,
      'typescript/using-verifier.test.ts',
      'a mock left over fails the test when its block ends',
    );
  });
});

describe('`using` in a plain script, no test runner', () => {
  test('tsx lowers it, and the verifier verifies itself when the block ends', async () => {
    const run = await runUsingScriptWithTsx();

    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: 'report ok: 2 rows\n' });
  });

  test('TypeScript lowers it for target ES2022, and the compiled script runs the same', async () => {
    const run = await runUsingScriptCompiled();

    expect(run.javascript).not.toMatch(/^\s*using /m);
    expect(run.javascript).toContain('__addDisposableResource');
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: 'report ok: 2 rows\n' });
  });
});
