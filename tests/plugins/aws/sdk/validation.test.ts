import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { InvalidParamsError, StrictVerifier, TripwireConfigError, type VerificationError } from 'ts-tripwire';
import { rejectionOf } from '../../../support/rejection';

describe('validation against the installed SDK’s service model', () => {
  test('an output member the operation does not have is refused at registration, with a suggestion', () => {
    const verifier = new StrictVerifier();
    expect(() => verifier.aws.mockCall('s3', 'ListObjectsV2', { returns: { Content: [] } })).toThrow(
      new TripwireConfigError(
        "mockCall('s3', 'ListObjectsV2', ...): returns does not match the ListObjectsV2 output of the installed SDK:\n" +
          "  - Content is not a member of this output. Did you mean 'Contents'?\n" +
          'Fix the output; or, if the model is wrong, turn validation off: verifier.configure({ validate: false });',
      ),
    );
    verifier.verifyAll();
  });

  test('values of the wrong kind are refused, nested ones with their path', () => {
    const verifier = new StrictVerifier();
    const error = (() => {
      try {
        verifier.aws.mockCall(ListObjectsV2Command, {
          returns: {
            KeyCount: '2' as never,
            Contents: [{ Key: 'a', Size: 3, LastModified: '2024-01-01' as never, Sise: 1 } as never],
          },
        });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a TripwireConfigError');
    })();
    expect(error.message).toContain("  - KeyCount must be a number, not the string '2'.");
    expect(error.message).toContain(
      "  - Contents[0].LastModified must be a Date, not the string '2024-01-01'.",
    );
    expect(error.message).toContain(
      "  - Contents[0].Sise is not a member of this structure. Did you mean 'Size'?",
    );
    verifier.verifyAll();
  });

  test('valid outputs, stream members from strings and document-client native values pass', () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall(GetObjectCommand, {
      returns: { Body: 'x', ContentLength: 1, LastModified: new Date(0) },
      required: false,
    });
    verifier.aws.mockCall('dynamodb-document', 'Get', {
      returns: { Item: { id: 'a', nested: { any: ['thing'] } } },
      required: false,
    });
    expect(() => verifier.aws.mockCall('dynamodb-document', 'Get', { returns: { Items: [] } })).toThrow(
      "Items is not a member of this output. Did you mean 'Item'?",
    );
    verifier.verifyAll();
  });

  test('a request param the operation does not have is thrown into the code and remembered', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { required: false });
    const input = { bucket: 'b', Key: 'k' } as unknown as { Bucket: string; Key: string };
    const error = await verifier.run(() => rejectionOf(new S3Client({}).send(new GetObjectCommand(input))));
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect(error.message).toMatch(
      new RegExp(
        [
          "^AWS call with params the operation does not have: s3\\.GetObject\\(\\{ bucket: 'b', Key: 'k' \\}\\)",
          "  - bucket is not a member of this input\\. Did you mean 'Bucket'\\?",
          'Called at tests/plugins/aws/sdk/validation\\.test\\.ts:\\d+:\\d+',
          'The real SDK drops unknown params without a word',
        ].join('\n'),
      ),
    );
    expect(error.message).toContain('verifier.configure({ validate: false });');
    let verification: VerificationError | undefined;
    try {
      verifier.verifyAll();
    } catch (caught) {
      verification = caught as VerificationError;
    }
    expect(verification?.violations).toEqual([
      expect.objectContaining({ kind: 'invalid-params', service: 's3', operation: 'GetObject' }),
    ]);
  });

  test('a misspelt param is caught after valid calls of the same operation, whatever the key order', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { times: 2 });
    verifier.aws.mockCall('s3', 'GetObject', { required: false, times: 2 });
    const client = new S3Client({});
    const send = (input: object) =>
      rejectionOf(client.send(new GetObjectCommand(input as { Bucket: string; Key: string })));
    const outcomes = await verifier.run(async () => [
      (await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'one' }))).$metadata.httpStatusCode,
      (await client.send(new GetObjectCommand({ Key: 'two', Bucket: 'b' }))).$metadata.httpStatusCode,
      await send({ Bucket: 'b', Kee: 'three' }),
      await send({ Kee: 'four', Bucket: 'b' }),
    ]);
    expect(outcomes.slice(0, 2)).toEqual([200, 200]);
    expect(outcomes[2]).toBeInstanceOf(InvalidParamsError);
    expect((outcomes[2] as Error).message).toContain(
      "  - Kee is not a member of this input. Did you mean 'Key'?",
    );
    expect(outcomes[3]).toBeInstanceOf(InvalidParamsError);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'one' },
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'two' },
    });
    let verification: VerificationError | undefined;
    try {
      verifier.verifyAll();
    } catch (caught) {
      verification = caught as VerificationError;
    }
    expect(verification?.violations.map(({ kind, params }) => [kind, params])).toEqual([
      ['invalid-params', { Bucket: 'b', Kee: 'three' }],
      ['invalid-params', { Kee: 'four', Bucket: 'b' }],
    ]);
  });

  test('document-client params are checked at the top level only (their values are native)', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Put');
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await verifier.run(() =>
      documents.send(new PutCommand({ TableName: 't', Item: { anything: { goes: 1 } } })),
    );
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Put',
      params: { TableName: 't', Item: { anything: { goes: 1 } } },
    });
    const wrong = { TableName: 't', Itme: { id: 'a' } } as unknown as ConstructorParameters<
      typeof PutCommand
    >[0];
    const error = await verifier.run(() => rejectionOf(documents.send(new PutCommand(wrong))));
    expect(error.message).toContain("  - Itme is not a member of this input. Did you mean 'Item'?");
  });

  test('configure({ validate: false }) turns both checks off for that verifier', async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ validate: false });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Bodyy: 'x' } });
    const input = { bucket: 'b', Key: 'k' } as unknown as { Bucket: string; Key: string };
    await verifier.run(() => new S3Client({}).send(new GetObjectCommand(input)));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { bucket: 'b', Key: 'k' } });
    verifier.verifyAll();
  });
});
