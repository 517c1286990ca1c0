import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier, TripwireConfigError, UnmockedInteractionError } from 'ts-tripwire';
import { rejectionOf } from '../support/rejection';

const getObject = (s3: S3Client, Key: string) => s3.send(new GetObjectCommand({ Bucket: 'b', Key }));

describe('serving calls from the queues', () => {
  test('a registered output is what send resolves to, with $metadata filled in', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject', { returns: { ETag: '"abc"', VersionId: 'v1' } });
    const output = await verifier.run(() =>
      new S3Client({}).send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' })),
    );
    expect(output.ETag).toBe('"abc"');
    expect(output.VersionId).toBe('v1');
    expect(output.$metadata).toEqual({
      httpStatusCode: 200,
      requestId: expect.any(String),
      attempts: 1,
      totalRetryDelay: 0,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'PutObject',
      params: { Bucket: 'b', Key: 'k', Body: 'x' },
    });
    verifier.verifyAll();
  });

  test('no spec resolves to an empty output', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sqs', 'SendMessage');
    const output = await verifier.run(() =>
      new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'm' })),
    );
    expect(Object.keys(output)).toEqual(['$metadata']);
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: 'q', MessageBody: 'm' },
    });
  });

  test('a partial $metadata is merged over the defaults', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject', {
      returns: { $metadata: { httpStatusCode: 201, requestId: 'r-1' } },
    });
    const output = await verifier.run(() =>
      new S3Client({}).send(new PutObjectCommand({ Bucket: 'b', Key: 'k' })),
    );
    expect(output.$metadata).toEqual({
      httpStatusCode: 201,
      requestId: 'r-1',
      attempts: 1,
      totalRetryDelay: 0,
    });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'PutObject', params: { Bucket: 'b', Key: 'k' } });
  });

  test('one queue per operation, first in first out', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'first' } });
    verifier.aws.mockCall('s3', 'PutObject', { returns: { ETag: 'put' } });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'second' } });
    const s3 = new S3Client({});
    const types = await verifier.run(async () => {
      const first = await getObject(s3, 'a');
      const put = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'p' }));
      const second = await getObject(s3, 'c');
      return [first.ContentType, put.ETag, second.ContentType];
    });
    expect(types).toEqual(['first', 'put', 'second']);
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'a' } });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'PutObject', params: { Bucket: 'b', Key: 'p' } });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'c' } });
    verifier.verifyAll();
  });

  test('a registration serves its times, then the next one for the operation takes over', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'A' }, times: 2 });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'B' }, times: 3 });
    const s3 = new S3Client({});
    const types = await verifier.run(async () => {
      const served: Array<string | undefined> = [];
      for (const key of ['1', '2', '3']) served.push((await getObject(s3, key)).ContentType);
      return served;
    });
    expect(types).toEqual(['A', 'A', 'B']);
    for (const Key of ['1', '2', '3']) {
      verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key } });
    }
    expect(() => verifier.verifyAll()).toThrow(
      /^ {2}s3\.GetObject \(2 of times: 3 unused\), registered at tests\/aws\/mocking\.test\.ts:\d+:\d+$/m,
    );
  });

  test('params are not matched when serving: the head of the queue serves any params', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'served' } });
    const output = await verifier.run(() => getObject(new S3Client({}), 'anything'));
    expect(output.ContentType).toBe('served');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'anything' },
    });
  });

  test('times queues the same entry N times, then the queue is empty', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'x' }, times: 2 });
    const s3 = new S3Client({});
    const third = await verifier.run(async () => {
      await getObject(s3, '1');
      await getObject(s3, '2');
      return getObject(s3, '3').catch((error: unknown) => error);
    });
    expect(third).toBeInstanceOf(UnmockedInteractionError);
    expect((third as Error).message).toContain(
      'The 2 mocks registered for s3.GetObject were all used by earlier calls',
    );
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: '1' } });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: '2' } });
  });

  test('params are recorded as sent: changing nested arrays and objects afterwards changes nothing', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Put');
    // biome-ignore lint/suspicious/noSparseArray: an array with a hole, as code can send
    const item = { pk: 'user#1', tags: ['a', { note: 'first' }], scores: [1, , 3] };
    await verifier.run(async () => {
      const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
      await documents.send(new PutCommand({ TableName: 't', Item: item }));
      item.tags.push('late');
      (item.tags[1] as { note: string }).note = 'changed';
      item.scores[1] = 2;
    });
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Put',
      // biome-ignore lint/suspicious/noSparseArray: what was sent (holes are pinned in tests/util/values)
      params: { TableName: 't', Item: { pk: 'user#1', tags: ['a', { note: 'first' }], scores: [1, , 3] } },
    });
  });

  test('each call gets its own deep copy of the output', async () => {
    const verifier = new StrictVerifier();
    const registered = { Contents: [{ Key: 'a', LastModified: new Date(0) }] };
    verifier.aws.mockCall('s3', 'ListObjectsV2', { returns: registered, times: 2 });
    const s3 = new S3Client({});
    const [first, second] = await verifier.run(async () => {
      const one = await s3.send(new ListObjectsV2Command({ Bucket: 'b' }));
      one.Contents?.push({ Key: 'mutated' });
      one.Contents![0]!.LastModified!.setTime(5);
      return [one, await s3.send(new ListObjectsV2Command({ Bucket: 'b' }))];
    });
    expect(first!.Contents).toHaveLength(2);
    expect(second!.Contents).toEqual([{ Key: 'a', LastModified: new Date(0) }]);
    expect(registered.Contents).toEqual([{ Key: 'a', LastModified: new Date(0) }]);
    verifier.inAnyOrder(() => {
      verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b' } });
      verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b' } });
    });
  });

  test('a function returns is called with the params and may be async', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', {
      returns: async (params) => ({ ContentType: `type-of-${String(params.Key)}` }),
    });
    const output = await verifier.run(() => getObject(new S3Client({}), 'k'));
    expect(output.ContentType).toBe('type-of-k');
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  });

  test('a function returns that throws rejects the call, which is recorded as raised', async () => {
    const verifier = new StrictVerifier();
    const failure = new Error('boom');
    verifier.aws.mockCall('s3', 'GetObject', {
      returns: () => {
        throw failure;
      },
    });
    verifier.aws.mockCall('s3', 'GetObject', { returns: () => Promise.reject(failure) });
    const s3 = new S3Client({});
    const errors = await verifier.run(() =>
      Promise.all([getObject(s3, '1').catch((e: unknown) => e), getObject(s3, '2').catch((e: unknown) => e)]),
    );
    expect(errors).toEqual([failure, failure]);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: '1' },
      raised: failure,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: '2' },
      raised: 'Error',
    });
  });

  test('a returns function that produces something other than an output object rejects with the fix', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: (() => undefined) as never });
    const error = await verifier.run(() => rejectionOf(getObject(new S3Client({}), 'k')));
    expect(error).toBeInstanceOf(TripwireConfigError);
    expect(error.message).toBe(
      'The returns function for s3.GetObject produced undefined; it must return the output object ({} for an empty one).',
    );
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: TripwireConfigError,
    });
  });

  test('raises with an Error and times > 1 rejects with the same instance each time', async () => {
    const verifier = new StrictVerifier();
    const failure = new Error('throttled');
    verifier.aws.mockCall('s3', 'GetObject', { raises: failure, times: 2 });
    const s3 = new S3Client({});
    const errors = await verifier.run(async () => [
      await getObject(s3, '1').catch((e: unknown) => e),
      await getObject(s3, '2').catch((e: unknown) => e),
    ]);
    expect(errors[0]).toBe(failure);
    expect(errors[1]).toBe(failure);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: '1' },
      raised: failure,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: '2' },
      raised: failure,
    });
  });

  test('raises as a function of the params', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: (params) => new Error(`no ${String(params.Key)}`) });
    const error = await verifier.run(() => getObject(new S3Client({}), 'k').catch((e: unknown) => e));
    expect((error as Error).message).toBe('no k');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'Error',
    });
  });

  test('registration is allowed while a sandbox is open', async () => {
    const verifier = new StrictVerifier();
    const output = await verifier.run(async () => {
      verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'late' } });
      return getObject(new S3Client({}), 'k');
    });
    expect(output.ContentType).toBe('late');
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  });
});
