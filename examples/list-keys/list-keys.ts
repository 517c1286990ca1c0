import { paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';

/** Every object key under `prefix`, across as many ListObjectsV2 pages as S3 returns. */
export async function listKeys(bucket: string, prefix: string): Promise<string[]> {
  const client = new S3Client({});
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined) keys.push(object.Key);
    }
  }
  return keys;
}
