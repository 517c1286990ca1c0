import { BatchGetItemCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListBucketsCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { InvalidParamsError, StrictVerifier } from 'ts-tripwire';
import { operationModelByName } from '../../../../src/plugins/aws/sdk/service-model';
import { hasUnknownParams, paramProblems } from '../../../../src/plugins/aws/sdk/validation';
import { rejectionOf } from '../../../support/rejection';

// The commands take typed input; these tests send what the types would refuse.
type Loose = never;

/** The headline and problem lines of the InvalidParamsError a call rejects with. */
async function refusal(send: () => Promise<unknown>): Promise<{ headline: string; problems: string[] }> {
  const error = await rejectionOf(send());
  expect(error).toBeInstanceOf(InvalidParamsError);
  const lines = error.message.split('\n');
  return {
    headline: lines[0]!.replace(/: .*$/, ''),
    problems: lines.filter((line) => line.startsWith('  - ')).map((line) => line.slice(4)),
  };
}

const UNKNOWN_ONLY = 'AWS call with params the operation does not have';

describe('request params are checked against the input schema at every depth', () => {
  test('an unknown top-level param is caught even when every required one is given', async () => {
    const verifier = new StrictVerifier();
    const s3 = new S3Client({});
    const outcome = await verifier.run(() =>
      refusal(() => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k', Rnage: 'bytes=0-1' } as Loose))),
    );
    expect(outcome).toEqual({
      headline: UNKNOWN_ONLY,
      problems: ["Rnage is not a member of this input. Did you mean 'Range'?"],
    });
  });

  test('an operation without required members still has its unknown params reported', async () => {
    const verifier = new StrictVerifier();
    const s3 = new S3Client({});
    const outcome = await verifier.run(() =>
      refusal(() => s3.send(new ListBucketsCommand({ MaxBucket: 3 } as Loose))),
    );
    expect(outcome).toEqual({
      headline: UNKNOWN_ONLY,
      problems: ["MaxBucket is not a member of this input. Did you mean 'MaxBuckets'?"],
    });
  });

  test('unknown and missing params together get the headline that names both', async () => {
    const verifier = new StrictVerifier();
    const s3 = new S3Client({});
    const outcome = await verifier.run(() =>
      refusal(() => s3.send(new GetObjectCommand({ Kee: 'k', Rnage: 'bytes=0-1' } as Loose))),
    );
    expect(outcome).toEqual({
      headline: 'AWS call with params the operation does not have, and without params it requires',
      problems: [
        "Kee is not a member of this input. Did you mean 'Key'?",
        "Rnage is not a member of this input. Did you mean 'Range'?",
        "Bucket is missing, and the operation requires it: add Bucket: '...' to the params.",
      ],
    });
  });

  test('unknown members in list items, nested structures and map values are caught with their path', async () => {
    const verifier = new StrictVerifier();
    const sqs = new SQSClient({});
    const dynamodb = new DynamoDBClient({});
    const QueueUrl = 'https://sqs.us-east-1.amazonaws.com/1/q';
    const outcomes = await verifier.run(async () => [
      await refusal(() =>
        sqs.send(
          new SendMessageBatchCommand({
            QueueUrl,
            Entries: [
              { Id: '1', MessageBody: 'a' },
              { Id: '2', MessageBody: 'b', Delays: 5 },
            ],
          } as Loose),
        ),
      ),
      await refusal(() =>
        sqs.send(
          new SendMessageBatchCommand({
            QueueUrl,
            Entries: [
              {
                Id: '1',
                MessageBody: 'a',
                MessageAttributes: { color: { DataType: 'String', StringValue: 'red', Stringvalue: 'x' } },
              },
            ],
          } as Loose),
        ),
      ),
      await refusal(() =>
        dynamodb.send(
          new BatchGetItemCommand({
            RequestItems: { t: { Keys: [{ id: { S: 'a' } }], ProjectionExpresion: 'id' } },
          } as Loose),
        ),
      ),
      await refusal(() =>
        dynamodb.send(new PutItemCommand({ TableName: 't', Item: { id: { S: 'a', Bogus: 1 } } } as Loose)),
      ),
    ]);
    expect(outcomes).toEqual([
      {
        headline: UNKNOWN_ONLY,
        problems: ['Entries[1].Delays is not a member of this input.'],
      },
      {
        headline: UNKNOWN_ONLY,
        problems: [
          "Entries[0].MessageAttributes['color'].Stringvalue is not a member of this input. Did you mean 'StringValue'?",
        ],
      },
      {
        headline: UNKNOWN_ONLY,
        problems: [
          "RequestItems['t'].ProjectionExpresion is not a member of this input. Did you mean 'ProjectionExpression'?",
        ],
      },
      { headline: UNKNOWN_ONLY, problems: ["Item['id'].Bogus is not a member of this input."] },
    ]);
  });

  test('a misspelt required member below the top is reported once, as the unknown member', async () => {
    const verifier = new StrictVerifier();
    const sqs = new SQSClient({});
    const outcome = await verifier.run(() =>
      refusal(() =>
        sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: 'https://sqs.us-east-1.amazonaws.com/1/q',
            Entries: [{ Id: '1', MesageBody: 'a' }],
          } as Loose),
        ),
      ),
    );
    expect(outcome).toEqual({
      headline: UNKNOWN_ONLY,
      problems: ["Entries[0].MesageBody is not a member of this input. Did you mean 'MessageBody'?"],
    });
  });

  test('members given as undefined are neither unknown nor a misspelling of a missing one', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    verifier.aws.mockCall('sqs', 'SendMessageBatch');
    const s3 = new S3Client({});
    const sqs = new SQSClient({});
    const outcomes = await verifier.run(async () => [
      (await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k', Bogus: undefined } as Loose))).$metadata
        .httpStatusCode,
      (
        await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: 'q',
            Entries: [{ Id: '1', MessageBody: 'a', Bogus: undefined }],
          } as Loose),
        )
      ).$metadata.httpStatusCode,
      await refusal(() =>
        s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k', Bogus: undefined, Rnage: 'x' } as Loose)),
      ),
      await refusal(() => s3.send(new GetObjectCommand({ bucket: undefined, Key: 'k' } as Loose))),
    ]);
    expect(outcomes).toEqual([
      200,
      200,
      { headline: UNKNOWN_ONLY, problems: ["Rnage is not a member of this input. Did you mean 'Range'?"] },
      {
        headline: 'AWS call without params the operation requires',
        problems: ["Bucket is missing, and the operation requires it: add Bucket: '...' to the params."],
      },
    ]);
  });

  test('values of the wrong kind in params are left to the SDK: only unknown members are reported', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'DeleteObjects', { times: 2 });
    verifier.aws.mockCall('s3', 'GetObject');
    verifier.aws.mockCall('sqs', 'SendMessageBatch');
    const s3 = new S3Client({});
    const sqs = new SQSClient({});
    const statuses = await verifier.run(async () => [
      (await s3.send(new DeleteObjectsCommand({ Bucket: 'b', Delete: [{ Objects: [] }] } as Loose))).$metadata
        .httpStatusCode,
      (await s3.send(new DeleteObjectsCommand({ Bucket: 'b', Delete: new Uint8Array([1]) } as Loose)))
        .$metadata.httpStatusCode,
      (await s3.send(new GetObjectCommand({ Bucket: 'b', Key: { Bogus: 'k' } } as Loose))).$metadata
        .httpStatusCode,
      (
        await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: 'q',
            Entries: [{ Id: '1', MessageBody: 'a', MessageAttributes: 'none' }, null, 'x'],
          } as Loose),
        )
      ).$metadata.httpStatusCode,
    ]);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const outcome = await verifier.run(() =>
      refusal(() =>
        sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: 'q',
            Entries: 'none',
            Extra: { MessageAttributes: 'x' },
            Attributes: { Key: 'x' },
          } as Loose),
        ),
      ),
    );
    expect(outcome.problems).toEqual([
      'Extra is not a member of this input.',
      'Attributes is not a member of this input.',
    ]);
    const mapShaped = await verifier.run(() =>
      refusal(() =>
        sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: 'q',
            Entries: { first: { Id: '1', Bogus: 1 } },
            Extra: 1,
          } as Loose),
        ),
      ),
    );
    expect(mapShaped.problems).toEqual(['Extra is not a member of this input.']);
  });
});

describe('document-client params are checked at the top level only', () => {
  test('native values below the top are not walked, and a misspelling at the top is reported once', async () => {
    const verifier = new StrictVerifier();
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const outcomes = await verifier.run(async () => [
      await refusal(() =>
        documents.send(
          new PutCommand({ TableName: 't', Item: { id: 'a', nested: { goes: 1 } }, Extra: 1 } as Loose),
        ),
      ),
      await refusal(() => documents.send(new PutCommand({ TableName: 't', Itme: { id: 'a' } } as Loose))),
    ]);
    expect(outcomes).toEqual([
      { headline: UNKNOWN_ONLY, problems: ['Extra is not a member of this input.'] },
      { headline: UNKNOWN_ONLY, problems: ["Itme is not a member of this input. Did you mean 'Item'?"] },
    ]);
  });

  test('a required member missing below the top is reported even next to a near-miss name', async () => {
    const verifier = new StrictVerifier();
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const outcome = await verifier.run(() =>
      refusal(() =>
        documents.send(
          new BatchWriteCommand({ RequestItems: { t: [{ PutRequest: { Itme: { id: 'a' } } }] } } as Loose),
        ),
      ),
    );
    expect(outcome).toEqual({
      headline: 'AWS call without params the operation requires',
      problems: [
        "RequestItems['t'][0].PutRequest.Item is missing, and PutRequest requires it: add Item: { /* PutItemInputAttributeMap */ } to RequestItems['t'][0].PutRequest.",
      ],
    });
  });
});

describe('lib-storage’s multipart calls carry PutObject’s params', () => {
  test('PutObject params are tolerated on UploadPart, other unknown params are not', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'UploadPart');
    const s3 = new S3Client({});
    const part = {
      Bucket: 'b',
      Key: 'k',
      PartNumber: 1,
      UploadId: 'u',
      Body: 'x',
      ContentType: 'text/plain',
    };
    const outcomes = await verifier.run(async () => [
      (await s3.send(new UploadPartCommand(part))).$metadata.httpStatusCode,
      await refusal(() => s3.send(new UploadPartCommand({ ...part, Bodyy: 'x' } as Loose))),
    ]);
    expect(outcomes).toEqual([
      200,
      { headline: UNKNOWN_ONLY, problems: ["Bodyy is not a member of this input. Did you mean 'Body'?"] },
    ]);
  });
});

describe('the checks themselves', () => {
  test('params that are not a plain object have nothing to check', () => {
    const model = operationModelByName('s3', 'GetObject')!;
    expect(model).toBeDefined();
    expect(paramProblems(model, 'Bucket=b')).toEqual([]);
    expect(hasUnknownParams(model, 'Bucket=b')).toBe(false);
  });
});
