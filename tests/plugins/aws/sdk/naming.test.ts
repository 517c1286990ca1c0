import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier, TripwireConfigError } from 'ts-tripwire';
import { callInfo } from '../../../../src/plugins/aws/sdk/call-info';
import { cachedServiceNameCount, nameCommand } from '../../../../src/plugins/aws/sdk/naming';
import { configMessage } from '../../../support/config-error';

describe('naming services and operations', () => {
  test.each(['s3', 'S3', 'S3Client', ' s3 '])('service %p matches S3 calls', async (service) => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall(service, 'GetObject', { returns: { ContentType: 'ok' } });
    const output = await verifier.run(() =>
      new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })),
    );
    expect(output.ContentType).toBe('ok');
    verifier.aws.assertAwsCall({ service, operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  });

  test.each(['cloudwatch-logs', 'CloudWatch Logs', 'CloudWatchLogsClient', 'cloudwatchlogs'])(
    'service %p matches CloudWatch Logs calls, displayed as cloudwatch-logs',
    async (service) => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall(service, 'DescribeLogGroups');
      await verifier.run(() => new CloudWatchLogsClient({}).send(new DescribeLogGroupsCommand({})));
      expect(() =>
        verifier.aws.assertAwsCall({ service, operation: 'DescribeLogGroups', params: { limit: 1 } }),
      ).toThrow('cloudwatch-logs.DescribeLogGroups({})');
      verifier.aws.assertAwsCall({ service: 'cloudwatch-logs', operation: 'DescribeLogGroups', params: {} });
    },
  );

  test('a trailing Command is dropped from an operation name', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObjectCommand');
    await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObjectCommand',
      params: { Bucket: 'b', Key: 'k' },
    });
    verifier.verifyAll();
  });

  test('the command-class form and the string form share one queue', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall(GetObjectCommand, { returns: { ContentType: 'from-class' } });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'from-strings' } });
    const s3 = new S3Client({});
    const types = await verifier.run(async () => [
      (await s3.send(new GetObjectCommand({ Bucket: 'b', Key: '1' }))).ContentType,
      (await s3.send(new GetObjectCommand({ Bucket: 'b', Key: '2' }))).ContentType,
    ]);
    expect(types).toEqual(['from-class', 'from-strings']);
    verifier.aws.assertAwsCall(GetObjectCommand, { params: { Bucket: 'b', Key: '1' } });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: '2' } });
    verifier.verifyAll();
  });

  test('aggregated clients (new S3().getObject) are intercepted under the same names', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'aggregated' } });
    const output = await verifier.run(() => new S3({}).getObject({ Bucket: 'b', Key: 'k' }));
    expect(output.ContentType).toBe('aggregated');
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  });

  test('document client calls are dynamodb-document calls with native input, recorded once', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Put');
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await verifier.run(() =>
      documents.send(new PutCommand({ TableName: 't', Item: { id: 'a', tags: new Set(['x']) } })),
    );
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Put',
      params: { TableName: 't', Item: { id: 'a', tags: new Set(['x']) } },
    });
    verifier.verifyAll();
  });

  test('a DynamoDB mock does not serve a document call, and the message names the document service', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb', 'PutItem', { required: false });
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const error = await verifier.run(() =>
      documents.send(new PutCommand({ TableName: 't', Item: { id: 'a' } })).catch((e: unknown) => e),
    );
    expect((error as Error).message).toContain(
      "verifier.aws.mockCall('dynamodb-document', 'Put', { returns: { /* PutCommandOutput */ } });",
    );
  });

  test('the document command class registers on the document service', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall(PutCommand, { returns: { Attributes: { id: 'old' } } });
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const output = await verifier.run(() =>
      documents.send(new PutCommand({ TableName: 't', Item: { id: 'a' } })),
    );
    expect(output.Attributes).toEqual({ id: 'old' });
    verifier.aws.assertAwsCall(PutCommand, { params: { TableName: 't', Item: { id: 'a' } } });
  });

  test('operations are named from the command schema, else from the command builder context, never the class name', () => {
    expect(nameCommand(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))).toEqual({
      operation: 'GetObject',
      serviceKey: 's3',
      document: false,
    });
    // A bundler may rename classes; the names come from the SDK's own data.
    class Renamed2 extends GetCallerIdentityCommand {}
    const renamed = new Renamed2({});
    Object.defineProperty(renamed, 'schema', { value: undefined });
    expect(nameCommand(renamed)).toEqual({
      operation: 'GetCallerIdentity',
      serviceKey: 'sts',
      document: false,
    });
    expect(nameCommand(new PutItemCommand({ TableName: 't', Item: {} })).operation).toBe('PutItem');
  });

  test('STS calls are named sts.GetCallerIdentity', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sts', 'GetCallerIdentity', { returns: { Account: '123' } });
    const output = await verifier.run(() => new STSClient({}).send(new GetCallerIdentityCommand({})));
    expect(output.Account).toBe('123');
    verifier.aws.assertAwsCall({ service: 'sts', operation: 'GetCallerIdentity', params: {} });
  });

  test('an operation the loaded client package does not have is refused with a suggestion', () => {
    const verifier = new StrictVerifier();
    expect(() => verifier.aws.mockCall('s3', 'GetObjekt')).toThrow(TripwireConfigError);
    expect(() => verifier.aws.mockCall('s3', 'GetObjekt')).toThrow(
      "s3 has no operation 'GetObjekt'. Did you mean 'GetObject'?",
    );
    expect(() => verifier.aws.mockCall('dynamodb-document', 'PutItem')).toThrow("Did you mean 'Put'?");
    verifier.verifyAll();
  });
});

describe('names from bad input', () => {
  test('a huge operation name is refused at once, echoed cut short', () => {
    const verifier = new StrictVerifier();
    const message = configMessage(() => verifier.aws.mockCall('s3', 'x'.repeat(1_000_000)));
    expect(message).toBe(
      `mockCall(): '${'x'.repeat(80)}… (1000000 characters)' is too long to be an operation name. ` +
        "Give the name as the SDK spells it: verifier.aws.mockCall('s3', 'GetObject', { ... }).",
    );
    expect(configMessage(() => verifier.aws.mockCall('s'.repeat(129), 'GetObject'))).toContain(
      "… (129 characters)' is too long to be a service name",
    );
  });

  test('an unknown operation under the limit is refused with its name cut short in the message', () => {
    const verifier = new StrictVerifier();
    const name = 'Get'.repeat(40);
    expect(configMessage(() => verifier.aws.mockCall('s3', name))).toContain(
      `s3 has no operation '${name.slice(0, 80)}… (120 characters)'. Operations are command class names`,
    );
  });

  test('a class that is not an SDK command is named without being constructed', () => {
    let constructed = 0;
    class Widget {
      constructor() {
        constructed++;
      }
      resolveMiddleware() {}
    }
    const verifier = new StrictVerifier();
    expect(configMessage(() => verifier.aws.mockCall(Widget as never))).toBe(
      "mockCall() was given the class Widget, which is not an AWS SDK v3 command class. Pass the class itself (GetObjectCommand, not new GetObjectCommand(...)), or the strings: mockCall('s3', 'GetObject', { ... }).",
    );
    expect(
      configMessage(() => verifier.aws.assertAwsCall(Widget as never, { params: {} } as never)),
    ).toContain('assertAwsCall() was given the class Widget');
    expect(constructed).toBe(0);
  });

  test('a plain object posing as a command is not taken for one (no ObjectCommand hint)', () => {
    const verifier = new StrictVerifier();
    const posing = { input: {}, middlewareStack: {}, resolveMiddleware: () => undefined };
    const message = configMessage(() => verifier.aws.mockCall(posing as never, 'GetObject' as never));
    expect(message).toContain('mockCall() takes the service and the operation as strings, not an object');
    expect(message).not.toContain('ObjectCommand');
  });

  test('the service-name cache stays bounded however many names are used', () => {
    const verifier = new StrictVerifier();
    verifier.configure({ validate: false });
    for (let index = 0; index < 1_000; index++)
      verifier.aws.mockCall(`made-up-${index}`, 'Op', { required: false });
    // Full, and no fuller: the names are kept up to the bound.
    expect(cachedServiceNameCount()).toBe(256);
  });

  test('noting a call keeps no plugin alive: the per-class info holds no reference to the plugin', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    const client = new S3Client({});
    const command = new GetObjectCommand({ Bucket: 'b', Key: 'k' });
    await verifier.run(() => client.send(command));
    const info = callInfo(client, command, undefined);
    const reachesPlugin = Object.values(info).some((value) => value === verifier.aws);
    expect(reachesPlugin).toBe(false);
    expect(Object.keys(info)).not.toContain('notedBy');
  });
});
