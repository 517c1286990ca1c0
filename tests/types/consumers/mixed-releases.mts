// The typed forms where the client package comes from one SDK release and `@aws-sdk/types` (with the
// `@smithy/types` ts-tripwire's declarations see) from another: compiled by tests/packaging/type-matrix.test.ts
// in a folder that links them so. The output, input and `$metadata` types meet across the two releases here.
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { StrictVerifier } from 'ts-tripwire';

declare module 'ts-tripwire' {
  interface AwsServices {
    s3: typeof import('@aws-sdk/client-s3');
  }
}

export async function mixedReleases(): Promise<string | undefined> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall(GetObjectCommand, {
    returns: { Body: 'text', ContentLength: 4, $metadata: { httpStatusCode: 206, attempts: 2 } },
  });
  verifier.aws.mockCall(ListObjectsV2Command, {
    returns: async (params) => ({ KeyCount: 1, Contents: [{ Key: `${params.Prefix ?? ''}a` }] }),
  });
  verifier.aws.mockCall('s3', 'PutObject', { returns: { ETag: '"e"' } });
  const output: GetObjectCommandOutput = await verifier.run(() =>
    new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })),
  );
  verifier.aws.assertAwsCall(GetObjectCommand, { params: { Bucket: 'b', Key: verifier.ANY } });
  verifier.aws.assertAwsCall(PutObjectCommand, { params: { Bucket: 'b', Key: 'k', Body: 'x' } });
  verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b' } });
  return output.Body?.transformToString();
}
