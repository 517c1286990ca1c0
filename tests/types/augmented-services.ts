/**
 * Type tests, compiled by `npm run typecheck` (tsc -p tests/types): every line must compile, and every
 * `@ts-expect-error` line must fail to. Kept apart from the other tests because the augmentation below
 * types the string form for the whole compilation.
 */
import { GetObjectCommand, type GetObjectCommandOutput, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { StrictVerifier, tripwire } from 'ts-tripwire';

declare module 'ts-tripwire' {
  interface AwsServices {
    s3: typeof import('@aws-sdk/client-s3');
    'dynamodb-document': typeof import('@aws-sdk/lib-dynamodb');
  }
}

const aws = new StrictVerifier().aws;

// The command-class form: returns typed from the output, every member optional, payloads from plain values.
aws.mockCall(GetObjectCommand, { returns: { Body: 'text', ContentLength: 4, LastModified: new Date(0) } });
aws.mockCall(GetObjectCommand, {
  returns: { Body: new Uint8Array([1]), $metadata: { httpStatusCode: 206 } },
});
aws.mockCall(GetObjectCommand, { returns: async (params) => ({ ContentType: params.Key }) });
aws.mockCall(GetObjectCommand, { raises: 'NoSuchKey', times: 2, required: false });
aws.mockCall(GetObjectCommand, {
  raises: { code: 'SlowDown', $fault: 'server', $metadata: { attempts: 3 } },
});
aws.mockCall(PutCommand, { returns: { Attributes: { id: 'a', count: 1 } } });
// @ts-expect-error wrong member type
aws.mockCall(GetObjectCommand, { returns: { ContentLength: 'four' } });
// @ts-expect-error unknown member
aws.mockCall(GetObjectCommand, { returns: { Contents: [] } });
// @ts-expect-error the function is typed from the input: GetObject has no Prefix
aws.mockCall(GetObjectCommand, { returns: (params) => ({ ContentType: params.Prefix }) });
// @ts-expect-error times is a number
aws.mockCall(GetObjectCommand, { times: 'twice' });

// The string form of an augmented service: the operation name is checked and returns is typed.
aws.mockCall('s3', 'GetObject', { returns: { Body: 'text', ETag: '"e"' } });
aws.mockCall('dynamodb-document', 'Put', { returns: { Attributes: { id: 'a' } } });
// @ts-expect-error unknown operation
aws.mockCall('s3', 'GetObjekt');
// @ts-expect-error wrong member type
aws.mockCall('s3', 'ListObjectsV2', { returns: { KeyCount: '2' } });
// @ts-expect-error a low-level name on the document service
aws.mockCall('dynamodb-document', 'PutItem');

// Services that are not augmented stay untyped.
aws.mockCall('sqs', 'SendMessage', { returns: { MessageId: 'm', anything: true } });

// Assertions: params typed from the input, matchers allowed at any depth.
aws.assertAwsCall(GetObjectCommand, { params: { Bucket: 'b', Key: tripwire.ANY } });
aws.assertAwsCall(ListObjectsV2Command, {
  params: { Bucket: 'b', MaxKeys: expectAnyNumber() },
  raised: 'NoSuchBucket',
});
aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
aws.assertAwsCall({ service: 'sqs', operation: 'SendMessage', params: { Whatever: 1 } });
// @ts-expect-error unknown param
aws.assertAwsCall(GetObjectCommand, { params: { Bucket: 'b', Kee: 'k' } });
// @ts-expect-error wrong param type for an augmented service
aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 1 } });
// @ts-expect-error params is required
aws.assertAwsCall(GetObjectCommand, {});

// The output type users read is the SDK's own.
const output: Promise<GetObjectCommandOutput> | undefined = undefined;
void output;

function expectAnyNumber(): typeof tripwire.ANY {
  return tripwire.ANY;
}
