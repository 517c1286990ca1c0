/**
 * Streaming and blob output members of the tested clients, as production code reads them:
 * - S3 GetObject Body and S3 GetObjectTorrent Body: a Node Readable with the SDK's transformToString,
 *   transformToByteArray and transformToWebStream, one-shot;
 * - Lambda Invoke Payload: the SDK's Uint8ArrayBlobAdapter (bytes with a synchronous transformToString).
 * Lambda InvokeWithResponseStream's EventStream is an event stream, not a payload member: not covered here.
 */
import { Readable } from 'node:stream';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, GetObjectTorrentCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { StrictVerifier, TripwireConfigError } from 'ts-tripwire';
import { readWebStream } from './helpers';

const TEXT = 'héllo, wörld ✓';
const BYTES = Buffer.from(TEXT, 'utf8');

type BodyFactory = () => string | Buffer | Uint8Array | Readable;
const givenAs: Array<[string, BodyFactory]> = [
  ['a string', () => TEXT],
  ['a Buffer', () => Buffer.from(BYTES)],
  ['a Uint8Array', () => new Uint8Array(BYTES)],
  // Split inside a multi-byte character: decoding must happen over the whole stream.
  ['a Readable', () => Readable.from([BYTES.subarray(0, 2), BYTES.subarray(2)])],
];

/** The streaming members, each with how to call it and what its recorded params are. */
const streamingMembers = [
  {
    name: 'S3 GetObject Body',
    operation: 'GetObject',
    call: (s3: S3Client) => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })),
    params: { Bucket: 'b', Key: 'k' },
  },
  {
    name: 'S3 GetObjectTorrent Body',
    operation: 'GetObjectTorrent',
    call: (s3: S3Client) => s3.send(new GetObjectTorrentCommand({ Bucket: 'b', Key: 'k' })),
    params: { Bucket: 'b', Key: 'k' },
  },
] as const;

type Transform = 'transformToString' | 'transformToByteArray' | 'transformToWebStream';
const transforms: Transform[] = ['transformToString', 'transformToByteArray', 'transformToWebStream'];

interface SdkStreamBody extends Readable {
  transformToString(encoding?: string): Promise<string>;
  transformToByteArray(): Promise<Uint8Array>;
  transformToWebStream(): unknown;
}

async function readWith(body: SdkStreamBody, transform: Transform): Promise<string> {
  if (transform === 'transformToString') return body.transformToString();
  if (transform === 'transformToByteArray')
    return Buffer.from(await body.transformToByteArray()).toString('utf8');
  return readWebStream(body.transformToWebStream());
}

const matrix = streamingMembers.flatMap((member) =>
  givenAs.flatMap(([given, factory]) =>
    transforms.map((transform) => ({ member, given, factory, transform })),
  ),
);

describe('streaming members become real SDK streams', () => {
  test.each(matrix)(
    '$member.name from $given, read with $transform',
    async ({ member, factory, transform }) => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', member.operation, { returns: { Body: factory() } });

      const text = await verifier.run(async () => {
        const output = await member.call(new S3Client({}));
        const body = output.Body as unknown as SdkStreamBody;
        expect(body).toBeInstanceOf(Readable);
        return readWith(body, transform);
      });

      expect(text).toBe(TEXT);
      verifier.aws.assertAwsCall({ service: 's3', operation: member.operation, params: member.params });
      verifier.verifyAll();
    },
  );

  test.each(streamingMembers)(
    '$name is one-shot, as in production: a second transform is refused',
    async (member) => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', member.operation, { returns: { Body: TEXT } });

      await verifier.run(async () => {
        const body = (await member.call(new S3Client({}))).Body as unknown as SdkStreamBody;
        await body.transformToString();
        await expect(body.transformToString()).rejects.toThrow('The stream has already been transformed.');
      });

      verifier.aws.assertAwsCall({ service: 's3', operation: member.operation, params: member.params });
      verifier.verifyAll();
    },
  );

  test.each(streamingMembers)('$name can be consumed as a Node stream (for await, pipe)', async (member) => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', member.operation, { returns: { Body: BYTES }, times: 2 });
    const s3 = new S3Client({});

    const [iterated, piped] = await verifier.run(async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of (await member.call(s3)).Body as Readable) chunks.push(Buffer.from(chunk));
      const piping = (await member.call(s3)).Body as Readable;
      const collected: Buffer[] = [];
      await new Promise<void>((resolve, reject) => {
        piping.on('data', (chunk: Buffer) => collected.push(chunk));
        piping.on('end', resolve);
        piping.on('error', reject);
      });
      return [Buffer.concat(chunks).toString('utf8'), Buffer.concat(collected).toString('utf8')];
    });

    expect([iterated, piped]).toEqual([TEXT, TEXT]);
    verifier.aws.assertAwsCall({ service: 's3', operation: member.operation, params: member.params });
    verifier.aws.assertAwsCall({ service: 's3', operation: member.operation, params: member.params });
    verifier.verifyAll();
  });

  test('an empty string body is an empty stream', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: '' } });

    const bytes = await verifier.run(async () => {
      const output = await new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'empty' }));
      return output.Body!.transformToByteArray();
    });

    expect(bytes).toHaveLength(0);
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'b', Key: 'empty' },
    });
    verifier.verifyAll();
  });
});

describe('reading across two calls of one registration (times: 2): a fresh stream each time', () => {
  const reusable = givenAs.filter(([given]) => given !== 'a Readable');
  const cases = streamingMembers.flatMap((member) =>
    reusable.map(([given, factory]) => ({ member, given, factory })),
  );

  test.each(cases)('$member.name from $given', async ({ member, factory }) => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', member.operation, { returns: { Body: factory() }, times: 2 });
    const s3 = new S3Client({});

    const texts = await verifier.run(async () => {
      const first = (await member.call(s3)).Body as unknown as SdkStreamBody;
      const second = (await member.call(s3)).Body as unknown as SdkStreamBody;
      expect(second).not.toBe(first);
      // Read the second before the first: they share nothing.
      const secondText = await readWith(second, 'transformToWebStream');
      return [await readWith(first, 'transformToByteArray'), secondText];
    });

    expect(texts).toEqual([TEXT, TEXT]);
    verifier.aws.assertAwsCall({ service: 's3', operation: member.operation, params: member.params });
    verifier.aws.assertAwsCall({ service: 's3', operation: member.operation, params: member.params });
    verifier.verifyAll();
  });

  test.each(streamingMembers)(
    '$name: a returns function that builds a Readable per call serves both calls',
    async (member) => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', member.operation, {
        returns: () => ({ Body: Readable.from([Buffer.from(TEXT)]) }),
        times: 2,
      });
      const s3 = new S3Client({});

      const texts = await verifier.run(async () => [
        await ((await member.call(s3)).Body as unknown as SdkStreamBody).transformToString(),
        await ((await member.call(s3)).Body as unknown as SdkStreamBody).transformToString(),
      ]);

      expect(texts).toEqual([TEXT, TEXT]);
      verifier.aws.assertAwsCall({ service: 's3', operation: member.operation, params: member.params });
      verifier.aws.assertAwsCall({ service: 's3', operation: member.operation, params: member.params });
      verifier.verifyAll();
    },
  );

  test.each(streamingMembers)(
    '$name: a Readable with times: 2 is a TripwireConfigError (a stream is one-shot)',
    (member) => {
      const verifier = new StrictVerifier();
      let thrown: unknown;
      try {
        verifier.aws.mockCall('s3', member.operation, {
          returns: { Body: Readable.from([BYTES]) },
          times: 2,
        });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TripwireConfigError);
      expect((thrown as Error).message).toContain(`mockCall('s3', '${member.operation}', ...)`);
      expect((thrown as Error).message).toContain('times: 2');
      expect((thrown as Error).message).toContain('string or bytes');
      // Nothing was registered.
      verifier.verifyAll();
    },
  );
});

describe('Lambda Invoke Payload: the SDK blob type', () => {
  const blobInputs = givenAs.filter(([given]) => given !== 'a Readable');

  test.each(blobInputs)(
    'from %s: Uint8Array bytes with a synchronous transformToString',
    async (_given, factory) => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('lambda', 'Invoke', { returns: { StatusCode: 200, Payload: factory() } });

      const payload = await verifier.run(async () => {
        const output = await new LambdaClient({}).send(
          new InvokeCommand({ FunctionName: 'f', Payload: '{}' }),
        );
        return output.Payload!;
      });

      expect(payload).toBeInstanceOf(Uint8Array);
      expect(typeof payload.transformToString).toBe('function');
      // Synchronous, unlike a stream's.
      expect(payload.transformToString()).toBe(TEXT);
      expect(Buffer.from(payload).equals(BYTES)).toBe(true);
      verifier.aws.assertAwsCall({
        service: 'lambda',
        operation: 'Invoke',
        params: { FunctionName: 'f', Payload: '{}' },
      });
      verifier.verifyAll();
    },
  );

  test('a function error: the caller reads FunctionError and parses the Payload, as with a real Invoke', async () => {
    const verifier = new StrictVerifier();
    const errorPayload = { errorType: 'TypeError', errorMessage: 'boom', trace: [] };
    verifier.aws.mockCall('lambda', 'Invoke', {
      returns: { StatusCode: 200, FunctionError: 'Unhandled', Payload: JSON.stringify(errorPayload) },
    });

    const failure = await verifier.run(async () => {
      const output = await new LambdaClient({}).send(new InvokeCommand({ FunctionName: 'f' }));
      if (!output.FunctionError) return undefined;
      return JSON.parse(new TextDecoder().decode(output.Payload)) as typeof errorPayload;
    });

    expect(failure).toEqual(errorPayload);
    verifier.aws.assertAwsCall({ service: 'lambda', operation: 'Invoke', params: { FunctionName: 'f' } });
    verifier.verifyAll();
  });

  test('times: 2 gives each call its own bytes: mutating one Payload does not change the next', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('lambda', 'Invoke', { returns: { Payload: '{"n":1}' }, times: 2 });
    const lambda = new LambdaClient({});

    const [first, second] = await verifier.run(async () => {
      const a = (await lambda.send(new InvokeCommand({ FunctionName: 'f' }))).Payload!;
      a.fill(0);
      const b = (await lambda.send(new InvokeCommand({ FunctionName: 'f' }))).Payload!;
      return [a, b];
    });

    expect(Array.from(first!)).toEqual(new Array(7).fill(0));
    expect(second!.transformToString()).toBe('{"n":1}');
    verifier.aws.assertAwsCall({ service: 'lambda', operation: 'Invoke', params: { FunctionName: 'f' } });
    verifier.aws.assertAwsCall({ service: 'lambda', operation: 'Invoke', params: { FunctionName: 'f' } });
    verifier.verifyAll();
  });

  test('a Readable given for the blob member never reaches the code under test as a stream', async () => {
    // Production code never sees a stream here: it is either refused at registration, or converted to
    // the blob type. Which one is the library's choice; handing over the Readable is not.
    const verifier = new StrictVerifier();
    let refused: unknown;
    try {
      verifier.aws.mockCall('lambda', 'Invoke', { returns: { Payload: Readable.from([BYTES]) } });
    } catch (error) {
      refused = error;
    }
    if (refused !== undefined) {
      expect(refused).toBeInstanceOf(TripwireConfigError);
      expect((refused as Error).message).toContain('Payload');
      verifier.verifyAll();
      return;
    }

    const payload = await verifier.run(
      async () => (await new LambdaClient({}).send(new InvokeCommand({ FunctionName: 'f' }))).Payload,
    );

    expect(payload).toBeInstanceOf(Uint8Array);
    expect(payload!.transformToString()).toBe(TEXT);
    verifier.aws.assertAwsCall({ service: 'lambda', operation: 'Invoke', params: { FunctionName: 'f' } });
    verifier.verifyAll();
  });
});

describe('under Jest fake timers', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  test.each(transforms)(
    'a GetObject Body reads with %s without advancing the fake clock',
    async (transform) => {
      jest.useFakeTimers();
      const verifier = new StrictVerifier();
      verifier.aws.mockCall('s3', 'GetObject', { returns: { Body: TEXT } });

      const text = await verifier.run(async () => {
        const output = await new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
        return readWith(output.Body as unknown as SdkStreamBody, transform);
      });

      expect(text).toBe(TEXT);
      verifier.aws.assertAwsCall({
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'b', Key: 'k' },
      });
      verifier.verifyAll();
    },
  );
});
