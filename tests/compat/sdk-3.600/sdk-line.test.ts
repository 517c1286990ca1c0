/**
 * Runs only in the sdk-3.600 project. Proves the project really runs on the 3.600 line (so that a green run
 * means something), and covers what the shared suite cannot reach through Jest's resolver: plain Node
 * processes and an esbuild bundle, each resolving the SDK from this workspace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildSync } from 'esbuild';
import { EscapedRequestError, StrictVerifier } from 'ts-tripwire';
import { LoopbackServer } from '../../support/loopback-server';
import { offlineEnvironment } from '../../support/offline-environment';
import { rejectionOf } from '../../support/rejection';

const WORKSPACE_MODULES = join(__dirname, 'node_modules') + sep;
const FIXTURES = join(__dirname, 'fixtures');

function packageVersion(name: string): string {
  const entry = require.resolve(name);
  expect(entry.startsWith(WORKSPACE_MODULES)).toBe(true);
  return (
    require(join(entry.slice(0, entry.indexOf(`${sep}dist-cjs${sep}`)), 'package.json')) as {
      version: string;
    }
  ).version;
}

describe('the sdk-3.600 project runs on the 3.600 line', () => {
  test('every SDK package the suite imports comes from the workspace, at 3.600.0', () => {
    const packages = [
      'client-cloudwatch-logs',
      'client-dynamodb',
      'client-lambda',
      'client-s3',
      'client-sqs',
      'client-sts',
      'lib-dynamodb',
      'lib-storage',
      's3-request-presigner',
    ];
    expect(Object.fromEntries(packages.map((name) => [name, packageVersion(`@aws-sdk/${name}`)]))).toEqual(
      Object.fromEntries(packages.map((name) => [name, '3.600.0'])),
    );
  });

  test('the old layout: send lives on @smithy/smithy-client’s Client, and commands carry no schema', () => {
    // Required, not imported: type-checking this file must not depend on the workspace being installed.
    const s3 = require('@aws-sdk/client-s3') as {
      S3Client: { prototype: object };
      GetObjectCommand: new (input: object) => { schema?: unknown };
    };
    const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb') as {
      DynamoDBDocumentClient: { prototype: object };
    };
    const smithy = require('@smithy/smithy-client') as { Client: new (...args: never[]) => object };
    expect(require.resolve('@smithy/smithy-client').startsWith(WORKSPACE_MODULES)).toBe(true);
    expect(Object.hasOwn(smithy.Client.prototype, 'send')).toBe(true);
    expect(s3.S3Client.prototype).toBeInstanceOf(smithy.Client);
    expect(DynamoDBDocumentClient.prototype).toBeInstanceOf(smithy.Client);
    expect(new s3.GetObjectCommand({ Bucket: 'b', Key: 'k' }).schema).toBeUndefined();
    expect(() => require('@smithy/core/serde')).toThrow();
  });
});

describe('what differs on the 3.600 line', () => {
  test('validation against the service model is skipped: commands carry no operation schema', async () => {
    const s3 = require('@aws-sdk/client-s3') as {
      S3Client: new (config: object) => { send(command: object): Promise<Record<string, unknown>> };
      GetObjectCommand: new (input: object) => object;
    };
    const verifier = new StrictVerifier();
    // Both refused on schema-based lines (tests/plugins/aws/sdk/validation.test.ts); accepted here.
    verifier.aws.mockCall('s3', 'ListObjectsV2', { returns: { Content: [] } as never, required: false });
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'served' } });
    const output = await verifier.run(() =>
      new s3.S3Client({}).send(new s3.GetObjectCommand({ bucket: 'b', Key: 'k' })),
    );
    expect(output.ContentType).toBe('served');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { bucket: 'b', Key: 'k' } as never,
    });
    verifier.verifyAll();
  });
});

/** The warning a process on this line prints once, naming the client package whose model was first read. */
function skippedWarning(clientPackage: string): string {
  return (
    `(node:PID) [TRIPWIRE_VALIDATION_SKIPPED] TripwireWarning: ts-tripwire: params and outputs are not validated: the installed AWS SDK line (${clientPackage} 3.600.0) has no operation schemas, ` +
    'so a misspelt param or output member, a missing required param, or a value of the wrong kind passes without a word. ' +
    'Upgrade the @aws-sdk/* packages to 3.969.0 or later to have them checked; or, to say that you know, turn validation off: configure({ validate: false })\n' +
    '(Use `node --trace-warnings ...` to show where the warning was created)\n'
  );
}

function withPid(stderr: string): string {
  return stderr.replace(/^\(node:\d+\)/gm, '(node:PID)');
}

/** Runs a fixture with plain Node from this workspace, as a user's project on the 3.600 line would. */
function runNode(script: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(FIXTURES, script)], {
    cwd: __dirname,
    env: { PATH: process.env.PATH, ...offlineEnvironment() },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('module loading under plain Node on the 3.600 line', () => {
  test('an SDK first loaded inside the sandbox is intercepted through @smithy/smithy-client, and untouched afterwards', () => {
    const result = runNode('lazy-client.js');
    expect(withPid(result.stderr)).toBe(skippedWarning('@aws-sdk/client-sts'));
    expect(JSON.parse(result.stdout)).toEqual({
      account: '123456789012',
      afterSandbox: 'ECONNREFUSED',
      builtOnSmithyClient: true,
      version: '3.600.0',
    });
    expect(result.status).toBe(0);
  });

  test('application code written as ES modules is intercepted like CommonJS code', () => {
    const result = runNode('esm-app.mjs');
    expect(withPid(result.stderr)).toBe(skippedWarning('@aws-sdk/client-sqs'));
    expect(JSON.parse(result.stdout)).toEqual({ messageId: 'm-1', unmocked: 'UnmockedInteractionError' });
    expect(result.status).toBe(0);
  });
});

describe('validation skipped on this line is said where users see it', () => {
  test('once per process, as a TripwireWarning naming the line and the version that validates', () => {
    const result = runNode('validation-skipped.js');
    expect(withPid(result.stderr)).toBe(skippedWarning('@aws-sdk/client-s3'));
    expect(JSON.parse(result.stdout)).toEqual([
      {
        name: 'TripwireWarning',
        code: 'TRIPWIRE_VALIDATION_SKIPPED',
        message: expect.stringMatching(
          /^ts-tripwire: params and outputs are not validated: the installed AWS SDK line \(@aws-sdk\/client-s3 3\.600\.0\)/,
        ),
      },
    ]);
    expect(result.status).toBe(0);
  });
});

describe('the network safety net against a bundled 3.600 client', () => {
  interface BundledApp {
    putObject(endpoint: string): Promise<unknown>;
  }
  const server = new LoopbackServer();
  const bundleDir = mkdtempSync(join(tmpdir(), 'tripwire-bundle-3600-'));
  let endpoint = '';
  let bundledFiles: string[] = [];
  let app: BundledApp;

  beforeAll(async () => {
    endpoint = await server.start();
    const outfile = join(bundleDir, 'bundled-client.js');
    const { metafile } = buildSync({
      entryPoints: [join(FIXTURES, 'bundled-client.js')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'silent',
      metafile: true,
      absWorkingDir: __dirname,
    });
    bundledFiles = Object.keys(metafile.inputs);
    app = require(outfile) as BundledApp;
  });

  afterAll(async () => {
    await server.stop();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  test('the bundle carries the 3.600 core, and outside a sandbox its request reaches the server', async () => {
    expect(bundledFiles).toContain('node_modules/@smithy/smithy-client/dist-cjs/index.js');
    expect(
      bundledFiles.filter((file) => !file.startsWith('node_modules/') && !file.startsWith('fixtures/')),
    ).toEqual([]);
    await rejectionOf(app.putObject(endpoint));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['x-amz-user-agent']).toMatch(/aws-sdk-js\/3\.600\.0/);
    server.requests.length = 0;
  });

  test('inside a sandbox its request is refused before it leaves, and remembered', async () => {
    const verifier = new StrictVerifier();
    const error = await verifier.run(() => rejectionOf(app.putObject(endpoint)));
    expect(error).toBeInstanceOf(EscapedRequestError);
    expect(error.message.split('\n')[0]).toBe(
      'AWS SDK request escaped interception and was blocked: PUT 127.0.0.1/b/k (s3.PutObject)',
    );
    expect(server.requests).toEqual([]);
    expect(() => verifier.verifyAll()).toThrow('[escaped] AWS SDK request escaped interception');
  });
});
