/**
 * The stream and blob values mocked outputs become: a byte-mode Node Readable (not object mode, as a real
 * Body's IncomingMessage), and null members kept as given.
 */
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';

async function getObjectBody(body: unknown): Promise<Readable> {
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: body as string } });
  const output = await verifier.run(() =>
    new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })),
  );
  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  return output.Body as Readable;
}

describe('a mocked Body is a byte stream, as a real one', () => {
  test.each([
    ['a string', () => 'hello'],
    ['bytes', () => new Uint8Array(Buffer.from('hello'))],
    ['a Readable', () => Readable.from([Buffer.from('hel'), Buffer.from('lo')])],
  ])('from %s it is not in object mode, so read(n) returns n bytes', async (_, body) => {
    const stream = await getObjectBody(body());

    expect(stream.readableObjectMode).toBe(false);
    await once(stream, 'readable');
    // In byte mode read(n) waits for n bytes, so ask for what the first chunk surely holds.
    const first = stream.read(2) as Buffer;
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(first.toString()).toBe('he');
  });
});

describe('a member registered as null stays null', () => {
  test('S3 GetObject Body', async () => {
    expect(await getObjectBody(null)).toBeNull();
  });

  test('Lambda Invoke Payload (the blob adapter member)', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('lambda', 'Invoke', { returns: { StatusCode: 200, Payload: null as never } });
    const output = await verifier.run(() =>
      new LambdaClient({}).send(new InvokeCommand({ FunctionName: 'f' })),
    );
    expect(output.Payload).toBeNull();
    verifier.aws.assertAwsCall({ service: 'lambda', operation: 'Invoke', params: { FunctionName: 'f' } });
  });
});
