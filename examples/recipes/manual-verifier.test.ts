import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { StrictVerifier, UnusedMocksError } from 'ts-tripwire';
import { listKeys } from './paginators';

// #region by-hand
test('a verifier created, driven and verified by hand', async () => {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'ListObjectsV2', { returns: { Contents: [{ Key: 'logs/1.gz' }] } });

  const keys = await verifier.run(() => listKeys('archive', 'logs/'));

  expect(keys).toEqual(['logs/1.gz']);
  verifier.aws.assertAwsCall({
    service: 's3',
    operation: 'ListObjectsV2',
    params: { Bucket: 'archive', Prefix: 'logs/', MaxKeys: 100 },
  });
  verifier.verifyAll(); // nobody calls it for you
});
// #endregion by-hand

// #region hooks
// node:test and Mocha have the same hooks: import them from 'node:test' or use Mocha's globals.
describe('with a verifier per test', () => {
  let verifier: StrictVerifier;

  beforeEach(() => {
    verifier = new StrictVerifier();
  });

  afterEach(() => {
    verifier.verifyAll();
  });

  test('lists the keys', async () => {
    verifier.aws.mockCall('s3', 'ListObjectsV2', { returns: { KeyCount: 0 } });

    expect(await verifier.run(() => listKeys('archive', 'empty/'))).toEqual([]);

    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'archive', Prefix: 'empty/', MaxKeys: 100 },
    });
  });
});
// #endregion hooks

// #region failure
test('verifyAll throws what is left over, as data too', () => {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'ListObjectsV2', { returns: {} }); // never used

  let failure: unknown;
  try {
    verifier.verifyAll();
  } catch (error) {
    failure = error;
  }

  expect(failure).toBeInstanceOf(UnusedMocksError);
  expect((failure as UnusedMocksError).unused).toEqual([
    {
      service: 's3',
      operation: 'ListObjectsV2',
      registeredAt: expect.stringContaining('manual-verifier.test.ts:'),
    },
  ]);
});
// #endregion failure
