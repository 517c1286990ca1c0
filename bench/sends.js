'use strict';
/**
 * One throughput measurement in a fresh process (run by bench/run.js, needs --expose-gc):
 *
 *   node --expose-gc bench/sends.js <tripwire|incumbent|floor> <scenario> <sends>
 *
 * Warms up with a short run, registers the mocks, then times `sends` sequential awaited sends and prints
 * one JSON line: sends per second, and the heap the run left behind per call (recordings, queued mocks).
 */
const { tripwireDist } = require('./env');
const { scenarios } = require('./scenarios');

const WARMUP_SENDS = 2000;
const [contenderName, scenarioName, sendsArg] = process.argv.slice(2);
const scenario = scenarios[scenarioName];
const sends = Number(sendsArg);
if (scenario === undefined || !(sends > 0) || typeof global.gc !== 'function') {
  console.error('usage: node --expose-gc bench/sends.js <tripwire|incumbent|floor> <scenario> <sends>');
  process.exit(2);
}

/** The code under test: `count` sequential sends, each output looked at. */
async function drive(sdk, count) {
  const { client, Command } = sdk;
  for (let i = 0; i < count; i++) {
    const output = await client.send(new Command(scenario.input(i)));
    const text = scenario.readBody ? await output.Body.transformToString() : undefined;
    if (!scenario.check(output, text)) throw new Error(`unexpected output on send ${i}`);
  }
}

/**
 * Each contender: `prepare(count)` registers the mocks for `count` sends (not timed) and returns `run`, the
 * timed part, and `records`, which checks the recordings afterwards (not timed) and returns what holds them.
 */
const contenders = {
  tripwire(sdk) {
    const { StrictVerifier } = require(tripwireDist());
    const { service, operation, returns } = scenario.tripwire;
    return (count) => {
      const verifier = new StrictVerifier();
      verifier.aws.mockCall(service, operation, { returns, times: count });
      return { run: () => verifier.run(() => drive(sdk, count)), records: () => verifier };
    };
  },

  incumbent(sdk) {
    const { mockClient } = require('aws-sdk-client-mock');
    const mock = mockClient(sdk.ClientClass);
    scenario.incumbent(mock, sdk);
    return (count) => {
      mock.resetHistory();
      const records = () => {
        if (mock.calls().length !== count) throw new Error('aws-sdk-client-mock missed calls');
        return mock;
      };
      return { run: () => drive(sdk, count), records };
    };
  },

  floor(sdk) {
    // The least a recording mock can do: patch `send` on the base client and keep a shallow copy of the input.
    const { Client } = require('@smithy/core/client');
    let calls = [];
    Client.prototype.send = function send(command) {
      calls.push({ ...command.input });
      return Promise.resolve(scenario.floorOutput());
    };
    return (count) => {
      calls = [];
      const records = () => {
        if (calls.length !== count) throw new Error('floor patch missed calls');
        return calls;
      };
      return { run: () => drive(sdk, count), records };
    };
  },
};

async function main() {
  const sdk = scenario.sdk();
  const prepare = contenders[contenderName](sdk);
  const warmup = prepare(WARMUP_SENDS);
  await warmup.run();
  warmup.records();

  global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const { run, records } = prepare(sends);
  const started = process.hrtime.bigint();
  await run();
  const finished = process.hrtime.bigint();
  const seconds = Number(finished - started) / 1e9;
  globalThis.keptForMeasurement = records(); // alive through the second gc()
  global.gc();
  const heapAfter = process.memoryUsage().heapUsed;

  const result = {
    contender: contenderName,
    scenario: scenarioName,
    sends,
    seconds,
    sendsPerSecond: sends / seconds,
    heapBytesPerCall: (heapAfter - heapBefore) / sends,
    // The timed window on the monotonic clock, in µs: bench/profile.js keeps only the samples inside it.
    window: [Number(started / 1000n), Number(finished / 1000n)],
  };
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
