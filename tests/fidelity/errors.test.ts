/**
 * Errors from a code, caught the way production code catches real SDK errors: `instanceof` the client
 * package's own exception classes, `error.name`, `error.$fault` and `error.$metadata.httpStatusCode`.
 * (tests/plugins/aws/sdk/errors-from-code covers the shape of one error per service; this proves the caller's branches.)
 */
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  DynamoDBServiceException,
  ResourceNotFoundException as DynamoResourceNotFound,
  InternalServerError,
  PutItemCommand,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import * as lambda from '@aws-sdk/client-lambda';
import {
  InvokeCommand,
  LambdaClient,
  ServiceException as LambdaModeledServiceException,
  ResourceNotFoundException as LambdaResourceNotFound,
  LambdaServiceException,
} from '@aws-sdk/client-lambda';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  GetQueueUrlCommand,
  QueueDoesNotExist,
  SendMessageCommand,
  SQSClient,
  SQSServiceException,
} from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { modeledClientStatus } from '../support/modeled-status';
import { rejectionOf } from '../support/rejection';

interface SdkError extends Error {
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

// Production code under test: the usual ways of branching on SDK errors.

async function readTextOrNull(s3: S3Client, Key: string): Promise<string | null> {
  try {
    const output = await s3.send(new GetObjectCommand({ Bucket: 'docs', Key }));
    return (await output.Body?.transformToString()) ?? '';
  } catch (error) {
    if (error instanceof NoSuchKey) return null;
    throw error;
  }
}

async function existsByName(s3: S3Client, Key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: 'docs', Key }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'NotFound') return false;
    throw error;
  }
}

async function existsByStatus(s3: S3Client, Key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: 'docs', Key }));
    return true;
  } catch (error) {
    if ((error as SdkError).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

/** Retries server faults once, gives up on client faults: what many production wrappers do. */
async function putWithOneRetry(dynamo: DynamoDBClient): Promise<'stored' | 'duplicate'> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dynamo.send(
        new PutItemCommand({
          TableName: 'orders',
          Item: { id: { S: 'o-1' } },
          ConditionExpression: 'attribute_not_exists(id)',
        }),
      );
      return 'stored';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'duplicate';
      if ((error as SdkError).$fault === 'server' && attempt < 2) continue;
      throw error;
    }
  }
}

const putItemParams = {
  TableName: 'orders',
  Item: { id: { S: 'o-1' } },
  ConditionExpression: 'attribute_not_exists(id)',
};

describe('S3', () => {
  test('GetObject NoSuchKey: instanceof NoSuchKey, the caller returns null', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: 'found' } });
    const s3 = new S3Client({});

    const results = await verifier.run(async () => [
      await readTextOrNull(s3, 'missing.txt'),
      await readTextOrNull(s3, 'present.txt'),
    ]);

    expect(results).toEqual([null, 'found']);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'docs', Key: 'missing.txt' },
      raised: NoSuchKey,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'docs', Key: 'present.txt' },
    });
    verifier.verifyAll();
  });

  test('HeadObject NotFound: instanceof NotFound and S3ServiceException, name NotFound, client fault', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'HeadObject', { raises: 'NotFound' });
    verifier.aws.mockCall('s3', 'HeadObject', { raises: 'NotFound' });
    const s3 = new S3Client({});

    const [exists, error] = await verifier.run(async () => [
      await existsByName(s3, 'a.txt'),
      await rejectionOf(s3.send(new HeadObjectCommand({ Bucket: 'docs', Key: 'b.txt' }))),
    ]);

    expect(exists).toBe(false);
    expect(error).toBeInstanceOf(NotFound);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).toMatchObject({ name: 'NotFound', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'HeadObject',
      params: { Bucket: 'docs', Key: 'a.txt' },
      raised: 'NotFound',
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'HeadObject',
      params: { Bucket: 'docs', Key: 'b.txt' },
      raised: NotFound,
    });
    verifier.verifyAll();
  });

  test('code that branches on $metadata.httpStatusCode === 404 gets it from { code, $metadata }', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'HeadObject', {
      raises: { code: 'NotFound', $metadata: { httpStatusCode: 404 } },
    });
    verifier.aws.mockCall('s3', 'HeadObject', {
      raises: { code: 'Forbidden', $metadata: { httpStatusCode: 403 } },
    });
    const s3 = new S3Client({});

    const [missing, forbidden] = await verifier.run(async () => [
      await existsByStatus(s3, 'gone'),
      await rejectionOf(existsByStatus(s3, 'secret')),
    ]);

    expect(missing).toBe(false);
    // An unmodeled code: the service's base class, name = the code, a client fault with the given status.
    expect(forbidden).toBeInstanceOf(S3ServiceException);
    expect(forbidden).not.toBeInstanceOf(NotFound);
    expect(forbidden).toMatchObject({ name: 'Forbidden', message: 'Forbidden', $fault: 'client' });
    expect((forbidden as unknown as SdkError).$metadata.httpStatusCode).toBe(403);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'HeadObject',
      params: { Bucket: 'docs', Key: 'gone' },
      raised: NotFound,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'HeadObject',
      params: { Bucket: 'docs', Key: 'secret' },
      raised: 'Forbidden',
    });
    verifier.verifyAll();
  });
});

describe('SQS', () => {
  test('QueueDoesNotExist from SendMessage and GetQueueUrl: instanceof the modeled class, client fault 400', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sqs', 'GetQueueUrl', { raises: 'QueueDoesNotExist' });
    verifier.aws.mockCall('sqs', 'SendMessage', {
      raises: { code: 'QueueDoesNotExist', message: 'The specified queue does not exist.' },
    });
    const sqs = new SQSClient({});

    const [fromGetUrl, fromSend] = await verifier.run(async () => [
      await rejectionOf(sqs.send(new GetQueueUrlCommand({ QueueName: 'jobs' }))),
      await rejectionOf(
        sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs/1/jobs', MessageBody: '{}' })),
      ),
    ]);

    for (const error of [fromGetUrl, fromSend]) {
      expect(error).toBeInstanceOf(QueueDoesNotExist);
      expect(error).toBeInstanceOf(SQSServiceException);
      expect(error.name).toBe('QueueDoesNotExist');
      expect((error as unknown as SdkError).$fault).toBe('client');
      expect((error as unknown as SdkError).$metadata.httpStatusCode).toBe(400);
    }
    expect(fromSend.message).toBe('The specified queue does not exist.');
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'GetQueueUrl',
      params: { QueueName: 'jobs' },
      raised: QueueDoesNotExist,
    });
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: 'https://sqs/1/jobs', MessageBody: '{}' },
      raised: 'QueueDoesNotExist',
    });
    verifier.verifyAll();
  });
});

describe('DynamoDB, low-level and document client', () => {
  test('PutItem ConditionalCheckFailedException: the caller’s instanceof branch runs', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'PutItem', { raises: 'ConditionalCheckFailedException' });

    const outcome = await verifier.run(() => putWithOneRetry(new DynamoDBClient({})));

    expect(outcome).toBe('duplicate');
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'PutItem',
      params: putItemParams,
      raised: ConditionalCheckFailedException,
    });
    verifier.verifyAll();
  });

  test('InternalServerError is a modeled server fault (500): the caller retries it', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'PutItem', { raises: 'InternalServerError' });
    verifier.aws.mockCall('dynamodb', 'PutItem', { raises: 'InternalServerError' });
    const dynamo = new DynamoDBClient({});

    const error = await verifier.run(() => rejectionOf(putWithOneRetry(dynamo)));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect(error).toMatchObject({ name: 'InternalServerError', $fault: 'server' });
    expect((error as unknown as SdkError).$metadata.httpStatusCode).toBe(500);
    for (let index = 0; index < 2; index++) {
      verifier.aws.assertAwsCall({
        service: 'dynamodb',
        operation: 'PutItem',
        params: putItemParams,
        raised: InternalServerError,
      });
    }
    verifier.verifyAll();
  });

  test('ResourceNotFoundException is a modeled client fault (400)', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'PutItem', { raises: 'ResourceNotFoundException' });

    const error = await verifier.run(() => rejectionOf(putWithOneRetry(new DynamoDBClient({}))));

    expect(error).toBeInstanceOf(DynamoResourceNotFound);
    expect(error).toMatchObject({ $fault: 'client', $metadata: { httpStatusCode: 400 } });
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'PutItem',
      params: putItemParams,
      raised: 'ResourceNotFoundException',
    });
    verifier.verifyAll();
  });

  test('an unmodeled code (ValidationException): DynamoDBServiceException, name = the code', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'PutItem', {
      raises: { code: 'ValidationException', message: 'One or more parameter values were invalid' },
    });

    const error = await verifier.run(() => rejectionOf(putWithOneRetry(new DynamoDBClient({}))));

    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect(error).not.toBeInstanceOf(ConditionalCheckFailedException);
    expect(error.constructor).toBe(DynamoDBServiceException);
    expect(error).toMatchObject({
      name: 'ValidationException',
      message: 'One or more parameter values were invalid',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'PutItem',
      params: putItemParams,
      raised: 'ValidationException',
    });
    verifier.verifyAll();
  });

  test('document client Update: client-dynamodb’s ConditionalCheckFailedException', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Update', { raises: 'ConditionalCheckFailedException' });
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const params = {
      TableName: 'counters',
      Key: { id: 'c-1' },
      UpdateExpression: 'SET #v = #v + :one',
      ConditionExpression: '#v < :max',
      ExpressionAttributeNames: { '#v': 'value' },
      ExpressionAttributeValues: { ':one': 1, ':max': 10 },
    };

    const error = await verifier.run(() => rejectionOf(documents.send(new UpdateCommand(params))));

    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect(error).toMatchObject({ name: 'ConditionalCheckFailedException', $fault: 'client' });
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Update',
      params,
      raised: ConditionalCheckFailedException,
    });
    verifier.verifyAll();
  });

  test('document client TransactWrite: TransactionCanceledException carries the CancellationReasons the caller reads', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'TransactWrite', {
      raises: {
        code: 'TransactionCanceledException',
        message:
          'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]',
        CancellationReasons: [
          { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
          { Code: 'None' },
        ],
      },
    });
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const params = {
      TransactItems: [
        { Put: { TableName: 'a', Item: { id: '1' }, ConditionExpression: 'attribute_not_exists(id)' } },
        { Delete: { TableName: 'b', Key: { id: '2' } } },
      ],
    };

    const failedCodes = await verifier.run(async () => {
      try {
        await documents.send(new TransactWriteCommand(params));
        return [];
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        return (error.CancellationReasons ?? []).map((reason) => reason.Code);
      }
    });

    expect(failedCodes).toEqual(['ConditionalCheckFailed', 'None']);
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'TransactWrite',
      params,
      raised: TransactionCanceledException,
    });
    verifier.verifyAll();
  });
});

describe('Lambda', () => {
  test('Invoke ResourceNotFoundException: Lambda’s modeled class, client fault', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('lambda', 'Invoke', {
      raises: {
        code: 'ResourceNotFoundException',
        message: 'Function not found: arn:aws:lambda:us-east-1:1:function:f',
      },
    });

    const error = await verifier.run(() =>
      rejectionOf(new LambdaClient({}).send(new InvokeCommand({ FunctionName: 'f' }))),
    );

    expect(error).toBeInstanceOf(LambdaResourceNotFound);
    expect(error).toBeInstanceOf(LambdaServiceException);
    expect(error).not.toBeInstanceOf(DynamoResourceNotFound);
    expect(error).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:1:function:f',
      $fault: 'client',
      $metadata: { httpStatusCode: modeledClientStatus(lambda, 'ResourceNotFoundException') },
    });
    verifier.aws.assertAwsCall({
      service: 'lambda',
      operation: 'Invoke',
      params: { FunctionName: 'f' },
      raised: LambdaResourceNotFound,
    });
    verifier.verifyAll();
  });

  test('Invoke ServiceException: Lambda’s modeled exception of that name, a server fault with status 500', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('lambda', 'Invoke', { raises: 'ServiceException' });

    const error = await verifier.run(() =>
      rejectionOf(new LambdaClient({}).send(new InvokeCommand({ FunctionName: 'f' }))),
    );

    expect(error).toBeInstanceOf(LambdaModeledServiceException);
    expect(error).toBeInstanceOf(LambdaServiceException);
    expect(error).toMatchObject({
      name: 'ServiceException',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    });
    verifier.aws.assertAwsCall({
      service: 'lambda',
      operation: 'Invoke',
      params: { FunctionName: 'f' },
      raised: LambdaModeledServiceException,
    });
    verifier.verifyAll();
  });
});

describe('$fault and status overrides', () => {
  test('{ code, $fault: "server" } on an unmodeled code gives a server fault with status 500', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sqs', 'SendMessage', { raises: { code: 'InternalError', $fault: 'server' } });

    const error = await verifier.run(() =>
      rejectionOf(new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'm' }))),
    );

    expect(error.constructor).toBe(SQSServiceException);
    expect(error).toMatchObject({
      name: 'InternalError',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    });
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: 'q', MessageBody: 'm' },
      raised: 'InternalError',
    });
    verifier.verifyAll();
  });

  test('one raised server error is one call: the mocked send is the final outcome, with attempts 1', async () => {
    // The real SDK retries 5xx and throttling errors inside send (3 attempts by default); a mock stands
    // for send's final outcome, so it is not retried and consumes exactly one queued entry.
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'PutItem', { raises: 'InternalServerError' });
    verifier.aws.mockCall('dynamodb', 'PutItem', { returns: {}, required: false });
    const dynamo = new DynamoDBClient({});

    const error = await verifier.run(() => rejectionOf(dynamo.send(new PutItemCommand(putItemParams))));

    expect((error as unknown as SdkError).$metadata.attempts).toBe(1);
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'PutItem',
      params: putItemParams,
      raised: InternalServerError,
    });
    verifier.verifyAll();
  });
});
