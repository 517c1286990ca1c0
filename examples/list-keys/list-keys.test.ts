import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { listKeys } from './list-keys';

describe('listKeys', () => {
  test('follows the continuation token until the last page', async () => {
    tripwire.aws.mockCall(ListObjectsV2Command, {
      returns: {
        Contents: [{ Key: 'logs/2024-01-01.gz' }, { Key: 'logs/2024-01-02.gz' }],
        IsTruncated: true,
        NextContinuationToken: 'page-2',
      },
    });
    tripwire.aws.mockCall(ListObjectsV2Command, {
      returns: { Contents: [{ Key: 'logs/2024-01-03.gz' }], IsTruncated: false },
    });

    const keys = await tripwire.run(() => listKeys('archive', 'logs/'));

    expect(keys).toEqual(['logs/2024-01-01.gz', 'logs/2024-01-02.gz', 'logs/2024-01-03.gz']);
    // The paginator sends `ContinuationToken: undefined` first; an undefined value counts as absent.
    tripwire.aws.assertAwsCall(ListObjectsV2Command, { params: { Bucket: 'archive', Prefix: 'logs/' } });
    tripwire.aws.assertAwsCall(ListObjectsV2Command, {
      params: { Bucket: 'archive', Prefix: 'logs/', ContinuationToken: 'page-2' },
    });
  });

  test('returns no keys for an empty prefix', async () => {
    // S3 omits Contents when nothing matches.
    tripwire.aws.mockCall('s3', 'ListObjectsV2', { returns: { KeyCount: 0, IsTruncated: false } });

    const keys = await tripwire.run(() => listKeys('archive', 'nothing-here/'));

    expect(keys).toEqual([]);
    tripwire.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'archive', Prefix: 'nothing-here/' },
    });
  });
});
