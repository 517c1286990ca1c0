import { describe, expect, jest, test } from '@jest/globals';
import { EscapedRequestError, StrictVerifier } from 'ts-tripwire';
import { rejectionOf } from '../../../support/rejection';

type Sts = typeof import('@aws-sdk/client-sts');

const loadSts = () => require('@aws-sdk/client-sts') as Sts;

async function callerAccount(sts: Sts): Promise<string | undefined> {
  return (await new sts.STSClient({ maxAttempts: 1 }).send(new sts.GetCallerIdentityCommand({}))).Account;
}

describe('clients from a fresh Jest module registry', () => {
  test('after jest.resetModules, a freshly required client is intercepted', async () => {
    const before = loadSts();
    jest.resetModules();
    const fresh = loadSts();
    expect(fresh.STSClient).not.toBe(before.STSClient);
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sts', 'GetCallerIdentity', { returns: { Account: 'fresh' } });
    expect(await verifier.run(() => callerAccount(fresh))).toBe('fresh');
    verifier.aws.assertAwsCall({ service: 'sts', operation: 'GetCallerIdentity', params: {} });
    verifier.verifyAll();
  });

  test('a reset during a test keeps clients from both registries intercepted (the setup’s guard is on)', async () => {
    const verifier = new StrictVerifier();
    const stopGuard = verifier.startGuard();
    try {
      const before = loadSts();
      jest.resetModules();
      const fresh = loadSts();
      verifier.aws.mockCall('sts', 'GetCallerIdentity', { returns: { Account: 'mocked' }, times: 2 });
      const accounts = await verifier.run(async () => [
        await callerAccount(before),
        await callerAccount(fresh),
      ]);
      expect(accounts).toEqual(['mocked', 'mocked']);
    } finally {
      stopGuard();
    }
    verifier.aws.assertAwsCall({ service: 'sts', operation: 'GetCallerIdentity', params: {} });
    verifier.aws.assertAwsCall({ service: 'sts', operation: 'GetCallerIdentity', params: {} });
    verifier.verifyAll();
  });

  test('inside jest.isolateModulesAsync, a sandbox opened there intercepts the isolated client', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('sts', 'GetCallerIdentity', { returns: { Account: 'isolated' } });
    let account: string | undefined;
    await jest.isolateModulesAsync(async () => {
      const isolated = loadSts();
      account = await verifier.run(() => callerAccount(isolated));
    });
    expect(account).toBe('isolated');
    verifier.aws.assertAwsCall({ service: 'sts', operation: 'GetCallerIdentity', params: {} });
    verifier.verifyAll();
  });

  test('an isolated client used after the isolation ended is blocked by the network safety net', async () => {
    let isolated: Sts | undefined;
    jest.isolateModules(() => {
      isolated = loadSts();
    });
    const verifier = new StrictVerifier();
    const error = await verifier.run(() => rejectionOf(callerAccount(isolated!)));
    expect(error).toBeInstanceOf(EscapedRequestError);
    expect(error.message).toMatch(
      /^AWS SDK request escaped interception and was blocked: POST 127\.0\.0\.1\/ \(/,
    );
    expect(error.message).toContain('jest.isolateModules');
    expect(() => verifier.verifyAll()).toThrow('[escaped]');
  });
});
