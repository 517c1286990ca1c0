/**
 * Record mode (`record(fn)`, `configure({ mode: 'record' })`) and update mode (`configure({ mode: 'update' })`)
 * against a canned SSM on 127.0.0.1: which calls reach the service, what is captured, what verifyAll() says.
 */
import { request } from 'node:http';
import { GetFunctionConfigurationCommand, PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, test } from '@jest/globals';
import {
  EscapedRequestError,
  PostSandboxInteractionError,
  StrictVerifier,
  UnusedMocksError,
} from 'ts-tripwire';
import {
  GET_CONFIGURATION,
  lambdaClient,
  lambdaServer,
  PUT_CONCURRENCY,
  seen,
} from './support/lambda-server';
import { recordAgainst } from './support/recording-hooks';

const server = lambdaServer();
const endpointOf = recordAgainst(server);

/** Reads the function's memory and reserves one concurrent execution per 64 MB of it. */
async function readThenWrite(): Promise<number | undefined> {
  const lambda = lambdaClient(endpointOf());
  const read = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'worker' }));
  const reserved = (read.MemorySize ?? 0) / 64;
  await lambda.send(
    new PutFunctionConcurrencyCommand({ FunctionName: 'worker', ReservedConcurrentExecutions: reserved }),
  );
  return read.MemorySize;
}

const GET_MOCK =
  "verifier.aws.mockCall('lambda', 'GetFunctionConfiguration', {\n  returns: { FunctionName: 'worker', MemorySize: 128 },\n});";
const PUT_MOCK = (reserved: number) =>
  `verifier.aws.mockCall('lambda', 'PutFunctionConcurrency', {\n  returns: { ReservedConcurrentExecutions: ${reserved} },\n});`;
const GET_ASSERTION =
  "verifier.aws.assertAwsCall({\n  service: 'lambda',\n  operation: 'GetFunctionConfiguration',\n  params: { FunctionName: 'worker' },\n});";
const PUT_ASSERTION = (reserved: number) =>
  "verifier.aws.assertAwsCall({\n  service: 'lambda',\n  operation: 'PutFunctionConcurrency',\n" +
  `  params: { FunctionName: 'worker', ReservedConcurrentExecutions: ${reserved} },\n});`;

describe('record mode', () => {
  test("run() in record mode sends every call, checks the test's assertions against them, and keeps their code", async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ mode: 'record' });

    const value = await verifier.run(readThenWrite);

    expect(value).toBe(128);
    expect(seen(server)).toEqual([GET_CONFIGURATION, PUT_CONCURRENCY]);
    verifier.aws.assertAwsCall({
      service: 'lambda',
      operation: 'GetFunctionConfiguration',
      params: { FunctionName: 'worker' },
    });
    verifier.verifyAll(); // the PutFunctionConcurrency is left unasserted: its assertion is in the recorded code
    const code = verifier.recordedCode();
    expect(code.before).toEqual([GET_MOCK, PUT_MOCK(2)]);
    expect(code.after).toEqual([GET_ASSERTION, PUT_ASSERTION(2)]);
    expect(code.recordedAgainst).toEqual([
      expect.stringMatching(
        /^lambda at http:\/\/127\.0\.0\.1:\d+ \(@aws-sdk\/client-lambda \d+\.\d+\.\d+\)$/,
      ),
    ]);
  });

  test('the callback form of send is recorded and answered through its callback', async () => {
    const verifier = new StrictVerifier();
    const { value, code } = await verifier.record(
      () =>
        new Promise((resolve, reject) => {
          const command = new GetFunctionConfigurationCommand({ FunctionName: 'worker' });
          lambdaClient(endpointOf()).send(command, (error, output) =>
            error ? reject(error) : resolve(output?.MemorySize),
          );
        }),
      { print: false },
    );

    expect(value).toBe(128);
    expect(code.after).toEqual([GET_ASSERTION]);
  });

  test('the network safety net lets the recorded calls through, and only them', async () => {
    const verifier = new StrictVerifier();
    const escaped = await verifier.record(
      async () => {
        await lambdaClient(endpointOf()).send(
          new GetFunctionConfigurationCommand({ FunctionName: 'worker' }),
        );
        // An SDK request that never went through send (a bundled SDK copy, say): refused, as in any sandbox.
        return new Promise<unknown>((resolve) => {
          const sdkLike = request(`${endpointOf()}/`, {
            method: 'POST',
            headers: { 'amz-sdk-invocation-id': 'x' },
          });
          sdkLike.on('error', resolve).end();
        });
      },
      { print: false },
    );

    expect(escaped.value).toBeInstanceOf(EscapedRequestError);
    expect(seen(server)).toEqual([GET_CONFIGURATION]);
  });

  test('a call made after record() settled, from work it started, is refused and never sent', async () => {
    const verifier = new StrictVerifier();
    let late: Promise<unknown> = Promise.resolve();

    await verifier.record(
      () => {
        late = new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
          lambdaClient(endpointOf()).send(new GetFunctionConfigurationCommand({ FunctionName: 'worker' })),
        );
      },
      { print: false },
    );

    await expect(late).rejects.toThrow(PostSandboxInteractionError);
    expect(seen(server)).toEqual([]);
  });

  test('an error thrown by the recorded function reaches the caller unchanged, and recording can start again', async () => {
    const verifier = new StrictVerifier();
    const failure = new Error('the code under test failed');

    await expect(verifier.record(() => Promise.reject(failure), { print: false })).rejects.toBe(failure);
    const again = await verifier.record(readThenWrite, { print: false });
    expect(again.code.before).toHaveLength(2);
  });
});

describe('update mode', () => {
  test('serves mocked calls, sends the unmocked ones, and writes what the test is missing', async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ mode: 'update' });
    verifier.aws.mockCall('lambda', 'GetFunctionConfiguration', { returns: { MemorySize: 256 } });

    const value = await verifier.run(readThenWrite);

    expect(value).toBe(256);
    expect(seen(server)).toEqual([PUT_CONCURRENCY]);
    verifier.verifyAll(); // neither the unmocked call nor the unasserted ones fail it
    expect(verifier.missingCode()).toEqual({
      before: [PUT_MOCK(4)],
      after: [GET_ASSERTION, PUT_ASSERTION(4)],
      imports: [],
      notes: [expect.stringContaining('$metadata and request ids')],
      recordedAgainst: [expect.stringMatching(/^lambda at http:\/\/127\.0\.0\.1:\d+/)],
    });
    verifier.aws.assertAwsCall({
      service: 'lambda',
      operation: 'GetFunctionConfiguration',
      params: { FunctionName: 'worker' },
    });
    const typed = verifier.missingCode({ typed: ['PutFunctionConcurrencyCommand'] });
    expect(typed.before).toEqual([
      'verifier.aws.mockCall(PutFunctionConcurrencyCommand, {\n  returns: { ReservedConcurrentExecutions: 4 },\n});',
    ]);
    expect(typed.after).toEqual([
      "verifier.aws.assertAwsCall(PutFunctionConcurrencyCommand, {\n  params: { FunctionName: 'worker', ReservedConcurrentExecutions: 4 },\n});",
    ]);
    expect(typed.imports).toEqual([
      { from: '@aws-sdk/client-lambda', names: ['PutFunctionConcurrencyCommand'] },
    ]);
  });

  test('an unused mock still fails verifyAll()', async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ mode: 'update' });
    verifier.aws.mockCall('lambda', 'DeleteFunction');

    await verifier.run(() => undefined);

    expect(() => verifier.verifyAll()).toThrow(UnusedMocksError);
  });
});

describe('where run() was called', () => {
  test('runSites lists the file, line and column of each run(', async () => {
    const verifier = new StrictVerifier();
    const line = Number(new Error().stack?.split('\n')[1]?.match(/:(\d+):\d+\)?$/)?.[1]) + 2;

    await verifier.run(() => undefined);

    expect(verifier.runSites).toEqual([{ file: __filename, line, column: expect.any(Number) }]);
  });
});

afterEach(() => {
  delete process.env.TRIPWIRE_RECORD;
});
