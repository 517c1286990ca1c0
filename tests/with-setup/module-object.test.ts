import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, jest, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';

test('the module-level tripwire object is this test verifier', async () => {
  tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: 'hi' } });
  const s3 = new S3Client({});
  const output = await tripwire.run(() => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
  expect(await output.Body?.transformToString()).toBe('hi');
  tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
});

test('after jest.resetModules, a freshly required ts-tripwire still sees this test’s verifier', async () => {
  const before = tripwire.verifier;
  jest.resetModules();
  const fresh = (require('ts-tripwire') as typeof import('ts-tripwire')).tripwire;
  expect(fresh).not.toBe(tripwire);
  expect(fresh.verifier).toBe(before);
  fresh.aws.mockCall('s3', 'GetObject', { returns: { Body: 'again' } });
  const { GetObjectCommand: FreshGet, S3Client: FreshS3 } =
    require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  const output = await fresh.run(() => new FreshS3({}).send(new FreshGet({ Bucket: 'b', Key: 'k' })));
  expect(await output.Body?.transformToString()).toBe('again');
  tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
});
