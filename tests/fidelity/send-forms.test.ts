/**
 * Every way production code reaches `send`: the callback forms, `abortSignal`, the aggregated clients
 * (`new SQS().sendMessage(...)`), the aggregated document client, and clients created at module load,
 * before any verifier or patch exists.
 */
import {
  DynamoDB,
  DynamoDBClient,
  GetItemCommand,
  type GetItemCommandOutput,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { QueueDoesNotExist, SendMessageCommand, SQS, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DynamoDBDocument, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { rejectionOf } from '../support/rejection';

// Created when this module loads, before any verifier exists and before send is patched.
const moduleS3 = new S3Client({});
const moduleSts = new STSClient({});
const moduleDocuments = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const moduleSqs = new SQS({});

describe('callback forms', () => {
  test('send(command, callback) with an error from a code: the callback gets the modeled error', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'GetItem', { raises: 'ResourceNotFoundException' });
    const dynamo = new DynamoDBClient({});

    const [error, output, returned] = await verifier.run(
      () =>
        new Promise<[unknown, unknown, unknown]>((resolve) => {
          let returnValue: unknown = 'not set';
          returnValue = dynamo.send(
            new GetItemCommand({ TableName: 't', Key: { id: { S: '1' } } }),
            (err, data) => resolve([err, data, returnValue]),
          );
        }),
    );

    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', $fault: 'client' });
    expect(output).toBeUndefined();
    // The callback form returns nothing, and calls back asynchronously (after send returned).
    expect(returned).toBeUndefined();
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'GetItem',
      params: { TableName: 't', Key: { id: { S: '1' } } },
      raised: ResourceNotFoundException,
    });
    verifier.verifyAll();
  });

  test('send(command, { abortSignal }, callback): the options form with a callback, success', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'GetItem', { returns: { Item: { id: { S: '1' }, n: { N: '7' } } } });
    const dynamo = new DynamoDBClient({});

    const output = await verifier.run(
      () =>
        new Promise<GetItemCommandOutput | undefined>((resolve, reject) => {
          dynamo.send(
            new GetItemCommand({ TableName: 't', Key: { id: { S: '1' } } }),
            { abortSignal: new AbortController().signal },
            (err: unknown, data?: GetItemCommandOutput) => (err ? reject(err) : resolve(data)),
          );
        }),
    );

    expect(output?.Item).toEqual({ id: { S: '1' }, n: { N: '7' } });
    expect(output?.$metadata.httpStatusCode).toBe(200);
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'GetItem',
      params: { TableName: 't', Key: { id: { S: '1' } } },
    });
    verifier.verifyAll();
  });

  test('the document client’s callback form gets native values', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Get', { returns: { Item: { id: '1', n: 7 } } });

    const item = await verifier.run(
      () =>
        new Promise((resolve, reject) => {
          moduleDocuments.send(new GetCommand({ TableName: 't', Key: { id: '1' } }), (err, data) =>
            err ? reject(err) : resolve(data?.Item),
          );
        }),
    );

    expect(item).toEqual({ id: '1', n: 7 });
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Get',
      params: { TableName: 't', Key: { id: '1' } },
    });
    verifier.verifyAll();
  });
});

describe('abortSignal', () => {
  test('a signal aborted after the call was made: the mock has already settled, the call succeeds', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'text/plain' } });
    const controller = new AbortController();

    const output = await verifier.run(() => {
      const pending = moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), {
        abortSignal: controller.signal,
      });
      controller.abort();
      return pending;
    });

    expect(output.ContentType).toBe('text/plain');
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    verifier.verifyAll();
  });

  test('a signal aborted while a mocked response is still pending rejects with the SDK’s AbortError, as an in-flight request would', async () => {
    const verifier = new StrictVerifier();
    let release: (output: object) => void = () => undefined;
    verifier.aws.mockCall('s3', 'GetObject', {
      returns: () => new Promise<object>((resolve) => (release = resolve)),
    });
    const controller = new AbortController();

    const error = await verifier.run(async () => {
      const pending = rejectionOf(
        moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: 'slow' }), { abortSignal: controller.signal }),
      );
      controller.abort();
      release({ ContentType: 'too late' });
      return pending;
    });

    expect(error.name).toBe('AbortError');
    expect(error.message).toBe('Request aborted');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'slow' },
      raised: 'AbortError',
    });
    verifier.verifyAll();
  });
});

describe('aggregated clients', () => {
  test('new SQS({}).sendMessage(...): promise and callback forms, one recorded SendMessage each', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sqs', 'SendMessage', { returns: { MessageId: 'm-1', MD5OfMessageBody: 'abc' } });
    verifier.aws.mockCall('sqs', 'SendMessage', { raises: 'QueueDoesNotExist' });
    const sqs = new SQS({});

    const [sent, callbackError] = await verifier.run(async () => [
      await sqs.sendMessage({ QueueUrl: 'https://sqs/1/q', MessageBody: 'hello' }),
      await new Promise((resolve) => {
        sqs.sendMessage({ QueueUrl: 'https://sqs/1/gone', MessageBody: 'hello' }, (err: unknown) =>
          resolve(err),
        );
      }),
    ]);

    expect(sent).toMatchObject({ MessageId: 'm-1', MD5OfMessageBody: 'abc' });
    expect(callbackError).toBeInstanceOf(QueueDoesNotExist);
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: 'https://sqs/1/q', MessageBody: 'hello' },
    });
    verifier.aws.assertAwsCall(SendMessageCommand, {
      params: { QueueUrl: 'https://sqs/1/gone', MessageBody: 'hello' },
      raised: QueueDoesNotExist,
    });
    verifier.verifyAll();
  });

  test('new DynamoDB({}).getItem(...) and the aggregated DynamoDBDocument.from(...).get(...)', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'GetItem', { returns: { Item: { id: { S: 'a' } } } });
    verifier.aws.mockCall('dynamodb-document', 'Get', { returns: { Item: { id: 'a', tags: ['x'] } } });
    const dynamo = new DynamoDB({});
    const documents = DynamoDBDocument.from(dynamo);

    const [low, high] = await verifier.run(async () => [
      await dynamo.getItem({ TableName: 't', Key: { id: { S: 'a' } } }),
      await documents.get({ TableName: 't', Key: { id: 'a' } }),
    ]);

    expect(low?.Item).toEqual({ id: { S: 'a' } });
    expect(high?.Item).toEqual({ id: 'a', tags: ['x'] });
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'GetItem',
      params: { TableName: 't', Key: { id: { S: 'a' } } },
    });
    // One record for the document call: never also a low-level GetItem.
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Get',
      params: { TableName: 't', Key: { id: 'a' } },
    });
    verifier.verifyAll();
  });
});

describe('clients created at module load', () => {
  test('S3, STS, the document client and an aggregated SQS client made before any verifier are all intercepted', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });
    verifier.aws.mockCall('sts', 'GetCallerIdentity', {
      returns: { Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/dev', UserId: 'AIDA' },
    });
    verifier.aws.mockCall('dynamodb-document', 'Get', { returns: {} });
    verifier.aws.mockCall('sqs', 'SendMessage', { returns: { MessageId: 'm-9' } });

    const [s3Error, identity, item, message] = await verifier.run(async () => [
      await rejectionOf(moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))),
      await moduleSts.send(new GetCallerIdentityCommand({})),
      await moduleDocuments.send(new GetCommand({ TableName: 't', Key: { id: 'x' } })),
      await moduleSqs.sendMessage({ QueueUrl: 'q', MessageBody: 'b' }),
    ]);

    expect(s3Error).toBeInstanceOf(NoSuchKey);
    expect(identity).toMatchObject({ Account: '123456789012' });
    expect((item as { Item?: unknown }).Item).toBeUndefined();
    expect(message).toMatchObject({ MessageId: 'm-9' });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: NoSuchKey,
    });
    verifier.aws.assertAwsCall({ service: 'sts', operation: 'GetCallerIdentity', params: {} });
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Get',
      params: { TableName: 't', Key: { id: 'x' } },
    });
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: 'q', MessageBody: 'b' },
    });
    verifier.verifyAll();
  });

  test('the same module-load client serves two verifiers one after the other, each seeing only its own calls', async () => {
    const first = new StrictVerifier();
    first.aws.mockCall(SendMessageCommand, { returns: { MessageId: 'first' } });
    const second = new StrictVerifier();
    second.aws.mockCall(SendMessageCommand, { returns: { MessageId: 'second' } });
    const client = new SQSClient({});

    const a = await first.run(() => client.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: '1' })));
    const b = await second.run(() => moduleSqs.sendMessage({ QueueUrl: 'q', MessageBody: '2' }));

    expect([a.MessageId, b.MessageId]).toEqual(['first', 'second']);
    first.aws.assertAwsCall(SendMessageCommand, { params: { QueueUrl: 'q', MessageBody: '1' } });
    second.aws.assertAwsCall(SendMessageCommand, { params: { QueueUrl: 'q', MessageBody: '2' } });
    first.verifyAll();
    second.verifyAll();
  });
});
