/**
 * How record and update modes put the captured calls together, against a canned Lambda on 127.0.0.1: calls
 * still pending when the recording ended, overlapping calls in one `inAnyOrder`, failed calls asserted with
 * what they raised, `record()` keeping its calls off the timeline, and the groups of update mode.
 */
import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  PutFunctionConcurrencyCommand,
} from '@aws-sdk/client-lambda';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { workerLambda } from './support/capture-servers';
import { recordAgainst } from './support/recording-hooks';

const server = workerLambda('{}');
const endpointOf = recordAgainst(server);

const quiet = { print: false } as const;
const client = () => new LambdaClient({ endpoint: endpointOf(), region: 'us-east-1' });
const get = (name = 'worker') => new GetFunctionConfigurationCommand({ FunctionName: name });
const put = (reserved: number) =>
  new PutFunctionConcurrencyCommand({ FunctionName: 'worker', ReservedConcurrentExecutions: reserved });

const GET_MOCK =
  "verifier.aws.mockCall('lambda', 'GetFunctionConfiguration', {\n  returns: { FunctionName: 'worker', MemorySize: 128 },\n});";
const GET_ASSERTION =
  "verifier.aws.assertAwsCall({\n  service: 'lambda',\n  operation: 'GetFunctionConfiguration',\n  params: { FunctionName: 'worker' },\n});";
const PUT_ASSERTION = (reserved: number) =>
  "verifier.aws.assertAwsCall({\n  service: 'lambda',\n  operation: 'PutFunctionConcurrency',\n" +
  `  params: { FunctionName: 'worker', ReservedConcurrentExecutions: ${reserved} },\n});`;
const indented = (text: string) => text.replace(/^/gm, '  ');
const inAnyOrder = (...assertions: string[]) =>
  `verifier.inAnyOrder(() => {\n${indented(assertions.join('\n'))}\n});`;

describe('record mode', () => {
  test('calls still pending when the recording ended are named in a note, and written nowhere else', async () => {
    const lambda = client();
    let late: Promise<unknown>[] = [];

    const { code } = await new StrictVerifier().record(async () => {
      await lambda.send(get());
      late = [lambda.send(put(1)), lambda.send(get())]; // not awaited: still on their way when fn returns
    }, quiet);
    await Promise.all(late);

    expect(code.before).toEqual([GET_MOCK]);
    expect(code.after).toEqual([GET_ASSERTION]);
    expect(code.notes).toEqual([
      expect.stringContaining('$metadata and request ids'),
      'still pending when the recording ended, so not written: lambda.PutFunctionConcurrency, lambda.GetFunctionConfiguration',
    ]);
  });

  test('with every call settled, there is no pending note', async () => {
    const { code } = await new StrictVerifier().record(() => client().send(get()), quiet);

    expect(code.notes).toEqual([expect.stringContaining('$metadata and request ids')]);
  });

  test('calls that overlapped are asserted in one inAnyOrder block; calls one after the other are not', async () => {
    const lambda = client();

    const { code } = await new StrictVerifier().record(async () => {
      await Promise.all([lambda.send(put(1)), lambda.send(put(2))]);
      await lambda.send(get());
    }, quiet);

    expect(code.after).toEqual([inAnyOrder(PUT_ASSERTION(1), PUT_ASSERTION(2)), GET_ASSERTION]);
  });

  test('a failed call is asserted with the error it raised', async () => {
    const { code } = await new StrictVerifier().record(
      () =>
        client()
          .send(get('gone'))
          .catch(() => 0),
      quiet,
    );

    expect(code.after).toEqual([
      "verifier.aws.assertAwsCall({\n  service: 'lambda',\n  operation: 'GetFunctionConfiguration',\n  params: { FunctionName: 'gone' },\n  raised: 'ResourceNotFoundException',\n});",
    ]);
  });

  test('record() keeps its calls off the timeline: the strict verifier has nothing left to assert', async () => {
    const verifier = new StrictVerifier();

    await verifier.record(() => client().send(get()), quiet);

    expect(() => verifier.verifyAll()).not.toThrow();
  });

  test('a call whose endpoint cannot be told adds nothing to recordedAgainst', async () => {
    const unknown = () => Promise.reject(new Error('no endpoint yet'));
    const lambda = new LambdaClient({ endpoint: unknown, region: 'us-east-1' });

    const { code } = await new StrictVerifier().record(() => lambda.send(get()).catch(() => 0), quiet);

    expect(code.recordedAgainst).toStrictEqual([]);
  });
});

describe('update mode', () => {
  test('the missing assertions: mocked calls each on their own, raised errors named, overlapping calls let through together', async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ mode: 'update' });
    verifier.aws.mockCall('lambda', 'GetFunctionConfiguration', { returns: { MemorySize: 256 } });
    verifier.aws.mockCall('lambda', 'GetFunctionConfiguration', { raises: 'ResourceNotFoundException' });
    const lambda = client();

    await verifier.run(async () => {
      await lambda.send(get());
      await lambda.send(get('gone')).catch(() => undefined);
      await Promise.all([lambda.send(put(1)), lambda.send(put(2))]);
      await lambda.send(put(3));
    });

    expect(server.requests.map((request) => request.method)).toEqual(['PUT', 'PUT', 'PUT']);
    expect(verifier.missingCode().after).toEqual([
      GET_ASSERTION,
      "verifier.aws.assertAwsCall({\n  service: 'lambda',\n  operation: 'GetFunctionConfiguration',\n  params: { FunctionName: 'gone' },\n  raised: 'ResourceNotFoundException',\n});",
      inAnyOrder(PUT_ASSERTION(1), PUT_ASSERTION(2)),
      PUT_ASSERTION(3),
    ]);
  });
});

test('a verifier disposed during record() releases what it captured: the recording writes nothing', async () => {
  const verifier = new StrictVerifier();

  const { code } = await verifier.record(async () => {
    await client().send(get());
    verifier[Symbol.dispose]();
  }, quiet);

  expect(code).toEqual({ before: [], after: [], imports: [], notes: [], recordedAgainst: [] });
  expect(server.requests).toHaveLength(1);
});
