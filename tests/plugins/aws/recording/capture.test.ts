/**
 * What record mode captures of each call, with real clients against canned services on 127.0.0.1: the
 * endpoint it was recorded against (given, configured by environment, or AWS's own), outputs with bytes and
 * streams (copied, read whole, handed on fresh), and failures (from the service, or from the client before
 * anything was sent).
 */
import { PassThrough, type Readable } from 'node:stream';
import { GetFunctionConfigurationCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { StrictVerifier } from 'ts-tripwire';
import { refusingHandler, reportsBucket, workerLambda } from './support/capture-servers';
import { allowRecordingOnCi, restoreEnv } from './support/recording-hooks';

const lambda = workerLambda('{"greeting":"hello"}');
const s3 = reportsBucket('total: 42');
let lambdaEndpoint: string;
let s3Endpoint: string;
const saved = {
  endpoint: process.env.AWS_ENDPOINT_URL,
  lambdaEndpoint: process.env.AWS_ENDPOINT_URL_LAMBDA,
};

allowRecordingOnCi();

beforeAll(async () => {
  [lambdaEndpoint, s3Endpoint] = await Promise.all([lambda.start(), s3.start()]);
});

afterAll(async () => {
  await Promise.all([lambda.stop(), s3.stop()]);
});

beforeEach(() => {
  lambda.requests.length = 0;
  s3.requests.length = 0;
});

afterEach(() => {
  restoreEnv('AWS_ENDPOINT_URL', saved.endpoint);
  restoreEnv('AWS_ENDPOINT_URL_LAMBDA', saved.lambdaEndpoint);
});

const quiet = { print: false } as const;
const LAMBDA_PACKAGE = / \(@aws-sdk\/client-lambda \d+\.\d+\.\d+\)$/.source;
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const getWorker = () => new GetFunctionConfigurationCommand({ FunctionName: 'worker' });

function recordedAgainst(client: LambdaClient): Promise<readonly string[]> {
  const run = () => client.send(getWorker()).catch(() => undefined);
  return new StrictVerifier().record(run, quiet).then(({ code }) => code.recordedAgainst);
}

describe('the endpoint a call was recorded against', () => {
  test('an endpoint given to the client, with its port and path', async () => {
    const client = new LambdaClient({ endpoint: `${lambdaEndpoint}/dev`, region: 'us-east-1' });

    const against = await recordedAgainst(client);

    expect(against).toEqual([
      expect.stringMatching(new RegExp(`^lambda at ${literally(`${lambdaEndpoint}/dev`)}${LAMBDA_PACKAGE}`)),
    ]);
    expect(lambda.requests.map((request) => request.url)).toEqual([
      '/dev/2015-03-31/functions/worker/configuration',
    ]);
  });

  test('an endpoint given without a port or path is written as given', async () => {
    const { requestHandler } = refusingHandler();
    const client = new LambdaClient({
      endpoint: 'https://lambda.example.test',
      region: 'us-east-1',
      requestHandler,
    });

    const against = await recordedAgainst(client);

    expect(against).toEqual([
      expect.stringMatching(new RegExp(`^lambda at https://lambda\\.example\\.test${LAMBDA_PACKAGE}`)),
    ]);
  });

  test("the service's own AWS_ENDPOINT_URL_LAMBDA, when the client is given none", async () => {
    process.env.AWS_ENDPOINT_URL_LAMBDA = lambdaEndpoint;

    const against = await recordedAgainst(new LambdaClient({ region: 'us-east-1' }));

    expect(against).toEqual([
      expect.stringMatching(new RegExp(`^lambda at ${literally(lambdaEndpoint)}${LAMBDA_PACKAGE}`)),
    ]);
    expect(lambda.requests).toHaveLength(1);
  });

  test("with no endpoint given or configured, AWS's endpoint for the client's region", async () => {
    delete process.env.AWS_ENDPOINT_URL;
    const { hosts, requestHandler } = refusingHandler();

    const against = await recordedAgainst(new LambdaClient({ region: 'eu-west-3', requestHandler }));

    expect(against).toEqual([
      expect.stringMatching(
        new RegExp(`^lambda at https://lambda\\.eu-west-3\\.amazonaws\\.com/${LAMBDA_PACKAGE}`),
      ),
    ]);
    expect(hosts).toEqual(['lambda.eu-west-3.amazonaws.com']);
  });
});

describe('outputs', () => {
  test("a byte member is kept as a copy: the code under test wiping its payload leaves the recording's intact", async () => {
    const client = new LambdaClient({ endpoint: lambdaEndpoint, region: 'us-east-1' });
    const invokeAndWipe = async () => {
      const { Payload } = await client.send(new InvokeCommand({ FunctionName: 'worker' }));
      const text = Buffer.from(Payload!).toString('utf8');
      Payload!.fill(0);
      return text;
    };

    const { value, code } = await new StrictVerifier().record(invokeAndWipe, quiet);

    expect(value).toBe('{"greeting":"hello"}');
    expect(code.before).toEqual([expect.stringContaining(`Payload: '{"greeting":"hello"}'`)]);
  });

  const getSummary = () => new GetObjectCommand({ Bucket: 'reports', Key: 'summary.txt' });
  const s3Client = (options: object = {}) =>
    new S3Client({ endpoint: s3Endpoint, region: 'us-east-1', forcePathStyle: true, ...options });

  test.each([
    ['the Node handler', {}],
    ["fetch's web stream", { requestHandler: new FetchHttpHandler() }],
  ])(
    'a streamed body (%s) is read whole, recorded as text, and handed on as a fresh SDK stream',
    async (_, options) => {
      const client = s3Client(options);
      const read = async () => (await client.send(getSummary())).Body!.transformToString();

      const { value, code } = await new StrictVerifier().record(read, quiet);

      expect(value).toBe('total: 42');
      expect(code.before).toEqual([expect.stringContaining("Body: 'total: 42'")]);
    },
  );
});

describe('outputs from middleware', () => {
  test('a body a middleware re-streamed (a plain Node stream, no SDK helpers) is read whole too', async () => {
    const client = new S3Client({ endpoint: s3Endpoint, region: 'us-east-1', forcePathStyle: true });
    const received: number[] = [];
    // A download-progress middleware: the body goes on through a PassThrough that counts its bytes.
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const output = result.output as { Body?: Readable };
        const counted = new PassThrough().on('data', (chunk: Buffer) => received.push(chunk.length));
        output.Body = output.Body?.pipe(counted);
        return result;
      },
      { step: 'initialize' },
    );
    const read = async () => {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: 'reports', Key: 'summary.txt' }));
      return Body!.transformToString();
    };

    const { value, code } = await new StrictVerifier().record(read, quiet);

    expect(value).toBe('total: 42');
    expect(received).toEqual([9]);
    expect(code.before).toEqual([expect.stringContaining("Body: 'total: 42'")]);
  });

  test("an output that is not a plain object (a caching middleware's own) reaches the code under test as it is", async () => {
    class CachedConfiguration {
      constructor(readonly MemorySize: number) {}
    }
    const cached = new CachedConfiguration(512);
    const client = new LambdaClient({ endpoint: lambdaEndpoint, region: 'us-east-1' });
    client.middlewareStack.add(() => async () => ({ output: cached as never, response: {} }), {
      step: 'initialize',
    });

    const { value } = await new StrictVerifier().record(() => client.send(getWorker()), quiet);

    expect(value).toBe(cached);
    expect(lambda.requests).toEqual([]);
  });
});

describe('failures', () => {
  const client = () => new LambdaClient({ endpoint: lambdaEndpoint, region: 'us-east-1' });
  /** A client whose middleware fails every call with `reason` before anything is sent. */
  const rejectingWith = (reason: unknown) => {
    const rejecting = client();
    rejecting.middlewareStack.add(() => () => Promise.reject(reason), { step: 'initialize' });
    return rejecting;
  };
  const failure = (send: () => Promise<unknown>) =>
    new StrictVerifier().record(() => send().then(undefined, (error: Error) => error.name), quiet);

  test("a service error is raised again by its code and message; its request's details are left out", async () => {
    const invalid = new GetFunctionConfigurationCommand({ FunctionName: 'Worker 2' });

    const { value, code } = await failure(() => client().send(invalid));

    expect(value).toBe('InvalidParameterValueException');
    expect(code.before).toEqual([
      "verifier.aws.mockCall('lambda', 'GetFunctionConfiguration', {\n  raises: { code: 'InvalidParameterValueException', message: 'Invalid function name' },\n});",
    ]);
    expect(code.after).toEqual([
      "verifier.aws.assertAwsCall({\n  service: 'lambda',\n  operation: 'GetFunctionConfiguration',\n  params: { FunctionName: 'Worker 2' },\n  raised: 'InvalidParameterValueException',\n});",
    ]);
    expect(code.notes).toEqual([]);
  });

  test('a rejection that is no Error is recorded by its text, not as members', async () => {
    const { code } = await failure(() => rejectingWith('circuit open').send(getWorker()));

    expect(code.before).toEqual([
      "verifier.aws.mockCall('lambda', 'GetFunctionConfiguration', {\n  raises: { code: 'Error', message: 'circuit open' },\n});",
    ]);
  });

  test("an error's own code field (a Node system error's) is left out, with a note, so the replay agrees with its assertion", async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', syscall: 'read' });

    const { code } = await failure(() => rejectingWith(reset).send(getWorker()));

    expect(code.before).toEqual([
      "verifier.aws.mockCall('lambda', 'GetFunctionConfiguration', {\n  raises: { code: 'Error', message: 'socket hang up', syscall: 'read' },\n});",
    ]);
    expect(code.after[0]).toContain("raised: 'Error'");
    expect(code.notes).toContain(
      "lambda.GetFunctionConfiguration: its error's own code field ('ECONNRESET') is not written: in raises, code is the error's name",
    );
  });

  test('an already aborted signal reaches the SDK: nothing is sent, and the abort is recorded with a note', async () => {
    const { value, code } = await failure(() =>
      client().send(getWorker(), { abortSignal: AbortSignal.abort() }),
    );

    expect(value).toBe('AbortError');
    expect(lambda.requests).toEqual([]);
    expect(code.before).toEqual([
      "verifier.aws.mockCall('lambda', 'GetFunctionConfiguration', {\n  raises: { code: 'AbortError', message: 'Request aborted' },\n});",
    ]);
    expect(code.notes).toEqual([
      'lambda.GetFunctionConfiguration failed without a service error (AbortError: Request aborted); the mock raises it as one',
    ]);
  });
});
