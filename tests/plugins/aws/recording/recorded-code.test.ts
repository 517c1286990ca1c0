/**
 * Captured calls written as code, without a network: placeholders that stay consistent between a mocked
 * output and a later call's params, timestamps in order, errors as `raises`, payloads in full, large params
 * as wildcards, overlapping calls in one `inAnyOrder`.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import type { CapturedError } from '../../../../src/plugins/aws/recording/captured-call';
import { type CodeEntry, writeRecordedCode } from '../../../../src/plugins/aws/recording/recorded-code';

function entry(operation: string, params: unknown, output?: Record<string, unknown>, group = 0): CodeEntry {
  return {
    name: { key: `test:${operation}`, serviceKey: 'test', service: 'test', operation },
    params,
    clientClass: undefined,
    outcome: output === undefined ? undefined : { kind: 'output', output },
    assert: true,
    raised: undefined,
    group,
  };
}

function failed(error: Partial<CapturedError> & { code: string }): CodeEntry {
  const captured: CapturedError = {
    message: error.code,
    fault: 'client',
    status: 400,
    differs: {},
    fields: {},
    notFromService: false,
    ...error,
  };
  return { ...entry('Get', { Id: 'a' }), outcome: { kind: 'error', error: captured }, raised: error.code };
}

const write = (entries: CodeEntry[]) => writeRecordedCode(entries, {}, 't', []);

/** A call of a real client, for the typed form: the package that exports its class is loaded. */
function clientEntry(
  client: typeof S3Client | typeof SQSClient,
  operation: string,
  group: number,
): CodeEntry {
  const service = client === S3Client ? 's3' : 'sqs';
  return {
    ...entry(operation, {}, {}, group),
    name: { key: `${service}:${operation}`, serviceKey: service, service, operation },
    clientClass: client,
  };
}

describe('recorded outputs and the params that follow them', () => {
  test('a page token gets one placeholder, in the mocked page and in the next request', () => {
    const code = write([
      entry('List', { Limit: 2 }, { Items: [1, 2], NextToken: 'eyJvZmZzZXQiOjJ9' }, 0),
      entry('List', { Limit: 2, NextToken: 'eyJvZmZzZXQiOjJ9' }, { Items: [3] }, 1),
    ]);

    expect(code.before[0]).toContain("NextToken: 'token-1'");
    expect(code.after[1]).toContain("params: { Limit: 2, NextToken: 'token-1' }");
    expect(code.before.join('\n')).not.toContain('eyJvZmZzZXQiOjJ9');
  });

  test('$metadata and request ids are dropped; ETags keep their quotes', () => {
    const code = write([
      entry(
        'Put',
        {},
        { $metadata: { requestId: 'r-1' }, RequestId: 'r-1', ETag: '"9a0364b9e9"', Version: 'abc' },
      ),
      entry('Copy', { IfMatch: '"9a0364b9e9"' }, { ETag: 'f00d' }, 1),
    ]);

    expect(code.before).toEqual([
      "t.aws.mockCall('test', 'Put', { returns: { ETag: '\"etag-1\"', Version: 'abc' } });",
      "t.aws.mockCall('test', 'Copy', { returns: { ETag: 'etag-2' } });",
    ]);
    expect(code.after[1]).toContain('params: { IfMatch: \'"etag-1"\' }');
  });

  test('creation and modification times keep their order; expiry times stay as recorded', () => {
    const expires = new Date('2031-05-06T07:08:09.000Z');
    const code = write([
      entry('Head', {}, { LastModified: new Date('2026-11-30T10:00:05Z'), Expiration: expires }),
      entry(
        'Head',
        {},
        { LastModified: new Date('2026-11-30T10:00:00Z'), CreationDate: new Date('2026-11-30T10:00:05Z') },
        1,
      ),
    ]);

    expect(code.before[0]).toContain("LastModified: new Date('2000-01-01T00:00:01.000Z')");
    expect(code.before[0]).toContain("Expiration: new Date('2031-05-06T07:08:09.000Z')");
    expect(code.before[1]).toContain("LastModified: new Date('2000-01-01T00:00:00.000Z')");
    expect(code.before[1]).toContain("CreationDate: new Date('2000-01-01T00:00:01.000Z')");
  });

  test('payloads are written whole: text as a string, other bytes as bytes', () => {
    const text = 'x'.repeat(2_000);
    const binary = Buffer.from(Array.from({ length: 100 }, (_, index) => index));
    const code = write([
      entry('Get', {}, { Body: Buffer.from(text), Other: binary, Small: new Uint8Array([0, 1]) }),
    ]);

    expect(code.before[0]).toContain(`Body: '${text}'`);
    expect(code.before[0]).toContain(`Other: Buffer.from('${binary.toString('base64')}', 'base64')`);
    expect(code.before[0]).toContain('Small: new Uint8Array([0, 1])');
  });

  test('a param too large to write is asserted as tripwire.ANY, with a note', () => {
    const code = write([entry('Upload', { Key: 'k', Body: new Uint8Array(20_000) })]);

    expect(code.after[0]).toContain("params: { Key: 'k', Body: tripwire.ANY }");
    expect(code.notes).toContain(
      'test.Upload: Body (20000 bytes) in the params asserted as tripwire.ANY, being too large to write',
    );
  });
});

describe('secrets in shapes no canned server covers', () => {
  test('KMS Plaintext becomes zeros of its length; Cognito tokens are redacted', () => {
    const code = write([
      entry(
        'GenerateDataKey',
        { KeyId: 'k' },
        { Plaintext: new Uint8Array([9, 8, 7]), CiphertextBlob: new Uint8Array([1]) },
      ),
      entry(
        'InitiateAuth',
        {},
        {
          AuthenticationResult: {
            AccessToken: 'a.b.c',
            IdToken: 'd.e.f',
            RefreshToken: 'g',
            ExpiresIn: 3600,
          },
        },
        1,
      ),
    ]);

    expect(code.before[0]).toContain(
      'Plaintext: new Uint8Array([0, 0, 0]), CiphertextBlob: new Uint8Array([1])',
    );
    expect(code.before[1]).toContain(
      "AccessToken: '<redacted>',\n      IdToken: '<redacted>',\n      RefreshToken: '<redacted>',",
    );
    expect(code.notes).toEqual(
      expect.arrayContaining([
        'test.GenerateDataKey: Plaintext redacted in the mocked output',
        'test.InitiateAuth: AccessToken redacted in the mocked output',
      ]),
    );
  });

  test('secrets the code sends are asserted as tripwire.ANY: secret values, plaintexts, SecureStrings, environments', () => {
    const code = write([
      entry('PutSecretValue', { SecretId: 'db', SecretString: 'hunter2' }),
      entry('Encrypt', { KeyId: 'k', Plaintext: Buffer.from('hunter2') }, undefined, 1),
      entry('PutParameter', { Name: '/p', Type: 'SecureString', Value: 'hunter2' }, undefined, 2),
      entry(
        'UpdateFunctionConfiguration',
        { Environment: { Variables: { PASSWORD: 'hunter2' } } },
        undefined,
        3,
      ),
    ]);

    expect(code.after.join('\n')).not.toContain('hunter2');
    expect(code.after[0]).toContain("params: { SecretId: 'db', SecretString: tripwire.ANY }");
    expect(code.after[1]).toContain("params: { KeyId: 'k', Plaintext: tripwire.ANY }");
    expect(code.after[2]).toContain("params: { Name: '/p', Type: 'SecureString', Value: tripwire.ANY }");
    expect(code.after[3]).toContain('Environment: { Variables: { PASSWORD: tripwire.ANY } }');
    expect(code.notes).toContain('test.PutSecretValue: SecretString in the params asserted as tripwire.ANY');
  });
});

describe('errors', () => {
  test('a modeled error is its code, with the message when it says more', () => {
    expect(write([failed({ code: 'NotFound' })]).before).toEqual([
      "t.aws.mockCall('test', 'Get', { raises: 'NotFound' });",
    ]);
    expect(write([failed({ code: 'NotFound', message: 'No such thing' })]).before).toEqual([
      "t.aws.mockCall('test', 'Get', { raises: { code: 'NotFound', message: 'No such thing' } });",
    ]);
  });

  test('$fault and the status are written where a mock of the code would differ, and its fields kept', () => {
    const code = write([
      failed({
        code: 'Throttled',
        differs: { $fault: 'server', httpStatusCode: 503 },
        fields: { RetryAfter: 2 },
      }),
    ]);

    expect(code.before[0]).toBe(
      "t.aws.mockCall('test', 'Get', {\n  raises: { code: 'Throttled', $fault: 'server', $metadata: { httpStatusCode: 503 }, RetryAfter: 2 },\n});",
    );
    expect(code.after[0]).toContain("raised: 'Throttled'");
  });

  test('a failure that is not a service error is rebuilt as one, and the note says so', () => {
    const code = write([failed({ code: 'TimeoutError', message: 'socket hang up', notFromService: true })]);

    expect(code.notes).toContain(
      'test.Get failed without a service error (TimeoutError: socket hang up); the mock raises it as one',
    );
  });
});

describe('layout', () => {
  test('calls that overlapped are asserted in one inAnyOrder block, in call order inside it', () => {
    const code = write([
      entry('A', { n: 1 }, {}, 0),
      entry('B', { n: 2 }, {}, 1),
      entry('B', { n: 3 }, {}, 1),
    ]);

    expect(code.after).toEqual([
      "t.aws.assertAwsCall({ service: 'test', operation: 'A', params: { n: 1 } });",
      "t.inAnyOrder(() => {\n  t.aws.assertAwsCall({ service: 'test', operation: 'B', params: { n: 2 } });\n" +
        "  t.aws.assertAwsCall({ service: 'test', operation: 'B', params: { n: 3 } });\n});",
    ]);
  });

  test('the typed form falls back to the string form, with a note, when no loaded package exports the class', () => {
    const code = writeRecordedCode([entry('A', {}, {})], { typed: true }, 't', []);

    expect(code.before).toEqual(["t.aws.mockCall('test', 'A', { returns: {} });"]);
    expect(code.imports).toEqual([]);
    expect(code.notes).toContain(
      'test.A: no loaded package exports ACommand, so it is written in the string form',
    );
  });
});

describe('the typed form', () => {
  test('imports are sorted by package, and the command classes of each package by name', () => {
    const code = writeRecordedCode(
      [
        clientEntry(SQSClient, 'SendMessage', 0),
        clientEntry(S3Client, 'PutObject', 1),
        clientEntry(S3Client, 'GetObject', 2),
      ],
      { typed: true },
      't',
      [],
    );

    expect(code.imports).toEqual([
      { from: '@aws-sdk/client-s3', names: ['GetObjectCommand', 'PutObjectCommand'] },
      { from: '@aws-sdk/client-sqs', names: ['SendMessageCommand'] },
    ]);
    expect(code.before[0]).toBe('t.aws.mockCall(SendMessageCommand, { returns: {} });');
  });

  test('is written only for the command classes listed, and not at all when turned off', () => {
    const entries = [clientEntry(S3Client, 'GetObject', 0), clientEntry(S3Client, 'PutObject', 1)];

    expect(writeRecordedCode(entries, { typed: ['GetObjectCommand'] }, 't', []).after).toEqual([
      't.aws.assertAwsCall(GetObjectCommand, { params: {} });',
      "t.aws.assertAwsCall({ service: 's3', operation: 'PutObject', params: {} });",
    ]);
    expect(writeRecordedCode(entries, { typed: false }, 't', [])).toMatchObject({
      before: [
        "t.aws.mockCall('s3', 'GetObject', { returns: {} });",
        "t.aws.mockCall('s3', 'PutObject', { returns: {} });",
      ],
      imports: [],
    });
  });

  test('an operation the loaded package has no command for is written in the string form, with a note', () => {
    const code = writeRecordedCode([clientEntry(S3Client, 'GetObjects', 0)], { typed: true }, 't', []);

    expect(code.before).toEqual(["t.aws.mockCall('s3', 'GetObjects', { returns: {} });"]);
    expect(code.imports).toEqual([]);
    expect(code.notes).toContain(
      's3.GetObjects: no loaded package exports GetObjectsCommand, so it is written in the string form',
    );
  });
});

describe('notes and options', () => {
  test('the note on placeholders comes with mocked outputs only; a service error needs no note', () => {
    const volatileNote = expect.stringContaining('$metadata and request ids are left to the mocks');

    expect(write([failed({ code: 'NotFound' })]).notes).toEqual([]);
    expect(write([entry('List', {}, {})]).notes).toEqual([volatileNote]);
  });

  test('timestamps are numbered among the outputs only, whatever comes before them', () => {
    const code = write([
      failed({ code: 'NotFound' }),
      entry('Head', {}, { LastModified: new Date('2026-11-30T10:00:05Z') }, 1),
    ]);

    expect(code.before[1]).toBe(
      "t.aws.mockCall('test', 'Head', { returns: { LastModified: new Date('2000-01-01T00:00:00.000Z') } });",
    );
  });

  test('redact: false writes the secrets a call sent as they were', () => {
    const code = writeRecordedCode(
      [entry('PutSecretValue', { SecretId: 'db', SecretString: 'hunter2' })],
      { redact: false },
      't',
      [],
    );

    expect(code.after[0]).toContain("params: { SecretId: 'db', SecretString: 'hunter2' },");
    expect(code.notes).toEqual([]);
  });
});
