import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Client } from '@smithy/core/client';
import { StrictVerifier } from 'ts-tripwire';
import { LoopbackServer } from '../../../support/loopback-server';
import { rejectionOf } from '../../../support/rejection';

const server = new LoopbackServer();
let endpoint = '';
// Created at module load, before any verifier or patch exists.
let earlyClient: S3Client;

beforeAll(async () => {
  endpoint = await server.start();
  earlyClient = new S3Client({ endpoint, forcePathStyle: true, maxAttempts: 1 });
});
afterAll(() => server.stop());

const getObject = (s3: S3Client) => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));

describe('interception of Client.send', () => {
  // First in the file: before any sandbox has opened, nothing is patched.
  test('before any sandbox, and with no setup, the library changes nothing', async () => {
    const original = Client.prototype.send;
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { required: false });
    expect(Client.prototype.send).toBe(original);
    await expect(getObject(earlyClient)).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    verifier.verifyAll();
  });

  test('inside the sandbox nothing reaches the network; outside it the same client does', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'mocked' } });
    const inside = await verifier.run(() => getObject(earlyClient));
    expect(inside.ContentType).toBe('mocked');
    expect(server.requests).toHaveLength(0);
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    verifier.verifyAll();

    await expect(getObject(earlyClient)).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toBe('/b/k?x-id=GetObject');
    server.requests.length = 0;
  });

  test('send is patched once, on the base class, and passes calls from outside any sandbox through', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    let patched: unknown;
    await verifier.run(async () => {
      patched = Client.prototype.send;
      await getObject(new S3Client({}));
    });
    expect(Object.hasOwn(S3Client.prototype, 'send')).toBe(false);
    // Work started in a sandbox may call AWS later: the patch stays, and a call from outside goes to the SDK.
    expect(Client.prototype.send).toBe(patched);
    await expect(getObject(earlyClient)).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    expect(server.requests.map((request) => request.url)).toEqual(['/b/k?x-id=GetObject']);
    server.requests.length = 0;
    await verifier.run(() => undefined);
    expect(Client.prototype.send).toBe(patched);
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    verifier.verifyAll();
  });

  test('callback forms: send(command, callback) and send(command, options, callback)', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'cb1' } });
    verifier.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });
    const s3 = new S3Client({});
    const results = await verifier.run(async () => {
      const first = await new Promise((resolve) => {
        const returned = s3.send(new GetObjectCommand({ Bucket: 'b', Key: '1' }), (error, output) =>
          resolve([error, output?.ContentType]),
        );
        expect(returned).toBeUndefined();
      });
      const second = await new Promise((resolve) => {
        s3.send(new GetObjectCommand({ Bucket: 'b', Key: '2' }), {}, (error) =>
          resolve((error as Error).name),
        );
      });
      return [first, second];
    });
    expect(results).toEqual([[null, 'cb1'], 'NoSuchKey']);
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: '1' } });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: '2' },
      raised: 'NoSuchKey',
    });
  });

  test('an already-aborted abortSignal rejects with the SDK abort error, consumes no mock and is recorded', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'kept' } });
    const controller = new AbortController();
    controller.abort();
    const s3 = new S3Client({});
    const [aborted, next] = await verifier.run(async () => [
      await s3
        .send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal: controller.signal })
        .catch((e: unknown) => e),
      await getObject(s3),
    ]);
    const real = await rejectionOf(
      s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal: controller.signal }),
    );
    expect(real.name).toBe('AbortError');
    expect(aborted).toMatchObject({ name: real.name, message: real.message });
    expect((next as { ContentType: string }).ContentType).toBe('kept');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'AbortError',
    });
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    verifier.verifyAll();
  });

  test('an already-aborted call with no mock queued is still the abort error, not a violation', async () => {
    const verifier = new StrictVerifier();
    const controller = new AbortController();
    controller.abort('caller gave up');
    const error = await verifier.run(() =>
      new S3Client({})
        .send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal: controller.signal })
        .catch((e: unknown) => e),
    );
    const real = await rejectionOf(
      new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), {
        abortSignal: controller.signal,
      }),
    );
    expect(error).toMatchObject({ name: 'AbortError', message: real.message });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'k' },
      raised: 'AbortError',
    });
    verifier.verifyAll();
  });
});
