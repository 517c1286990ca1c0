// Runs on both SDK lines (library and sdk-3.600): only clients the 3.600 workspace has too.
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier, TripwireConfigError } from 'ts-tripwire';
import { otherServiceNameError } from '../../../../src/plugins/aws/messages/naming-errors';
import { loadedClientPackages } from '../../../../src/plugins/aws/sdk/client-packages';
import { endpointPrefixOf, serviceIdentity } from '../../../../src/plugins/aws/sdk/service-identity';
import { configMessage } from '../../../support/config-error';

// The packages are loaded by these imports, as the code under test loads them in a real project.
void [CloudWatchLogsClient, DynamoDBClient, LambdaClient, S3Client, STSClient, DynamoDBDocumentClient];

describe("another name of a loaded service is refused at registration with its own name (issue 12's states → sfn)", () => {
  test('the endpoint prefix, signing name and model name (logs → cloudwatch-logs), in mockCall', () => {
    const verifier = new StrictVerifier();
    expect(configMessage(() => verifier.aws.mockCall('logs', 'DescribeLogGroups'))).toBe(
      "mockCall('logs', 'DescribeLogGroups', ...): 'logs' is the endpoint prefix, the signing name and the model's " +
        "service name (Logs_20140328) of @aws-sdk/client-cloudwatch-logs, whose calls are named 'cloudwatch-logs' " +
        "(from its serviceId, 'CloudWatch Logs'). Did you mean 'cloudwatch-logs'?\n" +
        "  verifier.aws.mockCall('cloudwatch-logs', 'DescribeLogGroups', { returns: { /* DescribeLogGroupsCommandOutput */ } });",
    );
  });

  test('the same name in assertAwsCall, with the paste-ready assertion', () => {
    const verifier = new StrictVerifier();
    expect(
      configMessage(() =>
        verifier.aws.assertAwsCall({ service: 'logs', operation: 'DescribeLogGroups', params: {} }),
      ),
    ).toBe(
      "assertAwsCall({ service: 'logs', operation: 'DescribeLogGroups' }): 'logs' is the endpoint prefix, the signing " +
        "name and the model's service name (Logs_20140328) of @aws-sdk/client-cloudwatch-logs, whose calls are named " +
        "'cloudwatch-logs' (from its serviceId, 'CloudWatch Logs'). Did you mean 'cloudwatch-logs'?\n" +
        "  verifier.aws.assertAwsCall({ service: 'cloudwatch-logs', operation: 'DescribeLogGroups', params: { /* the exact params */ } });",
    );
  });

  test("the model's service name, without its API version (Security Token Service → sts)", () => {
    const verifier = new StrictVerifier();
    expect(configMessage(() => verifier.aws.mockCall('Security Token Service', 'GetCallerIdentity'))).toBe(
      "mockCall('Security Token Service', 'GetCallerIdentity', ...): 'Security Token Service' is the model's service " +
        "name (AWSSecurityTokenServiceV20110615) of @aws-sdk/client-sts, whose calls are named 'sts' (from its " +
        "serviceId, 'STS'). Did you mean 'sts'?\n" +
        "  verifier.aws.mockCall('sts', 'GetCallerIdentity', { returns: { /* GetCallerIdentityCommandOutput */ } });",
    );
  });

  test('the branded name (AWS Lambda → lambda)', () => {
    const verifier = new StrictVerifier();
    expect(configMessage(() => verifier.aws.mockCall('AWS Lambda', 'Invoke'))).toBe(
      "mockCall('AWS Lambda', 'Invoke', ...): 'AWS Lambda' is the branded name of @aws-sdk/client-lambda, whose calls " +
        "are named 'lambda' (from its serviceId, 'Lambda'). Did you mean 'lambda'?\n" +
        "  verifier.aws.mockCall('lambda', 'Invoke', { returns: { /* InvokeCommandOutput */ } });",
    );
    expect(configMessage(() => verifier.aws.mockCall('Amazon S3', 'GetObject'))).toContain(
      "'Amazon S3' is the model's service name (AmazonS3) and the branded name of @aws-sdk/client-s3",
    );
  });

  test('the package name, with the operation as the service names it (GetObjectCommand → GetObject)', () => {
    const verifier = new StrictVerifier();
    expect(configMessage(() => verifier.aws.mockCall('@aws-sdk/client-s3', 'GetObjectCommand'))).toBe(
      "mockCall('@aws-sdk/client-s3', 'GetObjectCommand', ...): '@aws-sdk/client-s3' is the package name of " +
        "@aws-sdk/client-s3, whose calls are named 's3' (from its serviceId, 'S3'). Did you mean 's3'?\n" +
        "  verifier.aws.mockCall('s3', 'GetObject', { returns: { /* GetObjectCommandOutput */ } });",
    );
    expect(configMessage(() => verifier.aws.mockCall('client-s3', 'GetObject'))).toContain(
      "'client-s3' is the package name of @aws-sdk/client-s3, whose calls are named 's3'",
    );
  });

  test("the document client's package, with its name of the operation (lib-dynamodb PutItem → dynamodb-document Put)", () => {
    const verifier = new StrictVerifier();
    expect(configMessage(() => verifier.aws.mockCall('lib-dynamodb', 'PutItem'))).toBe(
      "mockCall('lib-dynamodb', 'PutItem', ...): 'lib-dynamodb' is the package name of @aws-sdk/lib-dynamodb, whose " +
        "calls are named 'dynamodb-document'. Did you mean 'dynamodb-document'?\n" +
        "  verifier.aws.mockCall('dynamodb-document', 'Put', { returns: { /* PutCommandOutput */ } });",
    );
  });
});

describe('a refused name leaves nothing behind', () => {
  test('nothing is registered; the verifier goes on and the line in the message works', async () => {
    const verifier = new StrictVerifier();
    expect(() => verifier.aws.mockCall('logs', 'DescribeLogGroups', { returns: { logGroups: [] } })).toThrow(
      TripwireConfigError,
    );
    expect(() => verifier.verifyAll()).not.toThrow();
    verifier.aws.mockCall('cloudwatch-logs', 'DescribeLogGroups', { returns: { logGroups: [] } });
    const output = await verifier.run(() =>
      new CloudWatchLogsClient({}).send(new DescribeLogGroupsCommand({ limit: 1 })),
    );
    expect(output.logGroups).toEqual([]);
    expect(() =>
      verifier.aws.assertAwsCall({ service: 'logs', operation: 'DescribeLogGroups', params: { limit: 1 } }),
    ).toThrow("Did you mean 'cloudwatch-logs'?");
    // The refused assertion asserted nothing: the call is still there for the right one.
    verifier.aws.assertAwsCall({
      service: 'cloudwatch-logs',
      operation: 'DescribeLogGroups',
      params: { limit: 1 },
    });
    verifier.verifyAll();
  });

  test('a document call still serves and asserts under its own name after a refused package name', async () => {
    const verifier = new StrictVerifier();
    expect(() => verifier.aws.mockCall('@aws-sdk/lib-dynamodb', 'Put')).toThrow(TripwireConfigError);
    verifier.aws.mockCall('dynamodb-document', 'Put');
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await verifier.run(() => documents.send(new PutCommand({ TableName: 't', Item: { id: 'a' } })));
    verifier.aws.assertAwsCall(PutCommand, { params: { TableName: 't', Item: { id: 'a' } } });
    verifier.verifyAll();
  });
});

describe('names that are not another name of a loaded service register as before', () => {
  test('a name no loaded package knows, and another name with an operation its service lacks', () => {
    const verifier = new StrictVerifier();
    verifier.configure({ validate: false });
    verifier.aws.mockCall('made-up', 'DescribeLogGroups', { required: false });
    // Another name counts only with an operation of its service: sso-admin's endpoint prefix is `sso`, which is
    // also SSO's own name, and a package loaded later may be that other service.
    verifier.aws.mockCall('logs', 'PublishSomething', { required: false });
    verifier.verifyAll();
  });

  test("the spellings the service rule accepts are the service's own (case, spaces, hyphens, Client)", async () => {
    const verifier = new StrictVerifier();
    const spellings = ['CloudWatchLogsClient', 'CloudWatchLogs', 'CloudWatch Logs', 'cloudwatch-logs'];
    for (const service of spellings) verifier.aws.mockCall(service, 'DescribeLogGroups', { returns: {} });
    const client = new CloudWatchLogsClient({});
    await verifier.run(async () => {
      for (let limit = 0; limit < spellings.length; limit++) {
        await client.send(new DescribeLogGroupsCommand({ limit }));
      }
    });
    spellings.forEach((service, limit) => {
      verifier.aws.assertAwsCall({ service, operation: 'DescribeLogGroups', params: { limit } });
    });
    verifier.verifyAll();
  });
});

describe("a package's other names come from the SDK itself", () => {
  test('the facts are read once per package copy: the same identity object every time', () => {
    const logs = loadedClientPackages().find((found) => found.packageName === 'client-cloudwatch-logs')!;
    const identity = serviceIdentity(logs);
    expect(serviceIdentity(logs)).toBe(identity);
    expect(identity).toMatchObject({
      serviceKey: 'cloudwatchlogs',
      service: 'cloudwatch-logs',
      serviceId: 'CloudWatch Logs',
      packageName: '@aws-sdk/client-cloudwatch-logs',
      modelName: 'Logs_20140328',
    });
    expect(Object.fromEntries(identity!.aliases)).toEqual({
      logs: ['endpoint prefix', 'signing name', 'model name'],
      logs20140328: ['model name'],
      clientcloudwatchlogs: ['package name'],
      '@awssdk/clientcloudwatchlogs': ['package name'],
      awscloudwatchlogs: ['branded name'],
      amazoncloudwatchlogs: ['branded name'],
    });
  });

  test("the endpoint prefix is the host's part before the region, or before amazonaws.com for global services", () => {
    const provider = (hostname: string) => () => ({ url: new URL(`https://${hostname}/`) });
    expect(endpointPrefixOf(provider('states.us-east-1.amazonaws.com'))).toBe('states');
    expect(endpointPrefixOf(provider('portal.sso.us-east-1.amazonaws.com'))).toBe('portal.sso');
    expect(endpointPrefixOf(provider('iam.amazonaws.com'))).toBe('iam');
    expect(endpointPrefixOf(provider('example.com'))).toBeUndefined();
    expect(endpointPrefixOf(() => ({}))).toBeUndefined();
    expect(endpointPrefixOf('not a provider')).toBeUndefined();
    // The real one, called with us-east-1 and nothing else: a pure function of the package's rule set.
    const logs = new CloudWatchLogsClient({});
    expect(endpointPrefixOf(logs.config.endpointProvider)).toBe('logs');
  });

  test('a package whose client cannot be built keeps its package names and is named after its folder', () => {
    class BrokenClient {
      constructor() {
        throw new Error('automocked');
      }
      send() {}
    }
    const identity = serviceIdentity({
      serviceKey: 'broken',
      exports: { BrokenClient },
      file: '/nowhere/@aws-sdk/client-broken/dist-cjs/index.js',
      packageName: 'client-broken',
    });
    expect(identity).toMatchObject({ serviceKey: 'broken', service: 'broken', serviceId: undefined });
    expect([...identity!.aliases.keys()]).toEqual([
      'clientbroken',
      '@awssdk/clientbroken',
      'awsbroken',
      'amazonbroken',
    ]);
  });

  test('a name two loaded services share lists both, each with its fix', () => {
    const both = ['eventbridge', 'cloudwatch-events'].map((service) => ({
      service,
      serviceId: service === 'eventbridge' ? 'EventBridge' : 'CloudWatch Events',
      packageName: `@aws-sdk/client-${service}`,
      kinds: ['signing name'] as const,
      modelName: undefined,
      operation: 'PutEvents',
    }));
    expect(otherServiceNameError('mockCall', 'tripwire', 'events', 'PutEvents', both).message).toBe(
      "mockCall('events', 'PutEvents', ...): 'events' is the signing name of @aws-sdk/client-eventbridge, whose calls " +
        "are named 'eventbridge' (from its serviceId, 'EventBridge'); and the signing name of " +
        "@aws-sdk/client-cloudwatch-events, whose calls are named 'cloudwatch-events' (from its serviceId, " +
        "'CloudWatch Events'). Did you mean 'eventbridge' or 'cloudwatch-events'?\n" +
        "  tripwire.aws.mockCall('eventbridge', 'PutEvents', { returns: { /* PutEventsCommandOutput */ } });\n" +
        "  tripwire.aws.mockCall('cloudwatch-events', 'PutEvents', { returns: { /* PutEventsCommandOutput */ } });",
    );
  });
});
