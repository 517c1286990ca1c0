import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';

export interface AppConfig {
  theme: 'light' | 'dark';
  pageSize: number;
  features: string[];
}

export const DEFAULT_CONFIG: AppConfig = { theme: 'light', pageSize: 20, features: [] };

/**
 * Reads a tenant's JSON config from S3, over the defaults. A tenant that never saved one has no object,
 * which is normal; any other failure (permissions, throttling) is not, and propagates.
 */
export async function loadConfig(bucket: string, tenant: string): Promise<AppConfig> {
  const s3 = new S3Client({});
  try {
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `config/${tenant}.json` }));
    const saved = JSON.parse((await Body?.transformToString()) ?? '{}') as Partial<AppConfig>;
    return { ...DEFAULT_CONFIG, ...saved };
  } catch (error) {
    if (error instanceof NoSuchKey) return { ...DEFAULT_CONFIG };
    throw error;
  }
}
