'use strict';
/**
 * What one test file leaves behind for the next ones in the same Jest worker: 80 generated test files run
 * in band (one worker), each with one test that makes one mocked S3 call and then measures what an
 * awaited promise costs, and appends it to a results file. Lines are appended in the order the files ran,
 * so the first line is the worker's 1st file and the last its 80th. Two suites: ts-tripwire (its Jest
 * setup, the call in tripwire.run, asserted) and a reference without ts-tripwire (a bare jest.spyOn stub).
 */
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { runSuite, writeJestConfig } = require('./jest-suite');

const FILES = 80;
// Small batches, because in the last files of a leaking worker an await can cost tens of µs.
const WARMUP_AWAITS = 1_000;
const BATCH_AWAITS = 2_000;
const BATCHES = 5;

/** Median ns per `await Promise.resolve()` over a few batches, after a warm-up. Runs inside the test file. */
const MEASURE = `
async function nsPerAwait() {
  for (let i = 0; i < ${WARMUP_AWAITS}; i++) await Promise.resolve();
  const batches = [];
  for (let batch = 0; batch < ${BATCHES}; batch++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < ${BATCH_AWAITS}; i++) await Promise.resolve();
    batches.push(Number(process.hrtime.bigint() - started) / ${BATCH_AWAITS});
  }
  return batches.sort((a, b) => a - b)[${Math.floor(BATCHES / 2)}];
}

function record(file, ns) {
  require('node:fs').appendFileSync(process.env.BENCH_PROMISE_OUT, \`\${JSON.stringify({ file, ns })}\\n\`);
}
`;

const HEADER = `'use strict';
const { Client } = require('@smithy/core/client');
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
${MEASURE}`;

const suites = {
  tripwire: {
    title: 'ts-tripwire',
    header: `${HEADER}const { tripwire } = require('ts-tripwire');\n`,
    test: (file) => `
test('file ${file}: a sandbox, then awaited promises', async () => {
  tripwire.aws.mockCall('s3', 'GetObject', { returns: { ETag: '"e"' } });
  const output = await tripwire.run(() => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k${file}' })));
  expect(output.ETag).toBe('"e"');
  tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k${file}' } });
  record(${file}, await nsPerAwait());
});
`,
    config: (dist) => ({
      setupFilesAfterEnv: [join(dist, 'jest.js')],
      moduleNameMapper: { '^ts-tripwire$': join(dist, 'index.js') },
    }),
  },
  reference: {
    title: 'no ts-tripwire (bare stub)',
    header: `${HEADER}afterEach(() => jest.restoreAllMocks());\n`,
    test: (file) => `
test('file ${file}: a stubbed call, then awaited promises', async () => {
  jest.spyOn(Client.prototype, 'send').mockResolvedValue({ ETag: '"e"' });
  const output = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k${file}' }));
  expect(output.ETag).toBe('"e"');
  record(${file}, await nsPerAwait());
});
`,
    config: () => ({}),
  },
};

/** Writes both suites under `dir` (dir/tripwire, dir/reference); the ts-tripwire one loads the build in `dist`. */
function generatePromiseSuites(dir, dist) {
  for (const [name, suite] of Object.entries(suites)) {
    const suiteDir = join(dir, name);
    mkdirSync(suiteDir, { recursive: true });
    for (let file = 1; file <= FILES; file++)
      writeFileSync(join(suiteDir, `promises-${file}.test.js`), suite.header + suite.test(file));
    writeJestConfig(suiteDir, suite.config(dist));
  }
  return { suites: Object.keys(suites), files: FILES };
}

/** Runs one suite and returns ns per awaited promise in the 1st and the last file the worker ran. */
function runPromiseSuite(dir, name, timeoutSeconds) {
  const suiteDir = join(dir, name);
  const out = join(suiteDir, 'promises.jsonl');
  rmSync(out, { force: true });
  const run = runSuite(suiteDir, { expectedTests: FILES, timeoutSeconds, env: { BENCH_PROMISE_OUT: out } });
  if (!run.finished) return run;
  const lines = readFileSync(out, 'utf8').trim().split('\n').map(JSON.parse);
  if (lines.length !== FILES) throw new Error(`${name}: ${lines.length} of ${FILES} files reported`);
  return { ...run, first: lines[0].ns, last: lines.at(-1).ns };
}

module.exports = { generatePromiseSuites, runPromiseSuite, PROMISE_FILES: FILES, promiseSuites: suites };
