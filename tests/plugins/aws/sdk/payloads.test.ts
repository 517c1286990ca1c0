import { Readable } from 'node:stream';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier, TripwireConfigError } from 'ts-tripwire';

const bodies: Array<[string, () => string | Buffer | Uint8Array | Readable]> = [
  ['a string', () => 'hello'],
  ['a Buffer', () => Buffer.from('hello')],
  ['a Uint8Array', () => new Uint8Array(Buffer.from('hello'))],
  ['a Readable', () => Readable.from([Buffer.from('hel'), Buffer.from('lo')])],
];

async function getBody(s3: S3Client) {
  const output = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
  return output.Body!;
}

function assertGets(verifier: StrictVerifier, count: number): void {
  for (let index = 0; index < count; index++) {
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
  }
}

describe('stream and blob output members become the SDK’s own types', () => {
  test.each(bodies)('GetObject Body from %s is a real SDK stream', async (_, body) => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: body() } });
    const text = await verifier.run(async () => (await getBody(new S3Client({}))).transformToString());
    expect(text).toBe('hello');
    assertGets(verifier, 1);
  });

  test('every call gets a fresh stream, so a body registered once can be read by two calls', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: 'twice' }, times: 2 });
    const s3 = new S3Client({});
    const texts = await verifier.run(async () => [
      await (await getBody(s3)).transformToString(),
      await (await getBody(s3)).transformToString(),
    ]);
    expect(texts).toEqual(['twice', 'twice']);
    assertGets(verifier, 2);
  });

  test('the stream is a Node Readable with the byte-array and web-stream transforms, and is one-shot', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: 'bytes' } });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: 'web' } });
    const s3 = new S3Client({});
    await verifier.run(async () => {
      const body = await getBody(s3);
      expect(body).toBeInstanceOf(Readable);
      expect(Buffer.from(await body.transformToByteArray()).toString()).toBe('bytes');
      await expect(body.transformToString()).rejects.toThrow('The stream has already been transformed.');
      const web = (await getBody(s3)).transformToWebStream();
      const text = await new Response(web as ReadableStream).text();
      expect(text).toBe('web');
    });
    assertGets(verifier, 2);
  });

  test('a Readable of string chunks yields bytes, as a real Body does, so the web stream works', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: Readable.from(['a,', 'b']) } });
    const body = await verifier.run(() => getBody(new S3Client({})));
    expect(await new Response(body.transformToWebStream() as ReadableStream).text()).toBe('a,b');
    assertGets(verifier, 1);
  });

  test('a Readable with times > 1 is refused: a stream is one-shot', () => {
    const verifier = new StrictVerifier();
    expect(() =>
      verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: Readable.from(['x']) }, times: 2 }),
    ).toThrow(
      new TripwireConfigError(
        "mockCall('s3', 'GetObject', ...): a Readable stream can be read only once, so it cannot serve times: 2. " +
          'Give the body as a string or bytes; each call then gets a fresh stream.',
      ),
    );
    verifier.verifyAll();
  });

  test('Lambda Invoke Payload from a string is the SDK blob with a synchronous transformToString', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('lambda', 'Invoke', { returns: { StatusCode: 200, Payload: '{"ok":true}' } });
    const output = await verifier.run(() =>
      new LambdaClient({}).send(new InvokeCommand({ FunctionName: 'f' })),
    );
    expect(output.Payload).toBeInstanceOf(Uint8Array);
    expect(output.Payload!.transformToString()).toBe('{"ok":true}');
    expect(JSON.parse(Buffer.from(output.Payload!).toString())).toEqual({ ok: true });
    verifier.aws.assertAwsCall({ service: 'lambda', operation: 'Invoke', params: { FunctionName: 'f' } });
  });
});
