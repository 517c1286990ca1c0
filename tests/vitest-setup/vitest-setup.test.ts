/**
 * `ts-tripwire/vitest` seen from outside: a child Vitest process runs the fixture test files in
 * tests/fixtures/vitest-setup (most of them fail on purpose) and these tests read its JSON result. The cases
 * the Jest setup shares are in tests/support/runner-setup-contract.ts; the Vitest-only ones follow.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import {
  CHILD_TIMEOUT_MS,
  describeSetupContract,
  expectGuardedCallFailure,
  expectPassed,
  type FixtureRun,
} from '../support/runner-setup-contract';
import { runFixtureVitest } from './fixture-vitest-run';

let run: FixtureRun;

beforeAll(async () => {
  run = await runFixtureVitest();
}, CHILD_TIMEOUT_MS + 10_000);

const DAILY_REPORT_ASSERTION =
  "tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'reports', Key: 'daily.csv' } });";

describeSetupContract('Vitest', () => run, {
  fixtureFolders: ['with-setup', 'sdk-inlined', 'without-setup'],
  topLevelMock: {
    // Vitest's JSON report keeps only the message of a file's error; the class is checked by a fixture test.
    message: 'tripwire.aws was used outside a test. With the Vitest setup',
    errorClassTest: {
      fixture: 'with-setup/top-level-mock-error',
      title: 'mockCall at the top level threw NoActiveVerifierError',
    },
  },
  moreSetupFileCases: () => {
    test('a root-level afterEach of the test file runs before verifyAll and still sees the verifier', () => {
      expectPassed(
        run,
        'with-setup/root-after-each.test.ts',
        'leaves the assertion to a root-level afterEach',
      );
    });

    test('code under test imported again after vi.resetModules is still intercepted and guarded', () => {
      const fixture = 'with-setup/reset-modules.test.ts';

      expectPassed(run, fixture, 'code under test imported again after vi.resetModules is intercepted');
      expectGuardedCallFailure(run, fixture, 'and guarded outside the sandbox');
    });
  },
});

describe("Vitest's asymmetric matchers in params", () => {
  const fixture = 'with-setup/asymmetric-matchers.test.ts';

  test('expect.any, expect.stringMatching, expect.objectContaining and expect.anything() beside a value match', () => {
    expectPassed(run, fixture, 'expect.any and expect.stringMatching match the recorded params');
    expectPassed(run, fixture, 'expect.objectContaining as the whole params is an explicit partial match');
    expectPassed(run, fixture, 'expect.anything() next to an exact value is allowed');
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
    expectPassed(run, fixture, 'the client class is Vitest’s own copy, not the one Node loads');
  });

  test('calls through that copy are served from the mocks and recorded', () => {
    expectPassed(run, fixture, 'a call through the inlined client is served from the mocks');
  });

  test('calls through that copy outside tripwire.run are guarded', () => {
    expectGuardedCallFailure(
      run,
      fixture,
      'a call through the inlined client outside tripwire.run is guarded',
    );
  });
});

describe('without the setup file, a verifier declared with `using`', () => {
  const fixture = 'without-setup/using-verifier.test.ts';

  test('verifies itself when the test function returns: Vitest lowers `using` for Node 20', () => {
    expectPassed(run, fixture, 'reads the daily report');
    expectPassed(run, fixture, 'a call left unasserted fails the test when its block ends');
  });
});
