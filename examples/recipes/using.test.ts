import { expect, test } from '@jest/globals';
import { StrictVerifier, TripwireConfigError, UnusedMocksError } from 'ts-tripwire';
import { listKeys } from './paginators';

// #region using
test('a verifier that verifies itself when its block ends', async () => {
  using verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'ListObjectsV2', { returns: { Contents: [{ Key: 'logs/1.gz' }] } });

  expect(await verifier.run(() => listKeys('archive', 'logs/'))).toEqual(['logs/1.gz']);

  verifier.aws.assertAwsCall({
    service: 's3',
    operation: 'ListObjectsV2',
    params: { Bucket: 'archive', Prefix: 'logs/', MaxKeys: 100 },
  });
}); // verifyAll() runs here, then the verifier lets go of its mocks and records
// #endregion using

// #region left-over
test('what is left over fails when the block ends', () => {
  let leftOver: unknown;
  try {
    using verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'ListObjectsV2');
    // ... the code under test never lists anything
  } catch (error) {
    leftOver = error;
  }
  expect(leftOver).toBeInstanceOf(UnusedMocksError);
});
// #endregion left-over

// #region both-errors
test('a failure inside the block and a verification failure both reach you', async () => {
  const run = async () => {
    using verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'ListObjectsV2', { returns: { KeyCount: 0 } });
    await verifier.run(() => listKeys('archive', 'empty/'));
    throw new Error('the test failed before asserting');
  };
  const error = await run().catch((caught: unknown) => caught);
  // `error` is the verification failure (UnassertedInteractionsError);
  // `suppressed` is the error thrown from the block.
  expect(error).toMatchObject({
    name: 'SuppressedError',
    error: { name: 'UnassertedInteractionsError' },
    suppressed: { message: 'the test failed before asserting' },
  });
});
// #endregion both-errors

// #region disposed
test('a disposed verifier refuses further use', () => {
  let kept: StrictVerifier | undefined;
  {
    using verifier = new StrictVerifier();
    kept = verifier;
  }
  expect(() => kept.aws.mockCall('s3', 'ListObjectsV2')).toThrow(TripwireConfigError);
});
// #endregion disposed
