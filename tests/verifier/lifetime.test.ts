import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import {
  StrictVerifier,
  TripwireConfigError,
  UnassertedInteractionsError,
  UnusedMocksError,
} from 'ts-tripwire';

// API.md §11: `using verifier = new StrictVerifier()`, and §7: methods that work detached.
const getObject = (s3: S3Client) => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));

function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('using: the verifier is verified and released when its block ends', () => {
  test('a clean block passes, and the disposed verifier refuses further use', async () => {
    let kept: StrictVerifier | undefined;
    {
      using verifier = new StrictVerifier();
      kept = verifier;
      verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'text/csv' } });
      const output = await verifier.run(() => getObject(new S3Client({})));
      expect(output.ContentType).toBe('text/csv');
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'k' },
      });
    }
    const refused = thrownBy(() => kept.verifyAll());
    expect(refused).toBeInstanceOf(TripwireConfigError);
    expect((refused as Error).message).toBe(
      'verifyAll() on a disposed verifier: its `using` block has ended (or [Symbol.dispose]() was called), ' +
        'and it was verified and released then. Create a new one: using verifier = new StrictVerifier();',
    );
    await expect(kept.run(() => undefined)).rejects.toThrow('run() on a disposed verifier');
    expect(() => kept.aws).toThrow('aws on a disposed verifier');
    expect(() => kept.configure({ guard: 'warn' })).toThrow('configure() on a disposed verifier');
  });

  test('what is left over fails when the block ends, and the mocks are released anyway', () => {
    let kept: StrictVerifier | undefined;
    let plugin: StrictVerifier['aws'] | undefined;
    const error = thrownBy(() => {
      using verifier = new StrictVerifier();
      kept = verifier;
      plugin = verifier.aws;
      verifier.aws.mockCall('s3', 'GetObject');
    });
    expect(error).toBeInstanceOf(UnusedMocksError);
    expect(plugin?.unusedMocks()).toEqual([]);
    expect(() => plugin?.mockCall('s3', 'GetObject')).toThrow('mockCall() on a disposed verifier');
    // Disposing again does nothing.
    expect(() => kept?.[Symbol.dispose]()).not.toThrow();
  });

  test('an error thrown from the block is not hidden by the verification failure: both arrive', async () => {
    const failure = new Error('the code under test failed');
    let caught: unknown;
    try {
      using verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', 'GetObject');
      await verifier.run(() => getObject(new S3Client({})));
      throw failure;
    } catch (error) {
      caught = error;
    }
    const suppressed = caught as Error & { error: unknown; suppressed: unknown };
    expect(suppressed.name).toBe('SuppressedError');
    expect(suppressed.suppressed).toBe(failure);
    expect(suppressed.error).toBeInstanceOf(UnassertedInteractionsError);
    expect((suppressed.error as Error).message).toContain("s3.GetObject({ Bucket: 'b', Key: 'k' })");
  });
});

describe('methods work detached', () => {
  test('run, inAnyOrder, verifyAll and configure; mockCall and assertAwsCall', async () => {
    const verifier = new StrictVerifier();
    const { run, inAnyOrder, verifyAll, configure } = verifier;
    const { mockCall, assertAwsCall } = verifier.aws;
    configure({ guard: 'warn' });
    expect(verifier.settings.guard).toBe('warn');
    mockCall('s3', 'GetObject', { times: 2 });
    const s3 = new S3Client({});
    await run(async () => {
      await getObject(s3);
      await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'second' }));
    });
    inAnyOrder(() => {
      assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'second' } });
      assertAwsCall(GetObjectCommand, { params: { Bucket: 'b', Key: 'k' } });
    });
    expect(() => verifyAll()).not.toThrow();
  });
});

describe('a frozen verifier', () => {
  test('still runs a sandbox, serves its mocks and verifies', async () => {
    const verifier = Object.freeze(new StrictVerifier());
    const aws = verifier.aws;
    aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'frozen' } });
    const output = await verifier.run(() => getObject(new S3Client({})));
    expect(output.ContentType).toBe('frozen');
    aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    verifier.verifyAll();
  });
});
