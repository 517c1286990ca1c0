import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** Counts the data rows (every line after the header) of the CSV reports at `keys`. */
export async function countRows(bucket, keys) {
  const s3 = new S3Client({});
  let rows = 0;
  for (const key of keys) {
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const lines = (await Body.transformToString()).trim().split('\n');
    rows += lines.length - 1;
  }
  return rows;
}
