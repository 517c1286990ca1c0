/**
 * `getSignedUrl` (@aws-sdk/s3-request-presigner) runs the command's middleware itself and never calls
 * `send`: inside a sandbox it must keep working exactly as outside, be recorded nowhere and consume no mock.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';

const signingDate = new Date('2026-01-02T03:04:05Z');

function presignGet(s3: S3Client): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: 'photos', Key: 'cats/tabby.jpg' }), {
    expiresIn: 900,
    signingDate,
  });
}

describe('getSignedUrl inside a sandbox', () => {
  test('returns the same signed URL as outside, is not recorded, and verifyAll passes with no assertion', async () => {
    const s3 = new S3Client({});
    const outside = await presignGet(s3);
    const verifier = new StrictVerifier();

    const inside = await verifier.run(() => presignGet(s3));

    expect(inside).toBe(outside);
    const url = new URL(inside);
    // The test environment's endpoint is an IP address, so the bucket goes in the path.
    expect(url.pathname).toBe('/photos/cats/tabby.jpg');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20260102T030405Z');
    expect(url.searchParams.get('X-Amz-Credential')).toContain('/20260102/us-east-1/s3/aws4_request');
    verifier.verifyAll();
  });

  test('consumes no mock: a GetObject mock queued first is still served to the real send after presigning', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject', { returns: { ContentType: 'image/jpeg' } });
    const s3 = new S3Client({});

    const [url, putUrl, output] = await verifier.run(async () => [
      await presignGet(s3),
      await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'photos', Key: 'upload.jpg' }), {
        expiresIn: 60,
      }),
      await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'cats/tabby.jpg' })),
    ]);

    expect(url).toContain('X-Amz-Signature=');
    expect(putUrl).toContain('X-Amz-Signature=');
    expect(putUrl).toContain('upload.jpg');
    expect((output as { ContentType?: string }).ContentType).toBe('image/jpeg');
    // Only the real send is in the timeline.
    verifier.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'photos', Key: 'cats/tabby.jpg' },
    });
    verifier.verifyAll();
  });
});
