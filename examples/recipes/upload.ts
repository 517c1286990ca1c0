import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

export const PART_SIZE = 5 * 1024 * 1024;

/** Uploads an export file: one PutObject when it is small, a multipart upload (4 parts at a time) when not. */
export async function uploadExport(key: string, body: string | Uint8Array): Promise<string | undefined> {
  const upload = new Upload({
    client: new S3Client({}),
    partSize: PART_SIZE,
    queueSize: 4,
    params: { Bucket: 'exports', Key: key, Body: body },
  });
  const output = await upload.done();
  return output.ETag;
}
