import {
  GetObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import {
  AssertionInsideSandboxError,
  StrictVerifier,
  UnassertedInteractionsError,
  UnusedMocksError,
  VerificationError,
} from 'ts-tripwire';

function verificationOf(verifier: StrictVerifier): VerificationError {
  try {
    verifier.verifyAll();
  } catch (error) {
    return error as VerificationError;
  }
  throw new Error('verifyAll() did not throw');
}

const LINE = /tests\/verifier\/verification\.test\.ts:\d+:\d+/;

describe('verifyAll', () => {
  test('passes when every mock was used and every interaction asserted', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    verifier.aws.mockCall('s3', 'GetObject', { required: false });
    await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    expect(() => verifier.verifyAll()).not.toThrow();
  });

  test('unasserted interactions alone: UnassertedInteractionsError with every assertion ready to paste', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });
    verifier.aws.mockCall('s3', 'PutObject');
    const s3 = new S3Client({});
    await verifier.run(async () => {
      await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch(() => undefined);
      await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'p', Body: 'a,b' }));
    });
    const error = verificationOf(verifier);
    expect(error).toBeInstanceOf(UnassertedInteractionsError);
    expect(error).toBeInstanceOf(VerificationError);
    expect(error.message).toBe(
      [
        'Verification failed: 2 recorded interactions never asserted.',
        '',
        'Unasserted interactions:',
        "  #1 s3.GetObject({ Bucket: 'b', Key: 'k' }) raised NoSuchKey",
        "  #2 s3.PutObject({ Bucket: 'b', Key: 'p', Body: 'a,b' })",
        'Assert them after the sandbox, in this order:',
        "  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' }, raised: 'NoSuchKey' });",
        "  verifier.aws.assertAwsCall({ service: 's3', operation: 'PutObject', params: { Bucket: 'b', Key: 'p', Body: 'a,b' } });",
      ].join('\n'),
    );
    expect(error.unasserted).toEqual([
      {
        sequence: 1,
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'k' },
        raised: { name: 'NoSuchKey', message: 'NoSuchKey' },
      },
      { sequence: 2, service: 's3', operation: 'PutObject', params: { Bucket: 'b', Key: 'p', Body: 'a,b' } },
    ]);
    expect(error.unused).toEqual([]);
    expect(error.violations).toEqual([]);
  });

  test('the pasted assertions pass', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject');
    await verifier.run(() =>
      new S3Client({}).send(
        new PutObjectCommand({
          Bucket: 'b',
          Key: 'k',
          Body: new Uint8Array([1, 2, 250]),
          Metadata: { a: '1' },
        }),
      ),
    );
    const hint = verificationOf(verifier).message.split('Assert them after the sandbox, in this order:\n')[1];
    expect(hint).toBe(
      [
        '  verifier.aws.assertAwsCall({',
        "    service: 's3',",
        "    operation: 'PutObject',",
        "    params: { Bucket: 'b', Key: 'k', Body: new Uint8Array([1, 2, 250]), Metadata: { a: '1' } },",
        '  });',
      ].join('\n'),
    );
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'PutObject',
      params: { Bucket: 'b', Key: 'k', Body: new Uint8Array([1, 2, 250]), Metadata: { a: '1' } },
    });
    verifier.verifyAll();
  });

  test('unused required mocks alone: UnusedMocksError naming where each was registered', () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    verifier.aws.mockCall('s3', 'PutObject', { times: 3 });
    verifier.aws.mockCall('s3', 'DeleteObject', { required: false });
    const error = verificationOf(verifier);
    expect(error).toBeInstanceOf(UnusedMocksError);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Verification failed: 2 required mocks never used.');
    expect(lines[3]).toMatch(new RegExp(`^  s3\\.GetObject, registered at ${LINE.source}$`));
    expect(lines[4]).toMatch(
      new RegExp(`^  s3\\.PutObject \\(3 of times: 3 unused\\), registered at ${LINE.source}$`),
    );
    expect(lines[5]).toBe(
      'Make the code under test call them, remove them, or register them with { required: false }.',
    );
    expect(error.unused).toEqual([
      { service: 's3', operation: 'GetObject', registeredAt: expect.stringMatching(LINE) },
      { service: 's3', operation: 'PutObject', registeredAt: expect.stringMatching(LINE) },
    ]);
  });

  test('an operation registered but never called suggests the one that was called', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'ListObjectsV2', { required: false });
    verifier.aws.mockCall('s3', 'ListObjects');
    await verifier.run(() => new S3Client({}).send(new ListObjectsV2Command({ Bucket: 'b' })));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b' } });
    expect(verificationOf(verifier).message).toMatch(
      new RegExp(
        `s3\\.ListObjects, registered at ${LINE.source}\\. It was never called, but s3\\.ListObjectsV2 was: did you mean 'ListObjectsV2'\\?`,
      ),
    );
  });

  test('a mock that was partly used suggests nothing: the operation was right', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'ListObjects', { times: 2 });
    verifier.aws.mockCall('s3', 'ListObjectsV2');
    const s3 = new S3Client({});
    await verifier.run(async () => {
      await s3.send(new ListObjectsCommand({ Bucket: 'b' }));
      await s3.send(new ListObjectsV2Command({ Bucket: 'b' }));
    });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjects', params: { Bucket: 'b' } });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b' } });
    expect(verificationOf(verifier).message).toMatch(
      new RegExp(`s3\\.ListObjects \\(1 of times: 2 unused\\), registered at ${LINE.source}\n`),
    );
  });

  test('a service that was never called suggests the service that was', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s4', 'GetObject');
    verifier.aws.mockCall('s3', 'GetObject');
    await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    expect(verificationOf(verifier).message).toContain(
      's4.GetObject, registered at tests/verifier/verification.test.ts:',
    );
    expect(verificationOf(verifier).message).toContain(
      ". No s4 call was made, but s3 calls were: did you mean 's3'?",
    );
  });

  test('more than one kind of problem: VerificationError with all of them', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject');
    await verifier.run(() =>
      new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch(() => undefined),
    );
    const error = verificationOf(verifier);
    expect(error.constructor).toBe(VerificationError);
    expect(error.message.split('\n')[0]).toBe('Verification failed: 1 violation, 1 unused required mock.');
    expect(error.message).toContain('[unmocked] Unmocked AWS call: s3.GetObject');
    expect(error.message).toContain('s3.PutObject, registered at');
    expect(error.unused).toHaveLength(1);
    expect(error.violations).toHaveLength(1);
  });

  test('verifyAll only checks: it can be called again with the same result', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    const first = verificationOf(verifier);
    const second = verificationOf(verifier);
    expect(second.message).toBe(first.message);
  });

  test('payloads summarise large byte arrays and streams', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject');
    await verifier.run(() =>
      new S3Client({}).send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: new Uint8Array(2048) })),
    );
    const [interaction] = verificationOf(verifier).unasserted;
    expect(interaction!.params).toEqual({ Bucket: 'b', Key: 'k', Body: '<Uint8Array 2048 bytes>' });
    expect(() => JSON.stringify(verificationOf(verifier))).not.toThrow();
  });

  test('verifyAll inside the verifier’s own sandbox throws AssertionInsideSandboxError', async () => {
    const verifier = new StrictVerifier();
    await expect(verifier.run(() => verifier.verifyAll())).rejects.toThrow(AssertionInsideSandboxError);
  });
});

test('a report lists at most 50 of each kind; the arrays hold every one', async () => {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject', { times: 60 });
  const s3 = new S3Client({});
  await verifier.run(async () => {
    for (let index = 0; index < 60; index++)
      await s3.send(new GetObjectCommand({ Bucket: 'b', Key: `k${index}` }));
  });
  const error = verificationOf(verifier);
  expect(error.unasserted).toHaveLength(60);
  expect(error.message).toContain("#50 s3.GetObject({ Bucket: 'b', Key: 'k49' })");
  expect(error.message).not.toContain('#51 ');
  expect(error.message).toContain("  ... and 10 more (the error's `unasserted` array has them all)");
  expect(error.message).toContain('Assert them after the sandbox, in this order (the first 50):');
  expect(error.message.match(/assertAwsCall/g)).toHaveLength(50);
});
