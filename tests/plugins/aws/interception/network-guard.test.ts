import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildSync } from 'esbuild';
import { EscapedRequestError, StrictVerifier, type VerificationError } from 'ts-tripwire';
import { LoopbackServer } from '../../../support/loopback-server';
import { rejectionOf } from '../../../support/rejection';

interface BundledApp {
  putObject(endpoint: string): Promise<unknown>;
}

const server = new LoopbackServer();
const bundleDir = mkdtempSync(join(tmpdir(), 'tripwire-bundle-'));
let endpoint = '';
let app: BundledApp;

beforeAll(async () => {
  endpoint = await server.start();
  const outfile = join(bundleDir, 'bundled-client.js');
  buildSync({
    entryPoints: [join(__dirname, '../../../fixtures/bundled/bundled-client.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'silent',
  });
  app = require(outfile) as BundledApp;
});

afterAll(async () => {
  await server.stop();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('the network safety net', () => {
  test('a bundled SDK is out of reach of the send patch: without a sandbox its request reaches the server', async () => {
    await rejectionOf(app.putObject(endpoint));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['amz-sdk-invocation-id']).toEqual(expect.any(String));
    server.requests.length = 0;
  });

  test('inside a sandbox its request is refused before it leaves, and remembered with host, path and reason', async () => {
    const verifier = new StrictVerifier();
    const error = await verifier.run(() => rejectionOf(app.putObject(endpoint)));
    expect(error).toBeInstanceOf(EscapedRequestError);
    expect(error.message.split('\n')[0]).toBe(
      'AWS SDK request escaped interception and was blocked: PUT 127.0.0.1/b/k (s3.PutObject)',
    );
    expect(error.message).toContain('an SDK bundled into the code under test (esbuild, webpack)');
    expect(error.message).toContain(
      'await verifier.run(async () => { /* load and call the client here */ });',
    );
    expect(server.requests).toEqual([]);

    let verification: VerificationError | undefined;
    try {
      verifier.verifyAll();
    } catch (caught) {
      verification = caught as VerificationError;
    }
    expect(verification?.violations).toEqual([
      { kind: 'escaped', service: 's3', operation: 'PutObject', params: {}, message: error.message },
    ]);
  });

  test('the guard blocks it too, and lets it through at guard level off', async () => {
    const verifier = new StrictVerifier();
    const stopGuard = verifier.startGuard();
    try {
      expect(await rejectionOf(app.putObject(endpoint))).toBeInstanceOf(EscapedRequestError);
      expect(server.requests).toEqual([]);
      verifier.configure({ guard: 'off' });
      await rejectionOf(app.putObject(endpoint));
      expect(server.requests).toHaveLength(1);
      server.requests.length = 0;
    } finally {
      stopGuard();
    }
    expect(() => verifier.verifyAll()).toThrow('[escaped] AWS SDK request escaped interception');
  });
});

/** A request made with node:http itself, as code that signs its own requests does: its error or its status. */
function rawRequest(path: string, headers: OutgoingHttpHeaders): Promise<Error | number> {
  return new Promise((resolve) => {
    const request = httpRequest(`${endpoint}${path}`, { method: 'POST', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', resolve);
    request.end();
  });
}

describe('the network safety net and requests made without the SDK', () => {
  const SIGNED =
    'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0';

  test('a SigV4-signed request in a sandbox is refused, named by its signing service and x-amz-target', async () => {
    const verifier = new StrictVerifier();
    const error = await verifier.run(() =>
      rawRequest('/queue?x=1', { authorization: SIGNED, 'x-amz-target': 'AmazonSQS.SendMessage' }),
    );
    expect(error).toBeInstanceOf(EscapedRequestError);
    expect((error as Error).message.split('\n')[0]).toBe(
      'AWS SDK request escaped interception and was blocked: POST 127.0.0.1/queue (sqs.SendMessage)',
    );
    expect(server.requests).toEqual([]);
    expect(() => verifier.verifyAll()).toThrow('[escaped]');
  });

  test('without a target, the operation is the x-id query parameter, as S3 sends it', async () => {
    const verifier = new StrictVerifier();
    const error = await verifier.run(() =>
      rawRequest('/b/k?x-id=PutObject', { authorization: SIGNED.replace('/sqs/', '/s3/') }),
    );
    expect((error as Error).message.split('\n')[0]).toBe(
      'AWS SDK request escaped interception and was blocked: POST 127.0.0.1/b/k (s3.PutObject)',
    );
  });

  test('an unsigned request without the SDK’s headers is not AWS’s: it goes through, even in a sandbox', async () => {
    const verifier = new StrictVerifier();
    const status = await verifier.run(() => rawRequest('/health', { authorization: 'Bearer token' }));
    expect(status).toBe(500);
    expect(server.requests.map(({ url }) => url)).toEqual(['/health']);
    server.requests.length = 0;
    verifier.verifyAll();
  });
});
