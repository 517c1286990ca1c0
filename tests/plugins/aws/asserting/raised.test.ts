import { GetObjectCommand, NoSuchBucket, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { InteractionMismatchError, StrictVerifier } from 'ts-tripwire';
import { raisedMatches } from '../../../../src/plugins/aws/asserting/raised';

const PARAMS = { Bucket: 'b', Key: 'k' };

/** A verifier whose one recorded call, s3.GetObject(b/k), raised NoSuchKey('gone'). */
async function failedGet(): Promise<StrictVerifier> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject', { raises: { code: 'NoSuchKey', message: 'gone' } });
  await verifier.run(() => new S3Client({}).send(new GetObjectCommand(PARAMS)).catch(() => undefined));
  return verifier;
}

async function raisedMismatch(raised: unknown): Promise<string> {
  const verifier = await failedGet();
  try {
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: PARAMS,
      raised: raised as never,
    });
  } catch (error) {
    expect(error).toBeInstanceOf(InteractionMismatchError);
    return (error as Error).message.split('\n')[2]!;
  }
  throw new Error(`raised: ${String(raised)} matched NoSuchKey('gone')`);
}

async function assertsAs(raised: unknown): Promise<void> {
  const verifier = await failedGet();
  verifier.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: PARAMS,
    raised: raised as never,
  });
  verifier.verifyAll();
}

describe('raised in an assertion', () => {
  test("another modeled error's class is a mismatch, not a match by being a class", async () => {
    expect(await raisedMismatch(NoSuchBucket)).toBe(
      "  raised: expected [class NoSuchBucket], actual NoSuchKey('gone')",
    );
  });

  test('a class from another copy of the SDK matches by name; another name does not', async () => {
    // What the same modeled class looks like when it comes from a second copy of @aws-sdk/client-s3.
    class NoSuchKey extends Error {}
    class NoSuchKeyError extends Error {}
    await assertsAs(NoSuchKey);
    expect(await raisedMismatch(NoSuchKeyError)).toBe(
      "  raised: expected [class NoSuchKeyError], actual NoSuchKey('gone')",
    );
  });

  test('an error matches by name and message, not by being an error', async () => {
    await assertsAs(Object.assign(new Error('gone'), { name: 'NoSuchKey' }));
    expect(await raisedMismatch(new Error('gone'))).toBe(
      "  raised: expected Error('gone'), actual NoSuchKey('gone')",
    );
    expect(await raisedMismatch(Object.assign(new Error('other'), { name: 'NoSuchKey' }))).toBe(
      "  raised: expected Error('other'), actual NoSuchKey('gone')",
    );
  });

  test('a matcher decides alone', async () => {
    await assertsAs(expect.objectContaining({ name: 'NoSuchKey' }));
    expect(await raisedMismatch(expect.objectContaining({ name: 'NoSuchBucket' }))).toBe(
      "  raised: expected expect.objectContaining({ name: 'NoSuchBucket' }), actual NoSuchKey('gone')",
    );
  });
});

describe('raisedMatches', () => {
  const gone = Object.assign(new Error('gone'), { name: 'NoSuchKey' });

  test('a code matches the name, of an error or of anything with a name', () => {
    expect(raisedMatches('NoSuchKey', gone)).toBe(true);
    expect(raisedMatches('NoSuchBucket', gone)).toBe(false);
    expect(raisedMatches('NoSuchKey', { name: 'NoSuchKey' })).toBe(true);
    expect(raisedMatches('NoSuchKey', null)).toBe(false);
    expect(raisedMatches('NoSuchKey', undefined)).toBe(false);
  });

  test('the same error instance always matches; an equal-looking non-error never does', () => {
    const renamed = Object.assign(new Error('gone'), { name: 'NoSuchKey' });
    expect(raisedMatches(renamed, renamed)).toBe(true);
    expect(raisedMatches(gone, { name: 'NoSuchKey', message: 'gone' })).toBe(false);
    expect(raisedMatches(gone, Object.assign(new Error('gone'), { name: 'NoSuchBucket' }))).toBe(false);
  });

  test('a class matches by instanceof, or by a non-empty name', () => {
    class Unrelated extends Error {}
    const Anonymous = (() => class extends Error {})();
    expect(Anonymous.name).toBe('');
    expect(raisedMatches(TypeError, new TypeError('x'))).toBe(true);
    expect(raisedMatches(Unrelated, gone)).toBe(false);
    // Name fallback needs a name: an anonymous class does not match an error whose name is empty too.
    expect(raisedMatches(Anonymous, Object.assign(new Error('x'), { name: '' }))).toBe(false);
    expect(raisedMatches(Anonymous, new Anonymous('x'))).toBe(true);
  });

  test('anything else matches nothing', () => {
    for (const expected of [42, null, undefined, { name: 'NoSuchKey', message: 'gone' }, true]) {
      expect(raisedMatches(expected, gone)).toBe(false);
    }
  });
});
