import { NoSuchKey } from '@aws-sdk/client-s3';
import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { DEFAULTS, loadSettings } from './settings';

test('reads the tenant settings', async () => {
  tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: '{"theme":"dark"}' } });

  const settings = await tripwire.run(() => loadSettings('acme'));

  expect(settings).toEqual({ theme: 'dark', pageSize: 20 });
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: { Bucket: 'settings', Key: 'acme.json' },
  });
});

test('falls back to the defaults when the tenant has no settings', async () => {
  tripwire.aws.mockCall('s3', 'GetObject', { raises: 'NoSuchKey' });

  const settings = await tripwire.run(() => loadSettings('newco'));

  expect(settings).toEqual(DEFAULTS);
  tripwire.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: { Bucket: 'settings', Key: 'newco.json' },
    raised: NoSuchKey,
  });
});
