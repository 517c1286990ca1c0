import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, jest, test } from '@jest/globals';
import { GuardedCallError, StrictVerifier } from 'ts-tripwire';
import { rejectionOf } from '../support/rejection';

// The guard the test-runner setups start around each test: calls outside any sandbox meet it, until it stops.
const getObject = () =>
  new S3Client({ maxAttempts: 1 }).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));

describe('the guard', () => {
  test('refuses calls outside any sandbox while it is on, and lets them through once stopped', async () => {
    const verifier = new StrictVerifier();
    const stop = verifier.startGuard();
    expect(await rejectionOf(getObject())).toBeInstanceOf(GuardedCallError);
    stop();
    const after = await rejectionOf(getObject());
    expect(after).not.toBeInstanceOf(GuardedCallError);
    expect(String(after)).toMatch(/ECONNREFUSED 127\.0\.0\.1:9/);
    expect(() => verifier.verifyAll()).toThrow('[guarded] AWS call outside the sandbox');
  });

  test('the newest guard decides; stopping an older one leaves it on, and stopping twice does nothing', async () => {
    const older = new StrictVerifier();
    const newer = new StrictVerifier();
    const stopOlder = older.startGuard();
    const stopNewer = newer.startGuard();
    stopOlder();
    stopOlder();
    expect(await rejectionOf(getObject())).toBeInstanceOf(GuardedCallError);
    expect(() => newer.verifyAll()).toThrow('[guarded]');
    expect(() => older.verifyAll()).not.toThrow();
    stopNewer();
    expect(await rejectionOf(getObject())).not.toBeInstanceOf(GuardedCallError);
  });

  test('with two guards of one verifier, stopping one leaves the other on', async () => {
    const verifier = new StrictVerifier();
    const stopFirst = verifier.startGuard();
    const stopSecond = verifier.startGuard();
    stopSecond();
    expect(await rejectionOf(getObject())).toBeInstanceOf(GuardedCallError);
    stopFirst();
    expect(await rejectionOf(getObject())).not.toBeInstanceOf(GuardedCallError);
  });
});

describe("the guard at level 'warn'", () => {
  test('lets the call through to the SDK after a warning that names it, and remembers nothing', async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ guard: 'warn' });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = verifier.startGuard();
    let warnings: unknown[][];
    try {
      const error = await rejectionOf(getObject());
      expect(String(error)).toMatch(/ECONNREFUSED 127\.0\.0\.1:9/);
    } finally {
      stop();
      warnings = warn.mock.calls;
      warn.mockRestore();
    }
    expect(warnings).toEqual([
      [
        "ts-tripwire: real AWS call outside the sandbox let through by guard: 'warn': s3.GetObject({ Bucket: 'b', Key: 'k' })",
      ],
    ]);
    verifier.verifyAll();
  });
});
