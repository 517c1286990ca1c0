/**
 * Code under test that catches and swallows every error (lib-storage's own retries and cleanup, "best
 * effort" wrappers, Promise.allSettled) must not hide an unmocked call: it is remembered as a violation and
 * fails verifyAll() even though the code under test carried on.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Upload } from '@aws-sdk/lib-storage';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier, VerificationError } from 'ts-tripwire';
import { addedChecksumAlgorithm, MiB, patternedBytes } from './helpers';

function verificationErrorOf(verifier: StrictVerifier): VerificationError {
  try {
    verifier.verifyAll();
  } catch (error) {
    if (error instanceof VerificationError) return error;
    throw error;
  }
  throw new Error('verifyAll() passed, but an unmocked call was swallowed by the code under test');
}

/** Production code that never lets an upload failure escape. */
async function uploadQuietly(client: S3Client, body: Buffer): Promise<'uploaded' | 'failed'> {
  try {
    await new Upload({
      client,
      queueSize: 1,
      partSize: 5 * MiB,
      params: { Bucket: 'bucket', Key: 'archive.bin', Body: body },
    }).done();
    return 'uploaded';
  } catch {
    return 'failed';
  }
}

describe('unmocked calls inside code that swallows errors still fail verifyAll', () => {
  test('an unmocked UploadPart inside Upload, whose caller catches everything', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'CreateMultipartUpload', { returns: { UploadId: 'upload-7' } });
    verifier.aws.mockCall('s3', 'AbortMultipartUpload');
    const s3 = new S3Client({});

    const outcome = await verifier.run(() => uploadQuietly(s3, patternedBytes(6 * MiB)));

    expect(outcome).toBe('failed');
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'CreateMultipartUpload',
      params: { Bucket: 'bucket', Key: 'archive.bin', ...(await addedChecksumAlgorithm(s3)) },
    });
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'AbortMultipartUpload',
      params: { Bucket: 'bucket', Key: 'archive.bin', UploadId: 'upload-7' },
    });
    // Every recorded call is asserted and every mock used: the swallowed unmocked call alone fails.
    const error = verificationErrorOf(verifier);
    expect(error.unasserted).toEqual([]);
    expect(error.unused).toEqual([]);
    expect(error.violations).toEqual([
      expect.objectContaining({
        kind: 'unmocked',
        service: 's3',
        operation: 'UploadPart',
        params: {
          Bucket: 'bucket',
          Key: 'archive.bin',
          UploadId: 'upload-7',
          PartNumber: 1,
          Body: expect.stringMatching(/^<(Buffer|Uint8Array) 5242880 bytes>$/),
        },
      }),
    ]);
    expect(error.message).toContain('Unmocked AWS call: s3.UploadPart(');
    expect(error.message).toContain("mockCall('s3', 'UploadPart'");
    // verifyAll only checks: a second call reports the same.
    expect(verificationErrorOf(verifier).violations).toHaveLength(1);
  });

  test('a best-effort notification that swallows its error, and Promise.allSettled over several sends', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sqs', 'SendMessage', { returns: { MessageId: 'm-1' } });
    const sqs = new SQSClient({});
    const notify = async (body: string) => {
      try {
        await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: body }));
      } catch {
        // best effort
      }
    };

    const settled = await verifier.run(async () => {
      await notify('one');
      await notify('two');
      return Promise.allSettled([sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'three' }))]);
    });

    expect(settled[0]?.status).toBe('rejected');
    verifier.aws.assertAwsCall({
      service: 'sqs',
      operation: 'SendMessage',
      params: { QueueUrl: 'q', MessageBody: 'one' },
    });
    const error = verificationErrorOf(verifier);
    expect(error.violations.map((violation) => violation.params)).toEqual([
      { QueueUrl: 'q', MessageBody: 'two' },
      { QueueUrl: 'q', MessageBody: 'three' },
    ]);
    expect(error.message).toContain(
      "Unmocked AWS call: sqs.SendMessage({ QueueUrl: 'q', MessageBody: 'two' })",
    );
    expect(error.message).toContain(
      "Unmocked AWS call: sqs.SendMessage({ QueueUrl: 'q', MessageBody: 'three' })",
    );
  });
});
