// Production code: finds the newest report under a prefix and reads it. It creates its own S3 client, as
// application code does; the test never hands it one.
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

export async function latestReport(bucket, prefix) {
  const s3 = new S3Client({});
  const listing = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  const newest = (listing.Contents ?? []).toSorted((a, b) => b.LastModified - a.LastModified)[0];
  if (newest === undefined) return undefined;
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: newest.Key }));
  return { key: newest.Key, text: await object.Body.transformToString() };
}
