import { tripwire } from 'ts-tripwire';
import { expect, test } from 'vitest';
import { listKeys } from '../paginators.js';

test('lists the keys under a prefix', async () => {
  tripwire.aws.mockCall('s3', 'ListObjectsV2', { returns: { Contents: [{ Key: 'logs/1.gz' }] } });

  const keys = await tripwire.run(() => listKeys('archive', 'logs/'));

  expect(keys).toEqual(['logs/1.gz']);
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'ListObjectsV2',
    params: { Bucket: 'archive', Prefix: 'logs/', MaxKeys: expect.any(Number) }, // Vitest's matchers work here
  });
});
