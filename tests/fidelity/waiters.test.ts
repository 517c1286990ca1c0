/**
 * Waiters call `send` in a loop, sleeping with `setTimeout` between attempts, and catch every error a
 * call raises. Under ts-tripwire a waiter must retry on a modeled "not there yet" error from a code, and
 * mocked calls must settle without timers, so that a waiter also completes under Jest fake timers.
 */
import { DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { NotFound, S3Client, waitUntilBucketExists, waitUntilObjectNotExists } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { StrictVerifier, VerificationError } from 'ts-tripwire';

type Settled<T> = { value: T; error?: undefined } | { value?: undefined; error: unknown };

/** Advances Jest's fake clock in steps until the promise settles; returns how much fake time it took. */
async function advanceUntilSettled<T>(
  promise: Promise<T>,
  stepMs = 1_000,
  maxSteps = 1_000,
): Promise<{ settled: Settled<T>; elapsedMs: number }> {
  let settled: Settled<T> | undefined;
  promise.then(
    (value) => {
      settled = { value };
    },
    (error: unknown) => {
      settled = { error };
    },
  );
  let elapsedMs = 0;
  await jest.advanceTimersByTimeAsync(0);
  for (let step = 0; settled === undefined && step < maxSteps; step++) {
    await jest.advanceTimersByTimeAsync(stepMs);
    elapsedMs += stepMs;
  }
  if (settled === undefined) throw new Error(`Still pending after ${elapsedMs} ms of fake time`);
  return { settled, elapsedMs };
}

afterEach(() => {
  jest.useRealTimers();
});

/**
 * The smallest delays a waiter accepts. Current lines take fractions of a second; 3.6xx lines refuse a
 * minDelay under 1 s, so there the same test runs on Jest's fake clock instead of sleeping for real. Probed
 * with options that both lines reject before any call is sent, each with its own message.
 */
async function smallDelays(): Promise<{ minDelay: number; maxDelay: number; fakeClock: boolean }> {
  const message = await waitUntilBucketExists(
    { client: new S3Client({}), minDelay: 0.5, maxDelay: 0.5, maxWaitTime: 0.5 },
    { Bucket: 'probe' },
  ).then(
    () => '',
    (error: Error) => error.message,
  );
  return message.includes('must be greater than WaiterConfiguration.minDelay')
    ? { minDelay: 0.01, maxDelay: 0.02, fakeClock: false }
    : { minDelay: 1, maxDelay: 1, fakeClock: true };
}

/** Runs a waiter with the smallest delays this SDK line accepts; without sleeping over ~50 ms for real. */
async function waitWithSmallDelays<T>(
  start: (delays: { minDelay: number; maxDelay: number; maxWaitTime: number }) => Promise<T>,
): Promise<T> {
  const { fakeClock, ...delays } = await smallDelays();
  if (!fakeClock) return start({ ...delays, maxWaitTime: 5 });
  jest.useFakeTimers();
  const { settled } = await advanceUntilSettled(start({ ...delays, maxWaitTime: 5 }), 100);
  if (settled.error !== undefined) throw settled.error;
  return settled.value as T;
}

describe('waiters with a small minDelay (real timers where the SDK line allows sub-second delays)', () => {
  test('waitUntilBucketExists retries on a modeled NotFound from a code, then succeeds', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'HeadBucket', { raises: 'NotFound' });
    verifier.aws.mockCall('s3', 'HeadBucket', { returns: { BucketRegion: 'us-east-1' } });

    const result = await verifier.run(() =>
      waitWithSmallDelays((delays) =>
        waitUntilBucketExists({ client: new S3Client({}), ...delays }, { Bucket: 'new-bucket' }),
      ),
    );

    expect(result.state).toBe('SUCCESS');
    expect(result.reason).toMatchObject({ BucketRegion: 'us-east-1', $metadata: { httpStatusCode: 200 } });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'HeadBucket',
      params: { Bucket: 'new-bucket' },
      raised: 'NotFound',
    });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'HeadBucket', params: { Bucket: 'new-bucket' } });
    verifier.verifyAll();
  });

  test('waitUntilTableExists retries on ResourceNotFoundException and on CREATING, succeeds on ACTIVE', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'DescribeTable', { raises: 'ResourceNotFoundException' });
    verifier.aws.mockCall('dynamodb', 'DescribeTable', {
      returns: { Table: { TableName: 'orders', TableStatus: 'CREATING' } },
    });
    verifier.aws.mockCall('dynamodb', 'DescribeTable', {
      returns: { Table: { TableName: 'orders', TableStatus: 'ACTIVE', ItemCount: 0 } },
    });

    const result = await verifier.run(() =>
      waitWithSmallDelays((delays) =>
        waitUntilTableExists({ client: new DynamoDBClient({}), ...delays }, { TableName: 'orders' }),
      ),
    );

    expect(result.state).toBe('SUCCESS');
    expect(result.reason).toMatchObject({ Table: { TableName: 'orders', TableStatus: 'ACTIVE' } });
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'DescribeTable',
      params: { TableName: 'orders' },
      raised: 'ResourceNotFoundException',
    });
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'DescribeTable',
      params: { TableName: 'orders' },
    });
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'DescribeTable',
      params: { TableName: 'orders' },
    });
    verifier.verifyAll();
  });

  test('waitUntilObjectNotExists succeeds on HeadObject NotFound from a code', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'HeadObject', { returns: { ContentLength: 3 } });
    verifier.aws.mockCall('s3', 'HeadObject', { raises: 'NotFound' });

    const result = await verifier.run(() =>
      waitWithSmallDelays((delays) =>
        waitUntilObjectNotExists({ client: new S3Client({}), ...delays }, { Bucket: 'b', Key: 'gone.txt' }),
      ),
    );

    expect(result.state).toBe('SUCCESS');
    expect(result.reason).toMatchObject({ name: 'NotFound', $fault: 'client' });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'HeadObject',
      params: { Bucket: 'b', Key: 'gone.txt' },
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'HeadObject',
      params: { Bucket: 'b', Key: 'gone.txt' },
      raised: 'NotFound',
    });
    verifier.verifyAll();
  });
});

describe('waiters and errors the test builds itself', () => {
  test('raises with a modeled error instance built by the test (new NotFound({...})) is retried like a real one', async () => {
    // Real SDK errors always carry a $response; 3.6xx waiters read error.$response.statusCode when the
    // error has $metadata.httpStatusCode, so an instance without one would crash the waiter there.
    const verifier = new StrictVerifier();
    const notFound = new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } });
    verifier.aws.mockCall('s3', 'HeadBucket', { raises: notFound });
    verifier.aws.mockCall('s3', 'HeadBucket', { returns: {} });

    const result = await verifier.run(() =>
      waitWithSmallDelays((delays) =>
        waitUntilBucketExists({ client: new S3Client({}), ...delays }, { Bucket: 'b' }),
      ),
    );

    expect(result.state).toBe('SUCCESS');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'HeadBucket',
      params: { Bucket: 'b' },
      raised: notFound,
    });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'HeadBucket', params: { Bucket: 'b' } });
    verifier.verifyAll();
  });
});

describe('waiters under Jest fake timers (default delays)', () => {
  test('a waiter whose first call succeeds resolves without advancing the fake clock at all', async () => {
    jest.useFakeTimers();
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'HeadBucket', { returns: {} });

    // No timer is advanced: if a mocked response needed a timer (or a faked nextTick), this would hang.
    const result = await verifier.run(() =>
      waitUntilBucketExists({ client: new S3Client({}), maxWaitTime: 60 }, { Bucket: 'b' }),
    );

    expect(result.state).toBe('SUCCESS');
    verifier.aws.assertAwsCall({ service: 's3', operation: 'HeadBucket', params: { Bucket: 'b' } });
    verifier.verifyAll();
  });

  test('waitUntilBucketExists: NotFound, then success after the waiter’s 5 s minDelay on the fake clock', async () => {
    jest.useFakeTimers();
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'HeadBucket', { raises: 'NotFound' });
    verifier.aws.mockCall('s3', 'HeadBucket', { returns: { BucketRegion: 'eu-west-1' } });

    const { settled, elapsedMs } = await verifier.run(() =>
      advanceUntilSettled(
        waitUntilBucketExists({ client: new S3Client({}), maxWaitTime: 60 }, { Bucket: 'b' }),
        500,
      ),
    );

    expect(settled.error).toBeUndefined();
    expect(settled.value?.state).toBe('SUCCESS');
    expect(settled.value?.reason).toMatchObject({ BucketRegion: 'eu-west-1' });
    // S3's bucket waiters wait minDelay = 5 s before the second attempt.
    expect(elapsedMs).toBeGreaterThanOrEqual(5_000);
    expect(elapsedMs).toBeLessThanOrEqual(10_000);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'HeadBucket',
      params: { Bucket: 'b' },
      raised: 'NotFound',
    });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'HeadBucket', params: { Bucket: 'b' } });
    verifier.verifyAll();
  });

  test('waitUntilTableExists: ResourceNotFoundException, then ACTIVE after DynamoDB’s 20 s minDelay', async () => {
    jest.useFakeTimers();
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'DescribeTable', { raises: 'ResourceNotFoundException' });
    verifier.aws.mockCall('dynamodb', 'DescribeTable', {
      returns: { Table: { TableName: 'orders', TableStatus: 'ACTIVE' } },
    });

    const { settled, elapsedMs } = await verifier.run(() =>
      advanceUntilSettled(
        waitUntilTableExists({ client: new DynamoDBClient({}), maxWaitTime: 120 }, { TableName: 'orders' }),
      ),
    );

    expect(settled.error).toBeUndefined();
    expect(settled.value?.state).toBe('SUCCESS');
    expect(settled.value?.reason).toMatchObject({ Table: { TableStatus: 'ACTIVE' } });
    expect(elapsedMs).toBeGreaterThanOrEqual(20_000);
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'DescribeTable',
      params: { TableName: 'orders' },
      raised: 'ResourceNotFoundException',
    });
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'DescribeTable',
      params: { TableName: 'orders' },
    });
    verifier.verifyAll();
  });

  test('an unmocked call inside a waiter: the waiter swallows it and times out, and both the TimeoutError and verifyAll name the call', async () => {
    jest.useFakeTimers();
    const verifier = new StrictVerifier();

    const { settled } = await verifier.run(() =>
      advanceUntilSettled(
        waitUntilBucketExists(
          { client: new S3Client({}), minDelay: 1, maxDelay: 5, maxWaitTime: 20 },
          { Bucket: 'never-mocked' },
        ),
      ),
    );

    const error = settled.error as Error;
    expect(error.name).toBe('TimeoutError');
    // The waiter reports what it observed: the unmocked call's own message, not a bare timeout.
    expect(error.message).toContain("Unmocked AWS call: s3.HeadBucket({ Bucket: 'never-mocked' })");
    // Unmocked calls are violations, not interactions: nothing to assert, and verifyAll fails.
    let verification: unknown;
    try {
      verifier.verifyAll();
    } catch (caught) {
      verification = caught;
    }
    expect(verification).toBeInstanceOf(VerificationError);
    expect((verification as Error).message).toContain(
      "Unmocked AWS call: s3.HeadBucket({ Bucket: 'never-mocked' })",
    );
    const violations = (verification as VerificationError).violations;
    expect(violations.length).toBeGreaterThanOrEqual(2);
    for (const violation of violations) {
      expect(violation).toMatchObject({
        kind: 'unmocked',
        service: 's3',
        operation: 'HeadBucket',
        params: { Bucket: 'never-mocked' },
      });
    }
  });
});
