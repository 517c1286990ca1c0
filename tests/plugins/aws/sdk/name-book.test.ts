// Runs on both SDK lines (library and sdk-3.600): only clients the 3.600 workspace has too.
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, UntagResourceCommand } from '@aws-sdk/client-dynamodb';
import { LambdaClient, TagResourceCommand } from '@aws-sdk/client-lambda';
import { GetObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { configMessage } from '../../../support/config-error';

/** The lines of `verifyAll()`'s report about unused mocks, with where they were registered cut out. */
function unusedLines(verifier: StrictVerifier): string[] {
  try {
    verifier.verifyAll();
  } catch (error) {
    return (error as Error).message
      .split('\n')
      .filter((line) => line.includes(', registered at '))
      .map((line) => line.replace(/registered at \S*name-book\.test\.ts:\d+:\d+\)?/, 'registered at HERE'));
  }
  throw new Error('expected verifyAll() to fail');
}

describe('the display form of a service in the unused-mock report', () => {
  test("a class-form registration is shown under the client's serviceId once a call was made", async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall(DescribeLogStreamsCommand);
    verifier.aws.mockCall('cloudwatch-logs', 'DescribeLogGroups');
    await verifier.run(() => new CloudWatchLogsClient({}).send(new DescribeLogGroupsCommand({})));
    verifier.aws.assertAwsCall({ service: 'cloudwatch-logs', operation: 'DescribeLogGroups', params: {} });
    expect(unusedLines(verifier)).toEqual(['  cloudwatch-logs.DescribeLogStreams, registered at HERE']);
  });

  test('a class-form registration made after the call keeps the display form the call gave', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('cloudwatch-logs', 'DescribeLogGroups');
    await verifier.run(() => new CloudWatchLogsClient({}).send(new DescribeLogGroupsCommand({})));
    verifier.aws.assertAwsCall({ service: 'cloudwatch-logs', operation: 'DescribeLogGroups', params: {} });
    verifier.aws.mockCall(DescribeLogStreamsCommand);
    expect(unusedLines(verifier)).toEqual(['  cloudwatch-logs.DescribeLogStreams, registered at HERE']);
  });
});

describe('what the unused-mock report suggests was called instead', () => {
  test("a close operation of the same service, shown under the service's display form", async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('cloudwatch-logs', 'PutLogEvents');
    verifier.aws.mockCall('cloudwatch-logs', 'GetLogEvents');
    await verifier.run(() =>
      new CloudWatchLogsClient({}).send(new GetLogEventsCommand({ logGroupName: 'g', logStreamName: 's' })),
    );
    verifier.aws.assertAwsCall({
      service: 'cloudwatch-logs',
      operation: 'GetLogEvents',
      params: { logGroupName: 'g', logStreamName: 's' },
    });
    expect(unusedLines(verifier)).toEqual([
      "  cloudwatch-logs.PutLogEvents, registered at HERE. It was never called, but cloudwatch-logs.GetLogEvents was: did you mean 'GetLogEvents'?",
    ]);
  });

  test('only operations of the same service count: the same name called on another service does not', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'TagResource');
    verifier.aws.mockCall('dynamodb', 'UntagResource');
    verifier.aws.mockCall('lambda', 'TagResource');
    await verifier.run(async () => {
      await new DynamoDBClient({}).send(new UntagResourceCommand({ ResourceArn: 'arn', TagKeys: ['k'] }));
      await new LambdaClient({}).send(new TagResourceCommand({ Resource: 'arn', Tags: { k: 'v' } }));
    });
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'UntagResource',
      params: { ResourceArn: 'arn', TagKeys: ['k'] },
    });
    verifier.aws.assertAwsCall({
      service: 'lambda',
      operation: 'TagResource',
      params: { Resource: 'arn', Tags: { k: 'v' } },
    });
    expect(unusedLines(verifier)).toEqual([
      "  dynamodb.TagResource, registered at HERE. It was never called, but dynamodb.UntagResource was: did you mean 'UntagResource'?",
    ]);
  });

  test('nothing when no operation of the service is close', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject');
    verifier.aws.mockCall('s3', 'ListBuckets');
    await verifier.run(() => new S3Client({}).send(new ListBucketsCommand({})));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'ListBuckets', params: {} });
    expect(unusedLines(verifier)).toEqual(['  s3.PutObject, registered at HERE']);
  });

  test('nothing when the operation itself was called (by an earlier mock of it)', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    verifier.aws.mockCall('s3', 'GetObject');
    await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    expect(unusedLines(verifier)).toEqual(['  s3.GetObject, registered at HERE']);
  });

  test('another service with a close name, with the mocked service shown as written', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s-4', 'GetObject');
    verifier.aws.mockCall('s3', 'GetObject');
    await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    expect(unusedLines(verifier)).toEqual([
      "  s-4.GetObject, registered at HERE. No s-4 call was made, but s3 calls were: did you mean 's3'?",
    ]);
  });
});

describe('names checked at registration', () => {
  test('a blank service name is refused as not a name', () => {
    const verifier = new StrictVerifier();
    expect(configMessage(() => verifier.aws.mockCall('   ', 'GetObject'))).toBe(
      "mockCall() takes the service and the operation as strings, not the string '   ' and the string 'GetObject': " +
        "verifier.aws.mockCall('s3', 'GetObject', { returns: { /* ... */ } }).",
    );
  });

  test('a blank operation name is refused as not a name', () => {
    const verifier = new StrictVerifier();
    expect(configMessage(() => verifier.aws.mockCall('s3', ' \t'))).toBe(
      "mockCall() takes the service and the operation as strings, not the string 's3' and the string ' \\t': " +
        "verifier.aws.mockCall('s3', 'GetObject', { returns: { /* ... */ } }).",
    );
  });

  test('a name of exactly the longest length is looked up, not refused as too long', () => {
    const verifier = new StrictVerifier();
    const name = 'x'.repeat(128);
    expect(configMessage(() => verifier.aws.mockCall('s3', name))).toBe(
      `s3 has no operation '${'x'.repeat(80)}… (128 characters)'. Operations are command class names without 'Command' (GetObjectCommand → 'GetObject').`,
    );
  });

  test('a command instance that cannot say its service is refused with the strings form as a template', () => {
    // Named after its class on an SDK line without schemas (see naming-internals.test.ts).
    class GetObjectCommand2 extends GetObjectCommand {
      override resolveMiddleware(): never {
        throw new TypeError('resolveMiddleware needs a real stack');
      }
    }
    const verifier = new StrictVerifier();
    expect(
      configMessage(() =>
        verifier.aws.mockCall(
          new GetObjectCommand2({ Bucket: 'b', Key: 'k' }) as never,
          'GetObject' as never,
        ),
      ),
    ).toBe(
      'mockCall() takes the command class, not an instance: ' +
        "verifier.aws.mockCall(GetObjectCommand, { returns: { /* ... */ } }) (or the strings: 'service', 'GetObject').",
    );
  });
});
