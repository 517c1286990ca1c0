import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';

// A second, nested install: the 3.600 line the compat workspace holds (npm test installs it first).
const NESTED = join(__dirname, '../../../compat/sdk-3.600/node_modules/@aws-sdk/client-s3');
type S3Package = typeof import('@aws-sdk/client-s3');

afterEach(() => {
  jest.restoreAllMocks();
});

// The warning is said once per worker process; another test file of this worker may have said it already.
beforeEach(() => {
  const shared = AsyncLocalStorage as unknown as Record<symbol, Set<string> | undefined>;
  shared[Symbol.for('ts-tripwire.aws-warned-sdk-copies.v1')]?.clear();
});

describe('two copies of the SDK core in one process', () => {
  test('calls through both are intercepted, and one warning names both copies', async () => {
    const nested = require(NESTED) as S3Package;
    expect(nested.S3Client).not.toBe(S3Client);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'one' } });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'two' } });
    const types = await verifier.run(async () => [
      (await new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'root' }))).ContentType,
      (await new nested.S3Client({}).send(new nested.GetObjectCommand({ Bucket: 'b', Key: 'nested' })))
        .ContentType,
    ]);
    expect(types).toEqual(['one', 'two']);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'root' },
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'nested' },
    });
    verifier.verifyAll();

    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    expect(message).toMatch(
      /^ts-tripwire: 2 copies of the AWS SDK's base client are loaded; calls through each are intercepted\./,
    );
    expect(message).toContain(
      join('node_modules', '@smithy', 'core', 'dist-cjs', 'submodules', 'client', 'index.js'),
    );
    expect(message).toContain(
      join('tests', 'compat', 'sdk-3.600', 'node_modules', '@smithy', 'smithy-client'),
    );
    expect(message).toContain('`instanceof` checks can fail between them');

    // Once per set of copies: another sandbox over the same two copies says nothing new.
    await verifier.run(() => undefined);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
