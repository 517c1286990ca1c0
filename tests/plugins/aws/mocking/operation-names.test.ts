/**
 * Operation names that end in "Command" of their own. SSM is installed at the root only, so the sdk-3.600
 * project leaves this file out (jest.config.js).
 */
import { SendCommandCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';

describe('operation names', () => {
  test("an operation whose own name ends in Command (SSM's SendCommand) keeps it; with the class suffix it names the same", async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('ssm', 'SendCommand', { returns: { Command: { CommandId: 'c-1' } } });
    verifier.aws.mockCall('ssm', 'SendCommandCommand', { returns: { Command: { CommandId: 'c-2' } } });
    const ssm = new SSMClient({});
    const ids = await verifier.run(async () => {
      const first = await ssm.send(new SendCommandCommand({ DocumentName: 'd', InstanceIds: ['i-1'] }));
      const second = await ssm.send(new SendCommandCommand({ DocumentName: 'd', InstanceIds: ['i-2'] }));
      return [first.Command?.CommandId, second.Command?.CommandId];
    });
    expect(ids).toEqual(['c-1', 'c-2']);
    for (const instance of ['i-1', 'i-2']) {
      verifier.aws.assertAwsCall({
        service: 'ssm',
        operation: 'SendCommand',
        params: { DocumentName: 'd', InstanceIds: [instance] },
      });
    }
    verifier.verifyAll();
  });
});
