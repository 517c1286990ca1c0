import { runInNewContext } from 'node:vm';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import {
  InteractionMismatchError,
  StrictVerifier,
  TripwireConfigError,
  UnmockedInteractionError,
} from 'ts-tripwire';
import { rejectionOf } from '../../../support/rejection';

const getObject = (s3: S3Client, Key: string) => s3.send(new GetObjectCommand({ Bucket: 'b', Key }));

describe('serving calls from the queues', () => {
  test('a registered output is what send resolves to, with $metadata filled in', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject', { returns: { ETag: '"abc"', VersionId: 'v1' } });
    const output = await verifier.run(() =>
      new S3Client({}).send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' })),
    );
    expect(output.ETag).toBe('"abc"');
    expect(output.VersionId).toBe('v1');
    expect(output.$metadata).toEqual({
      httpStatusCode: 200,
      requestId: expect.any(String),
      attempts: 1,
      totalRetryDelay: 0,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'PutObject',
      params: { Bucket: 'b', Key: 'k', Body: 'x' },
    });
    verifier.verifyAll();
  });

  test('no spec resolves to an empty output', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sqs', 'SendMessage');
    const output = await verifier.run(() =>
      new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'm' })),
    );
    expect(Object.keys(output)).toEqual(['$metadata']);
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: 'q', MessageBody: 'm' },
    });
  });

  test('a partial $metadata is merged over the defaults', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'PutObject', {
      returns: { $metadata: { httpStatusCode: 201, requestId: 'r-1' } },
    });
    const output = await verifier.run(() =>
      new S3Client({}).send(new PutObjectCommand({ Bucket: 'b', Key: 'k' })),
    );
    expect(output.$metadata).toEqual({
      httpStatusCode: 201,
      requestId: 'r-1',
      attempts: 1,
      totalRetryDelay: 0,
    });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'PutObject', params: { Bucket: 'b', Key: 'k' } });
  });

  test('one queue per operation, first in first out', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'first' } });
    verifier.aws.mockCall('s3', 'PutObject', { returns: { ETag: 'put' } });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'second' } });
    const s3 = new S3Client({});
    const types = await verifier.run(async () => {
      const first = await getObject(s3, 'a');
      const put = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'p' }));
      const second = await getObject(s3, 'c');
      return [first.ContentType, put.ETag, second.ContentType];
    });
    expect(types).toEqual(['first', 'put', 'second']);
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'a' } });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'PutObject', params: { Bucket: 'b', Key: 'p' } });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'c' } });
    verifier.verifyAll();
  });

  test('a registration serves its times, then the next one for the operation takes over', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'A' }, times: 2 });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'B' }, times: 3 });
    const s3 = new S3Client({});
    const types = await verifier.run(async () => {
      const served: Array<string | undefined> = [];
      for (const key of ['1', '2', '3']) served.push((await getObject(s3, key)).ContentType);
      return served;
    });
    expect(types).toEqual(['A', 'A', 'B']);
    for (const Key of ['1', '2', '3']) {
      verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key } });
    }
    expect(() => verifier.verifyAll()).toThrow(
      /^ {2}s3\.GetObject \(2 of times: 3 unused\), registered at tests\/plugins\/aws\/mocking\/mocking\.test\.ts:\d+:\d+$/m,
    );
  });

  test('params are not matched when serving: the head of the queue serves any params', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'served' } });
    const output = await verifier.run(() => getObject(new S3Client({}), 'anything'));
    expect(output.ContentType).toBe('served');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'anything' },
    });
  });

  test('times queues the same entry N times, then the queue is empty', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'x' }, times: 2 });
    const s3 = new S3Client({});
    const third = await verifier.run(async () => {
      await getObject(s3, '1');
      await getObject(s3, '2');
      return getObject(s3, '3').catch((error: unknown) => error);
    });
    expect(third).toBeInstanceOf(UnmockedInteractionError);
    expect((third as Error).message).toContain(
      'The 2 mocks registered for s3.GetObject were all used by earlier calls',
    );
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: '1' } });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: '2' } });
  });

  test.each([
    [1, 'The one mock registered for s3.GetObject was used by an earlier call.'],
    [2, 'The 2 mocks registered for s3.GetObject were all used by earlier calls.'],
  ])('a call after %i used mock(s) says so, and what times to give', async (times, used) => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { times });
    const s3 = new S3Client({});
    const error = await verifier.run(async () => {
      for (let call = 1; call <= times; call++) await getObject(s3, String(call));
      return rejectionOf(getObject(s3, 'late'));
    });
    const lines = error.message.split('\n');
    expect(lines[1]).toBe(used);
    expect(lines[2]).toMatch(/^Called at tests\/plugins\/aws\/mocking\/mocking\.test\.ts:\d+:\d+$/);
    expect(lines).toEqual([
      "Unmocked AWS call: s3.GetObject({ Bucket: 'b', Key: 'late' })",
      used,
      lines[2],
      `Register one more, or raise times on the existing registration to { times: ${times + 1} }:`,
      "  verifier.aws.mockCall('s3', 'GetObject', { returns: { /* GetObjectCommandOutput */ } });",
    ]);
    for (let call = 1; call <= times; call++) {
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: String(call) },
      });
    }
  });

  test("raises with $fault 'client' is accepted, and a payload member left undefined stays undefined", async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: { code: 'NoSuchKey', $fault: 'client' } });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: undefined, ContentType: 'text/plain' } });
    const s3 = new S3Client({});
    const [error, output] = await verifier.run(async () => [
      await rejectionOf(getObject(s3, 'missing')),
      await getObject(s3, 'empty'),
    ]);
    expect(error.$fault).toBe('client');
    expect(output).toMatchObject({ Body: undefined, ContentType: 'text/plain' });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'missing' },
      raised: 'NoSuchKey',
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'empty' },
    });
  });

  test('params are recorded as sent: changing nested arrays and objects afterwards changes nothing', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('dynamodb-document', 'Put');
    // biome-ignore lint/suspicious/noSparseArray: an array with a hole, as code can send
    const item = { pk: 'user#1', tags: ['a', { note: 'first' }], scores: [1, , 3] };
    await verifier.run(async () => {
      const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
      await documents.send(new PutCommand({ TableName: 't', Item: item }));
      item.tags.push('late');
      (item.tags[1] as { note: string }).note = 'changed';
      item.scores[1] = 2;
    });
    verifier.aws.assertAwsCall({
      service: 'dynamodb-document',
      operation: 'Put',
      // biome-ignore lint/suspicious/noSparseArray: what was sent (holes are pinned in tests/util/values)
      params: { TableName: 't', Item: { pk: 'user#1', tags: ['a', { note: 'first' }], scores: [1, , 3] } },
    });
  });

  test('each call gets its own deep copy of the output', async () => {
    const verifier = new StrictVerifier();
    const registered = { Contents: [{ Key: 'a', LastModified: new Date(0) }] };
    verifier.aws.mockCall('s3', 'ListObjectsV2', { returns: registered, times: 2 });
    const s3 = new S3Client({});
    const [first, second] = await verifier.run(async () => {
      const one = await s3.send(new ListObjectsV2Command({ Bucket: 'b' }));
      one.Contents?.push({ Key: 'mutated' });
      one.Contents![0]!.LastModified!.setTime(5);
      return [one, await s3.send(new ListObjectsV2Command({ Bucket: 'b' }))];
    });
    expect(first!.Contents).toHaveLength(2);
    expect(second!.Contents).toEqual([{ Key: 'a', LastModified: new Date(0) }]);
    expect(registered.Contents).toEqual([{ Key: 'a', LastModified: new Date(0) }]);
    verifier.inAnyOrder(() => {
      verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b' } });
      verifier.aws.assertAwsCall({ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b' } });
    });
  });

  test('a function returns is called with the params and may be async', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', {
      returns: async (params) => ({ ContentType: `type-of-${String(params.Key)}` }),
    });
    const output = await verifier.run(() => getObject(new S3Client({}), 'k'));
    expect(output.ContentType).toBe('type-of-k');
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  });

  test('a function returns that throws rejects the call, which is recorded as raised', async () => {
    const verifier = new StrictVerifier();
    const failure = new Error('boom');
    verifier.aws.mockCall('s3', 'GetObject', {
      returns: () => {
        throw failure;
      },
    });
    verifier.aws.mockCall('s3', 'GetObject', { returns: () => Promise.reject(failure) });
    const s3 = new S3Client({});
    const errors = await verifier.run(() =>
      Promise.all([getObject(s3, '1').catch((e: unknown) => e), getObject(s3, '2').catch((e: unknown) => e)]),
    );
    expect(errors).toEqual([failure, failure]);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: '1' },
      raised: failure,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: '2' },
      raised: 'Error',
    });
  });

  test('a returns function that produces something other than an output object rejects with the fix', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: (() => undefined) as never });
    const error = await verifier.run(() => rejectionOf(getObject(new S3Client({}), 'k')));
    expect(error).toBeInstanceOf(TripwireConfigError);
    expect(error.message).toBe(
      'The returns function for s3.GetObject produced undefined; it must return the output object ({} for an empty one).',
    );
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: TripwireConfigError,
    });
  });

  test('raises with an Error and times > 1 rejects with the same instance each time', async () => {
    const verifier = new StrictVerifier();
    const failure = new Error('throttled');
    verifier.aws.mockCall('s3', 'GetObject', { raises: failure, times: 2 });
    const s3 = new S3Client({});
    const errors = await verifier.run(async () => [
      await getObject(s3, '1').catch((e: unknown) => e),
      await getObject(s3, '2').catch((e: unknown) => e),
    ]);
    expect(errors[0]).toBe(failure);
    expect(errors[1]).toBe(failure);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: '1' },
      raised: failure,
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: '2' },
      raised: failure,
    });
  });

  test('raises as a function of the params', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: (params) => new Error(`no ${String(params.Key)}`) });
    const error = await verifier.run(() => getObject(new S3Client({}), 'k').catch((e: unknown) => e));
    expect((error as Error).message).toBe('no k');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'Error',
    });
  });

  test('registration is allowed while a sandbox is open', async () => {
    const verifier = new StrictVerifier();
    const output = await verifier.run(async () => {
      verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'late' } });
      return getObject(new S3Client({}), 'k');
    });
    expect(output.ContentType).toBe('late');
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  });
});

describe('specs that could not serve a call are refused when registered', () => {
  const refusal = (spec: unknown, configure?: (verifier: StrictVerifier) => void): string => {
    const verifier = new StrictVerifier();
    configure?.(verifier);
    try {
      verifier.aws.mockCall('s3', 'GetObject', spec as never);
    } catch (error) {
      expect(error).toBeInstanceOf(TripwireConfigError);
      expect(() => verifier.verifyAll()).not.toThrow();
      return (error as Error).message;
    }
    throw new Error('expected a TripwireConfigError');
  };
  const circular = () => {
    const output: Record<string, unknown> = { ContentType: 'x' };
    output.Metadata = { back: output };
    return output;
  };
  const throwingGetter = () =>
    Object.defineProperty({}, 'ContentType', {
      enumerable: true,
      get() {
        throw new RangeError('lazy');
      },
    });

  test.each<[string, unknown, string]>([
    [
      'returns: null',
      { returns: null },
      "mockCall('s3', 'GetObject', ...): returns must be the output object (or a function of the params), not null. For an output with no members give returns: {} (or leave returns out).",
    ],
    [
      "$metadata: 'x' in returns",
      { returns: { $metadata: 'x' } },
      "mockCall('s3', 'GetObject', ...): returns.$metadata must be an object such as { ... }, not the string 'x'.",
    ],
    [
      "$metadata: 'x' in raises",
      { raises: { code: 'NoSuchKey', $metadata: 'x' } },
      "mockCall('s3', 'GetObject', ...): raises.$metadata must be an object such as { ... }, not the string 'x'.",
    ],
    [
      'a $metadata member of the wrong type',
      { raises: { code: 'NoSuchKey', $metadata: { httpStatusCode: '404' } } },
      "mockCall('s3', 'GetObject', ...): raises.$metadata.httpStatusCode must be a number, not the string '404'.",
    ],
    [
      'raises.message not a string',
      { raises: { code: 'NoSuchKey', message: 42 } },
      "mockCall('s3', 'GetObject', ...): raises.message must be a string, not number 42: { code: 'NoSuchKey', message: 'what went wrong' }.",
    ],
    [
      'a getter in the spec that throws',
      Object.defineProperty({}, 'times', {
        enumerable: true,
        get() {
          throw new Error('nope');
        },
      }),
      "mockCall('s3', 'GetObject', ...): reading times threw Error: nope: give times as a plain value, not a getter or a Proxy.",
    ],
    [
      'a Proxy spec whose traps throw',
      new Proxy(
        {},
        {
          ownKeys() {
            throw new TypeError('trap');
          },
        },
      ),
      "mockCall('s3', 'GetObject', ...): its spec cannot be read (TypeError: trap): give a plain object such as { returns: { ... } }.",
    ],
    [
      'a raises object with a throwing getter',
      Object.defineProperty({ raises: {} }, 'raises', {
        enumerable: true,
        value: Object.defineProperty({ code: 'X' }, 'message', {
          enumerable: true,
          get() {
            throw new Error('late');
          },
        }),
      }),
      "mockCall('s3', 'GetObject', ...): reading raises.message threw Error: late: give raises.message as a plain value",
    ],
  ])('%s', (_, spec, message) => {
    expect(refusal(spec)).toContain(message);
  });

  test.each([true, false])('a circular returns is refused (validate: %p)', (validate) => {
    expect(refusal({ returns: circular() }, (verifier) => verifier.configure({ validate }))).toBe(
      "mockCall('s3', 'GetObject', ...): returns.Metadata.back refers back to an object that contains it (a circular reference). Give the output as plain data (objects, arrays, strings, numbers, dates, bytes).",
    );
  });

  test('a returns with a throwing getter is refused with validation off', () => {
    expect(
      refusal({ returns: throwingGetter() }, (verifier) => verifier.configure({ validate: false })),
    ).toBe(
      "mockCall('s3', 'GetObject', ...): returns.ContentType could not be read: reading ContentType threw RangeError: lazy. Give the output as plain data (objects, arrays, strings, numbers, dates, bytes).",
    );
  });

  test('an Error from another realm is an Error: the call rejects with that very instance', async () => {
    const foreign = runInNewContext('new Error("from a vm")') as Error;
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { raises: foreign });
    const error = await verifier.run(() => rejectionOf(getObject(new S3Client({}), 'k')));
    expect(error).toBe(foreign);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'Error',
    });
    verifier.verifyAll();
  });
});

describe('circular values in calls and assertions', () => {
  test('a circular input to send is recorded with a [Circular] marker, and the call is served', async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ validate: false });
    verifier.aws.mockCall('s3', 'PutObject', { returns: { ETag: '"e"' } });
    const input: Record<string, unknown> = { Bucket: 'b', Key: 'k' };
    input.Metadata = { parent: input };
    const output = await verifier.run(() => new S3Client({}).send(new PutObjectCommand(input as never)));
    expect(output.ETag).toBe('"e"');
    let message = '';
    try {
      verifier.verifyAll();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Metadata: { parent: tripwire.ANY /* [Circular] */ }');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'PutObject',
      params: { Bucket: 'b', Key: 'k', Metadata: { parent: expect.anything() } },
    });
    verifier.verifyAll();
  });

  test('a circular expected params that does not match is a mismatch, not a stack overflow', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    await verifier.run(() => getObject(new S3Client({}), 'k'));
    const expected: Record<string, unknown> = { Bucket: 'b', Key: 'other' };
    expected.self = expected;
    let thrown: unknown;
    try {
      verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: expected });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InteractionMismatchError);
    expect((thrown as Error).message).toContain("Key: expected 'other', actual 'k'");
    expect((thrown as Error).message).toContain(
      "self: expected { Bucket: 'b', Key: 'other', self: tripwire.ANY /* [Circular] */ }",
    );
  });

  test('a throwing getter in expected params is a TripwireConfigError naming it', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    await verifier.run(() => getObject(new S3Client({}), 'k'));
    const params = Object.defineProperty({ Bucket: 'b' }, 'Key', {
      enumerable: true,
      get() {
        throw new Error('no key');
      },
    });
    expect(() => verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params })).toThrow(
      new TripwireConfigError(
        'assertAwsCall(): params.Key could not be read: reading Key threw Error: no key. Give params as plain data (matchers are fine).',
      ),
    );
  });

  test('the typed form refuses a service or operation that contradicts the class, and accepts one that agrees', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    await verifier.run(() => getObject(new S3Client({}), 'k'));
    expect(() =>
      verifier.aws.assertAwsCall(GetObjectCommand, {
        service: 'sqs',
        params: { Bucket: 'b', Key: 'k' },
      } as never),
    ).toThrow(
      new TripwireConfigError(
        "assertAwsCall(GetObjectCommand, ...) asserts s3.GetObject, but the assertion also says service: the string 'sqs'. The class names the call: drop service and operation, or assert with the plain form, assertAwsCall({ service, operation, params }).",
      ),
    );
    verifier.aws.assertAwsCall(GetObjectCommand, {
      service: 'S3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
    } as never);
    verifier.verifyAll();
  });
});
