/**
 * `ts-tripwire/jest` seen from outside: a child Jest process runs the fixture test files in
 * tests/fixtures/jest-setup (most of them fail on purpose) and these tests read its JSON result.
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
  runFixtureJest,
} from './fixture-jest-run';

let run: FixtureRun;

beforeAll(async () => {
  run = await runFixtureJest();
}, CHILD_TIMEOUT_MS + 10_000);

const GET_OBJECT_CALL = "s3.GetObject({ Bucket: 'b', Key: 'k' })";
const GET_OBJECT_ASSERTION =
  "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });";
const GET_OBJECT_MOCK =
  "tripwire.aws.mockCall('s3', 'GetObject', { returns: { /* GetObjectCommandOutput */ } });";

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
  return ['with-setup', 'no-injected-globals', 'without-setup']
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

  test('mockCall at the top level of a test file fails the file with NoActiveVerifierError', () => {
    const suite = run.suite('with-setup/top-level-mock.test.ts');

    expect(suite.status).toBe('failed');
    expect(suite.assertionResults).toHaveLength(0);
    expect(suite.message).toContain('NoActiveVerifierError: tripwire.aws was used outside a test.');
    expect(suite.message).toContain('register mocks inside the test or in beforeEach');
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

describe('with injectGlobals: false', () => {
  const fixture = 'no-injected-globals/setup-without-globals.test.ts';

  test('the setup still verifies each test', () => {
    expectPassed(fixture, 'Jest injects no globals in this project');
    expectPassed(fixture, 'mocks, runs and asserts');

    const unasserted = run.test(fixture, 'forgets to assert the call');
    expect(unasserted.status).toBe('failed');
    expect(unasserted.failureMessages[0]).toMatch(/^UnassertedInteractionsError: /);
    expect(unasserted.failureMessages[0]).toContain(GET_OBJECT_ASSERTION);
  });

  test('the setup still guards each test', () => {
    expectGuardedCallFailure(fixture, 'calls the SDK outside the sandbox');
  });
});

describe('without the setup file', () => {
  const fixture = 'without-setup/module-object-without-setup.test.ts';

  test('tripwire.aws throws NoActiveVerifierError explaining both ways to get a verifier', () => {
    const outcome = run.test(fixture, 'uses tripwire.aws without the setup');

    expect(outcome.status).toBe('failed');
    expect(outcome.failureMessages[0]).toMatch(
      /^NoActiveVerifierError: tripwire\.aws needs a current test verifier/,
    );
    expect(outcome.failureMessages[0]).toContain("setupFilesAfterEnv: ['ts-tripwire/jest']");
    expect(outcome.failureMessages[0]).toContain('new StrictVerifier()');
  });

  test('tripwire.ANY works and SDK calls are left alone', () => {
    expectPassed(fixture, 'tripwire.ANY works without a verifier');
    expectPassed(fixture, 'an SDK call reaches the SDK untouched');
  });
});
