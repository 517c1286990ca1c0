// Other names of a service (issue 12): the clients of the latest line only, so this file is not in sdk-3.600's
// match (tests/plugins/aws/sdk/naming-aliases.test.ts covers both lines with the clients both have).
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFN, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { checkCase, reportCounts } from './support';

reportCounts('service-names');

// Loaded as the code under test would load them.
void [CloudWatchLogsClient, DynamoDBClient, EventBridgeClient, LambdaClient, S3Client, SecretsManagerClient];
void [SNSClient, SQSClient, SSMClient, STSClient];

/** Registers (or asserts) on a fresh verifier; a refused name must leave nothing to verify. */
function use(method: 'mockCall' | 'assertAwsCall', service: string, operation: string): void {
  const verifier = new StrictVerifier();
  try {
    if (method === 'mockCall') verifier.aws.mockCall(service, operation, { required: false });
    else verifier.aws.assertAwsCall({ service, operation, params: {} });
  } catch (error) {
    expect(() => verifier.verifyAll()).not.toThrow();
    throw error;
  }
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The refusal: the name as typed, what it is, the service's own name and the paste-ready line. */
function refusal(typed: string, operation: string, service: string, kinds: string): RegExp {
  return new RegExp(
    `^mockCall\\('${literal(typed)}', '${operation}', \\.\\.\\.\\): '${literal(typed)}' is ${kinds} of ` +
      `@aws-sdk/client-[a-z0-9-]+, whose calls are named '${service}' \\(from its serviceId, '[A-Za-z0-9 ]+'\\)\\. ` +
      `Did you mean '${service}'\\?\\n  verifier\\.aws\\.mockCall\\('${service}', '${operation}', \\{ returns: `,
  );
}

// [typed, operation, the service's own name, what the typed name is], for every client installed here.
const OTHER_NAMES: Array<[string, string, string, string]> = [
  ['states', 'StartExecution', 'sfn', 'the endpoint prefix and the signing name'],
  ['Step Functions', 'StartExecution', 'sfn', "the model's service name \\(AWSStepFunctions\\)"],
  ['AWS Step Functions', 'StartExecution', 'sfn', "the model's service name \\(AWSStepFunctions\\)"],
  ['@aws-sdk/client-sfn', 'StartExecution', 'sfn', 'the package name'],
  ['client-sfn', 'StartExecution', 'sfn', 'the package name'],
  [
    'events',
    'PutEvents',
    'eventbridge',
    "the endpoint prefix, the signing name and the model's service name \\(AWSEvents\\)",
  ],
  ['Amazon EventBridge', 'PutEvents', 'eventbridge', 'the branded name'],
  [
    'logs',
    'PutLogEvents',
    'cloudwatch-logs',
    "the endpoint prefix, the signing name and the model's service name \\(Logs_20140328\\)",
  ],
  ['Logs_20140328', 'PutLogEvents', 'cloudwatch-logs', "the model's service name \\(Logs_20140328\\)"],
  [
    'Simple Notification Service',
    'Publish',
    'sns',
    "the model's service name \\(AmazonSimpleNotificationService\\)",
  ],
  ['Amazon SNS', 'Publish', 'sns', 'the branded name'],
  ['AmazonSQS', 'SendMessage', 'sqs', "the model's service name \\(AmazonSQS\\) and the branded name"],
  ['AmazonSSM', 'GetParameter', 'ssm', "the model's service name \\(AmazonSSM\\) and the branded name"],
  ['AWS Secrets Manager', 'GetSecretValue', 'secrets-manager', 'the branded name'],
  ['client-secrets-manager', 'GetSecretValue', 'secrets-manager', 'the package name'],
  ['DynamoDB_20120810', 'PutItem', 'dynamodb', "the model's service name \\(DynamoDB_20120810\\)"],
  ['Amazon DynamoDB', 'PutItem', 'dynamodb', 'the branded name'],
  ['AWS Lambda', 'Invoke', 'lambda', 'the branded name'],
  [
    'Security Token Service',
    'AssumeRole',
    'sts',
    "the model's service name \\(AWSSecurityTokenServiceV20110615\\)",
  ],
  ['Amazon S3', 'PutObject', 's3', "the model's service name \\(AmazonS3\\) and the branded name"],
];

describe('mockCall: another name of an installed service', () => {
  test.each(OTHER_NAMES)("mockCall('%s', '%s') → '%s'", (typed, operation, service, kinds) =>
    checkCase(() => use('mockCall', typed, operation), refusal(typed, operation, service, kinds)),
  );

  test("issue 12's case, as it prints", () =>
    checkCase(
      () => use('mockCall', 'states', 'StartExecution'),
      new RegExp(
        `^${literal(
          "mockCall('states', 'StartExecution', ...): 'states' is the endpoint prefix and the signing name of " +
            "@aws-sdk/client-sfn, whose calls are named 'sfn' (from its serviceId, 'SFN'). Did you mean 'sfn'?\n" +
            "  verifier.aws.mockCall('sfn', 'StartExecution', { returns: { /* StartExecutionCommandOutput */ } });",
        )}$`,
      ),
    ));

  test("assertAwsCall({ service: 'states' }) gets the same answer, with the assertion to paste", () =>
    checkCase(
      () => use('assertAwsCall', 'states', 'StartExecution'),
      new RegExp(
        `^${literal(
          "assertAwsCall({ service: 'states', operation: 'StartExecution' }): 'states' is the endpoint prefix and " +
            "the signing name of @aws-sdk/client-sfn, whose calls are named 'sfn' (from its serviceId, 'SFN'). " +
            "Did you mean 'sfn'?\n" +
            "  verifier.aws.assertAwsCall({ service: 'sfn', operation: 'StartExecution', params: { /* the exact params */ } });",
        )}$`,
      ),
    ));
});

describe("mockCall: the service's own spellings, and names the SDK does not know", () => {
  test.each(['sfn', 'SFN', 'SFNClient', ' sfn '])('%p serves a real Step Functions call', (service) =>
    checkCase(async () => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall(service, 'StartExecution', { returns: { executionArn: 'arn:x' } });
      const output = await verifier.run(() =>
        new SFN({}).send(new StartExecutionCommand({ stateMachineArn: 'arn:m' })),
      );
      expect(output.executionArn).toBe('arn:x');
      verifier.aws.assertAwsCall(StartExecutionCommand, { params: { stateMachineArn: 'arn:m' } });
      verifier.verifyAll();
      void SFNClient;
    }, 'ok'),
  );

  // Nicknames are in no SDK data, and ts-tripwire keeps no table of them: these register as before.
  test.each([
    ['dynamo', 'PutItem'],
    ['ddb', 'PutItem'],
    ['made-up', 'StartExecution'],
  ])("mockCall('%s', '%s') registers as before", (service, operation) =>
    checkCase(() => use('mockCall', service, operation), 'ok'),
  );
});
