// Run with Node's own test runner: node --test --import ts-tripwire/node-test
// Each test gets a fresh verifier behind `tripwire`; after it, verifyAll() fails the test on anything left over.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tripwire } from 'ts-tripwire';
import { latestReport } from './latest-report.mjs';

describe('latestReport', () => {
  it('reads the newest report under the prefix', async () => {
    tripwire.aws.mockCall('s3', 'ListObjectsV2', {
      returns: {
        Contents: [
          { Key: 'daily/2026-01-01.csv', LastModified: new Date('2026-01-01') },
          { Key: 'daily/2026-01-02.csv', LastModified: new Date('2026-01-02') },
        ],
      },
    });
    tripwire.aws.mockCall('s3', 'GetObject', { returns: { Body: 'id,amount\n1,10\n' } });

    const report = await tripwire.run(() => latestReport('reports', 'daily/'));

    assert.deepEqual(report, { key: 'daily/2026-01-02.csv', text: 'id,amount\n1,10\n' });
    tripwire.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'reports', Prefix: 'daily/' },
    });
    tripwire.aws.assertAwsCall({
      service: 's3',
      operation: 'GetObject',
      params: { Bucket: 'reports', Key: 'daily/2026-01-02.csv' },
    });
  });

  it('reads nothing when there is no report', async () => {
    // No GetObject mock: a stray read would fail the test as an unmocked call.
    tripwire.aws.mockCall('s3', 'ListObjectsV2', { returns: { KeyCount: 0 } });

    assert.equal(await tripwire.run(() => latestReport('reports', 'weekly/')), undefined);

    tripwire.aws.assertAwsCall({
      service: 's3',
      operation: 'ListObjectsV2',
      params: { Bucket: 'reports', Prefix: 'weekly/' },
    });
  });
});
