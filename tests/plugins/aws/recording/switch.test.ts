/**
 * `TRIPWIRE_RECORD=1 npx jest path`: the hooks the test-runner setups call around each test. With the switch,
 * run() records and the code is printed after the test; with TRIPWIRE_RECORD=write, also written beside the
 * test file. Without it nothing changes and nothing is written.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { startTestVerifier } from '../../../../src/test-runner-setup';
import { applyRecordSwitch, finishRecordSwitch } from '../../../../src/verifier/recording-switch';
import { lambdaClient, lambdaServer } from './support/lambda-server';

const server = lambdaServer();
const RECORDED_FILE = __filename.replace(/\.ts$/, '.recorded.ts');
const saved = { record: process.env.TRIPWIRE_RECORD, allow: process.env.TRIPWIRE_RECORD_ALLOW_CI };
let endpoint: string;

beforeAll(async () => {
  endpoint = await server.start();
  process.env.TRIPWIRE_RECORD_ALLOW_CI = '1';
});

afterAll(async () => {
  for (const [name, value] of [
    ['TRIPWIRE_RECORD', saved.record],
    ['TRIPWIRE_RECORD_ALLOW_CI', saved.allow],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await server.stop();
});

afterEach(() => {
  rmSync(RECORDED_FILE, { force: true });
  jest.restoreAllMocks();
});

/** One test as a runner setup runs it: the switch applied to its fresh verifier, the hook after it. */
async function aTest(name: string): Promise<{ verifier: StrictVerifier; written: string | undefined }> {
  const verifier = new StrictVerifier();
  verifier.hintName = 'tripwire';
  applyRecordSwitch(verifier);
  await verifier.run(() =>
    lambdaClient(endpoint).send(new GetFunctionConfigurationCommand({ FunctionName: 'worker' })),
  );
  const written = finishRecordSwitch(verifier, () => name);
  return { verifier, written };
}

describe('TRIPWIRE_RECORD', () => {
  test('=1: run() records, and the code is printed after the test under its name', async () => {
    process.env.TRIPWIRE_RECORD = '1';
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);

    const { verifier, written } = await aTest('reads the name');

    expect(verifier.mode).toBe('record');
    expect(server.requests.length).toBeGreaterThan(0);
    expect(written).toBeUndefined();
    const printed = String(log.mock.calls[0]?.[0]);
    expect(printed).toMatch(/^\/\/ reads the name\n\/\/ Recorded by ts-tripwire on /);
    expect(printed).toContain("tripwire.aws.mockCall('lambda', 'GetFunctionConfiguration', {");
    expect(printed).toContain(
      "  operation: 'GetFunctionConfiguration',\n  params: { FunctionName: 'worker' },\n});",
    );
    verifier.verifyAll();
  });

  test('the runner setups apply it: the test verifier records, and finish() prints under the test name', async () => {
    process.env.TRIPWIRE_RECORD = '1';
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    server.requests.length = 0;

    const running = startTestVerifier();
    expect(running.verifier.mode).toBe('record');
    await running.verifier.run(() =>
      lambdaClient(endpoint).send(new GetFunctionConfigurationCommand({ FunctionName: 'worker' })),
    );
    running.finish();

    expect(server.requests.length).toBeGreaterThan(0);
    const printed = String(log.mock.calls[0]?.[0]);
    expect(printed).toMatch(
      /^\/\/ the runner setups apply it: the test verifier records, and finish\(\) prints under the test name\n\/\/ Recorded by ts-tripwire on /,
    );
    expect(printed).toContain("tripwire.aws.mockCall('lambda', 'GetFunctionConfiguration', {");
  });

  test('=write: each test of the file adds its section to <test file>.recorded.ts', async () => {
    process.env.TRIPWIRE_RECORD = 'write';
    jest.spyOn(console, 'log').mockImplementation(() => undefined);

    const first = await aTest('first test');
    const second = await aTest('second test');

    expect(first.written).toBe(RECORDED_FILE);
    expect(second.written).toBe(RECORDED_FILE);
    const text = readFileSync(RECORDED_FILE, 'utf8');
    expect(text.match(/^\/\/ (first|second) test$/gm)).toEqual(['// first test', '// second test']);
  });

  test('unset: nothing is recorded, printed or written, and the unmocked call fails as always', async () => {
    delete process.env.TRIPWIRE_RECORD;
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    server.requests.length = 0;

    await expect(aTest('strict')).rejects.toThrow(/^Unmocked AWS call: lambda\.GetFunctionConfiguration/);

    expect(server.requests).toEqual([]);
    expect(log).not.toHaveBeenCalled();
    expect(existsSync(RECORDED_FILE)).toBe(false);
  });
});
