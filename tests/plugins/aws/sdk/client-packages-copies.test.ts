/**
 * clientPackage with two copies of the S3 package loaded: the root's and the 3.600 workspace's, loaded by path.
 * Latest line only: under sdk-3.600 the workspace's copy is the one the imports give, so there is one copy,
 * and the root's copy cannot be loaded there (its @smithy/core/client is mapped to the workspace's).
 */
import { join } from 'node:path';
import * as rootS3 from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { Client } from '@smithy/core/client';
import { clientPackage, loadedClientPackages } from '../../../../src/plugins/aws/sdk/client-packages';

const NESTED_S3 = join(__dirname, '../../../compat/sdk-3.600/node_modules/@aws-sdk/client-s3');
const nestedS3 = require(NESTED_S3) as typeof rootS3;

function exporting(clientClass: unknown) {
  const found = loadedClientPackages().filter((candidate) =>
    Object.values(candidate.exports).includes(clientClass),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('clientPackage with two copies of one package', () => {
  test('given the client class, the copy that exports it, never the other', () => {
    expect(nestedS3.S3Client).not.toBe(rootS3.S3Client);
    expect(loadedClientPackages().filter((found) => found.packageName === 'client-s3')).toHaveLength(2);
    expect(clientPackage('s3', rootS3.S3Client)).toBe(exporting(rootS3.S3Client));
    expect(clientPackage('s3', nestedS3.S3Client)).toBe(exporting(nestedS3.S3Client));
  });

  test('given a class neither exports (the base Client): neither copy is guessed', () => {
    expect(clientPackage('s3', Client)).toBeUndefined();
  });
});
