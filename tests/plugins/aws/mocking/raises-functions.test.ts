import { runInNewContext } from 'node:vm';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier, TripwireConfigError } from 'ts-tripwire';
import { rejectionOf } from '../../../support/rejection';

const getObject = (s3: S3Client) => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));

describe('raises given as a function', () => {
  test('a function that returns something other than an Error rejects with a TripwireConfigError naming the fix', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: (() => 'nope') as never });
    const error = await verifier.run(() => rejectionOf(getObject(new S3Client({}))));
    expect(error).toBeInstanceOf(TripwireConfigError);
    expect(error.message).toBe(
      "The raises function for s3.GetObject returned the string 'nope'; it must return an Error, which the call then " +
        "rejects with: raises: (params) => new Error('...'). To fail with a service error, give its code: raises: 'NoSuchKey'.",
    );
  });

  test('an Error made in another realm is an Error: the call rejects with it', async () => {
    const verifier = new StrictVerifier();
    const foreign = runInNewContext('new Error("from another realm")') as Error;
    verifier.aws.mockCall('s3', 'GetObject', { raises: () => foreign });
    const error = await verifier.run(() => rejectionOf(getObject(new S3Client({}))));
    expect(error).toBe(foreign);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: foreign,
    });
    verifier.verifyAll();
  });
});
