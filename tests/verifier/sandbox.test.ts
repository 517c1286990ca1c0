import { setTimeout as sleep } from 'node:timers/promises';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import {
  PostSandboxInteractionError,
  StrictVerifier,
  UnmockedInteractionError,
  VerificationError,
} from 'ts-tripwire';
import { rejectionOf } from '../support/rejection';

const getObject = (s3: S3Client, Key = 'k') => s3.send(new GetObjectCommand({ Bucket: 'b', Key }));

describe('the sandbox', () => {
  test('run resolves to the result of fn, sync or async', async () => {
    const verifier = new StrictVerifier();
    await expect(verifier.run(() => 7)).resolves.toBe(7);
    await expect(verifier.run(async () => 'async')).resolves.toBe('async');
  });

  test('if fn throws, the error propagates unchanged and the sandbox closes', async () => {
    const verifier = new StrictVerifier();
    const failure = new Error('from fn');
    await expect(
      verifier.run(() => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    await expect(verifier.run(() => Promise.reject(failure))).rejects.toBe(failure);
    expect(() => verifier.verifyAll()).not.toThrow();
  });

  test('an unmocked call is thrown into the code and remembered even when that code swallows it', async () => {
    const verifier = new StrictVerifier();
    const s3 = new S3Client({});
    const error = await verifier.run(() => rejectionOf(getObject(s3)));
    expect(error).toBeInstanceOf(UnmockedInteractionError);
    expect(error.message).toBe(
      [
        "Unmocked AWS call: s3.GetObject({ Bucket: 'b', Key: 'k' })",
        `Called at ${error.message.split('\n')[1]!.slice('Called at '.length)}`,
        'Register a mock before the sandbox:',
        "  verifier.aws.mockCall('s3', 'GetObject', { returns: { /* GetObjectCommandOutput */ } });",
      ].join('\n'),
    );
    expect(error.message.split('\n')[1]).toMatch(/^Called at tests\/verifier\/sandbox\.test\.ts:\d+:\d+$/);
    const verification = catchVerification(verifier);
    expect(verification.constructor).toBe(VerificationError);
    expect(verification.violations).toEqual([
      {
        kind: 'unmocked',
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'k' },
        message: error.message,
      },
    ]);
    expect(verification.unasserted).toEqual([]);
  });

  test('nested sandboxes of one verifier share its queues and timeline', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { times: 2 });
    const s3 = new S3Client({});
    await verifier.run(async () => {
      await getObject(s3, 'outer');
      await verifier.run(() => getObject(s3, 'inner'));
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'outer' },
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'inner' },
    });
    verifier.verifyAll();
  });

  test('nested sandboxes of two verifiers: the innermost open sandbox gets the call', async () => {
    const outer = new StrictVerifier();
    const inner = new StrictVerifier();
    outer.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'outer' } });
    inner.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'inner' } });
    const s3 = new S3Client({});
    const types = await outer.run(async () => {
      const fromInner = await inner.run(() => getObject(s3, 'i'));
      const fromOuter = await getObject(s3, 'o');
      return [fromInner.ContentType, fromOuter.ContentType];
    });
    expect(types).toEqual(['inner', 'outer']);
    inner.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'i' } });
    outer.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'o' } });
    inner.verifyAll();
    outer.verifyAll();
  });

  test('sandboxes of different verifiers running at the same time never see each other’s calls', async () => {
    const verifiers = [new StrictVerifier(), new StrictVerifier()];
    const s3 = new S3Client({});
    for (const [index, verifier] of verifiers.entries()) {
      verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: `v${index}` }, times: 3 });
    }
    const results = await Promise.all(
      verifiers.map((verifier, index) =>
        verifier.run(async () => {
          const types = [];
          for (let call = 0; call < 3; call++) {
            await sleep(1);
            types.push((await getObject(s3, `v${index}-${call}`)).ContentType);
          }
          return types;
        }),
      ),
    );
    expect(results).toEqual([
      ['v0', 'v0', 'v0'],
      ['v1', 'v1', 'v1'],
    ]);
    verifiers.forEach((verifier, index) => {
      for (let call = 0; call < 3; call++) {
        verifier.aws.assertAwsCall({
          service: 's3',
          operation: 'GetObject',
          params: { Bucket: 'b', Key: `v${index}-${call}` },
        });
      }
      verifier.verifyAll();
    });
  });

  test('a call after run settled, from work started inside it, is a remembered PostSandboxInteractionError', async () => {
    const verifier = new StrictVerifier();
    const other = new StrictVerifier();
    const s3 = new S3Client({});
    let late: Promise<unknown> = Promise.resolve();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await verifier.run(() => {
      late = gate.then(() => getObject(s3, 'late'));
    });
    // Another sandbox keeps interception on, as the test-runner guard does during a test.
    const error = await other.run(async () => {
      release();
      return rejectionOf(late);
    });
    expect(error).toBeInstanceOf(PostSandboxInteractionError);
    expect(error.message).toContain(
      "AWS call after the sandbox closed: s3.GetObject({ Bucket: 'b', Key: 'late' })",
    );
    expect(error.message).toContain('await verifier.run(async () => { await theWorkThatCalls(); });');
    expect(catchVerification(verifier).violations).toEqual([
      expect.objectContaining({ kind: 'post-sandbox', service: 's3', operation: 'GetObject' }),
    ]);
    other.verifyAll();
  });
});

test('a late call that lands while another verifier’s guard is on is reported to that verifier', async () => {
  const finished = new StrictVerifier();
  const running = new StrictVerifier();
  const s3 = new S3Client({});
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let late: Promise<unknown> = Promise.resolve();
  await finished.run(() => {
    late = gate.then(() => getObject(s3, 'late'));
  });
  const stopGuard = running.startGuard();
  try {
    release();
    expect(await rejectionOf(late)).toBeInstanceOf(PostSandboxInteractionError);
  } finally {
    stopGuard();
  }
  expect(() => finished.verifyAll()).not.toThrow();
  expect(catchVerification(running).violations).toEqual([
    expect.objectContaining({ kind: 'post-sandbox', params: { Bucket: 'b', Key: 'late' } }),
  ]);
});

function catchVerification(verifier: StrictVerifier): VerificationError {
  try {
    verifier.verifyAll();
  } catch (error) {
    return error as VerificationError;
  }
  throw new Error('verifyAll() did not throw');
}
