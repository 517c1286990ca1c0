import { S3ServiceException } from '@aws-sdk/client-s3';
import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { PART_SIZE, uploadExport } from './upload';

// #region small
test('a small body is one PutObject, whose Body arrives as bytes', async () => {
  tripwire.aws.mockCall('s3', 'PutObject', { returns: { ETag: '"small"' } });

  const etag = await tripwire.run(() => uploadExport('daily.csv', 'id,amount\n1,10\n'));

  expect(etag).toBe('"small"');
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'PutObject',
    params: { Bucket: 'exports', Key: 'daily.csv', Body: Buffer.from('id,amount\n1,10\n') }, // bytes compare by content
  });
});
// #endregion small

// #region parts
// 11 MiB: two full 5 MiB parts and a 1 MiB one.
const big = Buffer.alloc(11 * 1024 * 1024, 'abcdefghij');
const part = (partNumber: number) => big.subarray((partNumber - 1) * PART_SIZE, partNumber * PART_SIZE);
const target = { Bucket: 'exports', Key: 'full.csv' };
// #endregion parts

// #region multipart
test('a large body is Create, UploadPart per part (in parallel), Complete', async () => {
  tripwire.aws.mockCall('s3', 'CreateMultipartUpload', { returns: { UploadId: 'u-1' } });
  tripwire.aws.mockCall('s3', 'UploadPart', {
    returns: (params) => ({ ETag: `"etag-${params.PartNumber}"` }), // every part needs an ETag
    times: 3,
  });
  tripwire.aws.mockCall('s3', 'CompleteMultipartUpload', { returns: { ETag: '"whole"' } });

  const etag = await tripwire.run(() => uploadExport('full.csv', big));

  expect(etag).toBe('"whole"');
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'CreateMultipartUpload',
    params: { ...target, ChecksumAlgorithm: 'CRC32' }, // added by lib-storage
  });
  // The parts are sent 4 at a time: assert them in any order.
  tripwire.inAnyOrder(() => {
    for (const partNumber of [1, 2, 3]) {
      tripwire.aws.assertAwsCall({
        service: 's3',
        operation: 'UploadPart',
        params: { ...target, UploadId: 'u-1', PartNumber: partNumber, Body: part(partNumber) },
      });
    }
  });
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'CompleteMultipartUpload',
    params: {
      ...target,
      UploadId: 'u-1',
      MultipartUpload: {
        Parts: [1, 2, 3].map((partNumber) => ({ PartNumber: partNumber, ETag: `"etag-${partNumber}"` })),
      },
    },
  });
});
// #endregion multipart

// #region failure
test('a failed part aborts the upload, and done() rejects with the part’s error', async () => {
  tripwire.aws.mockCall('s3', 'CreateMultipartUpload', { returns: { UploadId: 'u-1' } });
  tripwire.aws.mockCall('s3', 'UploadPart', { returns: { ETag: '"etag-1"' } });
  tripwire.aws.mockCall('s3', 'UploadPart', { returns: { ETag: '"etag-2"' } });
  tripwire.aws.mockCall('s3', 'UploadPart', { raises: { code: 'SlowDown', $fault: 'server' } }); // the third call
  tripwire.aws.mockCall('s3', 'AbortMultipartUpload'); // without it, the abort is an unmocked call

  const uploading = tripwire.run(() => uploadExport('full.csv', big));

  await expect(uploading).rejects.toBeInstanceOf(S3ServiceException);
  await expect(uploading).rejects.toMatchObject({ name: 'SlowDown', $fault: 'server' });
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'CreateMultipartUpload',
    params: { ...target, ChecksumAlgorithm: 'CRC32' },
  });
  tripwire.inAnyOrder(() => {
    for (const partNumber of [1, 2]) {
      tripwire.aws.assertAwsCall({
        service: 's3',
        operation: 'UploadPart',
        params: { ...target, UploadId: 'u-1', PartNumber: partNumber, Body: part(partNumber) },
      });
    }
    tripwire.aws.assertAwsCall({
      service: 's3',
      operation: 'UploadPart',
      params: { ...target, UploadId: 'u-1', PartNumber: 3, Body: part(3) },
      raised: 'SlowDown',
    });
  });
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'AbortMultipartUpload',
    params: { ...target, UploadId: 'u-1' },
  });
});
// #endregion failure
