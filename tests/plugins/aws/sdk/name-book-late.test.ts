// Runs on both SDK lines. The CloudWatch Logs package is loaded only inside the test, after the registration:
// this file must not import it at its top.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { loadedClientPackages } from '../../../../src/plugins/aws/sdk/client-packages';
import { thrownBy } from '../../../support/rejection';

describe('another name registered before its package was loaded, and that service never called', () => {
  test('the unused-mock report suggests no service that was not called', async () => {
    const verifier = new StrictVerifier();
    expect(loadedClientPackages().map((found) => found.packageName)).not.toContain('client-cloudwatch-logs');
    verifier.aws.mockCall('logs', 'DescribeLogGroups');
    verifier.aws.mockCall('s3', 'GetObject');
    // Loaded, so `logs` is known as its endpoint prefix; but no CloudWatch Logs call is made.
    const { CloudWatchLogsClient } =
      require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs');
    void CloudWatchLogsClient;
    await verifier.run(() => new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
    verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k' } });
    const report = thrownBy(() => verifier.verifyAll()).message;
    expect(report).toMatch(
      /\n {2}logs\.DescribeLogGroups, registered at .*name-book-late\.test\.ts:\d+:\d+\)?\n/,
    );
    expect(report).not.toContain('call was made');
  });
});
