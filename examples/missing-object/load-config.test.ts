import { GetObjectCommand, NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { DEFAULT_CONFIG, loadConfig } from './load-config';

describe('loadConfig', () => {
  test('merges the saved config over the defaults', async () => {
    // A streaming member given as a string: the code reads a real SDK stream with transformToString().
    tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: '{"theme":"dark","pageSize":50}' } });

    const config = await tripwire.run(() => loadConfig('app-settings', 'acme'));

    expect(config).toEqual({ theme: 'dark', pageSize: 50, features: [] });
    tripwire.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'app-settings', Key: 'config/acme.json' },
    });
  });

  test('returns the defaults when the tenant has no config object', async () => {
    // The code becomes an instance of the client's own NoSuchKey class, so `instanceof` in the code works.
    tripwire.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });

    const config = await tripwire.run(() => loadConfig('app-settings', 'newco'));

    expect(config).toEqual(DEFAULT_CONFIG);
    tripwire.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'app-settings', Key: 'config/newco.json' },
      raised: NoSuchKey,
    });
  });

  test('lets any other S3 error through', async () => {
    // The typed form: `returns`, `params` and `raises` are checked against GetObject's own types.
    tripwire.aws.mockCall(GetObjectCommand, { raises: { code: 'AccessDenied', message: 'Access Denied' } });

    const loading = tripwire.run(() => loadConfig('app-settings', 'acme'));

    await expect(loading).rejects.toBeInstanceOf(S3ServiceException);
    await expect(loading).rejects.toThrow('Access Denied');
    tripwire.aws.assertAwsCall(GetObjectCommand, {
      params: { Bucket: 'app-settings', Key: 'config/acme.json' },
      raised: 'AccessDenied',
    });
  });
});
