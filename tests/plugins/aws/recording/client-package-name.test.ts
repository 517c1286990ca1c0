/**
 * The package a recording names for a client (its import in the typed form, its version in the header):
 * read from the manifest beside the loaded entry, once per package; a manifest without a name, or none that
 * can be read, names no package, and one without a version says so.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sqs from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, test } from '@jest/globals';
import { packageOf } from '../../../../src/plugins/aws/recording/client-package-name';

const root = mkdtempSync(join(tmpdir(), 'tripwire-manifests-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Loads `@aws-sdk/client-<folder>` from a temporary folder, its manifest as given; its service key is `folder`. */
function loadPackage(folder: string, manifest: string | undefined): string {
  const packageRoot = join(root, '@aws-sdk', `client-${folder}`);
  mkdirSync(join(packageRoot, 'dist-cjs'), { recursive: true });
  writeFileSync(join(packageRoot, 'dist-cjs', 'index.js'), 'exports.loaded = true;\n');
  require(join(packageRoot, 'dist-cjs', 'index.js'));
  // Written once loaded: Jest's resolver reads the manifest too, and cannot load a package whose manifest is garbled.
  if (manifest !== undefined) writeFileSync(join(packageRoot, 'package.json'), manifest);
  return join(packageRoot, 'package.json');
}

describe('packageOf', () => {
  test("a loaded client's package, with its version and exports", () => {
    const manifest = JSON.parse(
      readFileSync(require.resolve('@aws-sdk/client-sqs/package.json'), 'utf8'),
    ) as { version: string };

    expect(packageOf('sqs', sqs.SQSClient)).toEqual({
      name: '@aws-sdk/client-sqs',
      version: manifest.version,
      exports: expect.objectContaining({ SQSClient: sqs.SQSClient }),
    });
  });

  test('a manifest without a version names the package at version unknown', () => {
    loadPackage('unversioned', '{ "name": "@aws-sdk/client-unversioned" }');

    expect(packageOf('unversioned', undefined)).toEqual({
      name: '@aws-sdk/client-unversioned',
      version: 'unknown',
      exports: { loaded: true },
    });
  });

  test('a manifest without a name, a manifest that is not JSON, or none at all names no package', () => {
    loadPackage('nameless', '{ "version": "1.0.0" }');
    loadPackage('garbled', '{ "name": ');
    loadPackage('unpackaged', undefined);

    expect(['nameless', 'garbled', 'unpackaged'].map((key) => packageOf(key, undefined))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('the manifest is read once: a package replaced on disk keeps the version first read', () => {
    const manifest = loadPackage('cached', '{ "name": "@aws-sdk/client-cached", "version": "1.0.0" }');
    expect(packageOf('cached', undefined)?.version).toBe('1.0.0');

    writeFileSync(manifest, '{ "name": "@aws-sdk/client-cached", "version": "2.0.0" }');

    expect(packageOf('cached', undefined)?.version).toBe('1.0.0');
  });
});
