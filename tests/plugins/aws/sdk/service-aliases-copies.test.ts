/**
 * servicesAlsoNamed with two copies of one client package loaded, and with SSM's operations that hold the
 * word Command. Latest line only: the 3.600 workspace has no SSM, and under sdk-3.600 both STS copies would be
 * the same one.
 */
import { join } from 'node:path';
import { SSMClient } from '@aws-sdk/client-ssm';
import * as rootSts from '@aws-sdk/client-sts';
import { describe, expect, test } from '@jest/globals';
import { loadedClientPackages } from '../../../../src/plugins/aws/sdk/client-packages';
import { servicesAlsoNamed } from '../../../../src/plugins/aws/sdk/service-aliases';

void SSMClient;

const NESTED_STS = join(__dirname, '../../../compat/sdk-3.600/node_modules/@aws-sdk/client-sts');

describe('servicesAlsoNamed', () => {
  test('two copies of one package (a nested install) are one service', () => {
    const nested = require(NESTED_STS) as typeof rootSts;
    expect(nested.STSClient).not.toBe(rootSts.STSClient);
    expect(loadedClientPackages().filter((found) => found.packageName === 'client-sts')).toHaveLength(2);

    const matches = servicesAlsoNamed('securitytokenservice', 'GetCallerIdentity');
    expect(matches.map((match) => [match.identity.serviceKey, match.kinds, match.operation])).toEqual([
      ['sts', ['model name'], 'GetCallerIdentity'],
    ]);
  });

  test("only a trailing Command is taken off the operation (SSM's ListCommandInvocations keeps its own)", () => {
    const matches = servicesAlsoNamed('amazonssm', 'ListCommandInvocationsCommand');
    expect(matches.map((match) => [match.identity.serviceKey, match.operation])).toEqual([
      ['ssm', 'ListCommandInvocations'],
    ]);
  });
});
