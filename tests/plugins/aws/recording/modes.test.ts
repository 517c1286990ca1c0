/**
 * Record mode (`record(fn)`, `configure({ mode: 'record' })`) and update mode (`configure({ mode: 'update' })`)
 * against a canned SSM on 127.0.0.1: which calls reach the service, what is captured, what verifyAll() says.
 */
import { request } from 'node:http';
import { GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { EscapedRequestError, StrictVerifier, UnusedMocksError } from 'ts-tripwire';
import { ssmClient, ssmServer } from './support/ssm-server';

const server = ssmServer();
let endpoint: string;
const savedAllow = process.env.TRIPWIRE_RECORD_ALLOW_CI;

beforeAll(async () => {
  endpoint = await server.start();
  process.env.TRIPWIRE_RECORD_ALLOW_CI = '1'; // whatever CI says: these tests record on purpose
});

afterAll(async () => {
  if (savedAllow === undefined) delete process.env.TRIPWIRE_RECORD_ALLOW_CI;
  else process.env.TRIPWIRE_RECORD_ALLOW_CI = savedAllow;
  await server.stop();
});

beforeEach(() => {
  server.requests.length = 0;
});

async function readThenWrite(): Promise<string | undefined> {
  const ssm = ssmClient(endpoint);
  const read = await ssm.send(new GetParameterCommand({ Name: '/app/name' }));
  await ssm.send(
    new PutParameterCommand({ Name: '/app/copy', Value: read.Parameter?.Value ?? '', Overwrite: true }),
  );
  return read.Parameter?.Value;
}

describe('record mode', () => {
  test("run() in record mode sends every call, checks the test's assertions against them, and keeps their code", async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ mode: 'record' });

    const value = await verifier.run(readThenWrite);

    expect(value).toBe('real-name');
    expect(server.requests.map((seen) => seen.target)).toEqual([
      'AmazonSSM.GetParameter',
      'AmazonSSM.PutParameter',
    ]);
    verifier.aws.assertAwsCall({ service: 'ssm', operation: 'GetParameter', params: { Name: '/app/name' } });
    verifier.verifyAll(); // the PutParameter is left unasserted: its assertion is in the recorded code
    const code = verifier.recordedCode();
    expect(code.before).toEqual([
      "verifier.aws.mockCall('ssm', 'GetParameter', {\n  returns: { Parameter: { Name: '/app/name', Type: 'String', Value: 'real-name', Version: 7 } },\n});",
      "verifier.aws.mockCall('ssm', 'PutParameter', { returns: { Version: 1, Tier: 'Standard' } });",
    ]);
    expect(code.after).toEqual([
      "verifier.aws.assertAwsCall({ service: 'ssm', operation: 'GetParameter', params: { Name: '/app/name' } });",
      "verifier.aws.assertAwsCall({\n  service: 'ssm',\n  operation: 'PutParameter',\n  params: { Name: '/app/copy', Value: 'real-name', Overwrite: true },\n});",
    ]);
    expect(code.recordedAgainst).toEqual([
      expect.stringMatching(/^ssm at http:\/\/127\.0\.0\.1:\d+ \(@aws-sdk\/client-ssm \d+\.\d+\.\d+\)$/),
    ]);
  });

  test('the callback form of send is recorded and answered through its callback', async () => {
    const verifier = new StrictVerifier();
    const { value, code } = await verifier.record(
      () =>
        new Promise((resolve, reject) => {
          ssmClient(endpoint).send(new GetParameterCommand({ Name: '/app/name' }), (error, output) =>
            error ? reject(error) : resolve(output?.Parameter?.Value),
          );
        }),
      { print: false },
    );

    expect(value).toBe('real-name');
    expect(code.after).toEqual([
      "verifier.aws.assertAwsCall({ service: 'ssm', operation: 'GetParameter', params: { Name: '/app/name' } });",
    ]);
  });

  test('the network safety net lets the recorded calls through, and only them', async () => {
    const verifier = new StrictVerifier();
    const escaped = await verifier.record(
      async () => {
        await ssmClient(endpoint).send(new GetParameterCommand({ Name: '/app/name' }));
        // An SDK request that never went through send (a bundled SDK copy, say): refused, as in any sandbox.
        return new Promise<unknown>((resolve) => {
          const sdkLike = request(`${endpoint}/`, {
            method: 'POST',
            headers: { 'amz-sdk-invocation-id': 'x' },
          });
          sdkLike.on('error', resolve).end();
        });
      },
      { print: false },
    );

    expect(escaped.value).toBeInstanceOf(EscapedRequestError);
    expect(server.requests.map((seen) => seen.target)).toEqual(['AmazonSSM.GetParameter']);
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
    verifier.aws.mockCall('ssm', 'GetParameter', { returns: { Parameter: { Value: 'mocked-name' } } });

    const value = await verifier.run(readThenWrite);

    expect(value).toBe('mocked-name');
    expect(server.requests.map((seen) => seen.target)).toEqual(['AmazonSSM.PutParameter']);
    verifier.verifyAll(); // neither the unmocked call nor the unasserted ones fail it
    expect(verifier.missingCode()).toEqual({
      before: [
        "verifier.aws.mockCall('ssm', 'PutParameter', { returns: { Version: 1, Tier: 'Standard' } });",
      ],
      after: [
        "verifier.aws.assertAwsCall({ service: 'ssm', operation: 'GetParameter', params: { Name: '/app/name' } });",
        "verifier.aws.assertAwsCall({\n  service: 'ssm',\n  operation: 'PutParameter',\n  params: { Name: '/app/copy', Value: 'mocked-name', Overwrite: true },\n});",
      ],
      imports: [],
      notes: [expect.stringContaining('$metadata and request ids')],
      recordedAgainst: [expect.stringMatching(/^ssm at http:\/\/127\.0\.0\.1:\d+/)],
    });
    verifier.aws.assertAwsCall({ service: 'ssm', operation: 'GetParameter', params: { Name: '/app/name' } });
    expect(verifier.missingCode({ typed: true }).after).toEqual([
      "verifier.aws.assertAwsCall(PutParameterCommand, {\n  params: { Name: '/app/copy', Value: 'mocked-name', Overwrite: true },\n});",
    ]);
  });

  test('an unused mock still fails verifyAll()', async () => {
    const verifier = new StrictVerifier();
    verifier.configure({ mode: 'update' });
    verifier.aws.mockCall('ssm', 'DeleteParameter');

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
