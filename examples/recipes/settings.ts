import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';

export interface Settings {
  theme: string;
  pageSize: number;
}

export const DEFAULTS: Settings = { theme: 'light', pageSize: 20 };

/** A tenant's settings from S3, over the defaults; the defaults alone when the tenant has none. */
export async function loadSettings(tenant: string): Promise<Settings> {
  const s3 = new S3Client({});
  try {
    const output = await s3.send(new GetObjectCommand({ Bucket: 'settings', Key: `${tenant}.json` }));
    return { ...DEFAULTS, ...JSON.parse(await output.Body!.transformToString()) };
  } catch (error) {
    if (error instanceof NoSuchKey) return DEFAULTS;
    throw error;
  }
}
