import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { KeyValueClient } from './key-value-client';

/** Code under test that talks to both plugins' clients: a report read through a key-value cache. */
export async function cachedReport(s3: S3Client, cache: KeyValueClient, key: string): Promise<string> {
  const cached = await cache.get(`report:${key}`);
  if (cached !== undefined) return cached;
  const object = await s3.send(new GetObjectCommand({ Bucket: 'reports', Key: key }));
  const text = (await object.Body?.transformToString()) ?? '';
  await cache.set(`report:${key}`, text);
  return text;
}
