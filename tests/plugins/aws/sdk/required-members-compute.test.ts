import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  GetParameterCommand,
  GetParametersByPathCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { describe, test } from '@jest/globals';
import { expectRefused, expectServed, without } from './required-members-support';

const lambda = new LambdaClient({});
const secrets = new SecretsManagerClient({});
const ssm = new SSMClient({});

const invoke = {
  service: 'lambda',
  operation: 'Invoke',
  params: { FunctionName: 'resize-image', InvocationType: 'RequestResponse', Payload: '{"key":"a.png"}' },
};

describe('Lambda: members the service model requires', () => {
  test('a real-looking Invoke is served, and one without FunctionName is refused', async () => {
    await expectServed(lambda, InvokeCommand, {
      ...invoke,
      returns: { StatusCode: 200, Payload: '{"ok":true}' },
    });
    await expectRefused(lambda, InvokeCommand, without(invoke, 'params', 'FunctionName'), [
      "FunctionName is missing, and the operation requires it: add FunctionName: '...' to the params.",
    ]);
  });
});

const getSecretValue = {
  service: 'secrets-manager',
  operation: 'GetSecretValue',
  params: { SecretId: 'prod/db/password', VersionStage: 'AWSCURRENT' },
};
// ClientRequestToken is an idempotency token the SDK fills in: not sending it is how real code calls.
const createSecret = {
  service: 'secrets-manager',
  operation: 'CreateSecret',
  params: { Name: 'prod/db/password', SecretString: 's3cr3t', Tags: [{ Key: 'team', Value: 'payments' }] },
};
const putSecretValue = {
  service: 'secrets-manager',
  operation: 'PutSecretValue',
  params: { SecretId: 'prod/db/password', SecretString: 'n3w' },
};

describe('Secrets Manager: members the service model requires', () => {
  test('real-looking GetSecretValue, CreateSecret (no ClientRequestToken) and PutSecretValue calls are served', async () => {
    await expectServed(secrets, GetSecretValueCommand, {
      ...getSecretValue,
      returns: { SecretString: 's3cr3t' },
    });
    await expectServed(secrets, CreateSecretCommand, createSecret);
    await expectServed(secrets, PutSecretValueCommand, putSecretValue);
  });

  test('GetSecretValue and PutSecretValue without SecretId, CreateSecret without Name are refused', async () => {
    await expectRefused(secrets, GetSecretValueCommand, without(getSecretValue, 'params', 'SecretId'), [
      "SecretId is missing, and the operation requires it: add SecretId: '...' to the params.",
    ]);
    await expectRefused(secrets, PutSecretValueCommand, without(putSecretValue, 'params', 'SecretId'), [
      "SecretId is missing, and the operation requires it: add SecretId: '...' to the params.",
    ]);
    await expectRefused(secrets, CreateSecretCommand, without(createSecret, 'params', 'Name'), [
      "Name is missing, and the operation requires it: add Name: '...' to the params.",
    ]);
  });
});

const getParameter = {
  service: 'ssm',
  operation: 'GetParameter',
  params: { Name: '/app/prod/db-url', WithDecryption: true },
};
const putParameter = {
  service: 'ssm',
  operation: 'PutParameter',
  params: {
    Name: '/app/prod/feature-flag',
    Value: 'on',
    Type: 'String',
    Tags: [{ Key: 'team', Value: 'payments' }],
  },
};
const getParametersByPath = {
  service: 'ssm',
  operation: 'GetParametersByPath',
  params: {
    Path: '/app/prod/',
    Recursive: true,
    ParameterFilters: [{ Key: 'Type', Values: ['SecureString'] }],
  },
};

describe('SSM: members the service model requires', () => {
  test('real-looking GetParameter, PutParameter and GetParametersByPath calls are served', async () => {
    await expectServed(ssm, GetParameterCommand, {
      ...getParameter,
      returns: { Parameter: { Name: '/app/prod/db-url', Value: 'postgres://db' } },
    });
    await expectServed(ssm, PutParameterCommand, { ...putParameter, returns: { Version: 1 } });
    await expectServed(ssm, GetParametersByPathCommand, {
      ...getParametersByPath,
      returns: { Parameters: [] },
    });
  });

  test('GetParameter without Name, PutParameter without Name, Value or a tag’s Value are refused', async () => {
    await expectRefused(ssm, GetParameterCommand, without(getParameter, 'params', 'Name'), [
      "Name is missing, and the operation requires it: add Name: '...' to the params.",
    ]);
    await expectRefused(ssm, PutParameterCommand, without(putParameter, 'params', 'Name'), [
      "Name is missing, and the operation requires it: add Name: '...' to the params.",
    ]);
    await expectRefused(ssm, PutParameterCommand, without(putParameter, 'params', 'Value'), [
      "Value is missing, and the operation requires it: add Value: '...' to the params.",
    ]);
    await expectRefused(ssm, PutParameterCommand, without(putParameter, 'params', 'Tags', 0, 'Value'), [
      "Tags[0].Value is missing, and Tag requires it: add Value: '...' to Tags[0].",
    ]);
  });

  test('GetParametersByPath without Path, or with a filter without Key, is refused', async () => {
    await expectRefused(ssm, GetParametersByPathCommand, without(getParametersByPath, 'params', 'Path'), [
      "Path is missing, and the operation requires it: add Path: '...' to the params.",
    ]);
    await expectRefused(
      ssm,
      GetParametersByPathCommand,
      without(getParametersByPath, 'params', 'ParameterFilters', 0, 'Key'),
      [
        "ParameterFilters[0].Key is missing, and ParameterStringFilter requires it: add Key: '...' to ParameterFilters[0].",
      ],
    );
  });
});
