import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import {
  AllWildcardAssertionError,
  AssertionInsideSandboxError,
  InteractionMismatchError,
  MissingAssertionFieldsError,
  StrictVerifier,
  tripwire,
} from 'ts-tripwire';
import { thrownBy } from '../support/rejection';

/** A verifier that has recorded s3.GetObject(b/k), sqs.SendMessage(q, hello), s3.PutObject(b/p) in that order. */
async function threeCalls(): Promise<StrictVerifier> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject');
  verifier.aws.mockCall('sqs', 'SendMessage');
  verifier.aws.mockCall('s3', 'PutObject');
  const s3 = new S3Client({});
  await verifier.run(async () => {
    await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'hello' }));
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'p', Body: 'x' }));
  });
  return verifier;
}

describe('assertAwsCall', () => {
  test('checks the next unasserted interaction in recording order across services', async () => {
    const verifier = await threeCalls();
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    const error = thrownBy(() =>
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'PutObject',
        params: { Bucket: 'b', Key: 'p', Body: 'x' },
      }),
    );
    expect(error).toBeInstanceOf(InteractionMismatchError);
    expect(error.message).toBe(
      [
        "Assertion does not match the next recorded interaction, #2 sqs.SendMessage({ QueueUrl: 'q', MessageBody: 'hello' })",
        'Differing fields:',
        "  service: expected 's3', actual 'sqs'",
        "  operation: expected 'PutObject', actual 'SendMessage'",
        "  params.Bucket: expected 'b', actual <absent>",
        "  params.Key: expected 'p', actual <absent>",
        "  params.Body: expected 'x', actual <absent>",
        "  params.QueueUrl: expected <absent>, actual 'q'",
        "  params.MessageBody: expected <absent>, actual 'hello'",
        'Unasserted timeline (next first):',
        "  #2 sqs.SendMessage({ QueueUrl: 'q', MessageBody: 'hello' })",
        "  #3 s3.PutObject({ Bucket: 'b', Key: 'p', Body: 'x' })",
        'To assert what was recorded:',
        "  verifier.aws.assertAwsCall({ service: 'sqs', operation: 'SendMessage', params: { QueueUrl: 'q', MessageBody: 'hello' } });",
      ].join('\n'),
    );
  });

  test('a params mismatch lists only the differing fields', async () => {
    const verifier = await threeCalls();
    const error = thrownBy(() =>
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'other' },
      }),
    );
    expect(error.message).toContain(
      "Differing fields:\n  params.Key: expected 'other', actual 'k'\nUnasserted timeline",
    );
  });

  test('params must be exact: a missing key and an extra key both fail', async () => {
    const verifier = await threeCalls();
    expect(() =>
      verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b' } }),
    ).toThrow("params.Key: expected <absent>, actual 'k'");
    expect(() =>
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'k', VersionId: 'v' },
      }),
    ).toThrow("params.VersionId: expected 'v', actual <absent>");
  });

  test('a key whose value is undefined counts as absent on either side', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'ListObjectsV2');
    await verifier.run(() =>
      new S3Client({}).send(new ListObjectsV2Command({ Bucket: 'b', ContinuationToken: undefined })),
    );
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'b', Prefix: undefined },
    });
    verifier.verifyAll();
  });

  test('asymmetric matchers and tripwire.ANY work at any depth, and params may itself be a matcher', async () => {
    const verifier = await threeCalls();
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: expect.any(String) },
    });
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: expect.objectContaining({ MessageBody: 'hello' }),
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'PutObject',
      params: { Bucket: 'b', Key: 'p', Body: tripwire.ANY },
    });
    verifier.verifyAll();
  });

  test('a failing matcher is reported as a differing field', async () => {
    const verifier = await threeCalls();
    expect(() =>
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: expect.any(Number) },
      }),
    ).toThrow("params.Key: expected expect.any(Number), actual 'k'");
  });

  test('service, operation and params are required', async () => {
    const verifier = await threeCalls();
    const error = thrownBy(() =>
      verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject' } as never),
    );
    expect(error).toBeInstanceOf(MissingAssertionFieldsError);
    expect(error.message).toBe(
      'assertAwsCall() needs params: every assertion names the service, the operation and the exact params.\n' +
        "  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });",
    );
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  });

  test('raised is required when the call raised, and is checked against the error', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: { code: 'NoSuchKey', message: 'gone' } });
    await verifier.run(() =>
      new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch(() => undefined),
    );
    const params = { Bucket: 'b', Key: 'k' };
    const missing = thrownBy(() =>
      verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params }),
    );
    expect(missing).toBeInstanceOf(MissingAssertionFieldsError);
    expect(missing.message).toBe(
      "The assertion leaves out raised, which #1 recorded: s3.GetObject({ Bucket: 'b', Key: 'k' }) raised NoSuchKey: gone\n" +
        'Every recorded field must be asserted. Assert it as:\n' +
        "  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' }, raised: 'NoSuchKey' });",
    );
    expect(() =>
      verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params, raised: 'AccessDenied' }),
    ).toThrow("raised: expected 'AccessDenied', actual NoSuchKey('gone')");
    for (const raised of [
      NoSuchKey,
      S3ServiceException,
      'NoSuchKey',
      expect.objectContaining({ message: 'gone' }),
    ]) {
      const again = new StrictVerifier();
      again.aws.mockCall('s3', 'GetObject', { raises: { code: 'NoSuchKey', message: 'gone' } });
      await again.run(() => new S3Client({}).send(new GetObjectCommand(params)).catch(() => undefined));
      again.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params, raised });
      again.verifyAll();
    }
  });

  test('raised on a call that succeeded is a mismatch', async () => {
    const verifier = await threeCalls();
    expect(() =>
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'k' },
        raised: 'NoSuchKey',
      }),
    ).toThrow("raised: expected 'NoSuchKey', actual <nothing: the call succeeded>");
  });

  test('an assertion made only of wildcards is refused and shows the real params to paste', async () => {
    const verifier = await threeCalls();
    for (const params of [
      tripwire.ANY,
      expect.anything(),
      { Bucket: tripwire.ANY, Key: expect.anything() },
    ]) {
      const error = thrownBy(() =>
        verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params }),
      );
      expect(error).toBeInstanceOf(AllWildcardAssertionError);
      expect(error.message).toContain(
        "  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });",
      );
    }
    // Explicit choices are allowed: {} (no params), expect.any(Object) and objectContaining.
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: expect.any(Object) });
  });

  test('inAnyOrder lets each assertion match any unasserted interaction', async () => {
    const verifier = await threeCalls();
    verifier.inAnyOrder(() => {
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'PutObject',
        params: { Bucket: 'b', Key: 'p', Body: 'x' },
      });
      verifier.aws.assertAwsCall({
        service: 'sqs',
        operation: 'SendMessage',
        params: { QueueUrl: 'q', MessageBody: 'hello' },
      });
    });
    expect(() =>
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'PutObject',
        params: { Bucket: 'b', Key: 'p', Body: 'x' },
      }),
    ).toThrow('#1 s3.GetObject');
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    verifier.verifyAll();
  });

  test('inAnyOrder with no match names the closest interaction and its differences', async () => {
    const verifier = await threeCalls();
    const error = thrownBy(() =>
      verifier.inAnyOrder(() =>
        verifier.aws.assertAwsCall({
          service: 's3',
          operation: 'PutObject',
          params: { Bucket: 'b', Key: 'q', Body: 'x' },
        }),
      ),
    );
    expect(error).toBeInstanceOf(InteractionMismatchError);
    expect(error.message).toContain("Closest: #3 s3.PutObject({ Bucket: 'b', Key: 'p', Body: 'x' })");
    expect(error.message).toContain("params.Key: expected 'q', actual 'p'");
  });

  test('asserting beyond the end of the timeline says so', async () => {
    const verifier = new StrictVerifier();
    expect(() => verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: {} })).toThrow(
      'Every recorded interaction has already been asserted',
    );
  });

  test('asserting inside that verifier’s sandbox throws AssertionInsideSandboxError', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    const error = await verifier.run(async () => {
      await new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
      try {
        verifier.aws.assertAwsCall({
          service: 's3',
          operation: 'GetObject',
          params: { Bucket: 'b', Key: 'k' },
        });
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    });
    expect(error).toBeInstanceOf(AssertionInsideSandboxError);
    expect(error?.message).toContain('Move it after the sandbox');
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  });

  test('recorded params are a snapshot taken at call time', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'ListObjectsV2', { times: 2 });
    const input: { Bucket: string; ContinuationToken?: string } = { Bucket: 'b' };
    const command = new ListObjectsV2Command(input);
    const s3 = new S3Client({});
    await verifier.run(async () => {
      await s3.send(command);
      input.ContinuationToken = 't2';
      await s3.send(command);
    });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b' } });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'b', ContinuationToken: 't2' },
    });
  });

  test('byte params match equal bytes whatever their view type', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject');
    await verifier.run(() =>
      new S3Client({}).send(
        new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: new Uint8Array(Buffer.from('a,b')) }),
      ),
    );
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'PutObject',
      params: { Bucket: 'b', Key: 'k', Body: Buffer.from('a,b') },
    });
  });
});

describe('inAnyOrder looks candidates up by key, and falls back to a scan', () => {
  test('exact params in reverse order, bytes by content, undefined keys ignored, aliases and matchers', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject', { times: 4 });
    const s3 = new S3Client({});
    await verifier.run(async () => {
      await s3.send(new PutObjectCommand({ Bucket: 'b', Key: '1', Body: new Uint8Array([1, 2]) }));
      await s3.send(new PutObjectCommand({ Bucket: 'b', Key: '2', ContentType: undefined }));
      await s3.send(new PutObjectCommand({ Bucket: 'b', Key: '3', Body: 'x' }));
      await s3.send(new PutObjectCommand({ Bucket: 'b', Key: '4', Body: 'y' }));
    });
    verifier.inAnyOrder(() => {
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'PutObject',
        params: { Bucket: 'b', Key: '4', Body: 'y' },
      });
      verifier.aws.assertAwsCall({
        service: 'S3Client',
        operation: 'PutObjectCommand',
        params: { Bucket: 'b', Key: '3', Body: 'x' },
      });
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'PutObject',
        params: { Key: '2', Bucket: 'b' },
      });
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'PutObject',
        params: { Bucket: 'b', Key: expect.any(String), Body: Buffer.from([1, 2]) },
      });
    });
    verifier.verifyAll();
  });
});
