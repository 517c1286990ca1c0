/**
 * `ts-tripwire/vitest` seen from outside: a child Vitest process runs the fixture test files in
 * tests/fixtures/vitest-setup (most of them fail on purpose) and these tests read its JSON result.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import {
  CHILD_TIMEOUT_MS,
  FIXTURE_ROOT,
  type FixtureRun,
  failureText,
  fixtureSourcePosition,
  runFixtureVitest,
} from './fixture-vitest-run';

let run: FixtureRun;

beforeAll(async () => {
  run = await runFixtureVitest();
}, CHILD_TIMEOUT_MS + 10_000);

const GET_OBJECT_CALL = "s3.GetObject({ Bucket: 'b', Key: 'k' })";
const GET_OBJECT_ASSERTION =
  "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });";
const GET_OBJECT_MOCK =
  "tripwire.aws.mockCall('s3', 'GetObject', { returns: { /* GetObjectCommandOutput */ } });";
const DAILY_REPORT_ASSERTION =
  "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'reports', Key: 'daily.csv' } });";

/** Compared whole, so that an unexpected failure shows its messages. */
function expectPassed(fixture: string, title: string): void {
  const { status, failureMessages } = run.test(fixture, title);
  expect({ status, failureMessages }).toEqual({ status: 'passed', failureMessages: [] });
}

/** What a test failed by the guard must say: the blocked call and both ways to fix it. */
function expectGuardedCallFailure(fixture: string, title: string): void {
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

function fixtureFilesOnDisk(): string[] {
  return ['with-setup', 'sdk-inlined']
    .flatMap((folder) => readdirSync(join(FIXTURE_ROOT, folder)).map((file) => `${folder}/${file}`))
    .filter((file) => file.endsWith('.test.ts'))
    .sort();
}

test('the child run ran every fixture test file', () => {
  expect(run.fixturePaths()).toEqual(fixtureFilesOnDisk());
});

describe('with the setup file', () => {
  test('a test that mocks, runs and asserts passes', () => {
    expectPassed('with-setup/correct-test.test.ts', 'mocks, runs and asserts');
  });

  test('a forgotten assertion fails the test with UnassertedInteractionsError and the assertion to paste', () => {
    const outcome = run.test('with-setup/missing-assertion.test.ts', 'forgets to assert the call');

    expect(outcome.status).toBe('failed');
    expect(outcome.failureMessages).toHaveLength(1);
    expect(outcome.failureMessages[0]).toMatch(/^UnassertedInteractionsError: /);
    expect(outcome.failureMessages[0]).toContain(`#1 ${GET_OBJECT_CALL}`);
    expect(outcome.failureMessages[0]).toContain(GET_OBJECT_ASSERTION);
  });

  test('an unused required mock fails the test with UnusedMocksError naming where it was registered', () => {
    const fixture = 'with-setup/unused-mock.test.ts';
    const outcome = run.test(fixture, 'registers a mock the code never uses');
    const registeredAt = fixtureSourcePosition(fixture, "mockCall('s3', 'PutObject'");

    expect(outcome.status).toBe('failed');
    expect(outcome.failureMessages).toHaveLength(1);
    expect(outcome.failureMessages[0]).toMatch(/^UnusedMocksError: /);
    expect(outcome.failureMessages[0]).toContain(`s3.PutObject, registered at ${registeredAt}`);
  });

  test('an unmocked call that the code under test swallowed still fails the test', () => {
    const outcome = run.test(
      'with-setup/swallowed-unmocked.test.ts',
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
    const outcome = run.test(
      'with-setup/post-sandbox-call.test.ts',
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

  test('mocks registered in beforeEach serve every test of the file', () => {
    const fixture = 'with-setup/mocks-in-before-each.test.ts';

    expectPassed(fixture, 'the first test uses the mock from beforeEach');
    expectPassed(fixture, 'the second test gets its own copy of it');
  });

  test('after a failed assertion, the next test of the file gets a fresh verifier', () => {
    const fixture = 'with-setup/fresh-after-failure.test.ts';
    const failed = run.test(fixture, 'asserts the wrong key');

    expect(failed.status).toBe('failed');
    expect(failed.failureMessages[0]).toMatch(/^InteractionMismatchError: /);
    expect(failed.failureMessages[0]).toContain("params.Key: expected 'other', actual 'k'");
    expectPassed(fixture, 'the next test starts with a fresh verifier');
  });

  test('a root-level afterEach of the test file runs before verifyAll and still sees the verifier', () => {
    expectPassed('with-setup/root-after-each.test.ts', 'leaves the assertion to a root-level afterEach');
  });

  test('mockCall at the top level of a test file fails the file with NoActiveVerifierError', () => {
    const suite = run.suite('with-setup/top-level-mock.test.ts');

    expect(suite.status).toBe('failed');
    expect(suite.assertionResults).toHaveLength(0);
    // Vitest's JSON report keeps only the message of a file's error; the class is checked just below.
    expect(suite.message).toContain('tripwire.aws was used outside a test. With the Vitest setup');
    expect(suite.message).toContain('register mocks inside the test or in beforeEach');
    expectPassed(
      'with-setup/top-level-mock-error.test.ts',
      'mockCall at the top level threw NoActiveVerifierError',
    );
  });

  test('code under test imported again after vi.resetModules is still intercepted and guarded', () => {
    const fixture = 'with-setup/reset-modules.test.ts';

    expectPassed(fixture, 'code under test imported again after vi.resetModules is intercepted');
    expectGuardedCallFailure(fixture, 'and guarded outside the sandbox');
  });
});

describe('the guard', () => {
  test('an SDK call outside tripwire.run fails the test with GuardedCallError naming the call and the fixes', () => {
    expectGuardedCallFailure('with-setup/guarded-call.test.ts', 'calls the SDK outside the sandbox');
  });

  test('guards a test file that never imports ts-tripwire', () => {
    expectGuardedCallFailure(
      'with-setup/guarded-without-tripwire-import.test.ts',
      'calls the SDK without using ts-tripwire at all',
    );
  });

  test("configure({ guard: 'off' }) in a test lets that test's call through and no other test's", () => {
    const fixture = 'with-setup/guard-off-in-one-test.test.ts';

    expectPassed(fixture, 'with the guard off, the outside call reaches the network');
    expectGuardedCallFailure(fixture, 'the next test in the file is guarded again');
  });

  test("configure({ guard: 'warn' }) at the top of a file applies to every test in it", () => {
    const fixture = 'with-setup/guard-warn-for-file.test.ts';

    expectPassed(fixture, 'the first test lets the outside call through with a warning');
    expectPassed(fixture, 'the second test does too');
  });
});

describe("Vitest's asymmetric matchers in params", () => {
  const fixture = 'with-setup/asymmetric-matchers.test.ts';

  test('expect.any, expect.stringMatching, expect.objectContaining and expect.anything() beside a value match', () => {
    expectPassed(fixture, 'expect.any and expect.stringMatching match the recorded params');
    expectPassed(fixture, 'expect.objectContaining as the whole params is an explicit partial match');
    expectPassed(fixture, 'expect.anything() next to an exact value is allowed');
  });

  test('params made only of expect.anything() throw AllWildcardAssertionError with the real params to paste', () => {
    const outcome = run.test(fixture, 'params made only of expect.anything() are rejected');

    expect(outcome.status).toBe('failed');
    expect(outcome.failureMessages[0]).toMatch(
      /^AllWildcardAssertionError: Assertion for s3\.GetObject is made only of wildcards \(\{ Bucket: expect\.anything\(\), Key: expect\.anything\(\) \}\)/,
    );
    expect(outcome.failureMessages[0]).toContain(DAILY_REPORT_ASSERTION);
  });

  test('params that are a bare expect.anything() throw AllWildcardAssertionError', () => {
    const outcome = run.test(fixture, 'params that are a bare expect.anything() are rejected');

    expect(outcome.status).toBe('failed');
    expect(outcome.failureMessages[0]).toMatch(
      /^AllWildcardAssertionError: Assertion for s3\.GetObject is made only of wildcards \(expect\.anything\(\)\)/,
    );
    expect(outcome.failureMessages[0]).toContain(DAILY_REPORT_ASSERTION);
  });

  test('a Vitest matcher that does not match is shown as the call that makes it', () => {
    const outcome = run.test(fixture, 'a Vitest matcher that does not match names itself in the mismatch');

    expect(outcome.status).toBe('failed');
    expect(outcome.failureMessages[0]).toMatch(/^InteractionMismatchError: /);
    expect(outcome.failureMessages[0]).toContain(
      "params.Key: expected expect.any(Number), actual 'daily.csv'",
    );
  });
});

describe('with the SDK inlined by Vitest (server.deps.inline)', () => {
  const fixture = 'sdk-inlined/inlined-sdk.test.ts';

  test('Vitest evaluates its own copy of the client package', () => {
    expectPassed(fixture, 'the client class is Vitest’s own copy, not the one Node loads');
  });

  test('calls through that copy are served from the mocks and recorded', () => {
    expectPassed(fixture, 'a call through the inlined client is served from the mocks');
  });

  test('calls through that copy outside tripwire.run are guarded', () => {
    expectGuardedCallFailure(fixture, 'a call through the inlined client outside tripwire.run is guarded');
  });
});
