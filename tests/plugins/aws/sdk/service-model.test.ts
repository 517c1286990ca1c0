/**
 * Where the service model is read from, and which params an SDK helper may pass beyond an operation's own.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, test } from '@jest/globals';
import { DOCUMENT_SERVICE_KEY } from '../../../../src/plugins/aws/sdk/naming';
import { modelSource } from '../../../../src/plugins/aws/sdk/service-model';
import { toleratedParams } from '../../../../src/plugins/aws/sdk/tolerated-params';
import { expectRefused, expectServed } from './required-members-support';

const s3 = new S3Client({});
// Loads lib-dynamodb beside client-dynamodb: the document client's model must still come from the latter.
DynamoDBDocumentClient.from(new DynamoDBClient({}));

describe('modelSource', () => {
  test("a loaded client's own package file, and client-dynamodb's for the document client", () => {
    expect(modelSource('s3', '/elsewhere/index.js')).toBe(require.resolve('@aws-sdk/client-s3'));
    expect(modelSource('dynamodb', undefined)).toBe(require.resolve('@aws-sdk/client-dynamodb'));
    expect(modelSource(DOCUMENT_SERVICE_KEY, undefined)).toBe(require.resolve('@aws-sdk/client-dynamodb'));
  });

  test('the fallback for a service with no loaded package, else the working directory', () => {
    expect(modelSource('kinesis', '/elsewhere/index.js')).toBe('/elsewhere/index.js');
    expect(modelSource('kinesis', undefined)).toBe(process.cwd());
    expect(modelSource('', '/elsewhere/index.js')).toBe('/elsewhere/index.js');
  });
});

describe("lib-storage's PutObject params", () => {
  test('are tolerated on the multipart calls, and only there', async () => {
    const uploadPart = {
      service: 's3',
      operation: 'UploadPart',
      params: {
        Bucket: 'photos',
        Key: 'cat.jpg',
        UploadId: 'u-1',
        PartNumber: 1,
        Body: 'part',
        ContentType: 'image/jpeg',
      },
      returns: { ETag: '"e1"' },
    };
    await expectServed(s3, UploadPartCommand, uploadPart);
    await expectRefused(
      s3,
      GetObjectCommand,
      {
        service: 's3',
        operation: 'GetObject',
        params: { Bucket: 'photos', Key: 'cat.jpg', ContentType: 'image/jpeg' },
      },
      ['ContentType is not a member of this input.'],
    );
  });

  test("are PutObject's members for S3's multipart operations, and nothing for another service's of that name", () => {
    const name = (service: string, operation: string) => ({
      key: `${service}:${operation}`,
      serviceKey: service,
      service,
      operation,
    });
    expect(toleratedParams(name('s3', 'AbortMultipartUpload'))?.has('ContentType')).toBe(true);
    expect(toleratedParams(name('glacier', 'AbortMultipartUpload'))).toBeUndefined();
    expect(toleratedParams(name('s3', 'GetObject'))).toBeUndefined();
  });
});
