// No AWS SDK module is imported at the top of this file: the first one is loaded inside the sandbox.
import { expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';

type Sts = typeof import('@aws-sdk/client-sts');

test('under Jest, an SDK first required inside the sandbox is intercepted', async () => {
  expect(Object.keys(require.cache).filter((path) => path.includes('@smithy'))).toEqual([]);
  const verifier = new StrictVerifier();
  verifier.aws.mockCall('sts', 'GetCallerIdentity', { returns: { Account: '123456789012' } });
  const account = await verifier.run(async () => {
    const { GetCallerIdentityCommand, STSClient } = require('@aws-sdk/client-sts') as Sts;
    return (await new STSClient({}).send(new GetCallerIdentityCommand({}))).Account;
  });
  expect(account).toBe('123456789012');
  verifier.aws.assertAwsCall({ service: 'sts', operation: 'GetCallerIdentity', params: {} });
  verifier.verifyAll();
});
