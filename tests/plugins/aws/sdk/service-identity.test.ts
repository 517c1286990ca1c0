// A loaded package's other names (service-identity.ts) and the services a name is another name of
// (service-aliases.ts). Runs on both SDK lines: only clients the 3.600 workspace has too.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import {
  loadedClientPackages,
  type NamedClientPackage,
} from '../../../../src/plugins/aws/sdk/client-packages';
import { servicesAlsoNamed } from '../../../../src/plugins/aws/sdk/service-aliases';
import { endpointPrefixOf, serviceIdentity } from '../../../../src/plugins/aws/sdk/service-identity';

// The packages are loaded by these imports, as the code under test loads them in a real project.
void [CloudWatchLogsClient, S3Client, STSClient, DynamoDBDocumentClient];

afterEach(() => {
  jest.restoreAllMocks();
});

function loaded(packageName: string): NamedClientPackage {
  const found = loadedClientPackages().find((candidate) => candidate.packageName === packageName);
  if (found === undefined) throw new Error(`${packageName} is not loaded`);
  return found;
}

/** The same package under a new exports object: identities are kept per exports, so this one is derived afresh. */
function afresh(found: NamedClientPackage): NamedClientPackage {
  return { ...found, exports: { ...found.exports } };
}

describe('serviceIdentity', () => {
  test("a service's own name is never listed among its other names (S3's endpoint prefix and signing name are s3)", () => {
    const identity = serviceIdentity(loaded('client-s3'))!;
    expect(identity.serviceKey).toBe('s3');
    expect(identity.aliases.has('s3')).toBe(false);
    expect(Object.fromEntries(identity.aliases)).toEqual({
      amazons3: ['model name', 'branded name'],
      clients3: ['package name'],
      '@awssdk/clients3': ['package name'],
      awss3: ['branded name'],
    });
  });

  test('the document client has package names only: no client is built for it and no brand is put before it', () => {
    const identity = serviceIdentity(loaded('lib-dynamodb'))!;
    expect(identity).toMatchObject({ document: true, serviceId: undefined, modelName: undefined });
    expect(Object.fromEntries(identity.aliases)).toEqual({
      libdynamodb: ['package name'],
      '@awssdk/libdynamodb': ['package name'],
    });
  });

  test('the client built to read the facts is destroyed again', () => {
    const destroy = jest.spyOn(STSClient.prototype, 'destroy');
    const identity = serviceIdentity(afresh(loaded('client-sts')));
    expect(identity).toMatchObject({ serviceKey: 'sts', serviceId: 'STS' });
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  test('an endpoint provider that gives no endpoint has no endpoint prefix', () => {
    expect(endpointPrefixOf(() => undefined)).toBeUndefined();
    expect(endpointPrefixOf(() => ({ url: undefined }))).toBeUndefined();
  });
});

describe('servicesAlsoNamed', () => {
  test('another name of a service that has the operation: the service, what the name is to it, its operation', () => {
    const [match, ...others] = servicesAlsoNamed('logs', 'DescribeLogGroups');
    expect(others).toEqual([]);
    expect(match).toMatchObject({
      identity: { serviceKey: 'cloudwatchlogs', packageName: '@aws-sdk/client-cloudwatch-logs' },
      kinds: ['endpoint prefix', 'signing name', 'model name'],
      operation: 'DescribeLogGroups',
    });
  });

  test('the operation may be written with Command, and the document client answers by its own names', () => {
    expect(servicesAlsoNamed('logs', 'DescribeLogGroupsCommand').map((match) => match.operation)).toEqual([
      'DescribeLogGroups',
    ]);
    expect(servicesAlsoNamed('libdynamodb', 'PutItem').map((match) => match.operation)).toEqual(['Put']);
  });

  test('nothing when the service with that other name has no such operation', () => {
    expect(servicesAlsoNamed('logs', 'GetObject')).toEqual([]);
  });

  test('nothing when a service has the operation but not that other name', () => {
    expect(servicesAlsoNamed('logs', 'GetCallerIdentity')).toEqual([]);
    expect(servicesAlsoNamed('nosuchname', 'DescribeLogGroups')).toEqual([]);
  });
});
