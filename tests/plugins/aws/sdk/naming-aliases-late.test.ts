// Runs on both SDK lines. The client package is loaded only inside the test, after the registration: this
// file must import no @aws-sdk package at its top.
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { loadedClientPackages } from '../../../../src/plugins/aws/sdk/client-packages';
import { thrownBy } from '../../../support/rejection';

describe('another name registered before its package was loaded', () => {
  test('registers as before, and the unused-mock report names the service that was called', async () => {
    const verifier = new StrictVerifier();
    expect(loadedClientPackages().map((found) => found.packageName)).not.toContain('client-cloudwatch-logs');
    verifier.aws.mockCall('logs', 'DescribeLogGroups');
    const { CloudWatchLogsClient, DescribeLogGroupsCommand } =
      require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs');
    const refused = await verifier.run(() =>
      new CloudWatchLogsClient({}).send(new DescribeLogGroupsCommand({})).catch((error: unknown) => error),
    );
    expect((refused as Error).message).toContain(
      "verifier.aws.mockCall('cloudwatch-logs', 'DescribeLogGroups', { returns: { /* DescribeLogGroupsCommandOutput */ } });",
    );
    const report = thrownBy(() => verifier.verifyAll()).message;
    expect(report).toMatch(
      /logs\.DescribeLogGroups, registered at .*naming-aliases-late\.test\.ts:\d+:\d+\)?\. No logs call was made, but cloudwatch-logs calls were: did you mean 'cloudwatch-logs'\?/,
    );
  });
});
