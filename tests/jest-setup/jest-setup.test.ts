/**
 * `ts-tripwire/jest` seen from outside: a child Jest process runs the fixture test files in
 * tests/fixtures/jest-setup (most of them fail on purpose) and these tests read its JSON result. The cases
 * the Vitest setup shares are in tests/support/runner-setup-contract.ts; the Jest-only ones follow.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import {
  CHILD_TIMEOUT_MS,
  describeSetupContract,
  expectGuardedCallFailure,
  expectPassed,
  type FixtureRun,
  GET_OBJECT_ASSERTION,
} from '../support/runner-setup-contract';
import { runFixtureJest } from './fixture-jest-run';

let run: FixtureRun;

beforeAll(async () => {
  run = await runFixtureJest();
}, CHILD_TIMEOUT_MS + 10_000);

describeSetupContract('Jest', () => run, {
  fixtureFolders: ['with-setup', 'no-injected-globals', 'without-setup'],
  topLevelMock: { message: 'NoActiveVerifierError: tripwire.aws was used outside a test.' },
});

describe('process-wide state', () => {
  test('every test file of a worker shares one routing context and one network hook', () => {
    expectPassed(
      run,
      'with-setup/process-wide-state-a.test.ts',
      'shares one routing context and one network hook with the other test files',
    );
    expectPassed(
      run,
      'with-setup/process-wide-state-b.test.ts',
      'shares one routing context and one network hook with the other test files',
    );
  });
});

describe('with injectGlobals: false', () => {
  const fixture = 'no-injected-globals/setup-without-globals.test.ts';

  test('the setup still verifies each test', () => {
    expectPassed(run, fixture, 'Jest injects no globals in this project');
    expectPassed(run, fixture, 'mocks, runs and asserts');

    const unasserted = run.test(fixture, 'forgets to assert the call');
    expect(unasserted.status).toBe('failed');
    expect(unasserted.failureMessages[0]).toMatch(/^UnassertedInteractionsError: /);
    expect(unasserted.failureMessages[0]).toContain(GET_OBJECT_ASSERTION);
  });

  test('the setup still guards each test', () => {
    expectGuardedCallFailure(run, fixture, 'calls the SDK outside the sandbox');
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
    expectPassed(run, fixture, 'tripwire.ANY works without a verifier');
    expectPassed(run, fixture, 'an SDK call reaches the SDK untouched');
  });
});
