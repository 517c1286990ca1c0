/**
 * Two copies of `@aws-sdk/client-s3` in one process (the root's latest line and the compat workspace's 3.600,
 * loaded by absolute path): an error from a code is an instance of the calling client's own package's
 * classes, never of the other copy's. Latest line only (under sdk-3.600 both would be the same copy).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as root from '@aws-sdk/client-s3';
import { afterAll, afterEach, describe, expect, jest, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { rejectionOf } from '../../../support/rejection';

const NESTED = join(__dirname, '../../../compat/sdk-3.600/node_modules/@aws-sdk/client-s3');
type S3Package = typeof import('@aws-sdk/client-s3');

const temporary: string[] = [];

afterEach(() => {
  jest.restoreAllMocks();
});
afterAll(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

/**
 * An instance of `own`'s classes, built by them (recent lines also let `instanceof` pass by name, so the
 * prototype chain is what tells the copies apart).
 */
function expectOwnClasses(error: Error, own: S3Package, other: S3Package): void {
  expect(error).toBeInstanceOf(own.NotFound);
  expect(error).toBeInstanceOf(own.S3ServiceException);
  expect(Object.getPrototypeOf(error)).toBe(own.NotFound.prototype);
  expect(Object.getPrototypeOf(error)).not.toBe(other.NotFound.prototype);
  expect(error.constructor).not.toBe(other.NotFound);
}

/**
 * The workspace's client-s3 as an npm alias installs it (`"s3-alias": "npm:@aws-sdk/client-s3@3.600.0"`): in a
 * folder not named after the package, beside its dependencies.
 */
function aliasedCopy(): string {
  const workspace = join(__dirname, '../../../compat/sdk-3.600/node_modules');
  const folder = mkdtempSync(join(tmpdir(), 'tripwire-alias-'));
  temporary.push(folder);
  const modules = join(folder, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(workspace)) {
    if (!entry.startsWith('.')) symlinkSync(join(workspace, entry), join(modules, entry));
  }
  const alias = join(modules, 's3-alias');
  cpSync(join(workspace, '@aws-sdk/client-s3'), alias, { recursive: true, dereference: true });
  return alias;
}

async function notFoundFrom(s3: S3Package, otherFirst: S3Package): Promise<Error> {
  // Both copies loaded, the other one first, so "the first loaded copy" would be the wrong answer.
  expect(otherFirst.S3Client).not.toBe(s3.S3Client);
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('s3', 'HeadObject', { raises: 'NotFound' });
  const error = await verifier.run(() =>
    rejectionOf(new s3.S3Client({}).send(new s3.HeadObjectCommand({ Bucket: 'b', Key: 'k' }))),
  );
  verifier.aws.assertAwsCall({
    service: 's3',
    operation: 'HeadObject',
    params: { Bucket: 'b', Key: 'k' },
    raised: 'NotFound',
  });
  verifier.verifyAll();
  return error;
}

describe('errors from a code, with two copies of the client package loaded', () => {
  test('a client of the second copy gets its own package’s NotFound and S3ServiceException', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const nested = require(NESTED) as S3Package;

    const error = await notFoundFrom(nested, root);

    expectOwnClasses(error, nested, root);
    expect(error).toMatchObject({ name: 'NotFound', $fault: 'client' });
  });

  test('a client of the first copy keeps its own classes once the second copy is loaded', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const nested = require(NESTED) as S3Package;

    const error = await notFoundFrom(root, nested);

    expectOwnClasses(error, root, nested);
  });

  test('a client of a copy installed under another name (an npm alias) gets that copy’s classes', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const aliased = require(aliasedCopy()) as S3Package;

    const error = await notFoundFrom(aliased, root);

    expectOwnClasses(error, aliased, root);
  });
});
