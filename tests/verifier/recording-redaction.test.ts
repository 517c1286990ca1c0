/**
 * Secrets never reach recorded code. Secrets Manager, STS, SSM and Lambda are served by a canned loopback server
 * (no local emulator runs them); the recording goes through the real clients. It lives here rather than in
 * tests/plugins/aws/recording, whose tests also run on the older SDK line, which has no Secrets Manager or SSM.
 */
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type RecordOptions, StrictVerifier } from 'ts-tripwire';
import {
  type CannedRequest,
  type CannedResponse,
  CannedServer,
} from '../plugins/aws/recording/support/canned-server';

const SECRETS = [
  'hunter2',
  'db-admin',
  'real-secret-access-key',
  'real-session-token',
  'ASIAREALKEY',
  'SecureValue-123',
  'env-secret',
];

const ASSUME_ROLE_XML = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>ASIAREALKEY</AccessKeyId>
      <SecretAccessKey>real-secret-access-key</SecretAccessKey>
      <SessionToken>real-session-token</SessionToken>
      <Expiration>2030-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROAEXAMPLE:recording</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/reader/recording</Arn>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;

const JSON_ANSWERS: Readonly<Record<string, unknown>> = {
  'secretsmanager.GetSecretValue': {
    ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
    Name: 'db',
    SecretString: JSON.stringify({ username: 'db-admin', password: 'hunter2' }),
    VersionId: 'a1b2c3',
  },
  'AmazonSSM.GetParameter': {
    Parameter: { Name: '/app/key', Type: 'SecureString', Value: 'SecureValue-123', Version: 3 },
  },
  'AmazonSSM.PutParameter': { Version: 1, Tier: 'Standard' },
};

function answer(request: CannedRequest): CannedResponse | undefined {
  const json = request.target === undefined ? undefined : JSON_ANSWERS[request.target];
  if (json !== undefined) return { contentType: 'application/x-amz-json-1.1', body: JSON.stringify(json) };
  if (request.body.includes('Action=AssumeRole')) return { contentType: 'text/xml', body: ASSUME_ROLE_XML };
  if (request.url.startsWith('/2015-03-31/functions/worker/configuration')) {
    const configuration = {
      FunctionName: 'worker',
      Environment: { Variables: { DB_PASSWORD: 'env-secret' } },
    };
    return { contentType: 'application/json', body: JSON.stringify(configuration) };
  }
  return undefined;
}

const server = new CannedServer(answer);
let endpoint: string;

beforeAll(async () => {
  endpoint = await server.start();
});

afterAll(() => server.stop());

/** Reads a secret, assumes a role, reads a SecureString and a function's configuration, and passes the password on. */
async function useSecrets(): Promise<string> {
  const config = {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' },
  };
  const secret = await new SecretsManagerClient(config).send(new GetSecretValueCommand({ SecretId: 'db' }));
  const { password } = JSON.parse(secret.SecretString ?? '{}') as { password: string };
  await new STSClient(config).send(
    new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'recording' }),
  );
  const ssm = new SSMClient(config);
  await ssm.send(new GetParameterCommand({ Name: '/app/key', WithDecryption: true }));
  await ssm.send(
    new PutParameterCommand({ Name: '/app/copy', Type: 'String', Value: password, Overwrite: true }),
  );
  await new LambdaClient(config).send(new GetFunctionConfigurationCommand({ FunctionName: 'worker' }));
  return password;
}

function recordSecrets(options: RecordOptions = {}) {
  const verifier = new StrictVerifier();
  return verifier.record(useSecrets, { print: false, allowInCI: true, ...options });
}

describe('recording calls that return secrets', () => {
  test('shows none of them in the code, and says what was redacted', async () => {
    const { value, text, code } = await recordSecrets();

    expect(value).toBe('hunter2'); // the code under test got the real secret
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain(`SecretString: '{"username":"<redacted>","password":"<redacted>"}'`);
    expect(text).toContain("SessionToken: '<redacted>'");
    expect(text).toContain("Value: '<redacted>'");
    expect(text).toContain("Variables: { DB_PASSWORD: '<redacted>' }");
    // The password passed on is the placeholder the mocked secret gives back in the recorded test.
    expect(text).toContain(
      "params: { Name: '/app/copy', Type: 'String', Value: '<redacted>', Overwrite: true }",
    );
    expect(code.notes).toEqual(
      expect.arrayContaining([
        'secrets-manager.GetSecretValue: SecretString redacted in the mocked output',
        'sts.AssumeRole: SessionToken redacted in the mocked output',
        'ssm.GetParameter: SecureString values redacted in the mocked output',
        'lambda.GetFunctionConfiguration: environment variables redacted in the mocked output',
      ]),
    );
    expect(text).toMatch(/^\/\/ Note: secrets-manager\.GetSecretValue: SecretString redacted/m);
  });

  test('shows them with redact: false, so the test above proves the redaction', async () => {
    const { text } = await recordSecrets({ redact: false });

    for (const secret of SECRETS) expect(text).toContain(secret);
  });
});
