/**
 * The error built for a mocked error code (buildServiceError) and the abort error the calling client's own SDK
 * makes (sdkAbortError), in the cases the other error tests leave out: no client package to take classes from,
 * no known copy of the SDK core, the `$response` property a test may replace, modeled server faults, and
 * clients whose retry strategy hands the request straight to their HTTP handler.
 */
import {
  DynamoDBClient,
  DynamoDBServiceException,
  GetItemCommand,
  InternalServerError,
} from '@aws-sdk/client-dynamodb';
import {
  LambdaClient,
  ServiceException as LambdaModeledServiceException,
  LambdaServiceException,
} from '@aws-sdk/client-lambda';
import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { buildServiceError, sdkAbortError } from '../../../../src/plugins/aws/sdk/sdk-errors';
import { observable } from '../../../support/observable-error';
import { rejectionOf } from '../../../support/rejection';

type BuiltError = Error & Record<string, unknown>;

async function getObjectError(verifier: StrictVerifier): Promise<BuiltError> {
  return verifier.run(() =>
    rejectionOf(new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))),
  );
}

describe('buildServiceError when no client package is loaded for the service (a bundled client)', () => {
  // KMS is not installed here, so no package answers for the service key.
  test('the error is a plain Error carrying the code as name, the message, the fault and $metadata', () => {
    const error = buildServiceError({}, undefined, 'kms', {
      code: 'NotFoundException',
      message: 'Key not found',
      KeyId: 'k-1',
    }) as BuiltError;

    expect(error.constructor).toBe(Error);
    expect(error.name).toBe('NotFoundException');
    expect(error.message).toBe('Key not found');
    expect(error.$fault).toBe('client');
    expect(error.$metadata).toEqual({
      httpStatusCode: 400,
      requestId: expect.stringMatching(/^TRIPWIRE-\d+$/),
      attempts: 1,
      totalRetryDelay: 0,
    });
    expect(error.KeyId).toBe('k-1');
    expect(error.$response).toEqual({ statusCode: 400, headers: {}, body: undefined });
  });

  test('a server fault gets status 500, and a given $metadata overrides the defaults', () => {
    const error = buildServiceError({}, undefined, 'kms', {
      code: 'KMSInternalException',
      $fault: 'server',
      $metadata: { requestId: 'req-1', attempts: 3 },
    }) as BuiltError;

    expect(error.constructor).toBe(Error);
    expect(error.message).toBe('KMSInternalException');
    expect(error.$fault).toBe('server');
    expect(error.$metadata).toEqual({
      httpStatusCode: 500,
      requestId: 'req-1',
      attempts: 3,
      totalRetryDelay: 0,
    });
  });
});

describe('buildServiceError without a known copy of the SDK core', () => {
  test('the base class is still the service’s own LambdaServiceException, not the modeled ServiceException', () => {
    const error = buildServiceError(new LambdaClient({}), undefined, 'lambda', { code: 'Throttled' });

    expect(error).toBeInstanceOf(LambdaServiceException);
    expect(error).not.toBeInstanceOf(LambdaModeledServiceException);
    expect(error.name).toBe('Throttled');
  });
});

describe('errors from a code, through a mocked send', () => {
  test('$response is hidden but replaceable, as a test that fakes a waiter’s response needs', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });
    const error = await getObjectError(verifier);

    expect(Object.getOwnPropertyDescriptor(error, '$response')).toMatchObject({
      enumerable: false,
      configurable: true,
      writable: true,
    });
    const replaced = { statusCode: 503, headers: {}, body: undefined };
    error.$response = replaced;
    expect(error.$response).toBe(replaced);
    Object.defineProperty(error, '$response', { value: undefined });
    expect(error.$response).toBeUndefined();
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'NoSuchKey',
    });
  });

  test('a modeled client error keeps the client fault its class declares', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });
    const error = await getObjectError(verifier);

    expect(error).toBeInstanceOf(NoSuchKey);
    expect(error.$fault).toBe('client');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'NoSuchKey',
    });
  });

  test('a modeled server error (DynamoDB InternalServerError) gets the server fault and status 500', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'GetItem', { raises: 'InternalServerError' });
    const error = await verifier.run(() =>
      rejectionOf(new DynamoDBClient({}).send(new GetItemCommand({ TableName: 't', Key: {} }))),
    );

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.$fault).toBe('server');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 500 });
    expect(error.$response).toMatchObject({ statusCode: 500 });
    verifier.aws.assertAwsCall({
      service: 'dynamodb',
      operation: 'GetItem',
      params: { TableName: 't', Key: {} },
      raised: 'InternalServerError',
    });
  });

  test('the document client’s server error is client-dynamodb’s class, with the server fault', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Get', { raises: 'InternalServerError' });
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const error = await verifier.run(() =>
      rejectionOf(documents.send(new GetCommand({ TableName: 't', Key: { id: 'a' } }))),
    );

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect(error.$fault).toBe('server');
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Get',
      params: { TableName: 't', Key: { id: 'a' } },
      raised: 'InternalServerError',
    });
  });

  test('an unmodeled code (S3 has no modeled server errors) is the base class, with status 400 unless a server fault', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'SlowDown' });
    verifier.aws.mockCall('s3', 'GetObject', { raises: { code: 'InternalError', $fault: 'server' } });
    const slowDown = await getObjectError(verifier);
    const internal = await getObjectError(verifier);

    expect(slowDown).toBeInstanceOf(S3ServiceException);
    expect(slowDown.constructor).toBe(S3ServiceException);
    expect(slowDown.$metadata).toMatchObject({ httpStatusCode: 400 });
    expect(internal.constructor).toBe(S3ServiceException);
    expect(internal.$metadata).toMatchObject({ httpStatusCode: 500 });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'SlowDown',
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'InternalError',
    });
  });

  test('a code that names another export of the package (the aggregated S3 client) is not taken for an exception class', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'S3' });
    const error = await getObjectError(verifier);

    expect(error).toBeInstanceOf(Error);
    expect(error.constructor).toBe(S3ServiceException);
    expect(error.name).toBe('S3');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'S3',
    });
  });
});

/** A retry strategy of the SDK's older interface, `retry(next, args)`, that makes one attempt. */
const singleAttempt = {
  mode: 'single-attempt',
  retry: (next: (args: unknown) => Promise<unknown>, args: unknown) => next(args),
};

describe('sdkAbortError for a client whose retry strategy hands the request to its HTTP handler', () => {
  const abortSignal = AbortSignal.abort();

  test('with the SDK’s own handler it is exactly what a real send rejects with (no connection is opened)', async () => {
    const client = () => new S3Client({ retryStrategy: singleAttempt as never, maxAttempts: 1 });
    const real = await rejectionOf(
      client().send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal }),
    );

    const made = await sdkAbortError(client(), { abortSignal });

    expect(real.name).toBe('AbortError');
    expect(real).not.toBeInstanceOf(DOMException);
    expect(observable(made)).toEqual(observable(real));
  });

  test('with a custom handler that ignores the signal and rejects with its own error, it is the platform’s AbortError', async () => {
    const client = new S3Client({
      retryStrategy: singleAttempt as never,
      requestHandler: { handle: () => Promise.reject(new Error('connection refused')) },
    });

    const made = await sdkAbortError(client, { abortSignal });

    expect(made).toBeInstanceOf(DOMException);
    expect(made.name).toBe('AbortError');
    expect(made.message).toBe(AbortSignal.abort().reason.message);
  });

  test('with a custom handler that ignores the signal and answers, it is the platform’s AbortError', async () => {
    const handle = async () => ({ response: { statusCode: 200, headers: {}, body: undefined } });
    const client = new S3Client({ retryStrategy: singleAttempt as never, requestHandler: { handle } });

    const made = await sdkAbortError(client, { abortSignal });

    expect(made).toBeInstanceOf(DOMException);
    expect(made.name).toBe('AbortError');
  });
});
