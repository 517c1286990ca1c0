import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';

test('the module-level tripwire object is this test verifier', async () => {
  tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: 'hi' } });
  const s3 = new S3Client({});
  const output = await tripwire.run(() => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
  expect(await output.Body?.transformToString()).toBe('hi');
  tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
});
