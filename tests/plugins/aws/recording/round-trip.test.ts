/**
 * The record round trip: a production module is recorded against local emulators (dynalite, s3rver), the
 * recorded code is written into test files, and a child Jest run executes them offline under the
 * ts-tripwire/jest setup. The recorded tests pass, strict, with nothing left over; the same test over the
 * module with one param changed fails.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type RecordResult, StrictVerifier } from 'ts-tripwire';
import { makeClients, publishSummary, type Summary } from '../../../fixtures/record/app/reports';
import {
  CHILD_TIMEOUT_MS,
  expectPassed,
  type FixtureRun,
  failureText,
  REPO_ROOT,
  runFixtureChild,
} from '../../../support/runner-setup-contract';
import { type Emulator, startDynalite, startS3rver } from './support/emulators';
import { recordedTestFile } from './support/recorded-test-file';

const FIXTURE = join(REPO_ROOT, 'tests/fixtures/record');
const GENERATED = join(FIXTURE, 'generated', `round-trip-${process.pid}`);
const TITLE = 'publishes the summary';

let emulators: Emulator[] = [];
let stringForm: RecordResult<Summary>;
let typedForm: RecordResult<Summary>;
let run: FixtureRun;

async function seed(clients: ReturnType<typeof makeClients>): Promise<void> {
  await clients.s3.send(new CreateBucketCommand({ Bucket: 'reports' }));
  for (const [key, body] of [
    ['data/1.csv', '1,a\n2,b\n'],
    ['data/2.csv', '3,c\n'],
    ['data/3.csv', '4,d\n5,e\n6,f\n'],
  ] as const) {
    await clients.s3.send(new PutObjectCommand({ Bucket: 'reports', Key: key, Body: body }));
  }
  await clients.dynamodb.send(
    new CreateTableCommand({
      TableName: 'summaries',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

// #region record-api
function record(typed: boolean, clients: ReturnType<typeof makeClients>): Promise<RecordResult<Summary>> {
  const verifier = new StrictVerifier();
  verifier.hintName = 'tripwire';
  return verifier.record(() => publishSummary(clients, 'reports', 'summaries'), {
    typed,
    print: false,
    allowInCI: true,
  });
}
// #endregion record-api

function writeTest(name: string, result: RecordResult<Summary>, module: string): void {
  const importPath = relative(GENERATED, join(FIXTURE, 'app', module))
    .split('\\')
    .join('/');
  writeFileSync(
    join(GENERATED, name),
    recordedTestFile(result.code, { title: TITLE, module: importPath, expected: result.value }),
  );
}

/**
 * The recorded test must replay on the SDK line it was recorded with (lib-storage's params differ between
 * lines): under a compat project (tests/compat/<line>), the child uses that workspace's resolver too.
 */
function sdkLineResolver(): string {
  const workspace = /^(.*[\\/]tests[\\/]compat[\\/][^\\/]+)[\\/]node_modules[\\/]/.exec(
    require.resolve('@aws-sdk/client-s3'),
  );
  return workspace === null ? '' : join(workspace[1]!, 'resolver.js');
}

beforeAll(async () => {
  emulators = await Promise.all([startS3rver(), startDynalite()]);
  const clients = makeClients({ s3: emulators[0]!.endpoint, dynamodb: emulators[1]!.endpoint });
  await seed(clients);
  stringForm = await record(false, clients);
  typedForm = await record(true, clients);
  mkdirSync(GENERATED, { recursive: true });
  writeTest('string-form.test.ts', stringForm, 'reports');
  writeTest('typed-form.test.ts', typedForm, 'reports');
  writeTest('changed-param.test.ts', stringForm, 'reports-changed');
  run = await runFixtureChild({
    runner: 'Jest',
    fixtureRoot: GENERATED,
    args: (outputFile) => [
      join(REPO_ROOT, 'node_modules/jest/bin/jest.js'),
      '--config',
      join(FIXTURE, 'jest.config.js'),
      '--ci',
      '--runInBand',
      '--json',
      `--outputFile=${outputFile}`,
    ],
    env: () => ({ RECORD_ROUND_TRIP_DIR: GENERATED, RECORD_ROUND_TRIP_RESOLVER: sdkLineResolver() }),
  });
}, CHILD_TIMEOUT_MS + 30_000);

afterAll(async () => {
  if (process.env.H6_KEEP === undefined) rmSync(GENERATED, { recursive: true, force: true });
  await Promise.all(emulators.map((emulator) => emulator.stop()));
});

describe('a module recorded against dynalite and s3rver', () => {
  test('ran for real: the emulators answered, the missing header fell back', () => {
    expect(stringForm.value).toEqual({
      header: 'id,value',
      files: 3,
      rows: 6,
      stored: {
        id: { S: 'reports' },
        files: { N: '3' },
        rows: { N: '6' },
        header: { S: 'id,value' },
        tags: { SS: ['csv'] },
      },
    });
  });

  test('its code has the pages, the overlapping reads and upload parts, the missing file and the document client', () => {
    const text = stringForm.text;
    expect(text).toContain("NextContinuationToken: 'token-1'");
    expect(text).toContain("ContinuationToken: 'token-1'");
    expect(text.match(/tripwire\.inAnyOrder\(\(\) => \{/g)).toHaveLength(2);
    // The 404 is written only on SDK lines whose model does not give NoSuchKey's status (3.600).
    expect(text).toMatch(
      /raises: \{\s+code: 'NoSuchKey',\s+message: 'The specified key does not exist\.',\s+(\$metadata: \{ httpStatusCode: 404 \},\s+)?Key: 'header\.txt',?\s+\}/,
    );
    expect(text).toContain("raised: 'NoSuchKey'");
    expect(text).toContain("UploadId: 'upload-1'");
    expect(text).toContain('Body: tripwire.ANY');
    expect(text).toContain("tripwire.aws.mockCall('dynamodb-document', 'Put', { returns: {} });");
    expect(text).toContain("tags: new Set(['csv'])");
  });

  test('its recorded test passes offline, strict, with nothing left over', () => {
    expectPassed(run, 'string-form.test.ts', TITLE);
  });

  test('its recorded test in the typed form passes too', () => {
    expect(typedForm.code.imports).toEqual([
      { from: '@aws-sdk/client-dynamodb', names: ['GetItemCommand'] },
      {
        from: '@aws-sdk/client-s3',
        names: [
          'CompleteMultipartUploadCommand',
          'CreateMultipartUploadCommand',
          'GetObjectCommand',
          'ListObjectsV2Command',
          'UploadPartCommand',
        ],
      },
      { from: '@aws-sdk/lib-dynamodb', names: ['PutCommand'] },
    ]);
    expectPassed(run, 'typed-form.test.ts', TITLE);
  });

  test('the recorded test fails once the production code changes a param', () => {
    const outcome = run.test('changed-param.test.ts', TITLE);
    expect(outcome.status).toBe('failed');
    expect(failureText(outcome)).toContain('InteractionMismatchError');
    expect(failureText(outcome)).toContain("'header.txt'");
    expect(failureText(outcome)).toContain("'headers.txt'");
  });
});
