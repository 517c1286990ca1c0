/**
 * Every way production code reaches `send`: the callback forms, `abortSignal`, the aggregated clients
 * (`new SQS().sendMessage(...)`), the aggregated document client, and clients created at module load,
 * before any verifier or patch exists.
 */

import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { LoopbackServer } from '../support/loopback-server';
import { observable } from '../support/observable-error';
import { rejectionOf } from '../support/rejection';

function abortedSignal(reason: unknown): AbortSignal {
  const controller = new AbortController();
  if (reason === undefined) controller.abort();
  else controller.abort(reason);
  return controller.signal;
}

/** A real client's request, aborted while a local server holds it unanswered. */
async function realInFlightAbort(): Promise<Error> {
  const held = createServer(() => undefined);
  await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
  const { port } = held.address() as AddressInfo;
  const controller = new AbortController();
  held.once('request', () => controller.abort());
  const client = new S3Client({ endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true, maxAttempts: 1 });
  try {
    return await rejectionOf(
      client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal: controller.signal }),
    );
  } finally {
    held.closeAllConnections();
    await new Promise((resolve) => held.close(resolve));
  }
}

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
  test.each([
    ['a registered output', { ContentType: 'text/plain' }],
    ['a returns function that answers at once', () => ({ ContentType: 'text/plain' })],
  ])(
    'a signal aborted after the call was made, with %s: the mock has already settled, the call succeeds',
    async (_, returns) => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', 'GetObject', { returns });
      const controller = new AbortController();

      const output = await verifier.run(() => {
        const pending = moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), {
          abortSignal: controller.signal,
        });
        controller.abort();
        return pending;
      });

      expect(output.ContentType).toBe('text/plain');
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'k' },
      });
      verifier.verifyAll();
    },
  );

  test('a signal aborted while a mocked response is still pending rejects with what a real in-flight request rejects with', async () => {
    const verifier = new StrictVerifier();
    let release: (output: object) => void = () => undefined;
    verifier.aws.mockCall('s3', 'GetObject', {
      returns: () => new Promise<object>((resolve) => (release = resolve)),
    });
    const controller = new AbortController();
    const real = await realInFlightAbort();

    const error = await verifier.run(async () => {
      const pending = rejectionOf(
        moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: 'slow' }), { abortSignal: controller.signal }),
      );
      controller.abort();
      release({ ContentType: 'too late' });
      return pending;
    });

    expect(real.name).toBe('AbortError');
    expect(observable(error)).toEqual(observable(real));
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'slow' },
      raised: 'AbortError',
    });
    verifier.verifyAll();
  });

  test('a pending mock that fails while its signal stays quiet rejects with the mock’s error, and stops listening', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', {
      returns: () =>
        new Promise<object>((_, reject) =>
          setImmediate(() => reject(new NoSuchKey({ message: 'gone', $metadata: {} }))),
        ),
    });
    const controller = new AbortController();

    const error = await verifier.run(() =>
      rejectionOf(
        moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal: controller.signal }),
      ),
    );

    expect(error).toBeInstanceOf(NoSuchKey);
    expect(error.message).toBe('gone');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: NoSuchKey,
    });
    verifier.verifyAll();
  });

  test('a pending mock that fails after its signal fired: the abort’s error, not the mock’s', async () => {
    const verifier = new StrictVerifier();
    let fail: (error: Error) => void = () => undefined;
    verifier.aws.mockCall('s3', 'GetObject', {
      returns: () => new Promise<object>((_, reject) => (fail = reject)),
    });
    const controller = new AbortController();

    const error = await verifier.run(async () => {
      const pending = rejectionOf(
        moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal: controller.signal }),
      );
      controller.abort();
      fail(new Error('too late'));
      return pending;
    });

    expect(error.name).toBe('AbortError');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'AbortError',
    });
    verifier.verifyAll();
  });

  test.each([
    ['the default reason', undefined],
    ['a string reason', 'caller gave up'],
  ])(
    'an already-aborted signal (%s): the SDK’s own error, as a real send makes it; no mock consumed, recorded as raised',
    async (_, reason) => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'kept' } });
      const abortSignal = abortedSignal(reason);
      const server = new LoopbackServer();
      const real = await rejectionOf(
        new S3Client({ endpoint: await server.start(), forcePathStyle: true }).send(
          new GetObjectCommand({ Bucket: 'b', Key: 'k' }),
          { abortSignal },
        ),
      );
      await server.stop();

      const [error, next] = await verifier.run(async () => [
        await rejectionOf(moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal })),
        await moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: 'next' })),
      ]);

      expect(server.requests).toHaveLength(0);
      expect(observable(error)).toEqual(observable(real));
      // Made by the SDK's code, not by ts-tripwire's.
      expect(error.stack?.split('\n')[1]).toMatch(/[\\/]node_modules[\\/]@smithy[\\/]/);
      expect((next as { ContentType?: string }).ContentType).toBe('kept');
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'k' },
        raised: 'AbortError',
      });
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'next' },
      });
      verifier.verifyAll();
    },
  );
});

describe('a callback that throws', () => {
  test('is swallowed as the real SDK swallows it: no unhandled rejection, the process lives on', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const server = new LoopbackServer();
    const realClient = new S3Client({ endpoint: await server.start(), forcePathStyle: true, maxAttempts: 1 });
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'ok' } });
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });
    try {
      const calledBack = await verifier.run(() => {
        const called: string[] = [];
        const get = (key: string) =>
          new Promise<void>((resolve) => {
            moduleS3.send(new GetObjectCommand({ Bucket: 'b', Key: key }), (err) => {
              called.push(err ? (err as Error).name : 'output');
              resolve();
              throw new Error(`thrown by the callback for ${key}`);
            });
          });
        return Promise.all([get('ok'), get('missing')]).then(() => called);
      });
      // The real SDK, answered by a loopback server, for comparison.
      await new Promise<void>((resolve) => {
        realClient.send(new GetObjectCommand({ Bucket: 'b', Key: 'real' }), () => {
          resolve();
          throw new Error('thrown by the callback of a real send');
        });
      });
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));

      expect(calledBack).toEqual(['output', 'NoSuchKey']);
      expect(server.requests).toHaveLength(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await server.stop();
    }
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'ok' } });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'missing' },
      raised: 'NoSuchKey',
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
