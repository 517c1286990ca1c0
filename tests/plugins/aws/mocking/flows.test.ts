import { paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';

describe('SDK flows that go through send', () => {
  test('a paginator records one call per page, each with its own params', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'ListObjectsV2', {
      returns: { Contents: [{ Key: 'a' }], IsTruncated: true, NextContinuationToken: 't2' },
    });
    verifier.aws.mockCall('s3', 'ListObjectsV2', {
      returns: { Contents: [{ Key: 'b' }], IsTruncated: false },
    });
    const keys = await verifier.run(async () => {
      const found: string[] = [];
      for await (const page of paginateListObjectsV2(
        { client: new S3Client({}) },
        { Bucket: 'b', Prefix: 'p/' },
      )) {
        for (const object of page.Contents ?? []) found.push(object.Key!);
      }
      return found;
    });
    expect(keys).toEqual(['a', 'b']);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'b', Prefix: 'p/' },
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'b', Prefix: 'p/', ContinuationToken: 't2' },
    });
    verifier.verifyAll();
  });

  test('a small Upload is one PutObject whose Body arrives as bytes', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject', { returns: { ETag: '"e1"' } });
    const output = await verifier.run(() =>
      new Upload({ client: new S3Client({}), params: { Bucket: 'b', Key: 'k.csv', Body: 'a,b' } }).done(),
    );
    expect(output).toMatchObject({ ETag: '"e1"', Bucket: 'b', Key: 'k.csv' });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'PutObject',
      params: { Bucket: 'b', Key: 'k.csv', Body: Buffer.from('a,b') },
    });
    verifier.verifyAll();
  });
});
