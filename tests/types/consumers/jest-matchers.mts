// Jest's matchers where ts-tripwire takes any matcher: in params, as params, and as `raised`.

import { GetObjectCommand } from '@aws-sdk/client-s3';
import { expect } from '@jest/globals';
import { tripwire } from 'ts-tripwire';

tripwire.aws.assertAwsCall(GetObjectCommand, {
  params: { Bucket: expect.stringMatching(/^b/), Key: expect.any(String) },
  raised: expect.objectContaining({ name: 'NoSuchKey' }),
});
tripwire.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: expect.anything() });
