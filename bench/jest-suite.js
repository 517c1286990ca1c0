'use strict';
/**
 * The Jest comparison: the same 600 tests in 40 files (three mocked calls each) written for ts-tripwire's
 * Jest setup (every call asserted), for aws-sdk-client-mock (every call checked) and for a bare stub
 * (jest.spyOn on the base client's send resolving one fixed output, nothing checked but the result). Each
 * file also requires 300 modules of the generated project (bench/project.js), as real test files load
 * much of their project. Plain JS test files, no transform, so the run compares the libraries and not a
 * compiler. Generated into the benchmark's workspace, outside the repo.
 */
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { offlineEnv } = require('./env');
const { MODULES_PER_PACKAGE, projectIndexes } = require('./project');

const ROOT = resolve(__dirname, '..');
const FILES = 40;
const TESTS_PER_FILE = 15;
const PACKAGES_PER_FILE = 6; // 6 x 50 = 300 project modules per test file

/** The code under test, shared by both suites: three SDK calls over two clients. */
const APP = `'use strict';
const { GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const { PutCommand } = require('@aws-sdk/lib-dynamodb');

/** Copies an object under archive/ and records the copy in a table. */
async function archive(s3, documents, bucket, key) {
  const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const copy = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: \`archive/\${key}\`, Body: 'archived' }));
  await documents.send(
    new PutCommand({ TableName: 'archive', Item: { pk: key, etag: copy.ETag, size: original.ContentLength } }),
  );
  return { etag: copy.ETag, size: original.ContentLength };
}

module.exports = { archive };
`;

const CLIENTS = `const { Client } = require('@smithy/core/client');
const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');
const { archive } = require('./app');

const s3 = new S3Client({});
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

/** What one test knows: its key, the size GetObject returns and the ETag PutObject returns. */
function testCase(file, index) {
  const key = `file-${file}-${index}`;
  return { key, size: file * 100 + index, etag: `"etag-${file}-${index}"` };
}

const suites = {
  tripwire: {
    header: `'use strict';\nconst { tripwire } = require('ts-tripwire');\n${CLIENTS}`,
    test: ({ key, size, etag }) => `
test('archives ${key}', async () => {
  tripwire.aws.mockCall('s3', 'GetObject', { returns: { ContentLength: ${size}, ETag: '"original"' } });
  tripwire.aws.mockCall('s3', 'PutObject', { returns: { ETag: '${etag}' } });
  tripwire.aws.mockCall('dynamodb-document', 'Put', { returns: {} });

  const result = await tripwire.run(() => archive(s3, documents, 'bucket', '${key}'));

  expect(result).toEqual({ etag: '${etag}', size: ${size} });
  tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'bucket', Key: '${key}' } });
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'PutObject',
    params: { Bucket: 'bucket', Key: 'archive/${key}', Body: 'archived' },
  });
  tripwire.aws.assertAwsCall({
    service: 'dynamodb-document',
    operation: 'Put',
    params: { TableName: 'archive', Item: { pk: '${key}', etag: '${etag}', size: ${size} } },
  });
});
`,
    config: (dist) => ({
      setupFilesAfterEnv: [join(dist, 'jest.js')],
      moduleNameMapper: { '^ts-tripwire$': join(dist, 'index.js') },
    }),
  },

  incumbent: {
    header: `'use strict';\nconst { mockClient } = require('aws-sdk-client-mock');\n${CLIENTS}
const s3Mock = mockClient(S3Client);
const documentsMock = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  s3Mock.reset();
  documentsMock.reset();
});
`,
    test: ({ key, size, etag }) => `
test('archives ${key}', async () => {
  s3Mock.on(GetObjectCommand).resolves({ ContentLength: ${size}, ETag: '"original"' });
  s3Mock.on(PutObjectCommand).resolves({ ETag: '${etag}' });
  documentsMock.on(PutCommand).resolves({});

  const result = await archive(s3, documents, 'bucket', '${key}');

  expect(result).toEqual({ etag: '${etag}', size: ${size} });
  const s3Calls = s3Mock.calls();
  expect(s3Calls.map((call) => call.args[0].constructor)).toEqual([GetObjectCommand, PutObjectCommand]);
  expect(s3Calls[0].args[0].input).toEqual({ Bucket: 'bucket', Key: '${key}' });
  expect(s3Calls[1].args[0].input).toEqual({ Bucket: 'bucket', Key: 'archive/${key}', Body: 'archived' });
  const documentCalls = documentsMock.calls();
  expect(documentCalls.map((call) => call.args[0].constructor)).toEqual([PutCommand]);
  expect(documentCalls[0].args[0].input).toEqual({
    TableName: 'archive',
    Item: { pk: '${key}', etag: '${etag}', size: ${size} },
  });
});
`,
    config: () => ({}),
  },

  stub: {
    header: `'use strict';\n${CLIENTS}
afterEach(() => jest.restoreAllMocks());
`,
    test: ({ key, size, etag }) => `
test('archives ${key}', async () => {
  jest.spyOn(Client.prototype, 'send').mockResolvedValue({ ContentLength: ${size}, ETag: '${etag}' });

  const result = await archive(s3, documents, 'bucket', '${key}');

  expect(result).toEqual({ etag: '${etag}', size: ${size} });
});
`,
    config: () => ({}),
  },
};

/** The project packages test file `file` requires: 6 of the 60, a different run of them per file. */
function projectRequires(file, indexes) {
  const picked = Array.from(
    { length: PACKAGES_PER_FILE },
    (_, k) => indexes[(file * PACKAGES_PER_FILE + k) % indexes.length],
  );
  return `const project = [\n${picked.map((index) => `  require(${JSON.stringify(index)}),`).join('\n')}\n];
if (project.flat().length !== ${PACKAGES_PER_FILE * MODULES_PER_PACKAGE}) throw new Error('project modules missing');
`;
}

/** The Jest config of a generated suite: plain JS, no transform, its own cache, `extra` on top. */
function writeJestConfig(suiteDir, extra) {
  const config = {
    rootDir: suiteDir,
    testEnvironment: 'node',
    testMatch: ['**/*.test.js'],
    transform: {},
    watchman: false,
    cacheDirectory: join(suiteDir, '.jest-cache'),
    ...extra,
  };
  writeFileSync(join(suiteDir, 'jest.config.js'), `module.exports = ${JSON.stringify(config, null, 2)};\n`);
}

/**
 * Writes the three suites under `dir` (dir/tripwire, dir/incumbent, dir/stub), each with its own Jest
 * config, the ts-tripwire one loading the build in `dist`; every test file requires its share of the
 * project generated in `projectDir`. `dir` must see the project's node_modules (bench/workspace.js).
 */
function generateSuites(dir, dist, projectDir) {
  const indexes = projectIndexes(projectDir);
  for (const [name, suite] of Object.entries(suites)) {
    const suiteDir = join(dir, name);
    mkdirSync(suiteDir, { recursive: true });
    writeFileSync(join(suiteDir, 'app.js'), APP);
    for (let file = 1; file <= FILES; file++) {
      const tests = Array.from({ length: TESTS_PER_FILE }, (_, index) =>
        suite.test(testCase(file, index + 1)),
      );
      const source = suite.header + projectRequires(file, indexes) + tests.join('');
      writeFileSync(join(suiteDir, `archive-${file}.test.js`), source);
    }
    writeJestConfig(suiteDir, suite.config(dist));
  }
  return {
    suites: Object.keys(suites),
    files: FILES,
    tests: FILES * TESTS_PER_FILE,
    projectModulesPerFile: PACKAGES_PER_FILE * (MODULES_PER_PACKAGE + 1),
  };
}

/**
 * Runs the suite in `suiteDir` in a fresh Jest process (in band: what Jest's default does on two cores)
 * and returns its wall time, after checking that all `expectedTests` ran and passed.
 */
function runSuite(suiteDir, { expectedTests, timeoutSeconds, env = {} }) {
  const resultFile = join(suiteDir, 'result.json');
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/jest/bin/jest.js'),
      '--config',
      join(suiteDir, 'jest.config.js'),
      '--ci',
      '--runInBand',
      '--silent',
      '--json',
      '--outputFile',
      resultFile,
    ],
    {
      cwd: suiteDir,
      env: offlineEnv(env),
      encoding: 'utf8',
      timeout: timeoutSeconds * 1000,
      killSignal: 'SIGKILL',
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error?.code === 'ETIMEDOUT' || run.signal === 'SIGKILL') return { finished: false, seconds };
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  if (run.status !== 0 || result.numFailedTests > 0 || result.numPassedTests !== expectedTests) {
    throw new Error(
      `The Jest suite in ${suiteDir} did not pass (${result.numPassedTests} of ${expectedTests} passed, ${result.numFailedTests} failed):\n${run.stderr.slice(-4000)}`,
    );
  }
  return { finished: true, seconds, tests: result.numPassedTests };
}

module.exports = { generateSuites, runSuite, writeJestConfig };
