import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  DynamoDBServiceException,
} from '@aws-sdk/client-dynamodb';
import {
  InvokeCommand,
  LambdaClient,
  ServiceException as LambdaModeledServiceException,
  LambdaServiceException,
} from '@aws-sdk/client-lambda';
import * as s3 from '@aws-sdk/client-s3';
import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { QueueDoesNotExist, SendMessageCommand, SQSClient, SQSServiceException } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { modeledClientStatus } from '../../../support/modeled-status';

async function getObjectError(verifier: StrictVerifier): Promise<Record<string, unknown> & Error> {
  const error = await verifier.run(() =>
    new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch((e: unknown) => e),
  );
  return error as Record<string, unknown> & Error;
}

describe('errors from a code are the calling client’s own exception classes', () => {
  test('a modeled S3 code', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });
    const error = await getObjectError(verifier);
    expect(error).toBeInstanceOf(NoSuchKey);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error.name).toBe('NoSuchKey');
    expect(error.message).toBe('NoSuchKey');
    expect(error.$fault).toBe('client');
    const status = modeledClientStatus(s3, 'NoSuchKey');
    expect(error.$metadata).toEqual({
      httpStatusCode: status,
      requestId: expect.any(String),
      attempts: 1,
      totalRetryDelay: 0,
    });
    expect(error.$response).toEqual({ statusCode: status, headers: {}, body: undefined });
    expect(Object.keys(error)).not.toContain('$response');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: NoSuchKey,
    });
  });

  test('{ code, message, ...fields } sets the message and extra fields, and $metadata merges', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', {
      raises: { code: 'NoSuchKey', message: 'gone', Key: 'k', $metadata: { requestId: 'req-9' } },
    });
    const error = await getObjectError(verifier);
    expect(error).toBeInstanceOf(NoSuchKey);
    expect(error.message).toBe('gone');
    expect(error.Key).toBe('k');
    expect(error.$metadata).toEqual({
      httpStatusCode: modeledClientStatus(s3, 'NoSuchKey'),
      requestId: 'req-9',
      attempts: 1,
      totalRetryDelay: 0,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'NoSuchKey',
    });
  });

  test('an unmodeled code is the service base class with name = the code', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'SlowDown' });
    const error = await getObjectError(verifier);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).not.toBeInstanceOf(NoSuchKey);
    expect(error.name).toBe('SlowDown');
    expect(error.$fault).toBe('client');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'SlowDown',
    });
  });

  test('a server fault gets status 500', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: { code: 'InternalError', $fault: 'server' } });
    const error = await getObjectError(verifier);
    expect(error.$fault).toBe('server');
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(500);
    expect((error.$response as { statusCode: number }).statusCode).toBe(500);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'InternalError',
    });
  });

  test('SQS QueueDoesNotExist', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sqs', 'SendMessage', { raises: 'QueueDoesNotExist' });
    const error = await verifier.run(() =>
      new SQSClient({})
        .send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'm' }))
        .catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(QueueDoesNotExist);
    expect(error).toBeInstanceOf(SQSServiceException);
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: 'q', MessageBody: 'm' },
      raised: QueueDoesNotExist,
    });
  });

  test('the document client raises client-dynamodb’s ConditionalCheckFailedException', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Put', { raises: 'ConditionalCheckFailedException' });
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const error = await verifier.run(() =>
      documents.send(new PutCommand({ TableName: 't', Item: { id: 'a' } })).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Put',
      params: { TableName: 't', Item: { id: 'a' } },
      raised: ConditionalCheckFailedException,
    });
  });

  test('Lambda: the base class is LambdaServiceException, not the modeled exception named ServiceException', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('lambda', 'Invoke', { raises: 'TooManyRequests' });
    verifier.aws.mockCall('lambda', 'Invoke', { raises: 'ServiceException' });
    const lambda = new LambdaClient({});
    const [unmodeled, modeled] = await verifier.run(async () => [
      await lambda.send(new InvokeCommand({ FunctionName: 'f' })).catch((e: unknown) => e),
      await lambda.send(new InvokeCommand({ FunctionName: 'f' })).catch((e: unknown) => e),
    ]);
    expect(unmodeled).toBeInstanceOf(LambdaServiceException);
    expect(unmodeled).not.toBeInstanceOf(LambdaModeledServiceException);
    expect((unmodeled as Error).name).toBe('TooManyRequests');
    expect(modeled).toBeInstanceOf(LambdaModeledServiceException);
    expect((modeled as { $fault: string }).$fault).toBe('server');
    expect((modeled as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(500);
    verifier.aws.assertAwsCall({
      service: 'lambda',
      operation: 'Invoke',
      params: { FunctionName: 'f' },
      raised: 'TooManyRequests',
    });
    verifier.aws.assertAwsCall({
      service: 'lambda',
      operation: 'Invoke',
      params: { FunctionName: 'f' },
      raised: LambdaModeledServiceException,
    });
  });
});

describe('an error instance given to raises gets the $response that SDK waiters read', () => {
  test('from its $metadata.httpStatusCode, as a hidden, replaceable property', async () => {
    const verifier = new StrictVerifier();
    const given = new NoSuchKey({ message: 'gone', $metadata: { httpStatusCode: 404 } });
    verifier.aws.mockCall('s3', 'GetObject', { raises: given });
    const error = await getObjectError(verifier);
    expect(error).toBe(given);
    expect(error.$response).toEqual({ statusCode: 404, headers: {}, body: undefined });
    expect(Object.getOwnPropertyDescriptor(error, '$response')).toMatchObject({
      enumerable: false,
      configurable: true,
      writable: true,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: given,
    });
  });

  test('one it already has is kept', async () => {
    const own = { statusCode: 418, headers: { a: 'b' }, body: undefined };
    const withOwn = Object.assign(new NoSuchKey({ message: 'gone', $metadata: { httpStatusCode: 404 } }), {
      $response: own,
    });
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: withOwn });
    expect((await getObjectError(verifier)).$response).toBe(own);
  });
});
