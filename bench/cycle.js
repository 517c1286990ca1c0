'use strict';
/**
 * One per-test cycle measurement in a fresh process (run by bench/run.js):
 *
 *   node bench/cycle.js <tripwire|incumbent|floor> <project-dir|none> <budget-seconds>
 *
 * A cycle is one test's worth of mocking work around one S3 GetObject send:
 * - tripwire:  a fresh StrictVerifier, mockCall, run (one send), assertAwsCall, verifyAll;
 * - incumbent: reset() on a mockClient(S3Client) made once (as per file in a suite), on().resolves(),
 *              the send, then calls(): one call, of GetObjectCommand, with the exact input;
 * - floor:     a fresh call list for send patched on the base client's prototype, the send, the same checks.
 * With a project dir, all its generated modules are required first (after the SDK and the contender), so
 * require.cache holds about 3,000 more modules. Warms up, then runs cycles for the budget and prints one
 * JSON line: µs per cycle, µs per mock registration (mockCall, or on().resolves(), timed inside the
 * cycles), and the number of modules in require.cache.
 */
const { isDeepStrictEqual } = require('node:util');
const { tripwireDist } = require('./env');
const { projectIndexes } = require('./project');

const [contenderName, projectDir, budgetArg] = process.argv.slice(2);
const budgetSeconds = Number(budgetArg);
const WARMUP_CYCLES = 300;
const MIN_CYCLES = 200;
const OUTPUT = { ContentType: 'text/plain', ContentLength: 24, ETag: '"0123456789abcdef"' };
const BUCKET = 'bench-bucket';

const now = () => performance.now() / 1000;
const paramsFor = (i) => ({ Bucket: BUCKET, Key: `key-${i}` });

function checkOutput(output) {
  if (output.ETag !== OUTPUT.ETag) throw new Error('unexpected output');
}

/** Each contender returns `cycle(i)`, resolving to the seconds its mock registration took. */
const contenders = {
  tripwire({ client, GetObjectCommand }) {
    const { StrictVerifier } = require(tripwireDist());
    return async (i) => {
      const verifier = new StrictVerifier();
      const started = now();
      verifier.aws.mockCall('s3', 'GetObject', { returns: OUTPUT });
      const registration = now() - started;
      const output = await verifier.run(() => client.send(new GetObjectCommand(paramsFor(i))));
      checkOutput(output);
      verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: paramsFor(i) });
      verifier.verifyAll();
      return registration;
    };
  },

  incumbent({ client, S3Client, GetObjectCommand }) {
    const { mockClient } = require('aws-sdk-client-mock');
    const mock = mockClient(S3Client);
    return async (i) => {
      mock.reset();
      const started = now();
      mock.on(GetObjectCommand).resolves(OUTPUT);
      const registration = now() - started;
      checkOutput(await client.send(new GetObjectCommand(paramsFor(i))));
      const calls = mock.calls();
      const command = calls[0]?.args[0];
      if (calls.length !== 1 || !(command instanceof GetObjectCommand))
        throw new Error('aws-sdk-client-mock: expected one GetObject call');
      if (!isDeepStrictEqual(command.input, paramsFor(i)))
        throw new Error('aws-sdk-client-mock: wrong input');
      return registration;
    };
  },

  floor({ client, GetObjectCommand }) {
    const { Client } = require('@smithy/core/client');
    let calls = [];
    let output;
    Client.prototype.send = function send(command) {
      calls.push(command);
      return Promise.resolve(output);
    };
    return async (i) => {
      calls = [];
      const started = now();
      output = OUTPUT;
      const registration = now() - started;
      checkOutput(await client.send(new GetObjectCommand(paramsFor(i))));
      if (calls.length !== 1 || !(calls[0] instanceof GetObjectCommand))
        throw new Error('floor: expected one GetObject call');
      if (!isDeepStrictEqual(calls[0].input, paramsFor(i))) throw new Error('floor: wrong input');
      return registration;
    };
  },
};

async function main() {
  if (!(contenderName in contenders) || !(budgetSeconds > 0)) {
    console.error(
      'usage: node bench/cycle.js <tripwire|incumbent|floor> <project-dir|none> <budget-seconds>',
    );
    process.exit(2);
  }
  const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
  const cycle = contenders[contenderName]({ client: new S3Client({}), S3Client, GetObjectCommand });
  if (projectDir !== 'none') for (const index of projectIndexes(projectDir)) require(index);
  const modules = Object.keys(require.cache).length;

  for (let i = 0; i < WARMUP_CYCLES; i++) await cycle(i);
  let cycles = 0;
  let registration = 0;
  const started = now();
  while (cycles < MIN_CYCLES || now() - started < budgetSeconds) {
    registration += await cycle(cycles);
    cycles++;
  }
  const seconds = now() - started;
  console.log(
    JSON.stringify({
      contender: contenderName,
      modules,
      cycles,
      seconds,
      microsPerCycle: (seconds / cycles) * 1e6,
      microsPerRegistration: (registration / cycles) * 1e6,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
