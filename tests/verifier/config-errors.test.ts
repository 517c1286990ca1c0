import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { Client } from '@smithy/core/client';
import { AwsPlugin, StrictVerifier, TripwireConfigError } from 'ts-tripwire';

type Loose = Parameters<StrictVerifier['aws']['mockCall']>;

function configError(fn: () => unknown): TripwireConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TripwireConfigError);
    return error as TripwireConfigError;
  }
  throw new Error('expected a TripwireConfigError');
}

describe('bad input is a TripwireConfigError that names the fix, and changes nothing', () => {
  test.each<[string, unknown[], string]>([
    [
      'both returns and raises',
      ['s3', 'GetObject', { returns: {}, raises: 'NoSuchKey' }],
      'give either returns or raises, not both',
    ],
    [
      'times zero',
      ['s3', 'GetObject', { times: 0 }],
      'times must be a positive integer, not number 0. Use { times: 2 }',
    ],
    [
      'times fractional',
      ['s3', 'GetObject', { times: 1.5 }],
      'times must be a positive integer, not number 1.5',
    ],
    [
      'required not boolean',
      ['s3', 'GetObject', { required: 'yes' }],
      "required must be true or false, not the string 'yes'",
    ],
    [
      'a misspelt spec field',
      ['s3', 'GetObject', { return: {} }],
      "'return' is not a spec field. Did you mean 'returns'?",
    ],
    [
      'a spec that is not an object',
      ['s3', 'GetObject', 'NoSuchKey'],
      "its spec must be an object such as { returns: { ... } }, not the string 'NoSuchKey'",
    ],
    [
      'returns not an object',
      ['s3', 'GetObject', { returns: 'x' }],
      "returns must be the output object (or a function of the params), not the string 'x'",
    ],
    [
      'raises of the wrong kind',
      ['s3', 'GetObject', { raises: 42 }],
      "raises must be an Error, an error code ('NoSuchKey')",
    ],
    [
      'a bad $fault',
      ['s3', 'GetObject', { raises: { code: 'X', $fault: 'network' } }],
      "raises.$fault must be 'client' or 'server'",
    ],
    [
      'a non-string service',
      [undefined, 'GetObject'],
      "mockCall() takes the service and the operation as strings, not undefined and the string 'GetObject'",
    ],
    ['a matcher as operation', ['s3', expect.any(String)], 'takes the service and the operation as strings'],
    [
      'an instance instead of a class',
      [new GetObjectCommand({ Bucket: 'b', Key: 'k' })],
      "mockCall() takes the command class, not an instance: verifier.aws.mockCall(GetObjectCommand, { returns: { /* ... */ } }) (or the strings: 's3', 'GetObject').",
    ],
    [
      'a function that is not a command class',
      [() => undefined],
      'mockCall() was given an anonymous function, which is not an AWS SDK v3 command class',
    ],
  ])('mockCall with %s', (_, args, message) => {
    const verifier = new StrictVerifier();
    expect(configError(() => verifier.aws.mockCall(...(args as Loose))).message).toContain(message);
    // Nothing was registered: verification has nothing to report.
    expect(() => verifier.verifyAll()).not.toThrow();
  });

  test('assertAwsCall with an unknown field or a non-object', () => {
    const verifier = new StrictVerifier();
    const assertion = { service: 's3', operation: 'GetObject', params: {}, raise: 'X' };
    expect(configError(() => verifier.aws.assertAwsCall(assertion as never)).message).toContain(
      "assertAwsCall() has no field 'raise'. Did you mean 'raised'?",
    );
    expect(configError(() => verifier.aws.assertAwsCall('s3' as never)).message).toContain(
      "assertAwsCall() takes { service, operation, params }, not the string 's3'",
    );
  });

  test('run and inAnyOrder take functions; nothing is patched when they refuse', async () => {
    const verifier = new StrictVerifier();
    const original = Client.prototype.send;
    await expect(verifier.run('nope' as never)).rejects.toThrow(
      "run() takes a function, not the string 'nope': await verifier.run(async () => { /* code under test */ });",
    );
    class Steps {}
    await expect(verifier.run(Steps as never)).rejects.toThrow(
      'run() takes a function, not the class Steps:',
    );
    expect(Client.prototype.send).toBe(original);
    expect(configError(() => verifier.inAnyOrder(undefined as never)).message).toBe(
      'inAnyOrder() takes a function, not undefined: verifier.inAnyOrder(() => { /* assertions */ });',
    );
  });

  test('configure refuses unknown options and guard levels', () => {
    const verifier = new StrictVerifier();
    expect(configError(() => verifier.configure({ guard: 'loud' } as never)).message).toContain(
      "Use 'error' (default), 'warn' or 'off'",
    );
    expect(configError(() => verifier.configure({ gaurd: 'off' } as never)).message).toContain(
      "does not know 'gaurd'",
    );
    expect(verifier.settings.guard).toBe('error');
  });

  test('a second AWS plugin on one verifier is refused; the first keeps working', async () => {
    const verifier = new StrictVerifier();
    const first = new AwsPlugin(verifier);
    expect(configError(() => new AwsPlugin(verifier)).message).toBe(
      "This verifier already has its 'aws' plugin; a second one would never see a call. Use the existing one: verifier.aws",
    );
    expect(verifier.aws).toBe(first);
    first.mockCall('s3', 'GetObject');
    await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
    first.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    verifier.verifyAll();
  });

  test('new AwsPlugin needs a verifier', () => {
    expect(configError(() => new AwsPlugin({} as never)).message).toContain(
      'new AwsPlugin(verifier) takes a StrictVerifier',
    );
  });
});
