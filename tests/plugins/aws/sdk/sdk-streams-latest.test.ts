/**
 * Latest line only (exclude from sdk-3.600): a plain bytes output member registered as null stays null
 * (Secrets Manager is not installed in the sdk-3.600 workspace); and the plain values made when no SDK stream
 * helpers sit beside the client's copy of the core (that project's resolver finds the workspace's helpers
 * from any folder).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import type { BaseClientCopy } from '../../../../src/plugins/aws/interception/sdk-copies';
import { toSdkBlob, toSdkStream } from '../../../../src/plugins/aws/sdk/sdk-streams';

describe('a member registered as null stays null', () => {
  test('Secrets Manager SecretBinary (a plain bytes member)', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('secrets-manager', 'GetSecretValue', { returns: { SecretBinary: null as never } });
    const output = await verifier.run(() =>
      new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: 's' })),
    );
    expect(output.SecretBinary).toBeNull();
    verifier.aws.assertAwsCall({
      service: 'secrets-manager',
      operation: 'GetSecretValue',
      params: { SecretId: 's' },
    });
  });
});

describe('with no SDK stream helpers beside the client’s copy of the core (a bundle)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tripwire-bundle-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const bundled: BaseClientCopy = { prototype: {}, exports: {}, file: join(folder, 'bundle.js') };

  test('a stream member is a plain byte-mode Readable with the bytes', async () => {
    const stream = toSdkStream('héllo', bundled) as Readable;

    expect(stream).toBeInstanceOf(Readable);
    expect(stream).not.toHaveProperty('transformToString');
    expect(stream.readableObjectMode).toBe(false);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('héllo');
  });

  test('a blob member is a plain Uint8Array copy of the bytes', () => {
    const given = new Uint8Array([1, 2, 3]);
    const blob = toSdkBlob(given, bundled) as Uint8Array;

    expect(Object.getPrototypeOf(blob)).toBe(Uint8Array.prototype);
    expect(blob).toEqual(new Uint8Array([1, 2, 3]));
    expect(blob).not.toBe(given);
    expect(Array.from(toSdkBlob('é', bundled) as Uint8Array)).toEqual([0xc3, 0xa9]);
  });
});
