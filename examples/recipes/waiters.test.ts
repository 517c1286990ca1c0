import { S3Client, waitUntilBucketExists } from '@aws-sdk/client-s3';
import { afterEach, expect, jest, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';

// #region restore-timers
afterEach(() => {
  jest.useRealTimers();
});
// #endregion restore-timers

// #region fake-timers
test('waitUntilBucketExists retries after NotFound, on Jest’s fake clock', async () => {
  jest.useFakeTimers();
  tripwire.aws.mockCall('s3', 'HeadBucket', { raises: 'NotFound' });
  tripwire.aws.mockCall('s3', 'HeadBucket', { returns: { BucketRegion: 'eu-west-1' } });

  const result = await tripwire.run(async () => {
    const waiting = waitUntilBucketExists(
      { client: new S3Client({}), maxWaitTime: 60 },
      { Bucket: 'new-bucket' },
    );
    await jest.advanceTimersByTimeAsync(5_000); // S3's minDelay: the second try comes 5 s after the first
    return waiting;
  });

  expect(result.state).toBe('SUCCESS');
  expect(result.reason).toMatchObject({ BucketRegion: 'eu-west-1' });
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'HeadBucket',
    params: { Bucket: 'new-bucket' },
    raised: 'NotFound',
  });
  tripwire.aws.assertAwsCall({ service: 's3', operation: 'HeadBucket', params: { Bucket: 'new-bucket' } });
});
// #endregion fake-timers

// #region small-delay
test('waitUntilBucketExists with a small minDelay, on the real clock', async () => {
  tripwire.aws.mockCall('s3', 'HeadBucket', { raises: 'NotFound' });
  tripwire.aws.mockCall('s3', 'HeadBucket', { returns: {} });

  const result = await tripwire.run(() =>
    waitUntilBucketExists(
      { client: new S3Client({}), minDelay: 0.01, maxDelay: 0.02, maxWaitTime: 5 },
      { Bucket: 'new-bucket' },
    ),
  );

  expect(result.state).toBe('SUCCESS');
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'HeadBucket',
    params: { Bucket: 'new-bucket' },
    raised: 'NotFound',
  });
  tripwire.aws.assertAwsCall({ service: 's3', operation: 'HeadBucket', params: { Bucket: 'new-bucket' } });
});
// #endregion small-delay
