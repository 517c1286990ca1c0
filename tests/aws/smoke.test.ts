import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';

test('a mocked GetObject is served and asserted', async () => {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: 'hello' } });
  const s3 = new S3Client({});
  const text = await verifier.run(async () => {
    const output = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    return output.Body?.transformToString();
  });
  expect(text).toBe('hello');
  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  verifier.verifyAll();
});
