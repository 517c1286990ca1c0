import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, test } from '@jest/globals';
import { expectRefused, expectServed, without } from './required-members-support';

const s3 = new S3Client({});
const getObject = { service: 's3', operation: 'GetObject', params: { Bucket: 'reports', Key: 'daily.csv' } };
const putObject = {
  service: 's3',
  operation: 'PutObject',
  params: { Bucket: 'reports', Key: 'daily.csv', Body: 'a,b\n1,2\n', ContentType: 'text/csv' },
};
const copyObject = {
  service: 's3',
  operation: 'CopyObject',
  params: { Bucket: 'archive', Key: 'daily.csv', CopySource: 'reports/daily.csv' },
};
const deleteObjects = {
  service: 's3',
  operation: 'DeleteObjects',
  params: { Bucket: 'reports', Delete: { Objects: [{ Key: 'a.csv' }, { Key: 'b.csv', VersionId: 'v2' }] } },
};

describe('S3: members the service model requires', () => {
  test('real-looking GetObject, PutObject, CopyObject and DeleteObjects calls are served', async () => {
    await expectServed(s3, GetObjectCommand, { ...getObject, returns: { Body: 'a,b', ContentLength: 3 } });
    await expectServed(s3, PutObjectCommand, { ...putObject, returns: { ETag: '"e1"' } });
    await expectServed(s3, CopyObjectCommand, copyObject);
    await expectServed(s3, DeleteObjectsCommand, {
      ...deleteObjects,
      returns: { Deleted: [{ Key: 'a.csv' }] },
    });
  });

  test('GetObject and PutObject without Bucket or Key are refused', async () => {
    await expectRefused(s3, GetObjectCommand, without(getObject, 'params', 'Bucket'), [
      "Bucket is missing, and the operation requires it: add Bucket: '...' to the params.",
    ]);
    await expectRefused(s3, GetObjectCommand, without(getObject, 'params', 'Key'), [
      "Key is missing, and the operation requires it: add Key: '...' to the params.",
    ]);
    await expectRefused(s3, PutObjectCommand, without(putObject, 'params', 'Bucket'), [
      "Bucket is missing, and the operation requires it: add Bucket: '...' to the params.",
    ]);
    await expectRefused(s3, PutObjectCommand, without(putObject, 'params', 'Key'), [
      "Key is missing, and the operation requires it: add Key: '...' to the params.",
    ]);
  });

  test('a member set to undefined counts as absent (a bucket name read from an unset variable)', async () => {
    const fromUnsetVariable = {
      ...getObject,
      params: { Bucket: process.env.TRIPWIRE_UNSET_BUCKET, Key: 'k' },
    };
    await expectRefused(s3, GetObjectCommand, fromUnsetVariable, [
      "Bucket is missing, and the operation requires it: add Bucket: '...' to the params.",
    ]);
  });

  test('CopyObject without CopySource is refused', async () => {
    await expectRefused(s3, CopyObjectCommand, without(copyObject, 'params', 'CopySource'), [
      "CopySource is missing, and the operation requires it: add CopySource: '...' to the params.",
    ]);
  });

  test('DeleteObjects: Delete, its Objects and each object’s Key are required, with the path to each', async () => {
    await expectRefused(s3, DeleteObjectsCommand, without(deleteObjects, 'params', 'Delete'), [
      'Delete is missing, and the operation requires it: add Delete: { /* Delete */ } to the params.',
    ]);
    await expectRefused(s3, DeleteObjectsCommand, without(deleteObjects, 'params', 'Delete', 'Objects'), [
      'Delete.Objects is missing, and Delete requires it: add Objects: [/* ObjectIdentifierList */] to Delete.',
    ]);
    await expectRefused(
      s3,
      DeleteObjectsCommand,
      without(deleteObjects, 'params', 'Delete', 'Objects', 1, 'Key'),
      [
        "Delete.Objects[1].Key is missing, and ObjectIdentifier requires it: add Key: '...' to Delete.Objects[1].",
      ],
    );
  });
});
