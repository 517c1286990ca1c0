import { S3Client } from '@aws-sdk/client-s3';
import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { enablePluginInEachTest } from 'ts-tripwire/plugin';
import { KeyValueClient } from '../plugins/stand-in/key-value-client';
import { type KeyValuePlugin, kvPluginKind } from '../plugins/stand-in/kv-plugin';
import { cachedReport } from '../plugins/stand-in/report-cache';

declare module 'ts-tripwire' {
  interface Tripwire {
    readonly kv: KeyValuePlugin;
  }
}

// As a setup file listed after 'ts-tripwire/jest' would: every test's verifier enables the kv plugin.
enablePluginInEachTest(kvPluginKind);

// #region each-test
test('a plugin enabled in each test is tripwire.kv, on the timeline with the AWS plugin', async () => {
  tripwire.kv.mockCall('get', { returns: 'cached,csv' });

  const text = await tripwire.run(() => cachedReport(new S3Client({}), new KeyValueClient(), 'daily.csv'));

  expect(text).toBe('cached,csv');
  tripwire.kv.assertCall({ method: 'get', key: 'report:daily.csv' });
});
// #endregion each-test

test('its settings are known to configure(), for the test and at the top of a file', () => {
  tripwire.configure({ kvMaxKeyLength: 8 });
  expect(tripwire.verifier.settings.kvMaxKeyLength).toBe(8);
});
