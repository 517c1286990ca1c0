/**
 * node:test setup: `node --test --import ts-tripwire/node-test`. Each test, and each subtest (`t.test`), gets a
 * fresh verifier behind the module-level `tripwire` object and the guard; after it, `verifyAll()` fails that
 * test on anything left over. A subtest's verifier is its own: while it runs, `tripwire` is the subtest's;
 * when it ends, the parent's again.
 *
 * Verification runs in a `t.after` hook that the setup adds before the test starts, so every `afterEach`
 * (the file's and its suites') runs first and still sees the test's verifier, and a failing verification
 * skips none of them.
 *
 * @module ts-tripwire/node-test
 */
import { beforeEach, type TestContext } from 'node:test';
import { TripwireConfigError } from './errors';
import { prepareTestFile, startTestVerifier, type TestVerifier } from './test-runner-setup';

/** What the setup reads of a test's context; `fullName` is Node 20.16+, `passed` and `error` 20.12+. */
type HookContext = Pick<TestContext, 'name' | 'after' | 'diagnostic'> & {
  readonly fullName?: string;
  readonly passed?: boolean;
  readonly error?: unknown;
};

interface RunningTest {
  readonly context: HookContext;
  readonly test: TestVerifier;
}

/** The tests of this file that have started and not finished: a test, then its running subtests. */
const running: RunningTest[] = [];

prepareTestFile('node:test');

beforeEach((suiteOrTest) => {
  const context = suiteOrTest as HookContext;
  const innermost = running.at(-1);
  if (innermost !== undefined && !isSubtestOf(context, innermost.context)) {
    throw new TripwireConfigError(concurrentTestsMessage(context, innermost.context));
  }
  const entry: RunningTest = { context, test: startTestVerifier() };
  running.push(entry);
  context.after(() => finishTest(entry));
});

function finishTest(entry: RunningTest): void {
  const index = running.indexOf(entry);
  // Gone: its parent ended first, and node:test cancelled it.
  if (index < 0) return;
  // Subtests that the test did not await: node:test cancels them and fails the test for it.
  for (const cancelled of running.splice(index).slice(1).reverse()) cancelled.test.abandon();
  const failedAlready = entry.context.passed === false || entry.context.error != null;
  try {
    entry.test.finish(failedAlready);
  } catch (error) {
    // node:test reports one error a test: when the test has already failed, this one would be dropped.
    if (failedAlready) {
      entry.context.diagnostic(`verifyAll() after the test failed too: ${String(error)}`);
    }
    throw error;
  }
}

/** Without `fullName` (Node before 20.16), every test that starts while another runs counts as its subtest. */
function isSubtestOf(context: HookContext, parent: HookContext): boolean {
  if (context.fullName === undefined || parent.fullName === undefined) return true;
  return context.fullName.startsWith(`${parent.fullName} > `);
}

function concurrentTestsMessage(started: HookContext, running: HookContext): string {
  return (
    `Test '${started.fullName ?? started.name}' started while test '${running.fullName ?? running.name}' was running: ` +
    'the node:test setup gives one test of a file at a time its verifier behind `tripwire`, and cannot tell ' +
    'which of two tests running at once an AWS call belongs to. Remove the `concurrency` option from the ' +
    'describe() or test() around them (files still run in parallel: --test-concurrency), or run this file ' +
    "without the setup, each test with a verifier of its own: using verifier = new StrictVerifier(); from 'ts-tripwire'."
  );
}
